// The whistleblower's API client: every call to services/intake goes through here.
// Paths and payloads follow services/intake (routes under /api/v1). The session token lives in
// this module's memory only and travels in the Authorization header, never in a cookie.

import type { PublishedStatistics, WhistleblowerCase } from '@integrity-desk/protocol';
import { normaliseQuestionnaire, type Questionnaire } from './questionnaire';
import { deleteJson, getJson, postJson, putBytes, type Result } from './http';

export type { Question, Questionnaire } from './questionnaire';

export interface Channel {
  id: string;
  name: string;
  description?: string;
  questionnaire: Questionnaire;
  recipients: unknown;
}

export interface Deployment {
  name?: string;
  demo?: boolean;
  channels: Channel[];
  argon2: { memoryKiB: number; iterations: number; parallelism: number };
  crypto: unknown;
  pow: { algorithm: string; bits: number };
  limits: {
    maxJsonBytes: number;
    maxChunkBytes: number;
    maxEvidenceBytesPerReport: number;
    maxEvidenceFiles: number;
    sessionIdleSeconds: number;
  };
}

/** Intake's case view, declared once in the protocol package beside the request schemas. */
export type CaseView = WhistleblowerCase;

export interface UploadStatus {
  evidenceId: string;
  size: number;
  received: number;
  complete: boolean;
  blobId?: string;
}

const base = '/api/v1';
let token: string | undefined;
const auth = (): { headers: Record<string, string> } => ({
  headers: token ? { authorization: `Bearer ${token}` } : {},
});

let deployment: Promise<Result<Deployment>> | undefined;

export const intake = {
  /**
   * Channels, recipients, KDF and PoW parameters; fetched once per page load, or again with
   * `fresh` (a channel's recipient list changed since).
   */
  deployment(options: { fresh?: boolean } = {}): Promise<Result<Deployment>> {
    if (options.fresh) deployment = undefined;
    deployment ??= getJson<Deployment>(`${base}/deployment`).then((r) => {
      if (!r.ok) deployment = undefined;
      else
        for (const channel of r.value.channels) {
          channel.questionnaire = normaliseQuestionnaire(channel.questionnaire);
        }
      return r;
    });
    return deployment;
  },
  challenge: () => getJson<{ challenge: string }>(`${base}/pow`),
  /** The coalition's published statistics: the latest snapshot, or null before the first. */
  statistics: () => getJson<{ snapshot: PublishedStatistics | null }>(`${base}/statistics`),
  submit: (envelope: unknown, pow: { challenge: string; solution: string }) =>
    postJson<{ reportId: string }>(`${base}/reports`, { envelope, pow }),

  sessionChallenge: (locator: string) =>
    postJson<{ challenge: string; expiresAt: number }>(`${base}/session/challenge`, { locator }),
  /** A receipt session: the signed session challenge, paid for with a solved proof of work. */
  async openSession(
    locator: string,
    challenge: string,
    signature: string,
    pow: { challenge: string; solution: string },
  ) {
    const result = await postJson<{ token: string }>(`${base}/session`, {
      locator,
      challenge,
      signature,
      pow,
    });
    if (result.ok) token = result.value.token;
    return result;
  },
  get hasSession() {
    return token !== undefined;
  },
  /**
   * Forgets the session token in this page only, without a request: for a server that can no
   * longer be trusted with anything (the return path refused what it handed back).
   */
  dropSession() {
    token = undefined;
  },
  async closeSession() {
    const result = await deleteJson<void>(`${base}/session`, auth());
    token = undefined;
    return result;
  },

  caseView: () => getJson<CaseView>(`${base}/case`, auth()),
  /** A referral's target: its public name and signed list (the worker verifies the list). */
  referralTarget: (referralId: string) =>
    getJson<{ channelId: string; name: string; recipientList: unknown }>(
      `${base}/case/referrals/${encodeURIComponent(referralId)}/target`,
      auth(),
    ),
  /** The whistleblower's answer to a referral of the case to another channel (Protocol step 11). */
  answerReferral: (referralId: string, answer: 'accept' | 'decline', shares?: unknown[]) =>
    postJson<void>(
      `${base}/case/referrals/${encodeURIComponent(referralId)}/${answer}`,
      shares ? { shares } : {},
      auth(),
    ),
  postMessage: (messageId: string, envelope: unknown) =>
    postJson<{ messageId: string }>(`${base}/case/messages`, { messageId, envelope }, auth()),
  beginEvidence: (evidenceId: string, size: number, header: unknown) =>
    postJson<UploadStatus>(`${base}/case/evidence`, { evidenceId, size, header }, auth()),
  evidenceStatus: (evidenceId: string) =>
    getJson<UploadStatus>(`${base}/case/evidence/${encodeURIComponent(evidenceId)}`, auth()),
  putEvidenceChunk: (evidenceId: string, offset: number, bytes: Uint8Array) =>
    putBytes<UploadStatus>(
      `${base}/case/evidence/${encodeURIComponent(evidenceId)}?offset=${offset}`,
      bytes,
      auth(),
    ),
  completeEvidence: (evidenceId: string) =>
    postJson<UploadStatus>(
      `${base}/case/evidence/${encodeURIComponent(evidenceId)}/complete`,
      {},
      auth(),
    ),
};
