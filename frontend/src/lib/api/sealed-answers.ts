// The report's answers as the whistleblower's browser seals them (SECURITY.md, Protocol step 5).
// The language they answered in travels here, inside the sealed answers and nowhere else: a
// minority language can identify someone, so no plain field, header or event ever carries it.

export type AnswerValue = string | boolean;

export interface SealedAnswers {
  /** The language the whistleblower read the questions in (a BCP 47 tag). */
  language: string;
  /** By question id: text as written, a choice's option key, 'yes' or 'no'. */
  answers: Record<string, AnswerValue>;
}

export function sealedAnswers(
  language: string,
  answers: Record<string, AnswerValue | undefined>,
): SealedAnswers {
  const given = Object.entries(answers).filter(
    (e): e is [string, AnswerValue] => e[1] !== undefined,
  );
  return { language, answers: Object.fromEntries(given) };
}

/**
 * The answers of an opened report and the language they were given in. Reports sealed before
 * languages hold the answers alone (question id to string or boolean, never an object), so a
 * document whose `answers` is an object and `language` a string is today's; any other is old,
 * with no language.
 */
export function readSealedAnswers(document: unknown): {
  language: string | undefined;
  answers: Record<string, unknown>;
} {
  const d = (document ?? {}) as Record<string, unknown>;
  const inner = d['answers'];
  if (
    typeof d['language'] === 'string' &&
    inner !== null &&
    typeof inner === 'object' &&
    !Array.isArray(inner)
  )
    return { language: d['language'], answers: inner as Record<string, unknown> };
  return { language: undefined, answers: d };
}
