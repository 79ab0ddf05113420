import { createMemoryEventStore, WrongExpectedVersionError } from '@integrity-desk/eventstore';
import { describe, expect, it } from 'vitest';
import type { ReportCommand } from './commands.ts';
import { IllegalTransitionError } from './errors.ts';
import { handleReportCommand, readReport } from './handle.ts';
import { fakeSubmissionEnvelope, fakeUuid } from '../shared/fixtures.ts';
import { ZodError } from 'zod';

const reportId = '0b9f6c4e-1d2a-4c3b-8e5f-6a7b8c9d0e1f';
const channelId = fakeUuid('ch');
const envelope = fakeSubmissionEnvelope(reportId, channelId);
const now = new Date('2026-01-01T12:30:00Z');
const submit = (eventId: string): ReportCommand => ({
  type: 'SubmitReport',
  data: { reportId, channelId, envelope },
  metadata: { now, eventId, actor: { kind: 'whistleblower' } },
});
const ack = (eventId: string): ReportCommand => ({
  type: 'AcknowledgeReport',
  data: { reportId },
  metadata: { now, eventId, actor: { kind: 'investigator', investigatorId: 'i1' } },
});

describe('handleReportCommand', () => {
  it('appends the decided events and returns the new revision and state', async () => {
    const store = createMemoryEventStore();
    const result = await handleReportCommand(store, reportId, submit('e1'));
    expect(result.revision).toBe(0n);
    expect(result.state.status).toBe('submitted');
    const stored = await store.readStream(`report-${reportId}`);
    expect(stored.map((e) => [e.id, e.type])).toEqual([['e1', 'ReportSubmitted']]);
  });

  it('treats a retried command (same event id) as done and appends nothing', async () => {
    const store = createMemoryEventStore();
    await handleReportCommand(store, reportId, submit('e1'));
    await handleReportCommand(store, reportId, ack('e2'));
    const retry = await handleReportCommand(store, reportId, ack('e2'));
    expect(retry.events).toEqual([]);
    expect((await store.readStream(`report-${reportId}`)).length).toBe(2);
  });

  it('refuses with WrongExpectedVersionError when the caller saw an older revision', async () => {
    const store = createMemoryEventStore();
    await handleReportCommand(store, reportId, submit('e1'));
    await handleReportCommand(store, reportId, ack('e2'));
    await expect(
      handleReportCommand(store, reportId, ack('e3'), { expectedRevision: 0n }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await readReport(store, reportId)).revision).toBe(1n);
  });

  it('validates events on write: a malformed envelope is never stored', async () => {
    const store = createMemoryEventStore();
    await handleReportCommand(store, reportId, submit('e1'));
    const bad: ReportCommand = {
      type: 'PostMessage',
      data: { reportId, messageId: 'm1', envelope: { ciphertext: 'not an envelope' } },
      metadata: { now, eventId: 'e2', actor: { kind: 'whistleblower' } },
    };
    await expect(handleReportCommand(store, reportId, bad)).rejects.toBeInstanceOf(ZodError);
    expect((await store.readStream(`report-${reportId}`)).length).toBe(1);
  });

  it('surfaces domain errors and writes nothing', async () => {
    const store = createMemoryEventStore();
    await handleReportCommand(store, reportId, submit('e1'));
    await handleReportCommand(store, reportId, ack('e2'));
    await expect(handleReportCommand(store, reportId, ack('e3'))).rejects.toBeInstanceOf(
      IllegalTransitionError,
    );
    expect((await store.readStream(`report-${reportId}`)).length).toBe(2);
  });
});
