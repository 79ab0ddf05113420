// An investigator at the real desk, through its HTTP API as the desk pages call it (session
// cookie, CSRF header, If-Match with the ETag the case was read at). What the pages' worker does
// in the browser, opening the report, its evidence and messages and sealing questions with the
// investigator's own keys, is done here in Node with the protocol package.
import {
  openAttachment,
  openMessage,
  openReport,
  openSharedReport,
  sealMessage,
  type DeskCase,
  type RecipientList,
  type SubmissionEnvelope,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import type { Account, Desk } from '../../../services/desk/test/harness.ts';

export interface OpenedReport {
  envelope: SubmissionEnvelope;
  reportKey: Uint8Array;
  answers: Record<string, unknown>;
}

export class DeskInvestigator {
  /** This investigator's next message sequence per report (the protocol counts per author). */
  private readonly sequences = new Map<string, number>();

  constructor(
    readonly desk: Desk,
    readonly account: Account,
  ) {}

  get recipientId(): string {
    return this.account.investigatorId;
  }

  private async call(method: string, path: string, options: { body?: unknown; ifMatch?: string }) {
    const reply = await this.desk.call(method, path, { cookie: this.account.cookie, ...options });
    if (reply.status >= 300) throw new Error(`desk ${method} ${path}: ${reply.status}`);
    return reply;
  }

  /** The ids of the reports in this investigator's inbox, once the desk has read every event. */
  async inbox(): Promise<string[]> {
    await this.desk.settle();
    const { body } = await this.call('GET', '/api/queues/inbox', {});
    return (body['items'] as { reportId: string }[]).map((item) => item.reportId);
  }

  async caseFile(reportId: string): Promise<{ file: DeskCase; etag: string }> {
    await this.desk.settle();
    const reply = await this.call('GET', `/api/reports/${reportId}`, {});
    return { file: reply.body as unknown as DeskCase, etag: reply.headers.get('etag') ?? '' };
  }

  /** The case opened with this investigator's box key, as the case page's worker opens it. */
  async open(reportId: string): Promise<OpenedReport> {
    const { file } = await this.caseFile(reportId);
    const { keys } = this.account;
    return openReport(this.desk.backend, file.envelope, {
      kind: 'recipient',
      recipientId: this.recipientId,
      boxPublicKey: keys.box.publicKey,
      boxSecretKey: keys.box.secretKey,
    }) as OpenedReport;
  }

  /**
   * A case that reached this investigator by a share (a referral the whistleblower agreed to),
   * opened as the case page's worker opens it: the share checked against the report channel's
   * verified list or the whistleblower's key in the signed envelope.
   */
  async openShared(reportId: string): Promise<OpenedReport> {
    const { file } = await this.caseFile(reportId);
    const { keys } = this.account;
    return openSharedReport(this.desk.backend, file.envelope, file.keyShares[0]?.share, {
      recipientId: this.recipientId,
      boxPublicKey: keys.box.publicKey,
      boxSecretKey: keys.box.secretKey,
      sharers: (file.recipientList as RecipientList | null)?.recipients ?? [],
    }) as OpenedReport;
  }

  /** Proposes to refer the case to `toChannelId` with a sealed reason (a consent channel). */
  async refer(reportId: string, reportKey: Uint8Array, toChannelId: string, reason: string) {
    const referralId = randomUUID();
    const sealed = sealMessage(this.desk.backend, {
      reportKey,
      reportId,
      messageId: referralId,
      authorRole: 'investigator',
      authorSignSeed: this.account.keys.sign.seed,
      sequence: 0,
      thread: 'referrals',
      body: JSON.stringify({ to: toChannelId, reason }),
    });
    await this.act(reportId, 'referrals', {
      referralId,
      toChannelId,
      handOver: false,
      reason: sealed,
    });
  }

  /** Every report in the inbox, opened. */
  async openInbox(): Promise<OpenedReport[]> {
    return Promise.all((await this.inbox()).map((id) => this.open(id)));
  }

  /** The one report in the inbox that is not among `known`, opened. */
  async openNewReport(known: readonly string[]): Promise<OpenedReport> {
    const fresh = (await this.inbox()).filter((id) => !known.includes(id));
    if (fresh.length !== 1) throw new Error(`expected one new report, got ${fresh.length}`);
    return this.open(fresh[0]!);
  }

  /** Each piece of evidence, downloaded from the desk and decrypted: name, type and bytes. */
  async evidence(reportId: string, reportKey: Uint8Array) {
    const { file } = await this.caseFile(reportId);
    const files: { name: string; type: string; bytes: Buffer }[] = [];
    for (const { evidenceId, header } of file.evidence) {
      const res = await fetch(`${this.desk.base}/api/reports/${reportId}/evidence/${evidenceId}`, {
        headers: { cookie: this.account.cookie },
      });
      if (res.status !== 200) throw new Error(`evidence ${evidenceId}: ${res.status}`);
      const ciphertext = new Uint8Array(await res.arrayBuffer());
      const opened = openAttachment(this.desk.backend, { reportKey, header, source: [ciphertext] });
      const parts: Uint8Array[] = [];
      for await (const chunk of opened.chunks) parts.push(chunk);
      files.push({
        name: opened.metadata.name,
        type: opened.metadata.type,
        bytes: Buffer.concat(parts),
      });
    }
    return files;
  }

  private async act(reportId: string, name: string, body: unknown = {}) {
    const { etag } = await this.caseFile(reportId);
    await this.call('POST', `/api/reports/${reportId}/${name}`, { body, ifMatch: etag });
  }

  acknowledge(reportId: string) {
    return this.act(reportId, 'acknowledge');
  }

  close(reportId: string, outcome = 'substantiated') {
    return this.act(reportId, 'close', { outcome });
  }

  /** A question to the whistleblower, sealed and signed with this investigator's keys. */
  async ask(reportId: string, reportKey: Uint8Array, body: string) {
    const messageId = randomUUID();
    const sequence = this.sequences.get(reportId) ?? 0;
    const envelope = sealMessage(this.desk.backend, {
      reportKey,
      reportId,
      messageId,
      authorRole: 'investigator',
      authorSignSeed: this.account.keys.sign.seed,
      sequence,
      body,
    });
    await this.act(reportId, 'messages', { messageId, envelope });
    this.sequences.set(reportId, sequence + 1);
  }

  /** The whistleblower's messages in the case file, opened and verified under their key. */
  async whistleblowerMessages(reportId: string, reportKey: Uint8Array, whistleblowerKey: string) {
    const { file } = await this.caseFile(reportId);
    return file.messages
      .filter((m) => m.author === 'whistleblower')
      .map(
        (m) =>
          openMessage(this.desk.backend, m.envelope, {
            reportKey,
            reportId,
            authors: { whistleblower: whistleblowerKey, investigators: [] },
          }).body,
      );
  }
}
