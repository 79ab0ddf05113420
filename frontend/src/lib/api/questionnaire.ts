// A channel's questionnaire as the pages read it from the deployment (both versions of the
// published document); the shape and `localise` are the protocol's, shared with intake's
// no-JavaScript forms, and this module passes all of it on. Pure.

import {
  localise,
  type MultilingualQuestion,
  type Question,
  type QuestionKind,
  type Questionnaire,
  type QuestionText,
} from '@integrity-desk/protocol/questionnaire';

export * from '@integrity-desk/protocol/questionnaire';

/** What version 1 questionnaires (one language) were written in: the English admin page. */
const version1Language = 'en';
const kinds = new Set<QuestionKind>(['text', 'longtext', 'choice', 'date', 'yesno']);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim().length > 0 ? v : undefined;

/**
 * The published document in today's shape. Intake serves version 2; a read model built before
 * it, or a hand-made deployment, may still hold version 1 ({ questions: [{ label, options:
 * [strings] }] }), read as English with each option its own key, as the server's upcaster does.
 * Anything malformed is dropped rather than shown half-made.
 */
export function normaliseQuestionnaire(document: unknown): Questionnaire {
  const d = document as { defaultLanguage?: unknown; questions?: unknown } | null;
  const list = Array.isArray(d) ? d : Array.isArray(d?.questions) ? d.questions : [];
  const defaultLanguage = str(d?.defaultLanguage) ?? version1Language;
  const questions = list.flatMap((raw: unknown, i): MultilingualQuestion[] => {
    const q = (raw ?? {}) as Record<string, unknown>;
    const named = (q.kind ?? q.type ?? 'text') as QuestionKind;
    const kind = kinds.has(named) ? named : 'text';
    const id = str(q.id) ?? `q${i + 1}`;
    const required = q.required === true;
    if (q.text !== null && typeof q.text === 'object') {
      const text = q.text as Record<string, QuestionText>;
      const options = Array.isArray(q.options) ? q.options.filter((o) => str(o)) : undefined;
      if (!str(text[defaultLanguage]?.label)) return [];
      return [{ id, kind, required, text, ...(options ? { options } : {}) }];
    }
    const label = str(q.label) ?? str(q.text) ?? str(q.prompt);
    if (label === undefined) return [];
    const options = Array.isArray(q.options) ? q.options.filter((o) => str(o) !== undefined) : [];
    const help = str(q.help);
    return [
      {
        id,
        kind,
        required,
        ...(options.length ? { options } : {}),
        text: {
          [defaultLanguage]: {
            label,
            ...(help ? { help } : {}),
            ...(options.length ? { options: Object.fromEntries(options.map((o) => [o, o])) } : {}),
          },
        },
      },
    ];
  });
  return { defaultLanguage, questions };
}

/** The languages the questionnaire is written in, the default first. */
export function questionnaireLanguages(q: Questionnaire): string[] {
  const all = new Set([q.defaultLanguage]);
  for (const question of q.questions) for (const l of Object.keys(question.text)) all.add(l);
  return [...all];
}

/** Every question of the questionnaire in `language`, each falling back on its own. */
export function localiseAll(q: Questionnaire, language: string): Question[] {
  return q.questions.map((question) => localise(question, language, q.defaultLanguage));
}
