// The investigator's API client: every call to services/desk goes through here (routes under
// /api/v1 on the desk's own origin). The desk session is an HttpOnly cookie set by the server;
// case commands carry If-Match with the case's ETag, and a 412 means someone else changed it.
import { getJson, postJson, type Result } from './http';
import type { VaultKdf } from '$lib/crypto/jobs';

export interface DeskDeployment {
  initialised: boolean;
  demo?: boolean;
  name?: string;
}

export interface Me {
  investigatorId: string;
  name: string;
  role: 'admin' | 'investigator';
  vault: unknown;
}

export interface QueueSummary {
  id: string;
  count: number;
}

export interface CaseSummary {
  reportId: string;
  status: string;
  receivedAt: string;
  acknowledgementDueAt?: string;
  priority?: string;
  assignee?: string | null;
}

export interface DeskCase extends CaseSummary {
  channelId: string;
  envelope: unknown;
  messages: {
    messageId: string;
    author: 'whistleblower' | 'investigator';
    envelope: unknown;
    postedAt: string;
  }[];
  notes: { noteId: string; envelope: unknown; postedAt: string }[];
  evidence: {
    evidenceId: string;
    header: unknown;
    paddedSize: number;
    by: string;
    addedAt: string;
  }[];
  timeline: { type: string; at: string }[];
  /** Signing keys of investigators who may author on this report. */
  investigatorKeys: string[];
}

export interface Investigator {
  investigatorId: string;
  name: string;
  role: string;
  active: boolean;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target?: string;
}

export type CaseCommand =
  | { type: 'acknowledge'; message?: unknown; messageId?: string }
  | { type: 'triage'; priority: string; sector: string; region: string | null }
  | { type: 'assign'; investigatorId: string }
  | { type: 'status'; status: string }
  | { type: 'message'; messageId: string; envelope: unknown }
  | { type: 'note'; noteId: string; envelope: unknown }
  | { type: 'close'; outcome: string; message?: string };

const base = '/api/v1';
const id = encodeURIComponent;

export const deskApi = {
  deployment: () => getJson<DeskDeployment>(`${base}/deployment`),
  setup: (body: { setupToken: string; name: string }) =>
    postJson<{ inviteCode: string }>(`${base}/setup`, body),

  enrolStart: (inviteCode: string) =>
    postJson<{ investigatorId: string }>(`${base}/enrol/start`, { inviteCode }),
  enrol: (body: {
    inviteCode: string;
    investigatorId: string;
    name: string;
    username: string;
    vault: unknown;
    loginSecret: string;
  }) => postJson<{ totpSecret: string; otpauthUri: string }>(`${base}/enrol`, body),
  enrolTotp: (investigatorId: string, code: string) =>
    postJson<void>(`${base}/enrol/totp`, { investigatorId, code }),

  /** The vault's KDF salt and parameters for a username (the server answers alike for unknowns). */
  loginKdf: (username: string) => postJson<VaultKdf>(`${base}/auth/kdf`, { username }),
  login: (body: { username: string; loginSecret: string; totp: string }) =>
    postJson<{ investigatorId: string }>(`${base}/auth/login`, body),
  me: () => getJson<Me>(`${base}/me`),
  logout: () => postJson<void>(`${base}/auth/logout`),

  queues: () => getJson<{ queues: QueueSummary[] }>(`${base}/queues`),
  queue: (queueId: string) => getJson<{ cases: CaseSummary[] }>(`${base}/queues/${id(queueId)}`),
  caseFile: (reportId: string) => getJson<DeskCase>(`${base}/cases/${id(reportId)}`),
  command: (reportId: string, etag: string | undefined, command: CaseCommand) =>
    postJson<void>(`${base}/cases/${id(reportId)}/commands`, command, {
      headers: etag ? { 'if-match': etag } : {},
    }),
  evidence: (reportId: string, evidenceId: string) =>
    fetch(`${base}/cases/${id(reportId)}/evidence/${id(evidenceId)}`, { cache: 'no-store' }),

  investigators: () => getJson<{ investigators: Investigator[] }>(`${base}/investigators`),
  invite: (role: 'admin' | 'investigator') =>
    postJson<{ inviteCode: string }>(`${base}/investigators/invitations`, { role }),
  channels: () =>
    getJson<{ channels: { id: string; name: string; questionnaire: unknown }[] }>(
      `${base}/channels`,
    ),
  createChannel: (body: { id: string; name: string; questionnaire: unknown }) =>
    postJson<void>(`${base}/channels`, body),
  audit: () => getJson<{ entries: AuditEntry[] }>(`${base}/audit`),
};

export type { Result };
