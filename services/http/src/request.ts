import type { z } from 'zod';

/** Injected time, so tests can move it; handlers put `now` into command metadata. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Injected randomness. Must be a CSPRNG in production. */
export interface Ids {
  /** A fresh random UUID (lowercase): investigator, channel and event ids. */
  uuid(): string;
  /** `n` random bytes: session tokens, challenge nonces, enrolment codes, secrets. */
  bytes(n: number): Buffer;
}

/** A request (body, query, path parameter) that does not match its schema; answered 400. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  constructor() {
    super('invalid request');
  }
}

/**
 * Parses a body, query or path parameter with its strict schema; any mismatch (wrong type,
 * unknown field) is one fixed problem, never zod's message (it would echo the input).
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidRequestError();
  return result.data;
}
