// Questionnaires in several languages (issue 16), the pages' side: the administrator's lines per
// language, each question in the reader's language with the default as a per-question fallback,
// the language sealed inside the answers, and the desk's view of an Afrikaans answer in English.
import { describe, expect, it } from 'vitest';
import { localiseAll, normaliseQuestionnaire } from '../../frontend/src/lib/api/questionnaire.ts';
import { readSealedAnswers, sealedAnswers } from '../../frontend/src/lib/api/sealed-answers.ts';
import { answeredQuestions } from '../../frontend/src/lib/services/desk/answers.ts';
import { questionnaireFromLanguages } from '../../frontend/src/lib/services/desk/questionnaire.ts';

const lines = {
  en: '?What happened?*\nIs it still going on? | yes=Yes | no=No\nWhere?',
  af: 'Wat het gebeur?\nGaan dit nog aan? | yes=Ja | no=Nee\nWaar?',
  de: 'Was ist passiert?\nDauert es noch an? | no=Nein | yes=Ja\nWo?',
};

describe('a questionnaire in several languages', () => {
  it('is written one language a textarea: the same questions, the same keys', () => {
    const built = questionnaireFromLanguages('en', lines);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.questionnaire.questions[0]).toEqual({
      id: 'q1',
      kind: 'longtext',
      required: true,
      text: {
        en: { label: 'What happened?' },
        af: { label: 'Wat het gebeur?' },
        de: { label: 'Was ist passiert?' },
      },
    });
    expect(built.questionnaire.questions[1]).toMatchObject({
      kind: 'choice',
      options: ['yes', 'no'],
      text: { af: { label: 'Gaan dit nog aan?', options: { yes: 'Ja', no: 'Nee' } } },
    });
    // "-" leaves a question unwritten in a language (the default shows there); not in the default.
    const partial = questionnaireFromLanguages('en', { ...lines, de: 'Was ist passiert?\n-\n-' });
    expect(partial.ok && partial.questionnaire.questions.map((q) => Object.keys(q.text))).toEqual([
      ['en', 'af', 'de'],
      ['en', 'af'],
      ['en', 'af'],
    ]);
    expect(questionnaireFromLanguages('en', { ...lines, en: '-\n-\n-' }).ok).toBe(false);
    // A question missing in one language, or another answer key, is refused before sending.
    expect(questionnaireFromLanguages('en', { ...lines, de: 'Was ist passiert?' }).ok).toBe(false);
    expect(
      questionnaireFromLanguages('en', { ...lines, af: lines.af.replace('no=Nee', 'nee=Nee') }).ok,
    ).toBe(false);
  });

  it('shows each question in the reader’s language, or the default where it lacks it, saying which', () => {
    const built = questionnaireFromLanguages('en', lines);
    if (!built.ok) throw new Error('not built');
    const partial = {
      ...built.questionnaire,
      questions: built.questionnaire.questions.map((q, i) =>
        i === 2 ? { ...q, text: { en: q.text['en']! } } : q,
      ),
    };
    const shown = localiseAll(normaliseQuestionnaire(partial), 'af');
    expect(shown.map((q) => [q.lang, q.label])).toEqual([
      ['af', 'Wat het gebeur?'],
      ['af', 'Gaan dit nog aan?'],
      ['en', 'Where?'],
    ]);
    expect(shown[1]?.options).toEqual([
      { key: 'yes', label: 'Ja' },
      { key: 'no', label: 'Nee' },
    ]);
  });

  it('reads an old single-language questionnaire as English, each option its own key', () => {
    const old = normaliseQuestionnaire({
      questions: [{ id: 'ongoing', label: 'Still?', kind: 'choice', options: ['Yes', 'No'] }],
    });
    expect(localiseAll(old, 'af')).toEqual([
      {
        id: 'ongoing',
        label: 'Still?',
        kind: 'choice',
        required: false,
        lang: 'en',
        options: [
          { key: 'Yes', label: 'Yes' },
          { key: 'No', label: 'No' },
        ],
      },
    ]);
  });
});

describe('the language inside the sealed answers', () => {
  it('is sealed with the answers, and an old report reads as answers without a language', () => {
    const sealed = sealedAnswers('af', { q1: 'Die tender', q2: 'yes', q3: undefined });
    expect(sealed).toEqual({ language: 'af', answers: { q1: 'Die tender', q2: 'yes' } });
    expect(readSealedAnswers(JSON.parse(JSON.stringify(sealed)))).toEqual(sealed);
    // Old reports: question ids to strings; even one whose ids are "language" and "answers".
    expect(readSealedAnswers({ language: 'x', answers: 'y' })).toEqual({
      language: undefined,
      answers: { language: 'x', answers: 'y' },
    });
  });

  it('shows the desk each question in English, with the Afrikaans question and choice beside the answer', () => {
    const built = questionnaireFromLanguages('en', lines);
    if (!built.ok) throw new Error('not built');
    const sealed = sealedAnswers('af', { q1: 'Die tender is aan sy neef gegee.', q2: 'yes' });
    expect(answeredQuestions(sealed, built.questionnaire, 'en')).toEqual({
      language: 'af',
      items: [
        {
          id: 'q1',
          label: 'What happened?',
          lang: 'en',
          answer: 'Die tender is aan sy neef gegee.',
          asSeen: { lang: 'af', label: 'Wat het gebeur?' },
        },
        {
          id: 'q2',
          label: 'Is it still going on?',
          lang: 'en',
          answer: 'Yes',
          asSeen: { lang: 'af', label: 'Gaan dit nog aan?', answer: 'Ja' },
        },
      ],
    });
    // Read in Afrikaans, nothing differs from what the whistleblower read.
    expect(answeredQuestions(sealed, built.questionnaire, 'af').items[0]).toEqual({
      id: 'q1',
      label: 'Wat het gebeur?',
      lang: 'af',
      answer: 'Die tender is aan sy neef gegee.',
    });
  });
});
