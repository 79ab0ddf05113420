// The whistleblower's timeline in words: the new status and the closing outcome are named,
// never shown as a bare "Update", and the case's outcome is read from its latest closing.
import { describe, expect, it } from 'vitest';
import { caseOutcome, timelineText } from '../../frontend/src/lib/timeline.ts';

describe('the whistleblower timeline', () => {
  it('names the outcome of a closing and the status of a change', () => {
    expect(timelineText('ReportClosed:substantiated')).toBe(
      'Case closed: The report was found to be true',
    );
    expect(timelineText('ReportStatusChanged:investigating')).toBe(
      'Status changed: Under investigation',
    );
    expect(timelineText('ReportAcknowledged')).toBe('Report acknowledged');
  });

  it('falls back to plain words for what it does not know', () => {
    expect(timelineText('ReportClosed:some_new_outcome')).toBe('Case closed: Update');
    expect(timelineText('SomethingNew')).toBe('Update');
    expect(timelineText('SomethingNew:detail')).toBe('Update');
  });

  it('reads the outcome from the latest closing entry', () => {
    expect(caseOutcome([{ type: 'ReportSubmitted' }])).toBeUndefined();
    expect(
      caseOutcome([
        { type: 'ReportClosed:unsubstantiated' },
        { type: 'ReportReopened' },
        { type: 'ReportClosed:substantiated' },
      ]),
    ).toBe('The report was found to be true');
  });
});
