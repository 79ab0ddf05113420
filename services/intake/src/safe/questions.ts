/**
 * A channel's questionnaire as the no-JavaScript form shows it and reads it back: the same reading
 * of the published document as the pages' (frontend `normaliseQuestionnaire`), so a report sent
 * either way has the same answers under the same ids.
 */
import { ProblemError } from '../http/problem.ts';

export interface Question {
  readonly id: string;
  readonly label: string;
  readonly kind: 'text' | 'longtext' | 'choice' | 'date' | 'yesno';
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly help?: string;
}

const kinds = new Set<Question['kind']>(['text', 'longtext', 'choice', 'date', 'yesno']);

export function questionsOf(document: unknown): Question[] {
  const list = Array.isArray(document)
    ? document
    : Array.isArray((document as { questions?: unknown } | null)?.questions)
      ? (document as { questions: unknown[] }).questions
      : [];
  return list.flatMap((raw: unknown, i): Question[] => {
    const q = (raw ?? {}) as Record<string, unknown>;
    const label = q['label'] ?? q['text'] ?? q['prompt'];
    if (typeof label !== 'string' || label.length === 0) return [];
    const kind = (q['kind'] ?? q['type'] ?? 'text') as Question['kind'];
    const options = Array.isArray(q['options'])
      ? q['options'].filter((o): o is string => typeof o === 'string')
      : [];
    return [
      {
        id: typeof q['id'] === 'string' ? q['id'] : `q${i + 1}`,
        label,
        kind: kinds.has(kind) ? kind : 'text',
        required: q['required'] === true,
        ...(options.length ? { options } : {}),
        ...(typeof q['help'] === 'string' ? { help: q['help'] } : {}),
      },
    ];
  });
}

/**
 * The answers of a posted form, by question id, as the pages send them (trimmed text; a choice
 * only among its options). A required question left empty: 400, nothing sealed.
 */
export function answersFrom(
  questions: readonly Question[],
  fields: ReadonlyMap<string, string>,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const value = (fields.get(`q-${q.id}`) ?? '').trim();
    const allowed =
      q.kind === 'choice' ? (q.options ?? []) : q.kind === 'yesno' ? ['Yes', 'No'] : undefined;
    if (value !== '' && allowed && !allowed.includes(value))
      throw new ProblemError('invalidRequest');
    if (value === '') {
      if (q.required) throw new ProblemError('answersMissing');
      continue;
    }
    answers[q.id] = value;
  }
  return answers;
}
