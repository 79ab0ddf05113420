import {
  questionKinds,
  questionSchema,
  type Question,
  type QuestionKind,
  type Questionnaire,
} from './questionnaire.ts';

/**
 * The language of every questionnaire written before questionnaires had languages: the only
 * administration page that could write one was English, as was every page around it.
 */
export const version1Language = 'en';

const kinds = new Set<string>(questionKinds);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim().length > 0 ? v : undefined;

/**
 * A version 1 questionnaire (any JSON object: `{ questions: [...] }` with each question's
 * `label`, `text` or `prompt`, `kind` or `type`, `options` as strings; anything else meant no
 * questions) in today's shape, the way the pages always read it: a question without a wording is
 * left out, an unknown kind is text, a choice's option is its own key (so an old answer, which
 * holds the option's words, still names it). A question today's schema refuses (an over-long
 * id, a repeated one) is left out rather than making the channel unreadable; its answers still
 * show under their id in the desk. Pure, total: it never throws.
 */
export function questionnaireFromVersion1(document: unknown): Questionnaire {
  const d = document as { questions?: unknown } | null;
  const list = Array.isArray(d) ? d : Array.isArray(d?.questions) ? d.questions : [];
  const questions: Question[] = [];
  list.forEach((raw: unknown, i) => {
    const q = (raw ?? {}) as Record<string, unknown>;
    const label = str(q['label']) ?? str(q['text']) ?? str(q['prompt']);
    if (label === undefined) return;
    const options = Array.isArray(q['options'])
      ? [...new Set(q['options'].filter((o): o is string => str(o) !== undefined))]
      : [];
    const named = q['kind'] ?? q['type'] ?? 'text';
    let kind: QuestionKind =
      typeof named === 'string' && kinds.has(named) ? (named as QuestionKind) : 'text';
    // A choice without options could never be answered: a text question asks the same thing.
    if (kind === 'choice' && options.length === 0) kind = 'text';
    const help = str(q['help']);
    const candidate = {
      id: str(q['id']) ?? `q${i + 1}`,
      kind,
      required: q['required'] === true,
      ...(kind === 'choice' ? { options } : {}),
      text: {
        [version1Language]: {
          label,
          ...(help === undefined ? {} : { help }),
          ...(kind === 'choice' ? { options: Object.fromEntries(options.map((o) => [o, o])) } : {}),
        },
      },
    };
    const parsed = questionSchema.safeParse(candidate);
    if (!parsed.success || questions.some((x) => x.id === parsed.data.id)) return;
    questions.push(parsed.data);
  });
  return { defaultLanguage: version1Language, questions };
}
