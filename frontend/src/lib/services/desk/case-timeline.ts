// The case page's one stream of everything that happened: the desk's steps (plain fields, in
// stream order) with the messages, notes and evidence files they name, newest last. Pure: the
// page renders what this returns.
import type { DeskCase } from '@integrity-desk/protocol';
import { t, tOr } from '../../i18n';

export type HistoryEntry = NonNullable<DeskCase['history']>[number];

export type TimelineItem =
  | { kind: 'step'; at: string; entry: HistoryEntry }
  /** `index` is the position in the case's messages, notes or evidence array. */
  | { kind: 'message' | 'note' | 'evidence'; at: string; index: number };

type Named = { kind: 'message' | 'note' | 'evidence'; at: string; id: string; index: number };

const kindOf: Record<string, Named['kind']> = {
  MessagePosted: 'message',
  InternalNoteAdded: 'note',
  EvidenceAdded: 'evidence',
};

/**
 * Merges the case into one list. The history's order is kept as it is (coarse times tie
 * often; the event stream knows what came first); a message, note or file it names takes its
 * place there, matched by id in order (a repeated id is matched to its next copy). Whatever the
 * history does not name (a desk without history) is merged in by time, after steps of the same
 * time, in its own array's order.
 */
export function caseTimeline(file: DeskCase): TimelineItem[] {
  const named: Named[] = [
    ...file.messages.map((m, index) => ({
      kind: 'message' as const,
      at: m.postedAt,
      id: m.messageId,
      index,
    })),
    ...file.notes.map((n, index) => ({
      kind: 'note' as const,
      at: n.addedAt ?? file.receivedAt,
      id: n.noteId,
      index,
    })),
    ...file.evidence.map((e, index) => ({
      kind: 'evidence' as const,
      at: e.addedAt,
      id: e.evidenceId,
      index,
    })),
  ];
  const unplaced = new Set(named);
  const items: TimelineItem[] = [];
  for (const entry of file.history ?? []) {
    const kind = kindOf[entry.type];
    if (!kind) {
      items.push({ kind: 'step', at: entry.at, entry });
      continue;
    }
    const match = named.find((n) => n.kind === kind && n.id === entry.detail && unplaced.has(n));
    if (!match) continue;
    unplaced.delete(match);
    items.push({ kind, at: match.at, index: match.index });
  }
  for (const rest of unplaced) {
    const t = Date.parse(rest.at);
    let at = items.length;
    while (at > 0 && Date.parse(items[at - 1]!.at) > t) at--;
    items.splice(at, 0, { kind: rest.kind, at: rest.at, index: rest.index });
  }
  return items;
}

/** Who a step names: a colleague's handle, else a short id; no id is the whistleblower. */
export const personName = (id: string | undefined, people: Readonly<Record<string, string>>) =>
  id === undefined ? t('desk.case.byWhistleblower') : (people[id] ?? id.slice(0, 8));

/** A desk step in words (the case page's timeline and the case file say it the same way). */
export function timelineStepText(entry: HistoryEntry, who: (id: string) => string): string {
  const d = entry.detail ?? '';
  let detail = d;
  switch (entry.type) {
    case 'ReportStatusChanged':
      detail = tOr(`status.${d}`, 'timeline.other');
      break;
    case 'ReportClosed':
      detail = tOr(`outcome.${d}`, 'timeline.other');
      break;
    case 'ReportTriaged':
      detail = d.split('/').join(', ');
      break;
    case 'ReportAssigned':
    case 'ReportUnassigned':
    case 'ReportKeyShared':
    case 'ReferralProposed':
      detail = who(d);
      break;
    // `<channel id>/<consent>`: the channel's name and whether the whistleblower was asked.
    case 'ReferralAccepted':
      detail = who(d.split('/')[0] ?? '');
      return t(
        d.endsWith('/not_asked') ? 'desk.step.ReferralForwarded' : 'desk.step.ReferralAccepted',
        { detail },
      );
  }
  return tOr(`desk.step.${entry.type}`, 'desk.step.other', { detail });
}
