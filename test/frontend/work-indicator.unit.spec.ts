// The desk header's work indicator (issue 14): counts the desk gives as they are, replies only
// while this browser has not seen them (the case list's unread markers), each with the case
// list filter its link opens; and the case list reads that filter back from the address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filtersFrom } from '../../frontend/src/lib/services/desk/case-list.ts';
import { markSeen } from '../../frontend/src/lib/services/desk/unread.ts';
import { workItems } from '../../frontend/src/lib/services/desk/work.ts';

const stored = new Map<string, string>();
beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
  };
});
afterEach(() => {
  stored.clear();
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('work indicator', () => {
  it('counts replies this browser has not seen, and links each count to its filter', () => {
    const work = {
      newReports: 2,
      due: 1,
      overdue: 3,
      replies: [
        { reportId: 'a', whistleblowerWrites: 3 },
        { reportId: 'b', whistleblowerWrites: 2 },
      ],
    };
    expect(workItems(work, 'me')).toEqual([
      { kind: 'newReports', count: 2, query: 'view=inbox' },
      { kind: 'replies', count: 2, query: 'awaiting=investigator' },
      { kind: 'due', count: 1, query: 'reminder=due' },
      { kind: 'overdue', count: 3, query: 'reminder=overdue' },
    ]);
    markSeen('me', 'a', 3);
    markSeen('me', 'b', 1);
    expect(workItems(work, 'me')[1]).toMatchObject({ kind: 'replies', count: 1 });
    // Another investigator's markers are theirs.
    expect(workItems(work, 'someone else')[1]).toMatchObject({ count: 2 });
  });

  it('opens the case list with the filter its link names', () => {
    const f = filtersFrom(new URLSearchParams('reminder=overdue&view=inbox&unknown=1'));
    expect(f).toMatchObject({ reminder: 'overdue', view: 'inbox', awaiting: '', q: '' });
    expect(filtersFrom(new URLSearchParams('awaiting=investigator')).awaiting).toBe('investigator');
  });
});
