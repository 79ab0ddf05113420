/** Calendar quarters in UTC, the only time grain statistics are published at ("2026-Q4"). */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOf(iso: string): Quarter {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-Q${(Math.floor(d.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** The instant the quarter ends (the first instant of the next one). */
export function quarterEnd(q: Quarter): Date {
  const [year, n] = q.split('-Q').map(Number) as [number, number];
  return new Date(Date.UTC(year, n * 3, 1));
}

/** Whether the quarter had ended by `now`: only ended quarters are ever published. */
export const hasEnded = (q: Quarter, now: Date) => quarterEnd(q).getTime() <= now.getTime();
