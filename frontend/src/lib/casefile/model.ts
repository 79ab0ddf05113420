// What the case file says, in the desk's words: the decrypted case (as the case page opened it)
// and the evidence as decrypted and hashed for this export, turned into the PDF's sections.
// Only what was verified is printed: an unverified message or note is printed as unverified,
// as the page shows it, never its text.
import type { DeskCase } from '$lib/api/desk';
import type { OpenedDeskCase } from '$lib/crypto/jobs';
import type { ThreadEntry } from '$lib/crypto/thread';
import { formatDate } from '$lib/format';
import { t, tOr } from '$lib/i18n';
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
  /** The question a whistleblower answered, for its id (the id itself when unknown). */
  questionOf: (id: string) => string;
  exportedBy: string;
  exportedAt: Date;
}

const threadText = (entry: ThreadEntry | undefined) =>
  entry?.verified ? entry.text : t('case.unverified');

export function caseFileModel(c: CaseFileInput): CaseFileModel {
  const { file, opened } = c;
  const shortId = file.reportId.slice(0, 8);
  const fact = (label: string, text: string): CaseFileEntry => ({ label, text });
  const facts: CaseFileEntry[] = [
    fact(t('case.status'), tOr(`status.${file.status}`, 'timeline.other')),
    fact(t('desk.export.received'), formatDate(file.receivedAt)),
  ];
  if (file.outcome)
    facts.push(fact(t('case.outcome'), tOr(`outcome.${file.outcome}`, 'timeline.other')));
  if (file.triage)
    facts.push(
      fact(
        t('desk.case.triage'),
        t('desk.case.triaged', { priority: file.triage.priority, sector: file.triage.sector }),
      ),
    );
  facts.push(fact(t('desk.export.assignees'), String(file.assignees.length)));

  const timeline: { at: string; text: string }[] = [
    { at: file.receivedAt, text: t('desk.export.timeline.received') },
  ];
  if (file.acknowledgedAt)
    timeline.push({ at: file.acknowledgedAt, text: t('desk.export.timeline.acknowledged') });
  else
    timeline.push({
      at: file.acknowledgementDueAt,
      text: t('desk.case.ackDue', { date: formatDate(file.acknowledgementDueAt) }),
    });
  if (file.feedbackDueAt)
    timeline.push({
      at: file.feedbackDueAt,
      text: t('desk.case.feedbackDue', { date: formatDate(file.feedbackDueAt) }),
    });
  file.messages.forEach((m, i) => {
    const entry = opened.messages[i];
    const from =
      entry?.verified && entry.author === 'whistleblower'
        ? t('desk.case.fromWhistleblower')
        : t('case.fromDesk');
    timeline.push({ at: m.postedAt, text: t('desk.export.timeline.message', { from }) });
  });
  file.evidence.forEach((e) =>
    timeline.push({ at: e.addedAt, text: t('desk.export.timeline.evidence') }),
  );
  file.notes.forEach((n) => {
    if (n.addedAt) timeline.push({ at: n.addedAt, text: t('desk.export.timeline.note') });
  });
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  const answers = Object.entries((opened.answers ?? {}) as Record<string, unknown>);
  return {
    title: t('desk.case.title', { id: shortId }),
    subtitle: [
      t('desk.export.report', { id: file.reportId }),
      t('desk.export.exported', { date: formatDate(c.exportedAt.toISOString()), by: c.exportedBy }),
    ],
    sections: [
      { heading: t('desk.export.case'), entries: facts },
      {
        heading: t('desk.case.answers'),
        entries: answers.map(([id, value]) => ({
          label: c.questionOf(id),
          text: String(value ?? ''),
        })),
      },
      {
        heading: t('desk.export.timeline'),
        entries: timeline.map((e) => ({ text: `${formatDate(e.at)}: ${e.text}` })),
      },
      {
        heading: t('desk.case.messages'),
        entries: file.messages.map((m, i) => {
          const entry = opened.messages[i];
          const from =
            entry?.verified && entry.author === 'whistleblower'
              ? t('desk.case.fromWhistleblower')
              : t('case.fromDesk');
          return { label: `${formatDate(m.postedAt)} · ${from}`, text: threadText(entry) };
        }),
      },
      {
        heading: t('desk.case.notes'),
        entries: file.notes.map((n, i) => ({
          label: formatDate(n.addedAt),
          text: threadText(opened.notes[i]),
        })),
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
    footer: t('desk.export.footer', { id: shortId }),
    missingNote: t('desk.export.missing'),
  };
}
