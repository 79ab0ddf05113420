// The fixed words of a case that both sides speak: triage priorities and sectors, the working
// statuses an investigator may set, and the outcomes a case closes with. Plain arrays with no
// import, so a page can show them as choices without loading zod or a crypto backend
// (`@integrity-desk/protocol/vocabulary`); schemas.ts builds its enums from them.

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export const sectors = [
  'procurement',
  'police',
  'health',
  'mining',
  'fisheries',
  'land',
  'other',
] as const;
/** The statuses an investigator moves a case between while it is open. */
export const workingStatuses = ['in_review', 'investigating'] as const;
/** Outcomes an investigator closes with; `referred_elsewhere` comes from a referral instead. */
export const closingOutcomes = ['substantiated', 'unsubstantiated', 'no_action_possible'] as const;
export const outcomes = [...closingOutcomes, 'referred_elsewhere'] as const;
/** The counts published statistics hold per cell; outcomes as `outcome:<outcome>`. */
export const statisticsMeasures = [
  'received',
  'acknowledgedInTime',
  'feedbackInTime',
  ...outcomes.map((o) => `outcome:${o}` as const),
] as const;
export type StatisticsMeasure = (typeof statisticsMeasures)[number];

export type Priority = (typeof priorities)[number];
export type Sector = (typeof sectors)[number];
export type WorkingStatus = (typeof workingStatuses)[number];
export type ClosingOutcome = (typeof closingOutcomes)[number];
export type Outcome = (typeof outcomes)[number];

/** How often the desk tells an investigator that there is work (never what). */
export const notificationModes = ['immediate', 'digest', 'daily'] as const;
export type NotificationMode = (typeof notificationModes)[number];

/**
 * A case's deadline reminder badge: `due` once the reminder of its open deadline was recorded
 * (the deadline is near), `overdue` once its escalation was (missed, administrators told).
 */
export const reminderStates = ['due', 'overdue'] as const;
export type ReminderState = (typeof reminderStates)[number];
