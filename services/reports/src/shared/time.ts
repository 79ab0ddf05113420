/** Time helpers for deciders: pure functions of the `now` a command carries. */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Rounded down to the hour on purpose: a precise arrival time helps identify a whistleblower. */
export function toHour(at: Date): string {
  return new Date(at.getTime() - (at.getTime() % HOUR)).toISOString();
}

/** Rounded down to the minute, as the event store's commit times: enough for an audit trail. */
export function toMinute(at: Date): string {
  return new Date(at.getTime() - (at.getTime() % MINUTE)).toISOString();
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString();
}

/** Calendar months, as the Directive counts them ("three months from the acknowledgement"). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}
