// A reminder badge says which deadline it is of (issue 14, Protocol step 11): the report's own,
// a referral's acknowledgement by its target, then, once acknowledged, the referral's feedback.
import { describe, expect, it } from 'vitest';
import english from '../../frontend/src/lib/i18n/locales/en.ts';
import {
  referralBadgeOf,
  reminderBadgeKey,
} from '../../frontend/src/lib/services/desk/reminder-badge.ts';

const en: Record<string, string> = english.messages;

describe('reminder badges', () => {
  it("name a referral's feedback deadline once its target acknowledged the referral", () => {
    const words = (referred: boolean, acknowledged: boolean) =>
      (['due', 'overdue'] as const).map(
        (state) => en[reminderBadgeKey(state, referralBadgeOf(referred, acknowledged))],
      );
    expect(words(false, false)).toEqual([en['desk.reminder.due'], en['desk.reminder.overdue']]);
    expect(words(true, false)).toEqual([
      'Referral to acknowledge: reminder sent',
      'Referral acknowledgement overdue: administrators told',
    ]);
    expect(words(true, true)).toEqual([
      'Referral feedback due: reminder sent',
      'Referral feedback overdue: administrators told',
    ]);
  });
});
