// Sending a report: seal in the worker, prove work, submit, open the receipt session and
// upload the evidence. Each finished step is remembered in the draft, so "Try again" after a
// failure resumes where it stopped instead of starting over (the report id is chosen here, so
// a repeated submission is the same submission to the server).
import { intake } from '$lib/api/intake';
import { runInWorker } from '$lib/crypto';
import type { SealedAttachment, SealedReport } from '$lib/crypto/jobs';
import { draft } from '$lib/state/report.svelte';
import { withRetry } from './retry';
import { sealAttachment, uploadSealed } from './upload';

export type Stage = 'keys' | 'work' | 'upload' | 'done';

export interface SubmitHooks {
  onProgress: (stage: Stage, fraction: number) => void;
  onRetry: () => void;
}

export type SubmitOutcome = { ok: true } | { ok: false; reason: 'offline' | 'refused' | 'crypto' };

interface Progressed {
  reportId: string;
  sealed?: SealedReport;
  submitted: boolean;
  session: boolean;
  attachments: Map<string, { sealed: SealedAttachment; done: boolean }>;
}

let current: Progressed | undefined;

/** Forget a finished or abandoned submission. */
export function resetSubmission(): void {
  current = undefined;
}

export async function submitDraft(hooks: SubmitHooks): Promise<SubmitOutcome> {
  const channel = draft.channel;
  if (!channel) return { ok: false, reason: 'refused' };
  const info = await withRetry(() => intake.deployment(), hooks.onRetry);
  if (!info.ok) return { ok: false, reason: 'offline' };
  const deployment = info.value;
  current ??= {
    reportId: crypto.randomUUID(),
    submitted: false,
    session: false,
    attachments: new Map(),
  };
  const state = current;

  try {
    if (!state.sealed) {
      hooks.onProgress('keys', 0);
      state.sealed = await runInWorker<SealedReport>(
        {
          kind: 'sealReport',
          reportId: state.reportId,
          channelId: channel.id,
          recipients: channel.recipients,
          crypto: deployment.crypto,
          argon2: deployment.argon2,
          answers: { ...draft.answers },
        },
        (p) => hooks.onProgress('keys', p.fraction),
      );
    }
    const sealed = state.sealed;

    if (!state.submitted) {
      for (let attempt = 0; attempt < 3 && !state.submitted; attempt++) {
        hooks.onProgress('work', 0);
        const challenge = await withRetry(() => intake.challenge(), hooks.onRetry);
        if (!challenge.ok) return { ok: false, reason: 'offline' };
        const pow = await runInWorker<{ challenge: string; solution: string }>(
          { kind: 'solvePow', challenge: challenge.value.challenge },
          (p) => hooks.onProgress('work', p.fraction),
        );
        hooks.onProgress('upload', 0);
        const sent = await withRetry(() => intake.submit(sealed.envelope, pow), hooks.onRetry);
        if (sent.ok) state.submitted = true;
        else if (sent.problem.status !== 403) {
          return { ok: false, reason: sent.problem.status === 0 ? 'offline' : 'refused' };
        }
        // 403: the challenge expired or was spent meanwhile; solve a fresh one.
      }
      if (!state.submitted) return { ok: false, reason: 'refused' };
    }

    if (draft.attachments.length > 0 && !state.session) {
      const opened = await openReceiptSession(locatorOf(sealed.envelope), hooks.onRetry);
      if (!opened) return { ok: false, reason: 'offline' };
      state.session = true;
    }

    const total = draft.attachments.reduce((sum, a) => sum + a.bytes.length, 0) || 1;
    let done = 0;
    for (const attachment of draft.attachments) {
      let entry = state.attachments.get(attachment.id);
      if (!entry) {
        entry = { sealed: await sealAttachment(attachment), done: false };
        state.attachments.set(attachment.id, entry);
      }
      if (!entry.done) {
        const ok = await uploadSealed(
          attachment.id,
          entry.sealed,
          deployment.limits.maxChunkBytes,
          {
            onBytes: (sent, size) =>
              hooks.onProgress('upload', (done + (sent / size) * attachment.bytes.length) / total),
            onRetry: hooks.onRetry,
          },
        );
        if (!ok) return { ok: false, reason: 'offline' };
        entry.done = true;
      }
      done += attachment.bytes.length;
    }
    if (state.session) await intake.closeSession();

    draft.receipt = sealed.receipt;
    hooks.onProgress('done', 1);
    return { ok: true };
  } catch (error) {
    // The error's class only (never its message): useful in the console, safe on the device.
    console.warn('submission stopped:', error instanceof Error ? error.message : typeof error);
    return { ok: false, reason: 'crypto' };
  }
}

export function locatorOf(envelope: unknown): string {
  return (envelope as { whistleblower: { locator: string } }).whistleblower.locator;
}

/** Proves knowledge of the receipt's signing key for a fresh challenge; the worker signs. */
export async function openReceiptSession(locator: string, onRetry: () => void): Promise<boolean> {
  const challenge = await withRetry(() => intake.sessionChallenge(locator), onRetry);
  if (!challenge.ok) return false;
  const signature = await runInWorker<string>({
    kind: 'signSessionChallenge',
    challenge: challenge.value.challenge,
  });
  const opened = await intake.openSession(locator, challenge.value.challenge, signature);
  return opened.ok;
}
