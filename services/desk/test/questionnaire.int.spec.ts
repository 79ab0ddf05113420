// Questionnaires in several languages (issue 16) through the desk's administration API: the
// administrator writes each question and option per language; a body that breaks a rule (an
// option one language lacks, a question missing from the default language) is a problem and
// writes nothing; what is published is what intake serves and the case file names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTrilingualQuestionnaire } from '../../reports/src/shared/fixtures.ts';
import { expectProblem, streamLength, submitReport, world, type World } from './harness.ts';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(() => w.desk.close());

const stream = () => `channel-${w.channelId}`;
const trilingual = {
  ...fakeTrilingualQuestionnaire,
  questions: [
    ...fakeTrilingualQuestionnaire.questions,
    // Only in English: the pages fall back to the default language for it.
    { id: 'where', kind: 'text' as const, required: false, text: { en: { label: 'Where?' } } },
  ],
};

async function publish(version: number, questionnaire: unknown) {
  const channel = await w.desk.call('GET', `/api/channels/${w.channelId}`, {
    cookie: w.admin.cookie,
  });
  return w.desk.call('POST', `/api/channels/${w.channelId}/questionnaire`, {
    cookie: w.admin.cookie,
    ifMatch: channel.headers.get('etag') ?? '',
    body: { version, questionnaire },
  });
}

describe('publishing a questionnaire in several languages', () => {
  it('refuses a body whose languages disagree, or that breaks a rule, with a problem; nothing is written', async () => {
    const what = fakeTrilingualQuestionnaire.questions[0]!;
    const ongoing = fakeTrilingualQuestionnaire.questions[1]!;
    const where = trilingual.questions[2]!;
    const de = ongoing.text.de;
    const before = await streamLength(w.desk.store, stream());
    for (const bad of [
      // German offers an answer the others do not.
      {
        ...trilingual,
        questions: [
          what,
          {
            ...ongoing,
            text: { ...ongoing.text, de: { ...de, options: { ...de.options, x: 'X' } } },
          },
          where,
        ],
      },
      // Afrikaans leaves one out.
      {
        ...trilingual,
        questions: [
          what,
          {
            ...ongoing,
            text: { ...ongoing.text, af: { label: 'Gaan dit nog aan?', options: { yes: 'Ja' } } },
          },
          where,
        ],
      },
      // "where" is not written in the default language.
      { ...trilingual, defaultLanguage: 'af' },
      // A language that is no BCP 47 tag, a kind that does not exist, a question with no words.
      {
        ...trilingual,
        questions: [{ ...what, text: { ...what.text, 'Deutsch!': { label: 'x' } } }],
      },
      { ...trilingual, questions: [{ ...what, kind: 'essay' }] },
      { ...trilingual, questions: [{ ...what, text: { en: { label: '  ' } } }] },
      // The old, single-language shape.
      { questions: [{ id: 'what', label: 'What happened?', kind: 'longtext' }] },
    ]) {
      const r = await publish(1, bad);
      expectProblem(r, 400);
      expect(JSON.stringify(r.body)).not.toContain('Gaan dit');
    }
    expect(await streamLength(w.desk.store, stream())).toBe(before);
  });

  it('publishes it, and intake serves it and the case file names it as written', async () => {
    const r = await publish(1, trilingual);
    expect(r.status).toBe(200);
    const [event] = (await w.desk.store.readStream(stream())).slice(-1);
    expect(event).toMatchObject({
      type: 'ChannelQuestionnairePublished',
      data: { version: 1, questionnaire: trilingual },
      metadata: { v: 2 },
    });
    await w.desk.settle();
    const reportId = await submitReport(w);
    const file = await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie });
    expect(file.body['questionnaire']).toEqual(trilingual);
    // Intake serves the directory's copy (listPublicChannels, once recipients are published).
    const row = w.desk.db
      .prepare('SELECT questionnaire FROM staff_channels WHERE channel_id = ?')
      .get(w.channelId) as { questionnaire: string };
    expect(JSON.parse(row.questionnaire)).toEqual(trilingual);
  });
});
