import { z } from 'zod';

/**
 * A channel's questionnaire (ChannelQuestionnairePublished version 2): every question and every
 * option written by an administrator in one or more languages. Plain text the channel defines
 * for every whistleblower (intake serves it to anyone), never whistleblower content. Which
 * language a whistleblower chose is never here: it travels sealed inside their answers
 * (SECURITY.md, Plain fields).
 */
export const questionKinds = ['text', 'longtext', 'choice', 'date', 'yesno'] as const;

/** A BCP 47 tag as pages put it in `lang` ("af", "de", "pt-AO", "ng-NA"). */
export const languageTagSchema = z
  .string()
  .max(35)
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag');

const noControl = /^[^\p{C}]+$/u;
/** Line breaks and tabs are the text's own; no other control character. */
const noControlButLines = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
const text = (max: number, pattern = noControl) =>
  z.string().trim().min(1).max(max).regex(pattern, 'no control characters');

/** The answer's key: what the sealed answers hold for a choice, the same in every language. */
export const optionKeySchema = text(200);
export const questionIdSchema = text(64);

/** A question in one language: its wording, its help and each option's wording by key. */
export const questionTextSchema = z
  .object({
    label: text(1000, noControlButLines),
    help: text(2000, noControlButLines).optional(),
    options: z.record(optionKeySchema, text(500)).optional(),
  })
  .strict();

export const questionSchema = z
  .object({
    id: questionIdSchema,
    kind: z.enum(questionKinds),
    required: z.boolean(),
    /** A choice's option keys in the order shown; absent for every other kind. */
    options: z.array(optionKeySchema).min(1).max(50).optional(),
    /** The question by language; the questionnaire's default language is always among them. */
    text: z.record(languageTagSchema, questionTextSchema),
  })
  .strict()
  .superRefine((q, ctx) => {
    const languages = Object.keys(q.text);
    if (languages.length === 0 || languages.length > 30)
      ctx.addIssue({ code: 'custom', message: 'between 1 and 30 languages', path: ['text'] });
    if ((q.kind === 'choice') !== (q.options !== undefined))
      ctx.addIssue({ code: 'custom', message: 'options belong to choices', path: ['options'] });
    const keys = q.options ?? [];
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', message: 'option keys must be distinct', path: ['options'] });
    for (const [language, t] of Object.entries(q.text)) {
      const named = Object.keys(t.options ?? {});
      // Every language offers the same answers: a whistleblower's choice means the same thing
      // in whichever language the investigator reads it.
      if (named.length !== keys.length || !named.every((k) => keys.includes(k)))
        ctx.addIssue({
          code: 'custom',
          message: 'every language names exactly the question’s option keys',
          path: ['text', language, 'options'],
        });
    }
  });

export const questionnaireSchema = z
  .object({
    /** The language a question falls back to where it lacks the whistleblower's. */
    defaultLanguage: languageTagSchema,
    questions: z.array(questionSchema).max(100),
  })
  .strict()
  .superRefine((q, ctx) => {
    const ids = q.questions.map((x) => x.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({
        code: 'custom',
        message: 'question ids must be distinct',
        path: ['questions'],
      });
    q.questions.forEach((question, i) => {
      if (!(q.defaultLanguage in question.text))
        ctx.addIssue({
          code: 'custom',
          message: 'every question is written in the default language',
          path: ['questions', i, 'text'],
        });
    });
  });

export type QuestionKind = (typeof questionKinds)[number];
export type Question = z.infer<typeof questionSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
