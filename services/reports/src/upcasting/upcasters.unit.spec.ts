import { createMemoryEventStore, type Json, type RecordedEvent } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { channelDecider, channelStream } from '../channel/handle.ts';
import { allProjections } from '../projections/all.ts';
import { findQueueItem } from '../projections/queues/queries.ts';
import { createProjectionRunner } from '../projections/runner.ts';
import { handleReportCommand, readReport, reportStream } from '../report/handle.ts';
import { fakeSubmissionEnvelope, fakeUuid } from '../shared/fixtures.ts';
import { handleCommand, readAggregate } from '../shared/handle.ts';
import { createUpcasterRegistry, storedVersion } from './registry.ts';
import { upcasters } from './upcasters.ts';

const recorded = (type: string, data: object, metadata: object | null = null): RecordedEvent => ({
  id: 'e',
  type,
  streamId: 's',
  revision: 0n,
  position: 1n,
  data: data as never,
  metadata: metadata as never,
  created: 0,
});

describe('the upcaster registry', () => {
  const registry = createUpcasterRegistry([
    { type: 'Thing', fromVersion: 2, upcast: (d) => ({ ...(d as object), three: true }) },
    { type: 'Thing', fromVersion: 1, upcast: (d) => ({ ...(d as object), two: true }) },
  ]);

  it('brings an event up from the version it was stored in, step by step, in order', () => {
    expect(registry.currentVersion('Thing')).toBe(3);
    expect(registry.upcast(recorded('Thing', { a: 1 })).data).toEqual({
      a: 1,
      two: true,
      three: true,
    });
    expect(registry.upcast(recorded('Thing', { a: 1 }, { v: 2 })).data).toEqual({
      a: 1,
      three: true,
    });
    const current = recorded('Thing', { a: 1 }, { v: 3 });
    expect(registry.upcast(current)).toBe(current);
    const other = recorded('Other', { a: 1 });
    expect(registry.upcast(other)).toBe(other);
    expect(registry.metadataFor('Thing')).toEqual({ v: 3 });
    expect(registry.metadataFor('Other')).toEqual({ v: 1 });
  });

  it('reads a missing or malformed version as 1, and refuses an event newer than the code', () => {
    expect(storedVersion(recorded('Thing', {}, null))).toBe(1);
    expect(storedVersion(recorded('Thing', {}, { v: 'x' }))).toBe(1);
    expect(() => registry.upcast(recorded('Thing', {}, { v: 4 }))).toThrow(/newer than this code/);
  });

  it('refuses a chain with a gap or a repeated step', () => {
    const step = (fromVersion: number) => ({ type: 'T', fromVersion, upcast: (d: Json) => d });
    expect(() => createUpcasterRegistry([step(2)])).toThrow(/from version 1/);
    expect(() => createUpcasterRegistry([step(1), step(1)])).toThrow(/from version 2/);
  });
});

describe('ReportSubmitted version 1 -> 2', () => {
  const channelId = fakeUuid('channel');
  const reportId = fakeUuid('old report');
  /** As code before channel deadlines wrote it: no acknowledgementDueAt, no version. */
  const version1 = {
    reportId,
    channelId,
    receivedAt: '2025-06-02T10:00:00.000Z',
    envelope: fakeSubmissionEnvelope(reportId, channelId),
  };

  it('reads a stored version 1 event with the Directive deadline stated, in the decider and in the read models', async () => {
    const store = createMemoryEventStore();
    await store.append(reportStream(reportId), [
      { id: fakeUuid('e1'), type: 'ReportSubmitted', data: version1 },
    ]);
    const { state } = await readReport(store, reportId);
    expect(state).toMatchObject({
      status: 'submitted',
      acknowledgementDueAt: '2025-06-09T10:00:00.000Z',
    });

    const db = new Database(':memory:');
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    await runner.rebuild();
    expect(findQueueItem(db, reportId)?.acknowledgementDueAt).toBe('2025-06-09T10:00:00.000Z');
    db.close();

    // The stored event is never edited: it is read the new way.
    const [stored] = await store.readStream(reportStream(reportId));
    expect(stored?.data).toEqual(version1);
    expect(storedVersion(stored!)).toBe(1);
  });

  it('keeps a deadline a version 1 event stated, and writes new events as version 2', async () => {
    const stated = { ...version1, acknowledgementDueAt: '2025-06-05T10:00:00.000Z' };
    expect(upcasters.upcast(recorded('ReportSubmitted', stated)).data).toEqual(stated);

    const store = createMemoryEventStore();
    const fresh = fakeUuid('new report');
    await handleReportCommand(store, fresh, {
      type: 'SubmitReport',
      data: { reportId: fresh, channelId, envelope: fakeSubmissionEnvelope(fresh, channelId) },
      metadata: {
        now: new Date('2026-01-01T00:00:00Z'),
        eventId: fakeUuid('e2'),
        actor: { kind: 'whistleblower' },
      },
    });
    const [written] = await store.readStream(reportStream(fresh));
    expect(written?.metadata).toEqual({ v: 2 });
  });
});

describe('ChannelQuestionnairePublished version 1 -> 2', () => {
  const channelId = fakeUuid('old channel');
  const publishedV1 = (questionnaire: Json) => ({
    channelId,
    version: 1,
    questionnaire,
    by: 'admin-1',
    publishedAt: '2025-06-01T10:00:00.000Z',
  });
  const upcast = (questionnaire: Json) =>
    (
      upcasters.upcast(recorded('ChannelQuestionnairePublished', publishedV1(questionnaire)))
        .data as {
        questionnaire: unknown;
      }
    ).questionnaire;

  it('reads every version 1 shape as the same questions in English, each option its own key', () => {
    // What the golden log, the admin page's one-question-a-line form and hand-made calls wrote.
    expect(upcast({ q: [] })).toEqual({ defaultLanguage: 'en', questions: [] });
    expect(upcast({ questions: ['What happened?'] })).toEqual({
      defaultLanguage: 'en',
      questions: [],
    });
    expect(
      upcast({
        questions: [
          { id: 'what', label: 'What happened?', kind: 'longtext', required: true },
          { prompt: 'Where?', type: 'text', help: 'A town is enough.' },
          { id: 'ongoing', label: 'Still going on?', kind: 'choice', options: ['Yes', 'No', 7] },
          { id: 'empty', label: 'A choice with nothing to choose', kind: 'choice' },
          { id: 'what', label: 'The same id again' },
          { id: 'odd', text: 'Unknown kind', kind: 'slider' },
          { id: 'x'.repeat(65), label: 'An id today refuses' },
          { id: 'blank', label: '   ' },
        ],
      }),
    ).toEqual({
      defaultLanguage: 'en',
      questions: [
        { id: 'what', kind: 'longtext', required: true, text: { en: { label: 'What happened?' } } },
        {
          id: 'q2',
          kind: 'text',
          required: false,
          text: { en: { label: 'Where?', help: 'A town is enough.' } },
        },
        {
          id: 'ongoing',
          kind: 'choice',
          required: false,
          options: ['Yes', 'No'],
          text: { en: { label: 'Still going on?', options: { Yes: 'Yes', No: 'No' } } },
        },
        {
          id: 'empty',
          kind: 'text',
          required: false,
          text: { en: { label: 'A choice with nothing to choose' } },
        },
        { id: 'odd', kind: 'text', required: false, text: { en: { label: 'Unknown kind' } } },
      ],
    });
  });

  it('reads a stored version 1 event through the decider and the read models, and writes version 2', async () => {
    const store = createMemoryEventStore();
    const stream = channelStream(channelId);
    await store.append(stream, [
      {
        id: fakeUuid('c1'),
        type: 'ChannelCreated',
        data: {
          channelId,
          name: 'Old desk',
          deadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
          by: 'admin-1',
          createdAt: '2025-06-01T09:00:00.000Z',
        },
      },
      {
        id: fakeUuid('c2'),
        type: 'ChannelQuestionnairePublished',
        data: publishedV1({ questions: [{ id: 'what', label: 'What happened?' }] }),
      },
    ]);
    const read = await readAggregate(store, stream, channelDecider);
    expect(read.state).toMatchObject({ status: 'active', questionnaireVersion: 1 });
    const published = read.events.map((e) => e.event).at(-1);
    expect(
      published?.type === 'ChannelQuestionnairePublished' && published.data.questionnaire,
    ).toEqual({
      defaultLanguage: 'en',
      questions: [
        { id: 'what', kind: 'text', required: false, text: { en: { label: 'What happened?' } } },
      ],
    });

    const db = new Database(':memory:');
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    await runner.rebuild();
    const row = db
      .prepare('SELECT questionnaire FROM staff_channels WHERE channel_id = ?')
      .get(channelId) as { questionnaire: string };
    expect(JSON.parse(row.questionnaire)).toMatchObject({ defaultLanguage: 'en' });
    db.close();

    await handleCommand(store, stream, channelDecider, {
      type: 'PublishQuestionnaire',
      data: { channelId, version: 2, questionnaire: { defaultLanguage: 'af', questions: [] } },
      metadata: {
        now: new Date('2026-01-01T00:00:00Z'),
        eventId: fakeUuid('c3'),
        actor: { kind: 'investigator', investigatorId: 'admin-1' },
      },
    });
    const events = await store.readStream(stream);
    expect(events.map((e) => storedVersion(e))).toEqual([1, 1, 2]);
    expect(events[1]?.data).toEqual(
      publishedV1({ questions: [{ id: 'what', label: 'What happened?' }] }),
    );
  });
});
