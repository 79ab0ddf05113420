// The report's answers beside the questions: each question in the investigator's language, and,
// where the whistleblower read it in another, the question (and their choice) as they read it.
// Pure.
import { localise, normaliseQuestionnaire, type Question } from '../../api/questionnaire';
import { readSealedAnswers } from '../../api/sealed-answers';

export interface AnsweredQuestion {
  id: string;
  /** The question in the reader's language (or the default); undefined when it is not listed. */
  label: string | undefined;
  /** The language `label` and a choice's words are in. */
  lang: string | undefined;
  /** Free text as written; a choice's words in `lang`; for yes/no, `yesNo` holds the key. */
  answer: string;
  yesNo?: 'yes' | 'no';
  /** The question as the whistleblower read it, when that was in another language. */
  asSeen?: { lang: string; label: string; answer?: string };
}

export interface AnsweredReport {
  /** The language the whistleblower answered in; undefined for reports sealed before it was. */
  language: string | undefined;
  items: AnsweredQuestion[];
}

function shown(q: Question, value: string): { answer: string; yesNo?: 'yes' | 'no' } {
  if (q.kind === 'yesno' && (value === 'yes' || value === 'no'))
    return { answer: value, yesNo: value };
  const option = q.options?.find((o) => o.key === value);
  return { answer: option ? option.label : value };
}

/**
 * In the questionnaire's order, then any answer it does not list (a question removed since, or
 * a channel without a questionnaire) under its id. Unanswered questions are left out.
 * `readerLanguage` is the investigator's (the pages' language).
 */
export function answeredQuestions(
  sealed: unknown,
  questionnaire: unknown,
  readerLanguage: string,
): AnsweredReport {
  const { language, answers } = readSealedAnswers(sealed);
  const given = new Map(
    Object.entries(answers)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)] as const),
  );
  const document = normaliseQuestionnaire(questionnaire);
  const items: AnsweredQuestion[] = [];
  for (const q of document.questions) {
    const value = given.get(q.id);
    if (value === undefined) continue;
    given.delete(q.id);
    const read = localise(q, readerLanguage, document.defaultLanguage);
    const item: AnsweredQuestion = {
      id: q.id,
      label: read.label,
      lang: read.lang,
      ...shown(read, value),
    };
    if (language !== undefined) {
      const seen = localise(q, language, document.defaultLanguage);
      if (seen.lang !== read.lang) {
        const choice = q.kind === 'choice' ? shown(seen, value).answer : undefined;
        item.asSeen = { lang: seen.lang, label: seen.label, ...(choice ? { answer: choice } : {}) };
      }
    }
    items.push(item);
  }
  for (const [id, answer] of given) items.push({ id, label: undefined, lang: undefined, answer });
  return { language, items };
}
