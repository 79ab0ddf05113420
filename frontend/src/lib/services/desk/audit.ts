// Who did what, in the audit log's words. The desk's audit read model names the actor of each
// event as an investigator id or one of a few words (services/reports, audit projection): the
// whistleblower, someone not signed in (a failed sign-in), the retention job or other automatic
// work (`system`), or whoever runs the server (`operator`: `npm run desk:recover`).
import { t } from '../../i18n';

const named = ['whistleblower', 'unauthenticated', 'system', 'operator'] as const;

/** The actor as a person reads it: a handle for an account, a fixed phrase for the rest. */
export function auditActor(actor: unknown, handles: ReadonlyMap<string, string>): string {
  if (typeof actor !== 'string') return t('desk.audit.actor.unknown');
  const word = named.find((n) => n === actor);
  if (word) return t(`desk.audit.actor.${word}`);
  return handles.get(actor) ?? t('desk.audit.actor.unknown');
}
