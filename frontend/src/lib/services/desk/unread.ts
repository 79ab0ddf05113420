// Read state of the case list: how many of a case's whistleblower writes (the submission and
// each message) this investigator has seen, per case, kept in this browser's storage under
// their id. It lives here and not on the server on purpose: marking a case read happens on every
// open, and recording that as events would make the append-only log grow with reading and keep
// a finer record of staff reading habits than the hourly CaseOpened audit does. The cost: a
// second browser starts with everything unread. It holds report ids and counts only.
const key = (investigatorId: string) => `integrity-desk:seen:${investigatorId}`;

function load(investigatorId: string): Record<string, number> {
  try {
    const raw = localStorage.getItem(key(investigatorId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Whistleblower writes not seen yet (the whole count for a case never opened). */
export function unreadCount(investigatorId: string, reportId: string, writes: number): number {
  return Math.max(0, writes - (load(investigatorId)[reportId] ?? 0));
}

/** Marks a case's writes as seen (on opening it from the list). */
export function markSeen(investigatorId: string, reportId: string, writes: number): void {
  const seen = load(investigatorId);
  seen[reportId] = Math.max(writes, seen[reportId] ?? 0);
  try {
    localStorage.setItem(key(investigatorId), JSON.stringify(seen));
  } catch {
    // Storage full or refused: the marker stays, nothing else depends on it.
  }
}
