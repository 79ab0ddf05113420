// The desk's queue badges (issue 13, finding 9): a count the server stopped at its cap reads
// "1000+", an exact count reads as it is, however large.
import { describe, expect, it } from 'vitest';
import { queueBadges } from '../../frontend/src/lib/services/desk/queues.ts';

describe('queue badges', () => {
  it('show exact counts as they are and capped ones with a plus', () => {
    expect(
      queueBadges({
        queues: { inbox: 3000, feedback_overdue: 1000, feedback_due_soon: 1000, mine: 0 },
        capped: ['feedback_overdue'],
      }),
    ).toEqual([
      { id: 'inbox', count: '3000' },
      { id: 'feedback_overdue', count: '1000+' },
      { id: 'feedback_due_soon', count: '1000' },
      { id: 'mine', count: '0' },
    ]);
  });
});
