import { Router } from 'express';
import { z } from 'zod';
import type { IntakeContext } from '../context.ts';
import {
  attachmentCiphertextSize,
  attachmentHeaderSchema,
  idSchema,
  messageEnvelopeSchema,
  reportKeyShareSchema,
} from '../http-domain/protocol.ts';
import {
  addWhistleblowerEvidence,
  answerReferral,
  readCaseView,
  postWhistleblowerMessage,
  type CaseView,
} from '../http-domain/reports.ts';
import { UploadNotFoundError, UploadOffsetError } from '../evidence/blob-store.ts';
import { jsonBody, octetBody } from '../http/body.ts';
import { ProblemError } from '../http/problem.ts';
import { errorClass, sendBlob, parseRequest } from '@integrity-desk/http';
import { sessionReport } from '../auth/routes.ts';
import { checkConsentShares, referralTarget } from './consent-shares.ts';

const messageBody = z.strictObject({ messageId: idSchema, envelope: messageEnvelopeSchema });
const beginBody = z.strictObject({
  evidenceId: idSchema,
  size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  header: attachmentHeaderSchema,
});
const evidenceParams = z.strictObject({ evidenceId: idSchema });
const targetParams = z.strictObject({ referralId: idSchema });
const emptyBody = z.strictObject({});
const referralParams = z.strictObject({
  referralId: idSchema,
  answer: z.enum(['accept', 'decline']),
});
/** An acceptance carries the browser's shares to the target's recipients; a decline nothing. */
const acceptBody = z.strictObject({ shares: z.array(reportKeyShareSchema).min(1).max(64) });

/** Ciphertext bytes of a stored piece of evidence (its header says how many chunks it has). */
function storedSize(item: { paddedSize: number; header: unknown }): number {
  const header = attachmentHeaderSchema.safeParse(item.header);
  return header.success ? attachmentCiphertextSize(header.data) : item.paddedSize;
}
/** The status of an upload whose `EvidenceAdded` is recorded: every byte there, complete. */
const recorded = (evidenceId: string, size: number, blobId: string) => ({
  evidenceId,
  size,
  received: size,
  complete: true,
  blobId,
});
const recordedUpload = (view: CaseView, evidenceId: string) => {
  const done = view.evidence.find((e) => e.evidenceId === evidenceId);
  return done && recorded(evidenceId, storedSize(done), done.blobId);
};
const offsetQuery = z.strictObject({ offset: z.string().regex(/^(0|[1-9][0-9]{0,15})$/) });

/**
 * The whistleblower's case, behind a session (`requireSession` runs before this router):
 * the case view, posting sealed messages, and evidence uploads in chunks. Uploads resume:
 * GET an upload's status for the next offset, then PUT from there; the last chunk completes the
 * blob and appends `EvidenceAdded`.
 */
export function caseRoutes(ctx: IntakeContext): Router {
  const router = Router();
  const { config, clock } = ctx;
  const { store, blobStore } = ctx.deps;
  const writeLimit = ctx.limits.perReport;
  // The class only: a file system error's message carries the blob's path.
  const onStreamError = (error: unknown) =>
    ctx.counters.count('error', 'downloads cut', { error: errorClass(error) });

  async function caseOf(reportId: string) {
    const view = await readCaseView(store, reportId);
    // The session outlived the report (purged): the same answer as an expired session.
    if (!view) throw new ProblemError('unauthorized');
    return view;
  }

  router.get('/case', async (req, res) => {
    const { signPublicKey: _signPublicKey, ...view } = await caseOf(sessionReport(req));
    res.json(view);
  });

  router.post('/case/messages', writeLimit, ...jsonBody(config.maxJsonBytes), async (req, res) => {
    const body = parseRequest(messageBody, req.body);
    const reportId = sessionReport(req);
    await caseOf(reportId);
    // Bound to this report and id. The report decider checks that the author key is this
    // receipt's and the sequence the next one (422, 409); readers check the signature itself.
    if (body.envelope.reportId !== reportId || body.envelope.messageId !== body.messageId)
      throw new ProblemError('invalidRequest');
    await postWhistleblowerMessage(store, {
      reportId,
      messageId: body.messageId,
      envelope: body.envelope,
      now: clock.now(),
    });
    res.status(201).json({ messageId: body.messageId });
  });

  /**
   * A referral's target as the accepting browser needs it (SECURITY.md, Protocol step 11): its
   * public name and its signed recipient list, which the worker verifies against the pinned key
   * with the target's channel id before sealing anything. Only for a referral of this session's
   * case; a target that no longer has an active list: 404.
   */
  router.get('/case/referrals/:referralId/target', async (req, res) => {
    const { referralId } = parseRequest(targetParams, req.params);
    const view = await caseOf(sessionReport(req));
    const referral = view.referrals?.find((r) => r.referralId === referralId);
    const target = referral && (await referralTarget(ctx, referral.toChannelId));
    if (!target) throw new ProblemError('unknownChannel');
    res.json({ channelId: target.id, name: target.name, recipientList: target.recipients });
  });

  /**
   * The whistleblower accepts or declines a referral of their case to another channel (SECURITY.md,
   * Protocol step 11, and Public endpoints): only an accepted one lets the target read it, with
   * the key shares the accepting browser made (checked by checkConsentShares). An unknown
   * referral, one already answered otherwise or withdrawn: 409; the same answer again: the same
   * success.
   */
  router.post(
    '/case/referrals/:referralId/:answer',
    writeLimit,
    ...jsonBody(64 * 1024),
    async (req, res) => {
      const { referralId, answer } = parseRequest(referralParams, req.params);
      const accept = answer === 'accept';
      const shares = accept ? parseRequest(acceptBody, req.body).shares : [];
      if (!accept) parseRequest(emptyBody, req.body);
      const reportId = sessionReport(req);
      const view = await caseOf(reportId);
      if (accept) await checkConsentShares(ctx, view, referralId, shares);
      await answerReferral(store, { reportId, referralId, accept, shares, now: clock.now() });
      res.status(204).end();
    },
  );

  async function uploadStatus(reportId: string, evidenceId: string) {
    const view = await caseOf(reportId);
    const done = recordedUpload(view, evidenceId);
    if (done) return done;
    const status = await blobStore.status(evidenceId);
    if (status && status.owner === reportId)
      return { evidenceId, size: status.size, received: status.received, complete: false };
    // Every byte arrived and the blob is in place, but its EvidenceAdded is not (the answer to
    // the last chunk was lost): the client finishes it with POST .../complete.
    const finished = await unrecordedUpload(reportId, evidenceId);
    return (
      finished && { evidenceId, size: finished.size, received: finished.size, complete: false }
    );
  }

  async function unrecordedUpload(reportId: string, evidenceId: string) {
    const pending = await blobStore.unrecorded(reportId);
    return pending.find((u) => u.uploadId === evidenceId && u.note !== '');
  }

  /**
   * Turns an upload whose every byte arrived into evidence: its blob in place and EvidenceAdded
   * durable. Idempotent, because the answer to the last chunk can be lost after any step (a
   * dropped connection, an append that failed, a restart after the rename): the client asks
   * again, by PUTting the last chunk's status or POSTing .../complete, and gets the same blob.
   */
  async function finishUpload(reportId: string, evidenceId: string) {
    const view = await caseOf(reportId);
    const done = recordedUpload(view, evidenceId);
    if (done) return { created: false, status: done };
    let finished: { blobId: string; size: number; note: string } | undefined;
    const status = await blobStore.status(evidenceId);
    if (status && status.owner === reportId) {
      if (status.received < status.size) throw new ProblemError('uploadIncomplete');
      // Closed (or purged) since the upload began: it takes no evidence, so the upload is
      // dropped here rather than completed into a blob that no event names.
      if (view.status === 'closed') {
        await blobStore.discardUploads(reportId);
        throw new ProblemError('reportClosed');
      }
      try {
        const { blobId } = await blobStore.complete(evidenceId);
        finished = { blobId, size: status.size, note: status.note };
      } catch (error) {
        // A concurrent request completed it first: its marker is found below.
        if (!(error instanceof UploadNotFoundError)) throw error;
      }
    }
    finished ??= await unrecordedUpload(reportId, evidenceId);
    if (!finished) throw await missingUpload(reportId, evidenceId);
    // A closed report's unrecorded blob is left to the sweep (and a purge), which erase it.
    if (view.status === 'closed') throw new ProblemError('reportClosed');
    const header = attachmentHeaderSchema.parse(JSON.parse(finished.note));
    await addWhistleblowerEvidence(store, {
      reportId,
      evidenceId,
      blobId: finished.blobId,
      paddedSize: header.paddedSize,
      header,
      now: clock.now(),
    });
    // Durable: the event names the blob now, so the sweep must not consider it unrecorded.
    await blobStore.recorded(evidenceId, finished.blobId);
    return { created: true, status: recorded(evidenceId, finished.size, finished.blobId) };
  }

  router.post('/case/evidence', writeLimit, ...jsonBody(64 * 1024), async (req, res) => {
    const body = parseRequest(beginBody, req.body);
    const reportId = sessionReport(req);
    if (
      body.header.reportId !== reportId ||
      body.header.attachmentId !== body.evidenceId ||
      attachmentCiphertextSize(body.header) !== body.size
    ) {
      throw new ProblemError('invalidRequest');
    }
    // Checked and begun under one lock that every intake process on this DATA_DIR shares:
    // concurrent starts would otherwise each pass the check before any of them counts.
    const started = await blobStore.reserving(async () => {
      const existing = await uploadStatus(reportId, body.evidenceId);
      if (existing) {
        if (existing.size !== body.size) throw new ProblemError('uploadConflict');
        return { existing };
      }
      // Read in the order an upload moves (unfinished, finished but not yet recorded, recorded),
      // so one that moves on meanwhile is still counted once at least.
      const pending = await blobStore.pending(reportId);
      const finishing = await blobStore.unrecorded(reportId);
      const view = await caseOf(reportId);
      if (view.status === 'closed') throw new ProblemError('reportClosed');
      const unrecorded = finishing.filter(
        (u) => !view.evidence.some((e) => e.evidenceId === u.uploadId),
      );
      const stored = view.evidence.reduce((sum, e) => sum + storedSize(e), 0);
      const bytes = stored + pending.bytes + unrecorded.reduce((sum, u) => sum + u.size, 0);
      // Unfinished uploads count as files too: each of them may finish.
      const files = view.evidence.length + pending.uploads + unrecorded.length;
      if (bytes + body.size > config.maxEvidenceBytesPerReport || files >= config.maxEvidenceFiles)
        throw new ProblemError('quotaExceeded');
      if (await blobStore.status(body.evidenceId)) throw new ProblemError('uploadConflict');
      const status = await blobStore.begin(body.evidenceId, {
        size: body.size,
        owner: reportId,
        note: JSON.stringify(body.header),
      });
      return { status };
    });
    if ('existing' in started) {
      res.status(200).json(started.existing);
      return;
    }
    const { status } = started;
    res.status(201).json({
      evidenceId: body.evidenceId,
      size: status.size,
      received: status.received,
      complete: false,
    });
  });

  /** No such upload: 410 if a sweep removed this report's upload, so it starts the file again. */
  async function missingUpload(reportId: string, evidenceId: string): Promise<ProblemError> {
    const expired = await blobStore.expired(evidenceId);
    return new ProblemError(expired?.owner === reportId ? 'uploadExpired' : 'uploadNotFound');
  }

  router.get('/case/evidence/:evidenceId', async (req, res) => {
    const { evidenceId } = parseRequest(evidenceParams, req.params);
    const reportId = sessionReport(req);
    const status = await uploadStatus(reportId, evidenceId);
    if (!status) throw await missingUpload(reportId, evidenceId);
    res.json(status);
  });

  router.put(
    '/case/evidence/:evidenceId',
    writeLimit,
    ...octetBody(config.maxChunkBytes),
    async (req, res) => {
      const { evidenceId } = parseRequest(evidenceParams, req.params);
      const offset = Number(parseRequest(offsetQuery, req.query).offset);
      const chunk = req.body as unknown;
      if (!(chunk instanceof Buffer) || chunk.byteLength === 0)
        throw new ProblemError('invalidRequest');
      const reportId = sessionReport(req);
      const status = await blobStore.status(evidenceId);
      if (!status || status.owner !== reportId) throw await missingUpload(reportId, evidenceId);
      if (offset + chunk.byteLength > status.size) throw new ProblemError('quotaExceeded');
      if (offset !== status.received) throw new ProblemError('uploadOffset');
      let next;
      try {
        next = await blobStore.write(evidenceId, offset, chunk);
      } catch (error) {
        if (error instanceof UploadOffsetError) throw new ProblemError('uploadOffset');
        // Swept between the status check and the write.
        if (error instanceof UploadNotFoundError) throw await missingUpload(reportId, evidenceId);
        throw error;
      }
      if (next.received < next.size) {
        res.json({ evidenceId, size: next.size, received: next.received, complete: false });
        return;
      }
      res.status(201).json((await finishUpload(reportId, evidenceId)).status);
    },
  );

  router.post(
    '/case/evidence/:evidenceId/complete',
    writeLimit,
    ...jsonBody(1024),
    async (req, res) => {
      const { evidenceId } = parseRequest(evidenceParams, req.params);
      parseRequest(emptyBody, req.body);
      const reportId = sessionReport(req);
      const { created, status } = await finishUpload(reportId, evidenceId);
      res.status(created ? 201 : 200).json(status);
    },
  );

  /**
   * Ciphertext of one piece of evidence of this case (e.g. a document an investigator shared),
   * streamed from the blob store with its length; a blob that changes on disk mid-way cuts the
   * connection (see sendBlob).
   */
  router.get('/case/evidence/:evidenceId/blob', async (req, res) => {
    const { evidenceId } = parseRequest(evidenceParams, req.params);
    const view = await caseOf(sessionReport(req));
    const item = view.evidence.find((e) => e.evidenceId === evidenceId);
    const blob = item && (await blobStore.readStream(item.blobId));
    if (!blob) throw new ProblemError('uploadNotFound');
    await sendBlob(res, blob, onStreamError);
  });

  return router;
}
