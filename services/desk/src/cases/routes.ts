import {
  closingOutcomes,
  directiveDeadlines,
  labelSchema,
  handleReportCommand,
  priorities,
  sectors,
  workingStatuses,
  type ReportCommand,
  type ReportEvent,
  type ReportState,
} from '@integrity-desk/reports';
import { messageEnvelopeSchema, idSchema } from '@integrity-desk/protocol';
import { Router } from 'express';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { callerMetadata, etag, ifMatch, readInvestigator } from '../context.ts';
import { ProblemError } from '../http/problem.ts';
import { errorClass, sendBlob, parseRequest } from '@integrity-desk/http';
import { action, postCommand } from '../http/command-route.ts';
import { caseHistory, questionnaireFor } from './history.ts';
import { keySharesView, shareRoute } from './key-shares.ts';
import { loadCase, mayWork, type LoadedCase } from './load.ts';
import { referralRoutes, referralsView } from './referrals.ts';

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
  let sealedBy: 'server' | undefined;
  for (const { event } of events) {
    switch (event.type) {
      case 'ReportSubmitted':
        envelope = event.data.envelope;
        sealedBy = event.data.sealedBy;
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
    labels: state.labels,
    assignees: state.assignees,
    envelope,
    ...(sealedBy && { sealedBy }),
    messages,
    evidence,
    notes,
    history: caseHistory(events),
  };
}

/** What a case command is built from besides its body: what loadCase read. */
interface CaseContext {
  readonly reportId: string;
  /** The channel's feedback deadline, which acknowledging the report starts. */
  readonly feedbackWithinMonths: number;
  /** Whether an investigator may work the case now: a recipient of a channel that may open it. */
  readonly mayWork: (id: string) => boolean;
  /** The caller's enrolled signing key: the report decider checks messages and notes by it. */
  readonly authorKey: string;
  readonly investigatorId: string;
  /** The labels the report's channel defines now. */
  readonly channelLabels: readonly string[];
  /**
   * The caller has the case only through an accepted referral its source kept access to: the
   * report's own acknowledgement is then the source's duty to the whistleblower (the target
   * acknowledges its referral instead). False for a handed-over case: the target owns it.
   */
  readonly viaKeptReferral: boolean;
}
const caseAction = action<CaseContext, ReportCommand>();

/** One route per command: POST /api/reports/:reportId/<name>, each with its body schema. */
export const reportActions = {
  acknowledge: caseAction(
    z.object({}).strict(),
    (_d, { reportId, feedbackWithinMonths, viaKeptReferral }) => {
      // SECURITY.md, Protocol step 11: a kept referral's target acknowledges the referral, never
      // the report; after a hand-over the whistleblower's acknowledgement, if still owed, is the
      // target's.
      if (viaKeptReferral) throw new ProblemError('forbidden');
      return { type: 'AcknowledgeReport', data: { reportId, feedbackWithinMonths } };
    },
  ),
  triage: caseAction(
    z
      .object({
        priority: z.enum(priorities),
        sector: z.enum(sectors),
        region: z.string().min(1).max(64).nullable(),
      })
      .strict(),
    (d, { reportId }) => ({ type: 'TriageReport', data: { reportId, ...d } }),
  ),
  assign: caseAction(
    z.object({ investigatorId: idSchema }).strict(),
    (d, { reportId, mayWork: may }) => {
      // Only a recipient of a channel that may open the case holds (or is given) a key: anyone
      // else, a handed-over source's investigators too, could not work on it.
      if (!may(d.investigatorId)) throw new ProblemError('conflict');
      return { type: 'AssignReport', data: { reportId, investigatorId: d.investigatorId } };
    },
  ),
  unassign: caseAction(z.object({ investigatorId: idSchema }).strict(), (d, { reportId }) => ({
    type: 'UnassignReport',
    data: { reportId, investigatorId: d.investigatorId },
  })),
  status: caseAction(z.object({ to: z.enum(workingStatuses) }).strict(), (d, { reportId }) => ({
    type: 'ChangeReportStatus',
    data: { reportId, to: d.to },
  })),
  // Messages and notes: protocol message envelopes (notes are a thread of their own). The report
  // decider refuses another report or id (400), a key that is not the caller's enrolled one
  // (422) and a sequence that is not their next (409).
  messages: caseAction(
    z.object({ messageId: idSchema, envelope: messageEnvelopeSchema }).strict(),
    (d, { reportId, authorKey }) => ({
      type: 'PostMessage',
      data: { reportId, messageId: d.messageId, envelope: d.envelope, authorKey },
    }),
  ),
  notes: caseAction(
    z.object({ noteId: idSchema, note: messageEnvelopeSchema }).strict(),
    (d, { reportId, authorKey }) => ({
      type: 'AddInternalNote',
      data: { reportId, noteId: d.noteId, note: d.note, authorKey },
    }),
  ),
  close: caseAction(z.object({ outcome: z.enum(closingOutcomes) }).strict(), (d, { reportId }) => ({
    type: 'CloseReport',
    data: { reportId, outcome: d.outcome },
  })),
  refer: caseAction(z.object({ referral: sealed }).strict(), (d, { reportId }) => ({
    type: 'ReferReport',
    data: { reportId, referral: d.referral },
  })),
  // Labels: plain text the report's channel defines (refused otherwise, 422), never content.
  labels: caseAction(
    z.object({ label: labelSchema }).strict(),
    (d, { reportId, channelLabels }) => ({
      type: 'AttachLabel',
      data: { reportId, label: d.label, channelLabels },
    }),
  ),
  unlabel: caseAction(z.object({ label: labelSchema }).strict(), (d, { reportId }) => ({
    type: 'DetachLabel',
    data: { reportId, label: d.label },
  })),
  reopen: caseAction(z.object({}).strict(), (_d, { reportId }) => ({
    type: 'ReopenReport',
    data: { reportId },
  })),
} as const;

export type ReportActionName = keyof typeof reportActions;

/**
 * The case's reminder badge when it has one (absent otherwise, as before reminders), as the
 * caller sees it: of the referral's acknowledgement when a referral brought them in.
 */
function reminderView(ctx: DeskContext, loaded: LoadedCase) {
  const via = loaded.referral ? loaded.referral.toChannelId : loaded.state.channelId;
  const reminder = ctx.caseList.reminderOf(loaded.reportId, [via]);
  return reminder === null ? {} : { reminder };
}

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
      questionnaire: questionnaireFor(loaded.channelRead.events, state.receivedAt),
      channelLabels: loaded.channel.status === 'none' ? [] : loaded.channel.labels,
      ackTemplate: loaded.channel.status === 'none' ? null : loaded.channel.ackTemplate || null,
      ...(await keySharesView(ctx, loaded)),
      ...reminderView(ctx, loaded),
      ...(await referralsView(ctx, loaded)),
      revision: Number(read.revision),
    });
  });

  /**
   * The people of the case: id and handle of every active investigator who may work it now (a
   * recipient of a channel that may open it: workingChannels), for the assignment picker and the
   * names in the timeline. Through loadCase, so only they see it; the desk's whole directory
   * (`GET /api/investigators`) stays the administrators'.
   */
  router.get('/api/reports/:reportId/people', async (req, res) => {
    const { working } = await loadCase(ctx, req, res);
    const ids = new Set(
      working.flatMap((c) => (c.state.status === 'none' ? [] : c.state.recipients)),
    );
    const items = [];
    for (const investigatorId of ids) {
      const { state } = await readInvestigator(ctx, investigatorId);
      if (state.status === 'active') items.push({ investigatorId, handle: state.handle });
    }
    res.json({ items });
  });

  /**
   * Evidence ciphertext, as intake stored it (content-addressed by the event's blobId), for a
   * recipient of the report's channel; the browser opens it with the report key. Streamed with
   * its length (a 100 MiB file never sits in memory); a blob that changes on disk mid-way cuts
   * the connection. Unknown evidence, a missing blob or a desk without a blob store: 404.
   */
  router.get('/api/reports/:reportId/evidence/:evidenceId', async (req, res) => {
    const { read, reportId, caller } = await loadCase(ctx, req, res);
    const evidenceId = parseRequest(idSchema, req.params['evidenceId']);
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
      deps.logger?.error(`desk: evidence download cut (${errorClass(error)})`),
    );
  });

  /**
   * A case file export, recorded before the browser offers it: the page decrypts the whole case
   * and builds the PDF locally (nothing of it is sent here), and asks this first; without the
   * durable `CaseFileExported` on `access-<id>` it offers no file. One event per export.
   */
  router.post('/api/reports/:reportId/exports', async (req, res) => {
    const { caller, reportId } = await loadCase(ctx, req, res);
    parseRequest(z.object({}).strict(), req.body ?? {});
    await ctx.access.recordExport(
      { reportId, investigatorId: caller.investigatorId },
      deps.ids.uuid(),
    );
    res.status(204).end();
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
    parseRequest(z.object({}).strict(), req.body ?? {});
    if (!deps.purger) throw new ProblemError('notFound');
    const outcome = await deps.purger.purge(
      reportId,
      { kind: 'investigator', investigatorId: caller.investigatorId },
      {
        expectedRevision,
        onError: (error) =>
          deps.logger?.error(`desk: purge left for the retention job (${errorClass(error)})`),
      },
    );
    if (outcome === 'erased') res.status(204).end();
    else res.status(202).json({ pending: true });
  });

  shareRoute(ctx, router);
  router.use(referralRoutes(ctx));

  for (const [name, a] of Object.entries(reportActions))
    postCommand(router, `/api/reports/:reportId/${name}`, a, {
      load: async (req, res) => {
        const { caller, reportId, channel, working, referral } = await loadCase(ctx, req, res);
        return {
          reportId,
          feedbackWithinMonths:
            channel.status === 'none'
              ? directiveDeadlines.feedbackWithinMonths
              : channel.deadlines.feedbackWithinMonths,
          mayWork: (id: string) => mayWork(working, id),
          authorKey: caller.signPublicKey,
          investigatorId: caller.investigatorId,
          channelLabels: channel.status === 'none' ? [] : channel.labels,
          viaKeptReferral: referral !== null && !referral.handOver,
        };
      },
      handle: (part, c, expectedRevision) =>
        handleReportCommand(
          deps.store,
          c.reportId,
          {
            ...part,
            metadata: callerMetadata(deps, c),
          },
          { expectedRevision },
        ),
      respond: (res, result) => {
        res.setHeader('ETag', etag(result.revision));
        res.json({ revision: Number(result.revision), position: String(result.position ?? '') });
      },
    });
  return router;
}
