// The desk's case page (issue 15): one timeline in the order things happened, deadlines as
// badges with days left, and the answers under the questions the whistleblower read.
import type { DeskCase } from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import { answeredQuestions } from '../../frontend/src/lib/services/desk/answers.ts';
import { caseTimeline } from '../../frontend/src/lib/services/desk/case-timeline.ts';
import {
  caseDeadlines,
  deadlineBadge,
  mayAcknowledgeReport,
} from '../../frontend/src/lib/services/desk/deadlines.ts';
import {
  neighbourCase,
  shortcutStep,
  shortcuts,
  type KeyPress,
} from '../../frontend/src/lib/services/desk/shortcuts.ts';
import { sniffPreview } from '../../frontend/src/lib/services/desk/evidence-preview.ts';
import { formatBytesIn } from '../../frontend/src/lib/i18n/format.ts';

const hour = '2026-05-04T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(hour) + minutes * 60_000).toISOString();

function file(over: Partial<DeskCase> = {}): DeskCase {
  return {
    status: 'acknowledged',
    receivedAt: hour,
    acknowledgementDueAt: '2026-05-11T08:00:00.000Z',
    acknowledgedAt: at(10),
    feedbackDueAt: '2026-08-04T08:00:00.000Z',
    reportId: 'r',
    channelId: 'c',
    outcome: null,
    triage: null,
    assignees: [],
    envelope: {},
    messages: [],
    evidence: [],
    notes: [],
    keyShares: [],
    cannotOpen: [],
    mayShareAgain: [],
    referrals: [],
    referredIn: null,
    recipientList: null,
    deploymentSignPublicKey: null,
    revision: 0,
    ...over,
  };
}
const message = (messageId: string, postedAt: string) => ({
  messageId,
  author: 'whistleblower' as const,
  envelope: {},
  postedAt,
});

/** The timeline as step types and kind+index of what it places. */
const shown = (f: DeskCase) =>
  caseTimeline(f).map((i) => (i.kind === 'step' ? i.entry.type : `${i.kind}${i.index}`));

describe('the case timeline', () => {
  it('keeps the stream’s order when times tie, with each message, note and file in its place', () => {
    const f = file({
      messages: [message('m1', hour), message('m2', hour)],
      notes: [{ noteId: 'n1', note: {}, addedAt: hour }],
      evidence: [
        { evidenceId: 'e1', paddedSize: 1, header: {}, by: 'whistleblower', addedAt: hour },
      ],
      history: [
        { type: 'ReportSubmitted', at: hour },
        { type: 'EvidenceAdded', at: hour, detail: 'e1' },
        { type: 'MessagePosted', at: hour, detail: 'm2' },
        { type: 'ReportAcknowledged', at: hour, by: 'a' },
        { type: 'InternalNoteAdded', at: hour, by: 'a', detail: 'n1' },
        { type: 'MessagePosted', at: hour, detail: 'm1' },
      ],
    });
    expect(shown(f)).toEqual([
      'ReportSubmitted',
      'evidence0',
      'message1',
      'ReportAcknowledged',
      'note0',
      'message0',
    ]);
  });

  it('places what the history does not name by time, newest last, and a repeated id twice', () => {
    const f = file({
      messages: [message('m1', at(30)), message('m1', at(90)), message('m3', at(5))],
      history: [
        { type: 'ReportSubmitted', at: hour },
        { type: 'MessagePosted', at: at(30), detail: 'm1' },
        { type: 'ReportAcknowledged', at: at(60) },
        { type: 'MessagePosted', at: at(90), detail: 'm1' },
      ],
    });
    expect(shown(f)).toEqual([
      'ReportSubmitted',
      'message2',
      'message0',
      'ReportAcknowledged',
      'message1',
    ]);
  });
});

describe('deadline badges', () => {
  const now = new Date('2026-05-08T12:00:00.000Z');
  it('count started days left and days late', () => {
    expect(deadlineBadge('acknowledge', '2026-05-08T17:00:00.000Z', now, false)).toMatchObject({
      daysLeft: 1,
      tone: 'soon',
    });
    expect(deadlineBadge('acknowledge', '2026-05-15T12:00:00.000Z', now, false)).toMatchObject({
      daysLeft: 7,
      tone: 'later',
    });
    expect(deadlineBadge('acknowledge', '2026-05-08T07:00:00.000Z', now, false)).toMatchObject({
      daysLeft: -1,
      tone: 'overdue',
    });
    expect(deadlineBadge('acknowledge', '2026-05-05T12:00:00.000Z', now, false).daysLeft).toBe(-3);
    expect(deadlineBadge('acknowledge', '2026-05-05T12:00:00.000Z', now, true).tone).toBe('met');
  });

  it('show acknowledgement, and feedback once acknowledged, met when done', () => {
    const fresh = caseDeadlines(
      file({ acknowledgedAt: null, feedbackDueAt: null, status: 'submitted' }),
      now,
    );
    expect(fresh.map((b) => [b.kind, b.tone, b.daysLeft])).toEqual([['acknowledge', 'soon', 3]]);
    const closed = caseDeadlines(file({ status: 'closed' }), now);
    expect(closed.map((b) => [b.kind, b.tone])).toEqual([
      ['acknowledge', 'met'],
      ['feedback', 'met'],
    ]);
  });

  it("gives a reader who has the case through a referral the referral's deadlines, and the report's acknowledgement only when handed over and still owed", () => {
    const now = new Date('2026-05-08T10:00:00.000Z');
    const referredIn = {
      referralId: 'f',
      fromChannelId: 'c',
      fromChannelName: 'Think tank',
      handOver: false,
      acceptedAt: '2026-05-07T08:00:00.000Z',
      acknowledgementDueAt: '2026-05-14T08:00:00.000Z',
      feedbackDueAt: '2026-08-07T08:00:00.000Z',
      acknowledgedAt: null,
    };
    const kinds = (f: DeskCase) => caseDeadlines(f, now).map((b) => [b.kind, b.dueAt, b.tone]);
    // Kept, the source acknowledged: the referral's acknowledgement only, then its feedback.
    expect(kinds(file({ referredIn }))).toEqual([
      ['referralAcknowledge', '2026-05-14T08:00:00.000Z', 'later'],
    ]);
    const acked = { ...referredIn, acknowledgedAt: '2026-05-08T09:00:00.000Z' };
    expect(kinds(file({ referredIn: acked }))).toEqual([
      ['referralAcknowledge', '2026-05-14T08:00:00.000Z', 'met'],
      ['referralFeedback', '2026-08-07T08:00:00.000Z', 'later'],
    ]);
    // Kept, the source never acknowledged: still not the target's to show or give.
    const unacked = { acknowledgedAt: null, feedbackDueAt: null, status: 'submitted' as const };
    expect(kinds(file({ ...unacked, referredIn }))).toEqual([
      ['referralAcknowledge', '2026-05-14T08:00:00.000Z', 'later'],
    ]);
    // The report's acknowledgement is not a kept referral's target's to give.
    expect(mayAcknowledgeReport(file({ ...unacked, referredIn }))).toBe(false);
    expect(mayAcknowledgeReport(file(unacked))).toBe(true);
    expect(
      mayAcknowledgeReport(file({ ...unacked, referredIn: { ...referredIn, handOver: true } })),
    ).toBe(true);
    // Handed over and never acknowledged: the whistleblower's acknowledgement is the target's.
    expect(kinds(file({ ...unacked, referredIn: { ...referredIn, handOver: true } }))).toEqual([
      ['acknowledge', '2026-05-11T08:00:00.000Z', 'soon'],
      ['referralAcknowledge', '2026-05-14T08:00:00.000Z', 'later'],
    ]);
  });
});

describe('answers under their questions', () => {
  it('labels answers with the questionnaire’s questions, in its order, and unknown ids last', () => {
    const questionnaire = {
      questions: [
        { id: 'what', label: 'What happened?', kind: 'longtext' },
        { id: 'who', label: 'Who was involved?' },
        { id: 'when', label: 'When?' },
      ],
    };
    const answers = { q9: 'old', who: 'The mayor', what: 'Line one\nLine two', when: '' };
    // A report sealed before languages: the answers alone, no language, nothing "as seen".
    expect(answeredQuestions(answers, questionnaire, 'en')).toEqual({
      language: undefined,
      items: [
        { id: 'what', label: 'What happened?', lang: 'en', answer: 'Line one\nLine two' },
        { id: 'who', label: 'Who was involved?', lang: 'en', answer: 'The mayor' },
        { id: 'q9', label: undefined, lang: undefined, answer: 'old' },
      ],
    });
    expect(answeredQuestions({ a: 'x' }, null, 'en').items).toEqual([
      { id: 'a', label: undefined, lang: undefined, answer: 'x' },
    ]);
  });
});

describe('case page shortcuts', () => {
  const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    targetTag: 'BODY',
    targetEditable: false,
    defaultPrevented: false,
    ...over,
  });

  it('maps the listed keys to their steps on the page', () => {
    expect(shortcuts.map((s) => shortcutStep(press(s.key)))).toEqual(shortcuts.map((s) => s.step));
    expect(shortcutStep(press('a', { targetTag: 'BUTTON' }))).toBe('acknowledge');
    expect(shortcutStep(press('x'))).toBeUndefined();
  });

  it('never fires while typing, with a modifier, or for a press already handled', () => {
    for (const tag of ['INPUT', 'textarea', 'SELECT'])
      expect(shortcutStep(press('a', { targetTag: tag }))).toBeUndefined();
    expect(shortcutStep(press('r', { targetTag: 'DIV', targetEditable: true }))).toBeUndefined();
    expect(shortcutStep(press('n', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutStep(press('n', { metaKey: true }))).toBeUndefined();
    expect(shortcutStep(press('n', { altKey: true }))).toBeUndefined();
    expect(shortcutStep(press('?', { defaultPrevented: true }))).toBeUndefined();
  });

  it('finds the next and previous case in the list last shown', () => {
    expect(neighbourCase(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(neighbourCase(['a', 'b', 'c'], 'b', -1)).toBe('a');
    expect(neighbourCase(['a', 'b', 'c'], 'c', 1)).toBeUndefined();
    expect(neighbourCase(['a', 'b', 'c'], 'a', -1)).toBeUndefined();
    expect(neighbourCase(['a', 'b'], 'z', 1)).toBe('a');
    expect(neighbourCase([], 'z', 1)).toBeUndefined();
  });
});

describe('evidence previews', () => {
  const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);
  it('are decided from the file’s bytes: raster images inline, PDFs apart, nothing else', () => {
    expect(sniffPreview(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toEqual({
      kind: 'image',
      type: 'image/png',
    });
    expect(sniffPreview(bytes(0xff, 0xd8, 0xff, 0xe0))?.type).toBe('image/jpeg');
    expect(sniffPreview(new TextEncoder().encode('RIFF\x00\x00\x00\x00WEBPVP8 '))?.type).toBe(
      'image/webp',
    );
    expect(sniffPreview(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({
      kind: 'pdf',
      type: 'application/pdf',
    });
    // An SVG or an HTML page claiming to be an image is no image here.
    expect(sniffPreview(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe(
      undefined,
    );
    expect(sniffPreview(new TextEncoder().encode('<html><script>'))).toBeUndefined();
    expect(sniffPreview(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  });

  it('sizes read as file managers show them', () => {
    expect(formatBytesIn('en', 999)).toBe('999 byte');
    expect(formatBytesIn('en', 1_500)).toBe('1.5 kB');
    expect(formatBytesIn('en', 3_100_000)).toBe('3.1 MB');
    expect(formatBytesIn('de', 1_500)).toBe('1,5 kB');
    expect(formatBytesIn('fr', 3_100_000)).toBe('3,1\u202fMo');
  });
});
