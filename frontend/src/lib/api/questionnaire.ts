import type { Question } from './intake';

const kinds = new Set<Question['kind']>(['text', 'longtext', 'choice', 'date', 'yesno']);

/**
 * A channel's questionnaire as the pages use it. The published document is either an array of
 * questions or { questions: [...] }; anything malformed is dropped rather than shown half-made.
 */
export function normaliseQuestionnaire(document: unknown): Question[] {
  const list = Array.isArray(document)
    ? document
    : Array.isArray((document as { questions?: unknown })?.questions)
      ? (document as { questions: unknown[] }).questions
      : [];
  return list.flatMap((raw, i): Question[] => {
    const q = raw as Record<string, unknown>;
    const label = q.label ?? q.text ?? q.prompt;
    if (typeof label !== 'string' || label.length === 0) return [];
    const kind = (q.kind ?? q.type ?? 'text') as Question['kind'];
    const options = Array.isArray(q.options) ? q.options.filter((o) => typeof o === 'string') : [];
    return [
      {
        id: typeof q.id === 'string' ? q.id : `q${i + 1}`,
        label,
        kind: kinds.has(kind) ? kind : 'text',
        required: q.required === true,
        ...(options.length ? { options } : {}),
        ...(typeof q.help === 'string' ? { help: q.help } : {}),
      },
    ];
  });
}
