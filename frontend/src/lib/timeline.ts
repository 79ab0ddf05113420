// The whistleblower's timeline as words. Intake sends event types, with the new status or the
// closing outcome after a colon ("ReportStatusChanged:investigating", "ReportClosed:substantiated"):
// the detail is what the whistleblower most wants to read, so it is named, not folded into
// "Update".
import { t, tOr } from './i18n';

const details: Record<string, string> = {
  ReportStatusChanged: 'status',
  ReportClosed: 'outcome',
};

export function timelineText(type: string): string {
  const cut = type.indexOf(':');
  const event = cut < 0 ? type : type.slice(0, cut);
  const what = tOr(`timeline.${event}`, 'timeline.other');
  const kind = details[event];
  if (cut < 0 || !kind) return what;
  const detail = tOr(`${kind}.${type.slice(cut + 1)}`, 'timeline.other');
  return t('timeline.withDetail', { what, detail });
}

/** The outcome of a closed case in words, from its latest closing entry; else undefined. */
export function caseOutcome(timeline: readonly { type: string }[]): string | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const type = timeline[i]!.type;
    if (type.startsWith('ReportClosed:')) {
      return tOr(`outcome.${type.slice('ReportClosed:'.length)}`, 'timeline.other');
    }
  }
  return undefined;
}
