import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  loadBackend,
  signRecipientList,
  type RecipientList,
} from '@integrity-desk/protocol';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError, InvalidCommandError } from '../report/errors.ts';
import { deciderSpec, specClock } from '../shared/decider-spec.ts';
import { fakeB64, fakeRecipientList, fakeUuid } from '../shared/fixtures.ts';
import {
  channelDecider,
  ChannelNotFoundError,
  RecipientListRefusedError,
  StaleVersionError,
  type ChannelCommand,
  type ChannelEvent,
  type Question,
  type Questionnaire,
} from './index.ts';

const spec = deciderSpec(channelDecider);
const { at, meta } = specClock('2026-02-01T08:00:00.000Z');
const channelId = fakeUuid('ch-1');
const deadlines = { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 };
const inv1 = fakeUuid('inv-1');
const inv2 = fakeUuid('inv-2');

// Real keys: the decider verifies the deployment key's signature and the enrolled keys.
const backend = await loadBackend();
const deployment = generateSigningKeyPair(backend);
const enrolled = new Map(
  [inv1, inv2].map((id) => [
    id,
    {
      boxPublicKey: generateBoxKeyPair(backend).publicKey,
      signPublicKey: generateSigningKeyPair(backend).publicKey,
    },
  ]),
);
const trust = { deploymentSignPublicKey: deployment.publicKey, activeAccounts: enrolled, backend };
/** A list naming these ids with their enrolled keys (or `keys`), signed with `seed`. */
const signed = (
  version: number,
  ids: readonly string[],
  seed = deployment.seed,
  keys = (id: string) => enrolled.get(id)!,
  forChannel = channelId,
): RecipientList =>
  signRecipientList(
    backend,
    {
      channelId: forChannel,
      version,
      recipients: ids.map((recipientId) => ({ recipientId, ...keys(recipientId) })),
    },
    seed,
  );

const created: ChannelEvent = {
  type: 'ChannelCreated',
  data: { channelId, name: 'Anti-corruption desk', deadlines, by: 'admin-1', createdAt: at },
};
const archived: ChannelEvent = {
  type: 'ChannelArchived',
  data: { channelId, by: 'admin-1', archivedAt: at },
};
const create: ChannelCommand = {
  type: 'CreateChannel',
  data: { channelId, name: 'Anti-corruption desk', deadlines },
  metadata: meta(),
};
const questionnaire = (
  version: number,
  document: Questionnaire = { defaultLanguage: 'en', questions: [] },
): ChannelCommand => ({
  type: 'PublishQuestionnaire',
  data: { channelId, version, questionnaire: document },
  metadata: meta(),
});
/** A choice asked in English, Afrikaans and German, and a text question in English only. */
const inThreeLanguages: Questionnaire = {
  defaultLanguage: 'en',
  questions: [
    {
      id: 'sector',
      kind: 'choice',
      required: true,
      options: ['health', 'works'],
      text: {
        en: { label: 'Which sector?', options: { health: 'Health', works: 'Public works' } },
        af: { label: 'Watter sektor?', options: { health: 'Gesondheid', works: 'Openbare werke' } },
        de: { label: 'Welcher Bereich?', options: { health: 'Gesundheit', works: 'Bauwesen' } },
      },
    },
    { id: 'what', kind: 'longtext', required: false, text: { en: { label: 'What happened?' } } },
  ],
};
const publish = (
  version: number,
  list = signed(version, [inv1]),
  with_: Partial<typeof trust> = {},
): ChannelCommand => ({
  type: 'PublishRecipients',
  data: { channelId, version, recipientList: list, trust: { ...trust, ...with_ } },
  metadata: meta(),
});
const archive: ChannelCommand = { type: 'ArchiveChannel', data: { channelId }, metadata: meta() };

describe('channel decider', () => {
  it('creates a channel', () => spec([]).when(create).then([created]));
  it('refuses to create twice, or for a whistleblower', () => {
    spec([created]).when(create).thenThrows(IllegalTransitionError);
    spec([])
      .when({ ...create, metadata: meta({ kind: 'whistleblower' }) })
      .thenThrows(InvalidCommandError);
  });
  it('publishes questionnaire versions in order', () => {
    spec([created])
      .when(questionnaire(1))
      .then([
        {
          type: 'ChannelQuestionnairePublished',
          data: {
            channelId,
            version: 1,
            questionnaire: { defaultLanguage: 'en', questions: [] },
            by: 'admin-1',
            publishedAt: at,
          },
        },
      ]);
    spec([created]).when(questionnaire(2)).thenThrows(StaleVersionError);
  });
  it('publishes a questionnaire written in several languages', () => {
    spec([created])
      .when(questionnaire(1, inThreeLanguages))
      .then([
        {
          type: 'ChannelQuestionnairePublished',
          data: {
            channelId,
            version: 1,
            questionnaire: inThreeLanguages,
            by: 'admin-1',
            publishedAt: at,
          },
        },
      ]);
  });
  it('refuses a questionnaire whose languages differ in options, or that lacks the default language', () => {
    const [sector, what] = inThreeLanguages.questions as [Question, Question];
    const withSector = (changed: Question): Questionnaire => ({
      ...inThreeLanguages,
      questions: [changed, what],
    });
    const af = sector.text['af']!;
    for (const bad of [
      // German names an option the others lack.
      withSector({
        ...sector,
        text: {
          ...sector.text,
          de: { label: 'x', options: { health: 'a', works: 'b', mine: 'c' } },
        },
      }),
      // Afrikaans leaves one out.
      withSector({ ...sector, text: { ...sector.text, af: { ...af, options: { health: 'a' } } } }),
      // Keys the question does not list.
      withSector({ ...sector, options: ['health', 'mining'] }),
      // No English although English is the default.
      { ...inThreeLanguages, defaultLanguage: 'pt' },
      // A text question with options, a choice without.
      withSector({ ...sector, kind: 'text' }),
      { ...inThreeLanguages, questions: [sector, { ...what, kind: 'choice' as const }] },
      // The same id twice, and a language that is no language tag.
      { ...inThreeLanguages, questions: [sector, sector] },
      withSector({ ...sector, text: { ...sector.text, 'Afrikaans!': af } }),
    ])
      spec([created]).when(questionnaire(1, bad)).thenThrows(InvalidCommandError);
  });
  it('publishes signed recipient lists in order', () => {
    const v1: ChannelEvent = {
      type: 'ChannelRecipientsPublished',
      data: {
        channelId,
        version: 1,
        recipientList: signed(1, [inv1]),
        by: 'admin-1',
        publishedAt: at,
      },
    };
    spec([created]).when(publish(1, v1.data.recipientList)).then([v1]);
    spec([created, v1]).when(publish(1)).thenThrows(StaleVersionError);
    for (const list of [
      signed(1, [inv1, inv1]),
      signed(1, [inv1], deployment.seed, undefined, fakeUuid('other')),
      signed(2, [inv1]),
    ])
      spec([created]).when(publish(1, list)).thenThrows(InvalidCommandError);
  });
  it('refuses a list the deployment key did not sign (finding 4: what browsers refuse)', () => {
    const list = signed(1, [inv1]);
    for (const bad of [
      { ...list, signature: fakeB64(64, 'bogus') },
      signed(1, [inv1], generateSigningKeyPair(backend).seed),
      fakeRecipientList(channelId, 1, [inv1]),
    ])
      spec([created]).when(publish(1, bad)).thenThrows(RecipientListRefusedError);
    spec([created])
      .when(publish(1, list, { deploymentSignPublicKey: undefined }))
      .thenThrows(RecipientListRefusedError);
  });
  it('refuses a list naming someone not active with the enrolled keys', () => {
    const other = () => ({
      boxPublicKey: generateBoxKeyPair(backend).publicKey,
      signPublicKey: generateSigningKeyPair(backend).publicKey,
    });
    const only1 = new Map([[inv1, enrolled.get(inv1)!]]);
    for (const [list, accounts] of [
      [signed(1, [inv1], deployment.seed, other), enrolled],
      [signed(1, [inv1, inv2]), only1],
    ] as const)
      spec([created])
        .when(publish(1, list, { activeAccounts: accounts }))
        .thenThrows(RecipientListRefusedError);
  });
  it('defines the set of case labels, replacing the previous set', () => {
    const define = (labels: string[]): ChannelCommand => ({
      type: 'DefineLabels',
      data: { channelId, labels },
      metadata: meta(),
    });
    const defined = (labels: string[]): ChannelEvent => ({
      type: 'ChannelLabelsDefined',
      data: { channelId, labels, by: 'admin-1', definedAt: at },
    });
    spec([created])
      .when(define(['fraud', ' needs legal ']))
      .then([defined(['fraud', 'needs legal'])]);
    spec([created, defined(['fraud'])])
      .when(define([]))
      .then([defined([])]);
    spec([created])
      .when(define(['fraud', 'fraud ']))
      .thenThrows(InvalidCommandError);
    spec([created, archived])
      .when(define(['fraud']))
      .thenThrows(IllegalTransitionError);
    expect(
      [created, defined(['a', 'b']), defined(['b'])].reduce(
        channelDecider.evolve,
        channelDecider.initialState,
      ),
    ).toMatchObject({ labels: ['b'] });
  });
  it('sets the acknowledgement text, trimmed; the same text again is no event', () => {
    const setAck = (template: string): ChannelCommand => ({
      type: 'SetAcknowledgementTemplate',
      data: { channelId, template },
      metadata: meta(),
    });
    const set = (template: string): ChannelEvent => ({
      type: 'ChannelAcknowledgementTemplateSet',
      data: { channelId, template, by: 'admin-1', setAt: at },
    });
    const text = 'Thank you.\nWe will answer within 7 days.';
    spec([created])
      .when(setAck(`  ${text}\n`))
      .then([set(text)]);
    spec([created, set(text)])
      .when(setAck(text))
      .then([]);
    spec([created, set(text)])
      .when(setAck(''))
      .then([set('')]);
    spec([created, archived]).when(setAck(text)).thenThrows(IllegalTransitionError);
    expect(
      [created, set('a'), set('b')].reduce(channelDecider.evolve, channelDecider.initialState),
    ).toMatchObject({ ackTemplate: 'b' });
  });
  it('sets the referral mode; consent is the default, the same mode again is no event', () => {
    const setMode = (mode: 'consent' | 'inform'): ChannelCommand => ({
      type: 'SetReferralMode',
      data: { channelId, mode },
      metadata: meta(),
    });
    const set = (mode: 'consent' | 'inform'): ChannelEvent => ({
      type: 'ChannelReferralModeSet',
      data: { channelId, mode, by: 'admin-1', setAt: at },
    });
    spec([created]).when(setMode('consent')).then([]);
    spec([created])
      .when(setMode('inform'))
      .then([set('inform')]);
    spec([created, set('inform')])
      .when(setMode('consent'))
      .then([set('consent')]);
    spec([created, archived]).when(setMode('inform')).thenThrows(IllegalTransitionError);
    expect([created].reduce(channelDecider.evolve, channelDecider.initialState)).toMatchObject({
      referralMode: 'consent',
    });
    expect(
      [created, set('inform')].reduce(channelDecider.evolve, channelDecider.initialState),
    ).toMatchObject({ referralMode: 'inform' });
  });
  it('archives, and refuses every change after that', () => {
    spec([created]).when(archive).then([archived]);
    for (const c of [archive, questionnaire(1), publish(1)])
      spec([created, archived]).when(c).thenThrows(IllegalTransitionError);
  });
  it('refuses changes to an unknown channel', () => {
    for (const c of [archive, questionnaire(1), publish(1)])
      spec([]).when(c).thenThrows(ChannelNotFoundError);
  });
});
