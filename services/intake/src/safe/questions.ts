/**
 * A channel's questionnaire as the no-JavaScript form shows it and reads it back: the published
 * document read as the reports domain reads it (version 2, or version 1 upcast), each question in
 * the page's language where the administrator wrote it so, else in the questionnaire's default
 * language (the pages' `localise`), and the answers keyed as the pages key them: by question id, a
 * choice by its option key, yes/no as 'yes' or 'no'. So a report sent either way reads the same in
 * the desk.
 */
import { questionnaireFromVersion1, questionnaireSchema } from '@integrity-desk/reports';
import { localise, type Question } from '@integrity-desk/protocol/questionnaire';
import { ProblemError } from '../http/problem.ts';
import type { SafeLocale } from './i18n/index.ts';

export type { Question };

/** The questions in the page's language (the one sealed with the answers). */
export function questionsOf(document: unknown, { code, m }: SafeLocale): Question[] {
  const parsed = questionnaireSchema.safeParse(document);
  const questionnaire = parsed.success ? parsed.data : questionnaireFromVersion1(document);
  const yesNo = [
    { key: 'yes', label: m.yes },
    { key: 'no', label: m.no },
  ];
  return questionnaire.questions.map((q) => {
    const question = localise(q, code, questionnaire.defaultLanguage);
    return q.kind === 'yesno' ? { ...question, options: yesNo } : question;
  });
}

/**
 * The answers of a posted form, by question id (trimmed text; a choice only among its option
 * keys). A required question left empty: 400, nothing sealed.
 */
export function answersFrom(
  questions: readonly Question[],
  fields: ReadonlyMap<string, string>,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const value = (fields.get(`q-${q.id}`) ?? '').trim();
    if (value === '') {
      if (q.required) throw new ProblemError('answersMissing');
      continue;
    }
    if (q.options && !q.options.some((o) => o.key === value))
      throw new ProblemError('invalidRequest');
    answers[q.id] = value;
  }
  return answers;
}
