import {
  closingOutcomes,
  handleReportCommand,
  priorities,
  sectors,
  workingStatuses,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
} from '@integrity-desk/reports';
import { messageEnvelopeSchema } from '@integrity-desk/protocol';
import { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { etag, ifMatch, isRecipient } from '../context.ts';
import { ProblemError } from '../http/problem.ts';
import { sendBlob } from '@integrity-desk/http';
import { parse } from '../http/validate.ts';
import { keySharesView, shareRoute } from './key-shares.ts';
import { loadCase, uuid } from './load.ts';

const sealed = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 256 * 1024);

type Existing = Extract<ReportState, { channelId: string }>;

/**
 * The case as the calling investigator may see it: ciphertext only. The submission envelope is
 * returned exactly as the whistleblower signed it (every recipient's wrapped key and the
 * whistleblower's own): the signature covers all of it, so the browser cannot verify a trimmed
 * copy. Each wrapped key is a sealed box that only its holder can open.
 */
function caseView(state: Existing, events: readonly { event: ReportEvent }[]) {
  const messages = [];
  const evidence = [];
  const notes = [];
  let envelope: unknown;
  for (const { event } of events) {
    switch (event.type) {
      case 'ReportSubmitted':
        envelope = event.data.envelope;
        break;
      case 'MessagePosted':
        messages.push(event.data);
        break;
      case 'EvidenceAdded':
        evidence.push(event.data);
        break;
      case 'InternalNoteAdded':
        notes.push(event.data);
        break;
      default:
        break;
    }
  }
  return {
    reportId: state.reportId,
    channelId: state.channelId,
    status: state.status,
    outcome: state.status === 'closed' ? state.outcome : null,
    receivedAt: state.receivedAt,
    acknowledgementDueAt: state.acknowledgementDueAt,
    acknowledgedAt: state.acknowledgedAt,
    feedbackDueAt: state.feedbackDueAt,
    triage: state.triage,
    assignees: state.assignees,
    envelope,
    messages,
    evidence,
    notes,
  };
}

type CommandOf<T extends ReportCommand['type']> = Extract<ReportCommand, { type: T }>;
interface Action<S extends z.ZodType> {
  readonly body: S;
  readonly command: (
    data: z.infer<S>,
    reportId: string,
    ctx: {
      feedbackWithinMonths: number;
      isRecipient: (id: string) => boolean;
      /** The caller's enrolled signing key: the report decider checks messages and notes by it. */
      authorKey: string;
    },
  ) => Pick<ReportCommand, 'type' | 'data'>;
}
const action = <S extends z.ZodType>(a: Action<S>) => a;

/** One route per command: POST /api/reports/:reportId/<name>, each with its body schema. */
export const reportActions = {
  acknowledge: action({
    body: z.object({}).strict(),
    command: (_d, reportId, c): Pick<CommandOf<'AcknowledgeReport'>, 'type' | 'data'> => ({
      type: 'AcknowledgeReport',
      data: { reportId, feedbackWithinMonths: c.feedbackWithinMonths },
    }),
  }),
  triage: action({
    body: z
      .object({
        priority: z.enum(priorities),
        sector: z.enum(sectors),
        region: z.string().min(1).max(64).nullable(),
      })
      .strict(),
    command: (d, reportId) => ({ type: 'TriageReport', data: { reportId, ...d } }),
  }),
  assign: action({
    body: z.object({ investigatorId: uuid }).strict(),
    command: (d, reportId, c) => {
      // Only a recipient holds a wrapped key: anyone else could not read the case anyway.
      if (!c.isRecipient(d.investigatorId)) throw new ProblemError('conflict');
      return { type: 'AssignReport', data: { reportId, investigatorId: d.investigatorId } };
    },
  }),
  unassign: action({
    body: z.object({ investigatorId: uuid }).strict(),
    command: (d, reportId) => ({
      type: 'UnassignReport',
      data: { reportId, investigatorId: d.investigatorId },
    }),
  }),
  status: action({
    body: z.object({ to: z.enum(workingStatuses) }).strict(),
    command: (d, reportId) => ({ type: 'ChangeReportStatus', data: { reportId, to: d.to } }),
  }),
  // Messages and notes: protocol message envelopes (notes are a thread of their own). The report
  // decider refuses another report or id (400), a key that is not the caller's enrolled one
  // (422) and a sequence that is not their next (409).
  messages: action({
    body: z.object({ messageId: uuid, envelope: messageEnvelopeSchema }).strict(),
    command: (d, reportId, c) => ({
      type: 'PostMessage',
      data: { reportId, messageId: d.messageId, envelope: d.envelope, authorKey: c.authorKey },
    }),
  }),
  notes: action({
    body: z.object({ noteId: uuid, note: messageEnvelopeSchema }).strict(),
    command: (d, reportId, c) => ({
      type: 'AddInternalNote',
      data: { reportId, noteId: d.noteId, note: d.note, authorKey: c.authorKey },
    }),
  }),
  close: action({
    body: z.object({ outcome: z.enum(closingOutcomes) }).strict(),
    command: (d, reportId) => ({ type: 'CloseReport', data: { reportId, outcome: d.outcome } }),
  }),
  refer: action({
    body: z.object({ referral: sealed }).strict(),
    command: (d, reportId) => ({
      type: 'ReferReport',
      data: { reportId, referral: d.referral },
    }),
  }),
  reopen: action({
    body: z.object({}).strict(),
    command: (_d, reportId) => ({ type: 'ReopenReport', data: { reportId } }),
  }),
} as const;

export type ReportActionName = keyof typeof reportActions;

export function caseRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;

  /**
   * The case, for a recipient. Opening it is recorded first (reports/access: once per hour per
   * investigator and report, in the audit log): if that cannot be written, the case is not shown.
   */
  router.get('/api/reports/:reportId', async (req, res) => {
    const loaded = await loadCase(ctx, req, res);
    await ctx.access.record({
      reportId: loaded.reportId,
      investigatorId: loaded.caller.investigatorId,
    });
    const { read } = loaded;
    const state = read.state as Existing;
    res.setHeader('ETag', etag(read.revision as bigint));
    res.json({
      ...caseView(state, read.events),
      ...(await keySharesView(ctx, loaded)),
      revision: Number(read.revision),
    });
  });

  /**
   * Evidence ciphertext, as intake stored it (content-addressed by the event's blobId), for a
   * recipient of the report's channel; the browser opens it with the report key. Streamed with
   * its length (a 100 MiB file never sits in memory); a blob that changes on disk mid-way cuts
   * the connection. Unknown evidence, a missing blob or a desk without a blob store: 404.
   */
  router.get('/api/reports/:reportId/evidence/:evidenceId', async (req, res) => {
    const { read, reportId, caller } = await loadCase(ctx, req, res);
    const evidenceId = parse(uuid, req.params['evidenceId']);
    let blobId: string | undefined;
    for (const { event } of read.events)
      if (event.type === 'EvidenceAdded' && event.data.evidenceId === evidenceId)
        blobId = event.data.blobId;
    if (blobId === undefined || !deps.blobStore) throw new ProblemError('notFound');
    // Recorded before the file is opened, as opening the case is.
    await ctx.access.record({ reportId, investigatorId: caller.investigatorId, evidenceId });
    const blob = await deps.blobStore.readStream(blobId);
    if (!blob) throw new ProblemError('notFound');
    await sendBlob(res, blob, (error) =>
      deps.logger?.error(
        `desk: evidence download cut (${error instanceof Error ? error.name : 'error'})`,
      ),
    );
  });

  /**
   * Retention purge of one closed report (Art. 18), by an administrator who is a recipient of
   * its channel: the decision is the report stream's last event (If-Match as every command),
   * then its ciphertext, evidence, read-model rows and locator are erased and only the record
   * `purge-<id>` (who, when) is left. 204 when all of it is gone; 202 when erasing failed half
   * way (logged by class): the decision stands and the retention job finishes it.
   */
  router.post('/api/reports/:reportId/purge', async (req, res) => {
    const { caller, reportId } = await loadCase(ctx, req, res);
    if (caller.role !== 'administrator') throw new ProblemError('forbidden');
    const expectedRevision = ifMatch(req);
    parse(z.object({}).strict(), req.body ?? {});
    if (!deps.purger) throw new ProblemError('notFound');
    const outcome = await deps.purger.purge(
      reportId,
      { kind: 'investigator', investigatorId: caller.investigatorId },
      {
        expectedRevision,
        onError: (error) =>
          deps.logger?.error(
            `desk: purge left for the retention job (${error instanceof Error ? error.name : 'error'})`,
          ),
      },
    );
    if (outcome === 'erased') res.status(204).end();
    else res.status(202).json({ pending: true });
  });

  shareRoute(ctx, router);

  for (const [name, a] of Object.entries(reportActions)) {
    router.post(`/api/reports/:reportId/${name}`, async (req, res) => {
      const { caller, reportId, channel } = await loadCase(ctx, req, res);
      const expectedRevision = ifMatch(req);
      const body = parse(a.body, req.body ?? {});
      const feedbackWithinMonths =
        channel.status === 'none' ? 3 : channel.deadlines.feedbackWithinMonths;
      const partial = (a as Action<z.ZodType>).command(body, reportId, {
        feedbackWithinMonths,
        isRecipient: (id) => isRecipient(channel, id),
        authorKey: caller.signPublicKey,
      });
      const command = {
        ...partial,
        metadata: {
          now: deps.clock.now(),
          eventId: deps.ids.uuid(),
          actor: { kind: 'investigator', investigatorId: caller.investigatorId },
        },
      } as ReportCommand;
      const result = await handleReportCommand(deps.store, reportId, command, { expectedRevision });
      res.setHeader('ETag', etag(result.revision));
      res.json({ revision: Number(result.revision), position: String(result.position ?? '') });
    });
  }
  return router;
}
