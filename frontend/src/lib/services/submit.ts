// Sending a report: seal in the worker, prove work, submit, open the receipt session and
// upload the evidence. Each finished step is remembered in the draft, so "Try again" after a
// failure resumes where it stopped instead of starting over (the report id is chosen here, so
// a repeated submission is the same submission to the server).
import { intake, type Deployment } from '$lib/api/intake';
import { runInWorker } from '$lib/crypto';
import type { SealedReport } from '$lib/crypto/jobs';
import { draft } from '$lib/state/report.svelte';
import { transient, withRetry } from './retry';
import { uploadAttachment, type UploadState } from './upload';

export type Stage = 'keys' | 'work' | 'upload' | 'done';

export interface SubmitHooks {
  /** `secondsLeft`: the proof of work's estimate by the rate measured so far. */
  onProgress: (stage: Stage, fraction: number, secondsLeft?: number) => void;
  onRetry: () => void;
  /** The channel's recipients changed after the report was locked: it is being locked again. */
  onRecipientsChanged?: () => void;
  /** Aborted when the page leaves: the proof of work in the worker stops. */
  signal?: AbortSignal;
}

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; reason: 'offline' | 'refused' | 'crypto' | 'recipients' | 'cancelled' };

interface Progressed {
  reportId: string;
  sealed?: SealedReport;
  /** The recipient list version a refused seal used: a new list must not be older. */
  refusedListVersion?: number;
  submitted: boolean;
  session: boolean;
  attachments: Map<string, UploadState>;
}

let current: Progressed | undefined;

/** How often a report is locked again for a changed recipient list before giving up. */
const MAX_RESEALS = 2;

/** Intake's answer to a report sealed to a list that is no longer the channel's current one. */
export const recipientListOutdated = (problem: { status: number; type?: string }) =>
  problem.status === 409 && (problem.type ?? '').endsWith('/recipientListOutdated');

/** Forget a finished or abandoned submission. */
export function resetSubmission(): void {
  current = undefined;
}

type Sent = 'submitted' | 'outdated' | 'offline' | 'refused';

/**
 * Intake's answer to a proof of work it will not take: missing or expired, already spent, or
 * solved for a lower difficulty than it asks for now (a flood raised it meanwhile). The cure is
 * the same for all three: a fresh challenge, solved again.
 */
export const powRefused = (problem: { status: number; type?: string }) =>
  problem.status === 403 && /\/pow(Required|Replayed|Outdated)$/.test(problem.type ?? '');

/** A fresh challenge from intake, solved in the worker; undefined when intake is out of reach. */
async function solveFreshPow(
  onProgress: (fraction: number, secondsLeft?: number) => void,
  onRetry: () => void,
  signal?: AbortSignal,
): Promise<{ challenge: string; solution: string } | undefined> {
  const challenge = await withRetry(() => intake.challenge(), onRetry);
  if (!challenge.ok) return undefined;
  return runInWorker(
    { kind: 'solvePow', challenge: challenge.value.challenge },
    (p) => onProgress(p.fraction, p.secondsLeft),
    [],
    signal,
  );
}

/** Proof of work and the submission itself; a refused proof is solved again, fresh. */
async function send(envelope: unknown, hooks: SubmitHooks): Promise<Sent> {
  for (let attempt = 0; attempt < 3; attempt++) {
    hooks.onProgress('work', 0);
    const pow = await solveFreshPow(
      (f, secondsLeft) => hooks.onProgress('work', f, secondsLeft),
      hooks.onRetry,
      hooks.signal,
    );
    if (!pow) return 'offline';
    hooks.onProgress('upload', 0);
    const sent = await withRetry(() => intake.submit(envelope, pow), hooks.onRetry);
    if (sent.ok) return 'submitted';
    if (recipientListOutdated(sent.problem)) return 'outdated';
    if (!powRefused(sent.problem)) return sent.problem.status === 0 ? 'offline' : 'refused';
  }
  return 'refused';
}

type Failed = Extract<SubmitOutcome, { ok: false }>;
const failed = (reason: Failed['reason']): Failed => ({ ok: false, reason });

export async function submitDraft(hooks: SubmitHooks): Promise<SubmitOutcome> {
  if (!draft.channel) return failed('refused');
  current ??= {
    reportId: crypto.randomUUID(),
    submitted: false,
    session: false,
    attachments: new Map(),
  };
  const state = current;
  // "Try again" after a recipient list that could not be used looks for a newer one.
  const stale = state.refusedListVersion !== undefined && !state.sealed;
  const info = await withRetry(() => intake.deployment({ fresh: stale }), hooks.onRetry);
  if (!info.ok) return failed('offline');
  if (stale) {
    const channel = info.value.channels.find((c) => c.id === draft.channel?.id);
    if (!channel) return failed('recipients');
    draft.choose(channel);
  }

  try {
    const deployment = await sealAndSend(state, info.value, hooks);
    if ('ok' in deployment) return deployment;
    const sealed = state.sealed!;
    const stopped = await uploadEvidence(state, sealed, deployment.limits.maxChunkBytes, hooks);
    if (stopped) return stopped;
    draft.receipt = sealed.receipt;
    hooks.onProgress('done', 1);
    return { ok: true };
  } catch (error) {
    if (hooks.signal?.aborted) return failed('cancelled');
    // The error's class only (never its message): useful in the console, safe on the device.
    console.warn('submission stopped:', error instanceof Error ? error.name : typeof error);
    return failed('crypto');
  }
}

/** Seal step: the answers locked in the worker to the channel's recipients, once per list. */
async function seal(
  state: Progressed,
  deployment: Deployment,
  hooks: SubmitHooks,
): Promise<SealedReport | Failed> {
  if (state.sealed) return state.sealed;
  const channel = draft.channel;
  if (!channel) return failed('refused');
  hooks.onProgress('keys', 0);
  try {
    state.sealed = await runInWorker(
      {
        kind: 'sealReport',
        reportId: state.reportId,
        channelId: channel.id,
        recipients: channel.recipients,
        lastSeenVersion: state.refusedListVersion,
        crypto: deployment.crypto,
        argon2: deployment.argon2,
        // The answers with the language they were given in, both inside the seal.
        answers: { ...draft.sealed() },
      },
      (p) => hooks.onProgress('keys', p.fraction),
    );
    return state.sealed;
  } catch (error) {
    // A new list that does not verify (signature, channel, older version) is not sealed to.
    if (state.refusedListVersion !== undefined) return failed('recipients');
    throw error;
  }
}

/**
 * Send step: seal, prove work and submit until intake stores the report. Returns the deployment
 * information it was last sealed under (a changed recipient list fetches it again).
 */
async function sealAndSend(
  state: Progressed,
  deployment: Deployment,
  hooks: SubmitHooks,
): Promise<Deployment | Failed> {
  for (let reseals = 0; !state.submitted;) {
    const sealed = await seal(state, deployment, hooks);
    if ('ok' in sealed) return sealed;
    const sent = await send(sealed.envelope, hooks);
    if (sent === 'submitted') state.submitted = true;
    else if (sent !== 'outdated') return failed(sent);
    else {
      // Nothing was stored: fetch the channel's current list and lock the report again (same
      // report id, new keys), so a recipient removed meanwhile never receives it.
      if (reseals++ >= MAX_RESEALS) return failed('recipients');
      hooks.onRecipientsChanged?.();
      state.refusedListVersion = listVersionOf(sealed.envelope);
      const fresh = await withRetry(() => intake.deployment({ fresh: true }), hooks.onRetry);
      if (!fresh.ok) return failed('offline');
      const channel = fresh.value.channels.find((c) => c.id === draft.channel?.id);
      if (!channel) return failed('recipients');
      deployment = fresh.value;
      draft.choose(channel);
      state.sealed = undefined;
    }
  }
  return deployment;
}

/**
 * Upload step: the receipt session, then every attachment not yet uploaded (each resumes from
 * the server's offset); undefined when all are in.
 */
async function uploadEvidence(
  state: Progressed,
  sealed: SealedReport,
  maxChunkBytes: number,
  hooks: SubmitHooks,
): Promise<Failed | undefined> {
  if (draft.attachments.length > 0 && !state.session) {
    const opened = await openReceiptSession(
      locatorOf(sealed.envelope),
      hooks.onRetry,
      undefined,
      hooks.signal,
    );
    if (!opened) return failed('offline');
    state.session = true;
  }

  const total = draft.attachments.reduce((sum, a) => sum + a.blob.size, 0) || 1;
  let done = 0;
  for (const attachment of draft.attachments) {
    let entry = state.attachments.get(attachment.id);
    if (!entry) {
      entry = { done: false };
      state.attachments.set(attachment.id, entry);
    }
    if (!entry.done) {
      const ok = await uploadAttachment(attachment, entry, maxChunkBytes, {
        onBytes: (sent, size) =>
          hooks.onProgress('upload', (done + (sent / size) * attachment.blob.size) / total),
        onRetry: hooks.onRetry,
      });
      if (!ok) return failed('offline');
    }
    done += attachment.blob.size;
  }
  if (state.session) await intake.closeSession();
  return undefined;
}

function listVersionOf(envelope: unknown): number {
  return (envelope as { recipientListVersion: number }).recipientListVersion;
}

export function locatorOf(envelope: unknown): string {
  return (envelope as { whistleblower: { locator: string } }).whistleblower.locator;
}

/**
 * Proves knowledge of the receipt's signing key for a fresh session challenge (the worker signs),
 * paid for with a proof of work solved first (the session challenge lives two minutes; the work
 * can take longer on a slow device). A refused proof, or a busy server, starts over with fresh
 * ones; a refused signature is final.
 */
export async function openReceiptSession(
  locator: string,
  onRetry: () => void,
  onProgress: (fraction: number, secondsLeft?: number) => void = () => {},
  signal?: AbortSignal,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const pow = await solveFreshPow(onProgress, onRetry, signal);
    if (!pow) return false;
    const challenge = await withRetry(() => intake.sessionChallenge(locator), onRetry);
    if (!challenge.ok) return false;
    const signature = await runInWorker({
      kind: 'signSessionChallenge',
      challenge: challenge.value.challenge,
    });
    const opened = await intake.openSession(locator, challenge.value.challenge, signature, pow);
    if (opened.ok) return true;
    if (!powRefused(opened.problem) && !transient(opened.problem.status)) return false;
    if (transient(opened.problem.status)) {
      onRetry();
      await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
    }
  }
  return false;
}
