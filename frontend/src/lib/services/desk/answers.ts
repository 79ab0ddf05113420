// The report's answers beside the questions the whistleblower read. Pure.
import { normaliseQuestionnaire } from '../../api/questionnaire';

export interface AnsweredQuestion {
  id: string;
  /** The question as the channel asked it; undefined when the questionnaire does not name it. */
  label: string | undefined;
  answer: string;
}

/**
 * In the questionnaire's order, then any answer it does not list (a question removed since, or
 * a channel without a questionnaire) under its id. Unanswered questions are left out.
 */
export function answeredQuestions(answers: unknown, questionnaire: unknown): AnsweredQuestion[] {
  const given = new Map(
    Object.entries((answers ?? {}) as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)] as const),
  );
  const listed: AnsweredQuestion[] = [];
  for (const q of normaliseQuestionnaire(questionnaire)) {
    const answer = given.get(q.id);
    if (answer === undefined) continue;
    given.delete(q.id);
    listed.push({ id: q.id, label: q.label, answer });
  }
  for (const [id, answer] of given) listed.push({ id, label: undefined, answer });
  return listed;
}
