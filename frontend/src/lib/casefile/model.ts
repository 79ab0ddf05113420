// What the case file says, in the desk's words: the decrypted case as the case page opened it
// (answers under the questions the whistleblower read, one timeline of steps, messages, notes
// and files in the page's order) and the evidence as decrypted and hashed for this export.
// Only what was verified is printed: an unverified message or note is printed as unverified,
// as the page shows it, never its text.
import type { DeskCase } from '$lib/api/desk';
import type { OpenedDeskCase } from '$lib/crypto/jobs';
import { formatDate, formatList } from '$lib/format';
// The PDF leaves the page: its text carries no fallback marks (see $lib/i18n/fallback).
import { tText as t, tOrText as tOr } from '$lib/i18n';
import { answeredQuestions } from '$lib/services/desk/answers';
import { languageName } from '$lib/language-name';
import {
  caseTimeline,
  personName,
  timelineStepText,
  type TimelineItem,
} from '$lib/services/desk/case-timeline';
import type { CaseFileEntry, CaseFileModel } from './pdf';

export interface ExportedEvidence {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface CaseFileInput {
  file: DeskCase;
  opened: OpenedDeskCase;
  evidence: ExportedEvidence[];
  /** Colleagues' handles by investigator id. */
  people: Readonly<Record<string, string>>;
  exportedBy: string;
  exportedAt: Date;
  /** The pages' language, which the questions are printed in (the default where they lack it). */
  language?: string;
}

/** Each answer under its question, and the question as the whistleblower read it if it differs. */
function answersPrinted(c: CaseFileInput): CaseFileEntry[] {
  const language = c.language ?? 'en';
  const answered = answeredQuestions(c.opened.answers, c.file.questionnaire, language);
  return answered.items.map((a) => {
    const answer = a.yesNo ? t(a.yesNo === 'yes' ? 'questions.yes' : 'questions.no') : a.answer;
    const seen = a.asSeen;
    const asSeen = seen
      ? [
          `${t('desk.case.askedAs', { language: languageName(seen.lang, language) })} “${seen.label}”`,
          ...(seen.answer ? [`${t('desk.case.choseAs')} “${seen.answer}”`] : []),
        ]
      : [];
    return { label: a.label ?? a.id, text: [answer, ...asSeen].join('\n') };
  });
}

function facts(file: DeskCase, who: (id: string) => string): CaseFileEntry[] {
  const fact = (label: string, text: string): CaseFileEntry => ({ label, text });
  const entries = [
    fact(t('case.status'), tOr(`status.${file.status}`, 'timeline.other')),
    fact(t('desk.export.received'), formatDate(file.receivedAt)),
  ];
  if (file.outcome)
    entries.push(fact(t('case.outcome'), tOr(`outcome.${file.outcome}`, 'timeline.other')));
  if (!file.acknowledgedAt)
    entries.push(
      fact(
        t('desk.export.deadline'),
        t('desk.case.ackDue', { date: formatDate(file.acknowledgementDueAt) }),
      ),
    );
  if (file.feedbackDueAt && file.status !== 'closed')
    entries.push(
      fact(
        t('desk.export.deadline'),
        t('desk.case.feedbackDue', { date: formatDate(file.feedbackDueAt) }),
      ),
    );
  if (file.triage)
    entries.push(
      fact(
        t('desk.case.triage'),
        t('desk.case.triaged', { priority: file.triage.priority, sector: file.triage.sector }),
      ),
    );
  entries.push(fact(t('desk.export.assignees'), formatList(file.assignees.map(who)) || '-'));
  if (file.labels?.length) entries.push(fact(t('desk.export.labels'), formatList(file.labels)));
  return entries;
}

function timelineEntry(c: CaseFileInput, item: TimelineItem, who: (id: string) => string) {
  const date = formatDate(item.at);
  if (item.kind === 'step') {
    const what = timelineStepText(item.entry, who);
    if (!item.entry.by) return { text: t('desk.case.entryAt', { date, what }) };
    return { text: t('desk.case.entry', { date, what, who: who(item.entry.by) }) };
  }
  if (item.kind === 'evidence') {
    const e = c.file.evidence[item.index]!;
    const by = e.by === 'whistleblower' ? t('desk.case.byWhistleblower') : t('case.fromDesk');
    return { text: t('desk.case.entry', { date, what: t('timeline.EvidenceAdded'), who: by }) };
  }
  const entry = (item.kind === 'message' ? c.opened.messages : c.opened.notes)[item.index];
  if (!entry?.verified) return { label: date, text: t('case.unverified') };
  const from =
    item.kind === 'note'
      ? t('desk.case.note.label')
      : entry.author === 'whistleblower'
        ? t('desk.case.fromWhistleblower')
        : t('case.fromDesk');
  return { label: t('case.messageBy', { who: from, date }), text: entry.text };
}

export function caseFileModel(c: CaseFileInput): CaseFileModel {
  const { file } = c;
  const shortId = file.reportId.slice(0, 8);
  const who = (id: string) => personName(id, c.people);
  return {
    title: t('desk.case.title', { id: shortId }),
    subtitle: [
      t('desk.export.report', { id: file.reportId }),
      t('desk.export.exported', { date: formatDate(c.exportedAt.toISOString()), by: c.exportedBy }),
    ],
    sections: [
      { heading: t('desk.export.case'), entries: facts(file, who) },
      {
        heading: t('desk.case.answers'),
        entries: answersPrinted(c),
      },
      {
        heading: t('desk.export.timeline'),
        entries: caseTimeline(file).map((item) => timelineEntry(c, item, who)),
      },
      {
        heading: t('desk.case.evidence'),
        entries: c.evidence.map((e) => ({
          label: t('desk.export.file', { name: e.name, type: e.type || '-', size: e.size }),
          text: `SHA-256 ${e.sha256}`,
          code: true,
        })),
      },
    ],
    footer: (page, pages) => t('desk.export.footer', { id: shortId, page, pages }),
    missingNote: (count) => t('desk.export.missing', { count }),
  };
}
