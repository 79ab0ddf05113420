// A channel's questionnaire as the pages use it: each question's wording and options per
// language (the channel's own text, plain), and one question localised for whoever reads it. Pure.

export type QuestionKind = 'text' | 'longtext' | 'choice' | 'date' | 'yesno';

/** One question in one language, as published (ChannelQuestionnairePublished version 2). */
export interface QuestionText {
  label: string;
  help?: string;
  options?: Record<string, string>;
}

export interface MultilingualQuestion {
  id: string;
  kind: QuestionKind;
  required: boolean;
  /** A choice's option keys in order: what the answers hold, the same in every language. */
  options?: string[];
  text: Record<string, QuestionText>;
}

export interface Questionnaire {
  defaultLanguage: string;
  questions: MultilingualQuestion[];
}

/** A question in the language it is shown in: `lang` says which (the reader's, or the default). */
export interface Question {
  id: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  /** Each option's key (the answer) and its words in `lang`. */
  options?: { key: string; label: string }[];
  help?: string;
  lang: string;
}

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

/**
 * The question in `language` where the administrator wrote it in that language, else in the
 * questionnaire's default language (each question on its own: a translation may be partial).
 */
export function localise(q: MultilingualQuestion, language: string, fallback: string): Question {
  const lang = q.text[language] ? language : fallback;
  const text = q.text[lang] ?? Object.values(q.text)[0] ?? { label: q.id };
  const options = (q.options ?? []).map((key) => ({ key, label: text.options?.[key] ?? key }));
  return {
    id: q.id,
    label: text.label,
    kind: q.kind,
    required: q.required,
    lang,
    ...(options.length ? { options } : {}),
    ...(text.help ? { help: text.help } : {}),
  };
}

/** Every question of the questionnaire in `language`, each falling back on its own. */
export function localiseAll(q: Questionnaire, language: string): Question[] {
  return q.questions.map((question) => localise(question, language, q.defaultLanguage));
}
