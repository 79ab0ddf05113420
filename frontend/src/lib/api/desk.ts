// The investigator's API client: every call to services/desk goes through here (routes under
// /api on the desk's own origin, services/desk/README.md). The session is the HttpOnly cookie
// __Host-desk_session; every state-changing request carries X-Integrity-Desk: 1 (CSRF); case
// and administration commands carry If-Match with the ETag they were read at, and a 412 means
// someone else changed the record meanwhile.
import type {
  ClosingOutcome,
  DeskCase,
  IncomingReferral,
  LiveStatistics,
  PublishedStatistics,
  QueueItem,
  Triage,
  WorkingStatus,
} from '@integrity-desk/protocol';
import type { ReminderState } from '@integrity-desk/protocol/vocabulary';
import { deleteJson, getJson, getStream, postJson, putJson, type Result } from './http';
import type { DeploymentKeyForAdmin, VaultKdf } from '$lib/crypto/jobs';
import type { NotificationMode } from '@integrity-desk/protocol/vocabulary';
import type { CaseWork } from './case-work';

const csrf = { 'x-integrity-desk': '1' };
const post = <T>(url: string, body: unknown = {}, etag?: string) =>
  postJson<T>(url, body, { headers: etag ? { ...csrf, 'if-match': etag } : csrf });

export type Role = 'administrator' | 'investigator';

export interface NotificationSettings {
  email: string | null;
  pgpKey: string | null;
  mode: NotificationMode | null;
  defaultMode: NotificationMode;
}

export interface Caller {
  investigatorId: string;
  handle: string;
  role: Role;
}

export interface SignedIn extends Caller {
  vault: unknown;
  /** False for an account enrolled before possession proofs: the browser sends its proof. */
  keyProven: boolean;
}

export interface QueueCounts {
  queues: Record<string, number>;
  byPriority: Record<string, number>;
  bySector: Record<string, number>;
  /** Queues whose count stopped at the server's cap: "at least" (shown as "1000+"). */
  capped: string[];
}

/** Desk's queue row and case file, declared once in the protocol package. */
export type { DeskCase, QueueItem };

export interface InvestigatorItem {
  investigatorId: string;
  handle: string;
  role: Role;
  status?: string;
}

/** Someone who may work a case (`GET /api/reports/:reportId/people`). */
export interface CasePerson {
  investigatorId: string;
  handle: string;
}

export interface AuditItem {
  position: string | number;
  streamId: string;
  type: string;
  actor: unknown;
  at: string;
}

export interface ReferralBody {
  referralId: string;
  toChannelId: string;
  handOver: boolean;
  /** Only for an inform-only channel: asking the whistleblower, their browser shares on acceptance. */
  shares?: unknown[];
  reason: unknown;
}

export type CaseAction =
  | { name: 'acknowledge'; body: Record<string, never> }
  | { name: 'triage'; body: Triage }
  | { name: 'assign'; body: { investigatorId: string } }
  | { name: 'status'; body: { to: WorkingStatus } }
  | { name: 'messages'; body: { messageId: string; envelope: unknown } }
  | { name: 'notes'; body: { noteId: string; note: unknown } }
  | { name: 'close'; body: { outcome: ClosingOutcome } }
  | { name: 'labels' | 'unlabel'; body: { label: string } };

/** One case of the case list (services/desk GET /api/cases): plain fields only. */
export interface CaseListItem {
  reportId: string;
  channelId: string;
  status: string;
  outcome: string | null;
  receivedAt: string;
  acknowledgementDueAt: string;
  nextDeadline: string | null;
  priority: string | null;
  sector: string | null;
  region: string | null;
  awaiting: 'whistleblower' | 'investigator' | null;
  assignees: string[];
  labels: string[];
  /** The submission and each whistleblower message: what the unread marker compares. */
  whistleblowerWrites: number;
  lastWhistleblowerAt: string;
  /** The open deadline's reminder (`due`) or escalation (`overdue`) if recorded. */
  reminder: ReminderState | null;
  /** The report's own channel when the caller's channel has the case by a referral from it. */
  referredFrom: string | null;
  /** Such a caller has acknowledged its referral (its badge is then of its feedback deadline). */
  referralAcknowledged?: boolean;
  referredFromName: string | null;
}

/** How much work waits (GET /api/cases/work): counts, and the cases whose whistleblower wrote last. */
export type { CaseWork } from './case-work';

export interface CaseListPage {
  total: number;
  items: CaseListItem[];
  counts: Record<string, number>;
  position: number;
}

/** Server-sent events of the investigator's case list (same origin, the session cookie). */
export const caseEventsUrl = '/api/cases/events';

const id = encodeURIComponent;

export const deskApi = {
  cases: (query: URLSearchParams) => getJson<CaseListPage>(`/api/cases?${query.toString()}`),
  /** How much work waits for the caller (the header's indicator); never what it is. */
  work: () => getJson<CaseWork>('/api/cases/work'),
  /** Records a case list CSV export (the filter, the rows in the file) before it is offered. */
  recordCaseListExport: (body: { filter: Record<string, string>; rows: number }) =>
    post<void>('/api/cases/exports', body),
  setupNeeded: () => getJson<{ needed: boolean }>('/api/setup'),
  setup: (body: {
    setupToken: string;
    deploymentSignPublicKey: string;
    deploymentKey: unknown;
    administrator: {
      investigatorId: string;
      handle: string;
      loginSecret: string;
      vault: unknown;
      keyProof: string;
    };
  }) =>
    post<{ investigatorId: string; enrolmentCode: string; totp: { secret: string; uri: string } }>(
      '/api/setup',
      body,
    ),
  enrol: (body: {
    investigatorId: string;
    enrolmentCode: string;
    loginSecret: string;
    vault: unknown;
    keyProof: string;
  }) => post<{ totp: { secret: string; uri: string } }>('/api/enrolment', body),
  enrolTotp: (body: { investigatorId: string; enrolmentCode: string; code: string }) =>
    post<void>('/api/enrolment/totp', body),

  /**
   * The vault's KDF salt and parameters for a handle, needed to derive the login secret before
   * signing in. Unknown or inactive handles get a decoy of the same shape (SECURITY.md, Staff
   * side), so a failure shows only at POST /api/session.
   */
  loginKdf: (handle: string) => post<VaultKdf>('/api/session/kdf', { handle }),
  signIn: (body: { handle: string; loginSecret: string; totp: string }) =>
    post<SignedIn>('/api/session', body),
  session: () => getJson<Caller>('/api/session'),
  /** New password: a new vault around the same key pairs, made in the worker. */
  changeVault: (body: { currentLoginSecret: string; loginSecret: string; vault: unknown }) =>
    post<{ revision: number }>('/api/session/vault', body),
  /** After an administrator's TOTP reset: bind a new secret with the code and login secret. */
  reenrolTotp: (body: { investigatorId: string; enrolmentCode: string; loginSecret: string }) =>
    post<{ totp: { secret: string; uri: string } }>('/api/enrolment/totp-reset', body),
  signOut: () => deleteJson<void>('/api/session', { headers: csrf }),
  /** The possession proof of an account enrolled before proofs (SECURITY.md, Protocol step 10). */
  proveKeys: (keyProof: string) => post<void>('/api/session/key-proof', { keyProof }),
  /** Every channel's signed recipient list: the unlock checks those naming the account. */
  recipientLists: () =>
    getJson<{
      lists: { channelId: string; recipientList: unknown }[];
      deploymentSignPublicKey: string | null;
      deploymentKeyTransitions?: unknown[];
    }>('/api/recipient-lists'),
  /** Records in the audit log that a signed list names this account with other keys. */
  keyAlarm: (alarm: { channelId: string; recipientListVersion: number; reason: string }) =>
    post<{ recorded: true }>('/api/session/key-alarm', alarm),

  queueCounts: () => getJson<QueueCounts>('/api/queues'),
  queue: (name: string) => getJson<{ items: QueueItem[] }>(`/api/queues/${id(name)}`),
  caseFile: (reportId: string) => getJson<DeskCase>(`/api/reports/${id(reportId)}`),
  act: (reportId: string, etag: string | undefined, action: CaseAction) =>
    post<{ revision: number }>(`/api/reports/${id(reportId)}/${action.name}`, action.body, etag),
  /**
   * Retention purge of a closed report (administrators who are recipients): 204 erased, 202
   * decided with its last files left to the retention job.
   */
  purge: (reportId: string, etag: string | undefined) =>
    post<{ pending: true } | undefined>(`/api/reports/${id(reportId)}/purge`, {}, etag),
  /** A report key share for a colleague added after the report was sealed (made in the worker). */
  share: (reportId: string, etag: string | undefined, share: unknown) =>
    post<{ revision: number }>(`/api/reports/${id(reportId)}/share`, { share }, etag),
  /** Channels the case may be referred to, each with its signed list (verified in the worker). */
  referralTargets: (reportId: string) =>
    getJson<{
      items: { channelId: string; name: string; recipientList: unknown }[];
      referralMode: 'consent' | 'inform';
    }>(`/api/reports/${id(reportId)}/referral-targets`),
  /** A referral: the key shares for the target's list and the sealed reason, made in the worker. */
  refer: (reportId: string, etag: string | undefined, body: ReferralBody) =>
    post<{ revision: number }>(`/api/reports/${id(reportId)}/referrals`, body, etag),
  withdrawReferral: (reportId: string, etag: string | undefined, referralId: string) =>
    post<{ revision: number }>(
      `/api/reports/${id(reportId)}/referrals/${id(referralId)}/withdraw`,
      {},
      etag,
    ),
  /** The target's own acknowledgement of a referral that brought the case to its channel. */
  acknowledgeReferral: (reportId: string, etag: string | undefined, referralId: string) =>
    post<{ revision: number }>(
      `/api/reports/${id(reportId)}/referrals/${id(referralId)}/acknowledge`,
      {},
      etag,
    ),
  /**
   * Who may work the case (id and handle): the assignment picker and the timeline's names, for
   * every investigator who may open it (the directory itself is the administrators').
   */
  casePeople: (reportId: string) =>
    getJson<{ items: CasePerson[] }>(`/api/reports/${id(reportId)}/people`),
  /** Reports referred into my channels that took effect (the whistleblower agreed, or inform only). */
  incomingReferrals: () => getJson<{ items: IncomingReferral[] }>('/api/referrals/incoming'),
  /** Records a case file export (204) before the page offers the PDF it built; nothing of it is sent. */
  recordExport: (reportId: string) => post<void>(`/api/reports/${id(reportId)}/exports`),
  /** Evidence ciphertext (application/octet-stream), for recipients of the report's channel. */
  evidence: (reportId: string, evidenceId: string) =>
    getStream(`/api/reports/${id(reportId)}/evidence/${id(evidenceId)}`),

  investigators: () => getJson<{ items: InvestigatorItem[] }>('/api/investigators'),
  invite: (handle: string, role: Role) =>
    post<{ investigatorId: string; enrolmentCode: string }>('/api/investigators', { handle, role }),
  /**
   * Includes the account's public keys from its vault and their possession proof; null while
   * the account is only invited (the proof: also for an account that has not proved its keys).
   */
  investigator: (investigatorId: string) =>
    getJson<
      InvestigatorItem & {
        boxPublicKey: string | null;
        signPublicKey: string | null;
        keyProof: string | null;
      }
    >(`/api/investigators/${id(investigatorId)}`),
  /** The deployment key: current public key, rotations, the caller's own sealed copy (or null). */
  deploymentKey: () => getJson<DeploymentKeyForAdmin>('/api/deployment/key'),
  shareDeploymentKey: (sealedKey: unknown) =>
    post<{ administratorId: string }>('/api/deployment/key-shares', { sealedKey }),
  rotateDeploymentKey: (body: { transition: unknown; sealedKey: unknown }) =>
    post<{ deploymentSignPublicKey: string }>('/api/deployment/rotation', body),
  channels: () =>
    getJson<{ items: { channelId: string; name: string; recipientsVersion?: number }[] }>(
      '/api/channels',
    ),
  publishRecipients: (channelId: string, etag: string | undefined, recipientList: unknown) =>
    post<{ revision: number }>(
      `/api/channels/${id(channelId)}/recipients`,
      { recipientList },
      etag,
    ),
  channel: (channelId: string) =>
    getJson<{
      questionnaireVersion?: number;
      recipientsVersion?: number;
      ackTemplate?: string;
      labels?: string[];
      referralMode?: 'consent' | 'inform';
      /** The current signed list (verified in the worker), or null before the first. */
      recipientList?: unknown;
    }>(`/api/channels/${id(channelId)}`),
  /** How the channel refers reports to another member: the whistleblower decides, or inform only. */
  setReferralMode: (channelId: string, etag: string | undefined, mode: 'consent' | 'inform') =>
    post<{ revision: number }>(`/api/channels/${id(channelId)}/referral-mode`, { mode }, etag),
  /** The labels investigators may attach to the channel's cases (plain text, SECURITY.md). */
  setLabels: (channelId: string, etag: string | undefined, labels: string[]) =>
    post<{ revision: number }>(`/api/channels/${id(channelId)}/labels`, { labels }, etag),
  /** The acknowledgement's first message for a channel's cases ('' for the desk's default). */
  setAckTemplate: (channelId: string, etag: string | undefined, template: string) =>
    post<{ revision: number }>(`/api/channels/${id(channelId)}/ack-template`, { template }, etag),
  createChannel: (name: string) =>
    post<{ channelId: string; revision: number }>('/api/channels', { name }),
  publishQuestionnaire: (
    channelId: string,
    etag: string | undefined,
    version: number,
    questionnaire: unknown,
  ) =>
    post<{ revision: number }>(
      `/api/channels/${id(channelId)}/questionnaire`,
      { version, questionnaire },
      etag,
    ),
  audit: () => getJson<{ items: AuditItem[] }>('/api/audit'),
  /** Where and how often the desk tells the caller that there is work (never what). */
  notificationSettings: () => getJson<NotificationSettings>('/api/account/notifications'),
  saveNotificationSettings: (body: {
    email: string | null;
    mode: NotificationMode | null;
    pgpKey?: string;
  }) => putJson<void>('/api/account/notifications', body, { headers: csrf }),
  /** The mode of everyone who has not chosen one (administrators). */
  saveNotificationDefault: (mode: NotificationMode) =>
    putJson<void>('/api/notifications/default', { mode }, { headers: csrf }),
  /** The indicators, live, for the caller's channels (every channel for an administrator). */
  statistics: () => getJson<LiveStatistics>('/api/statistics'),
  /** What publishing now would publish (administrators), recorded nowhere. */
  statisticsDraft: (threshold: number) =>
    getJson<PublishedStatistics>(`/api/statistics/draft?threshold=${threshold}`),
  publishStatistics: (threshold: number) =>
    post<PublishedStatistics>('/api/statistics/published', { threshold }),
  resetTotp: (investigatorId: string, etag: string | undefined) =>
    post<{ revision: number; enrolmentCode: string }>(
      `/api/investigators/${id(investigatorId)}/totp-reset`,
      {},
      etag,
    ),
};

export type { Result };
