// A channel's questionnaire as every side shows it (the pages, the desk, intake's no-JavaScript
// forms): each question's wording and options per language (the channel's own text, plain), and
// one question localised for whoever reads it. Plain types and one pure function with no import,
// so a page can use them without loading zod or a crypto backend
// (`@integrity-desk/protocol/questionnaire`).

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
  options?: readonly string[];
  text: Readonly<Record<string, QuestionText>>;
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
