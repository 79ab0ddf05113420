import type { RecordedEvent } from '@integrity-desk/eventstore';
import { describe, expect, it } from 'vitest';
import { dailySlot, dueNotifications, type Recipient } from './decide.ts';
import { NOTIFICATION_TEXTS, notificationFor } from './message.ts';
import { workOf } from './work.ts';

const person = (over: Partial<Recipient>): Recipient => ({
  investigatorId: 'i',
  email: 'i@example.org',
  pgpKey: null,
  mode: 'immediate',
  pendingSince: null,
  lastSentAt: null,
  ...over,
});
const ids = (rs: Recipient[]) => rs.map((r) => r.investigatorId);

describe('notifications, decided', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');

  it('finds the last daily slot at or before now', () => {
    expect(dailySlot(now, 7).toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(dailySlot(now, 10).toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it('writes at once in immediate mode, only when work waits', () => {
    const rs = [
      person({ investigatorId: 'a', pendingSince: '2026-03-02T08:59:00.000Z' }),
      person({ investigatorId: 'b' }),
    ];
    expect(ids(dueNotifications(rs, now, 7))).toEqual(['a']);
  });

  it('sends a digest once after the slot, for work noticed before it', () => {
    const digest = { mode: 'digest' as const };
    const rs = [
      person({ ...digest, investigatorId: 'before', pendingSince: '2026-03-02T06:00:00.000Z' }),
      person({ ...digest, investigatorId: 'after', pendingSince: '2026-03-02T08:00:00.000Z' }),
      person({ ...digest, investigatorId: 'idle' }),
      person({
        ...digest,
        investigatorId: 'told',
        pendingSince: '2026-03-02T06:00:00.000Z',
        lastSentAt: '2026-03-02T07:05:00.000Z',
      }),
    ];
    expect(ids(dueNotifications(rs, now, 7))).toEqual(['before']);
  });

  it('sends the daily message whether or not work arrived, once per slot', () => {
    const rs = [
      person({ mode: 'daily', investigatorId: 'idle', lastSentAt: '2026-03-01T07:00:00.000Z' }),
      person({ mode: 'daily', investigatorId: 'done', lastSentAt: '2026-03-02T07:00:00.000Z' }),
    ];
    expect(ids(dueNotifications(rs, now, 7))).toEqual(['idle']);
  });

  it('says one of two fixed texts, the daily one the same with or without work', () => {
    expect(notificationFor('x@y.z', 'immediate', 's').text).toBe(NOTIFICATION_TEXTS.work);
    expect(notificationFor('x@y.z', 'digest', 's').text).toBe(NOTIFICATION_TEXTS.work);
    expect(notificationFor('x@y.z', 'daily', 's').text).toBe(NOTIFICATION_TEXTS.daily);
  });

  it('gives work to recipients on a new report or an accepted referral, caretakers on a reply, the named on a reminder', () => {
    const directory = { recipientsOf: () => ['r1', 'r2'], caretakersOf: () => ['a1'] };
    const e = (type: string, data: object) => ({ type, data }) as unknown as RecordedEvent;
    expect(workOf(e('ReportSubmitted', { channelId: 'c' }), directory)).toEqual(['r1', 'r2']);
    expect(workOf(e('MessagePosted', { author: 'whistleblower' }), directory)).toEqual(['a1']);
    expect(workOf(e('MessagePosted', { author: 'investigator' }), directory)).toEqual([]);
    expect(workOf(e('DeadlineReminderDue', { notify: ['x'] }), directory)).toEqual(['x']);
    expect(workOf(e('ReportTriaged', {}), directory)).toEqual([]);
    // An accepted referral is a case new to the target channel's queues.
    const byChannel = { ...directory, recipientsOf: (c: string) => [`${c}-r`] };
    expect(workOf(e('ReferralAccepted', { toChannelId: 'b' }), byChannel)).toEqual(['b-r']);
    expect(workOf(e('ReferralProposed', { toChannelId: 'b' }), byChannel)).toEqual([]);
    expect(workOf(e('ReferralDeclined', {}), byChannel)).toEqual([]);
  });
});
