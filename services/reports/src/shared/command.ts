/** Who issued a command: recorded in the resulting event so the log is the audit trail. */
export type Actor =
  | { readonly kind: 'investigator'; readonly investigatorId: string }
  | { readonly kind: 'whistleblower' }
  | { readonly kind: 'system' }
  /**
   * The person running the server, through the recovery tool on its command line
   * (services/server/src/recover): it may only reset a second factor (investigator/decide.ts).
   */
  | { readonly kind: 'operator' };

/**
 * Metadata every command carries. `now` comes from the caller's injected clock (the domain has
 * no clock); `eventId` is chosen by the caller, so a retried command appends nothing twice.
 */
export interface CommandMetadata {
  readonly now: Date;
  readonly eventId: string;
  readonly actor: Actor;
}

/** A domain event before it is stored. */
export interface DomainEvent<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** A command to one aggregate: its type, its data, and who issued it when. */
export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
