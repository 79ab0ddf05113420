// Which channels may work a case now: the report's own unless handed over, and accepted targets.
import { describe, expect, it } from 'vitest';
import { fakeReferralAccepted, fakeSubmissionEnvelope, fakeUuid } from '../shared/fixtures.ts';
import { channelsWithAccess } from './access.ts';
import type { ReportEvent } from './events.ts';
import { evolveReport } from './evolve.ts';
import { initialReportState } from './state.ts';

const reportId = fakeUuid('report');
const [a, b, c] = [fakeUuid('channel-a'), fakeUuid('channel-b'), fakeUuid('channel-c')];
const at = '2026-03-04T10:00:00.000Z';
const submitted: ReportEvent = {
  type: 'ReportSubmitted',
  data: {
    reportId,
    channelId: a,
    receivedAt: at,
    acknowledgementDueAt: at,
    envelope: fakeSubmissionEnvelope(reportId, a),
  },
};
const proposed = (referralId: string, toChannelId: string, handOver: boolean) =>
  ({
    type: 'ReferralProposed',
    data: { reportId, referralId, toChannelId, handOver },
  }) as unknown as ReportEvent;
const accepted = (referralId: string, toChannelId: string): ReportEvent =>
  fakeReferralAccepted(reportId, referralId, toChannelId, at);
const declined = (referralId: string): ReportEvent => ({
  type: 'ReferralDeclined',
  data: { reportId, referralId, declinedAt: at },
});
const fold = (...events: ReportEvent[]) => events.reduce(evolveReport, initialReportState);
const [r1, r2] = [fakeUuid('referral-1'), fakeUuid('referral-2')];

describe('channelsWithAccess', () => {
  it('is the report’s channel alone until a referral takes effect', () => {
    expect(channelsWithAccess(fold(submitted))).toEqual([a]);
    expect(channelsWithAccess(fold(submitted, proposed(r1, b, true)))).toEqual([a]);
    expect(channelsWithAccess(fold(submitted, proposed(r1, b, true), declined(r1)))).toEqual([a]);
  });
  it('adds each accepted target; a hand-over takes the report’s channel away', () => {
    const kept = fold(submitted, proposed(r1, b, false), accepted(r1, b));
    expect(channelsWithAccess(kept)).toEqual([a, b]);
    const handed = fold(submitted, proposed(r1, b, false), accepted(r1, b), proposed(r2, c, true));
    expect(channelsWithAccess(handed)).toEqual([a, b]);
    expect(channelsWithAccess(evolveReport(handed, accepted(r2, c)))).toEqual([b, c]);
  });
  it('is nobody for a report that does not exist or was purged', () => {
    expect(channelsWithAccess(initialReportState)).toEqual([]);
    expect(channelsWithAccess({ status: 'purged', reportId })).toEqual([]);
  });
});
