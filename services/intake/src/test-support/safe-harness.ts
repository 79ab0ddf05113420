/**
 * Intake with a channel as a real deployment publishes it (a recipient list signed by a
 * deployment key, the deployment's crypto settings), for the no-JavaScript path, whose server
 * seals to that list; and a client that posts its forms as a browser without scripts does.
 */
import {
  generateDeploymentKey,
  openAttachment,
  openReport,
  openThread,
  RECEIPT_ARGON2_PARAMS,
  sealMessage,
  type DeploymentCryptoSettings,
} from '@integrity-desk/protocol';
import { handleReportCommand } from '@integrity-desk/reports';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { Channel } from '../deps.ts';
import { newRecipient, signedList, startIntake, testBackend, type Harness } from './harness.ts';

export const safeChannelId = 'c0ffee00-0000-4000-8000-00000000cafe';

export async function startSafeIntake(
  options: Parameters<typeof startIntake>[0] & { pinned?: string } = {},
) {
  const b = await testBackend();
  const deployment = generateDeploymentKey(b);
  const investigator = newRecipient(b);
  const channel: Channel = {
    id: safeChannelId,
    name: 'Integrity Namibia',
    // Version 2, in two languages: one question only in the default (German), a choice whose
    // option keys are not its words, and a yes/no question.
    questionnaire: {
      defaultLanguage: 'de',
      questions: [
        {
          id: 'what',
          kind: 'longtext',
          required: true,
          text: { de: { label: 'Was ist passiert?' }, en: { label: 'What happened?' } },
        },
        {
          id: 'where',
          kind: 'text',
          required: true,
          text: { de: { label: 'Welche Organisation ist beteiligt?' } },
        },
        {
          id: 'ongoing',
          kind: 'choice',
          required: false,
          options: ['y', 'n'],
          text: {
            de: { label: 'Dauert es an?', options: { y: 'Ja', n: 'Nein' } },
            en: { label: 'Is it still going on?', options: { y: 'Yes', n: 'No' } },
          },
        },
        {
          id: 'seen',
          kind: 'yesno',
          required: false,
          text: { de: { label: 'Haben Sie es gesehen?' }, en: { label: 'Did you see it?' } },
        },
      ],
    },
    recipients: signedList(b, deployment.seed, safeChannelId, [investigator]),
  };
  const cryptoSettings: DeploymentCryptoSettings = {
    v: 1,
    receiptKdf: {
      alg: 'argon2id13',
      salt: randomBytes(16).toString('base64url'),
      opsLimit: RECEIPT_ARGON2_PARAMS.opsLimit,
      memLimitBytes: RECEIPT_ARGON2_PARAMS.memLimitBytes,
    },
    vaultKdf: { alg: 'argon2id13', opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 },
    deploymentSignPublicKey: deployment.publicKey,
  };
  // The deployment's channels: a test may add one (addChannel) as an administrator would.
  const listed = [channel];
  const h = await startIntake({
    ...options,
    deps: {
      listChannels: async () => listed,
      cryptoSettings,
      pinnedDeploymentKey: () => options.pinned ?? deployment.publicKey,
      ...options.deps,
    },
  });
  return {
    h,
    channel,
    investigator,
    /** Another channel with one investigator, its list signed by the same deployment key. */
    addChannel(name: string) {
      const id = randomUUID();
      const member = newRecipient(b);
      listed.push({
        ...channel,
        id,
        name,
        recipients: signedList(b, deployment.seed, id, [member]),
      });
      return { id, investigator: member };
    },
    /**
     * What the desk appends when the channel's investigator (or `signer`, a key only a server
     * could use) proposes to refer a report to `toChannelId`, asking the whistleblower: the
     * reason sealed under the report key, naming that target; no key share. Returns its id.
     */
    async proposeReferral(
      report: { envelope: { reportId: string }; reportKey: Uint8Array },
      toChannelId: string,
      reason: string,
      signer: { seed: Uint8Array; publicKey: string } = investigator.sign,
    ): Promise<string> {
      const referralId = randomUUID();
      const { reportId } = report.envelope;
      await handleReportCommand(h.store, reportId, {
        type: 'ProposeReferral',
        data: {
          reportId,
          referralId,
          toChannelId,
          mode: 'consent',
          handOver: false,
          targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
          shares: [],
          reason: sealMessage(b, {
            reportKey: report.reportKey,
            reportId,
            messageId: referralId,
            authorRole: 'investigator',
            authorSignSeed: signer.seed,
            sequence: 0,
            thread: 'referrals',
            body: JSON.stringify({ to: toChannelId, reason }),
          }),
          authorKey: signer.publicKey,
        },
        metadata: {
          now: new Date(),
          eventId: randomUUID(),
          actor: { kind: 'investigator', investigatorId: investigator.recipientId },
        },
      });
      return referralId;
    },
    /** The investigator's view of every report: envelope verified, answers opened. */
    async reports() {
      const events = await h.store.readAll();
      return events
        .filter((e) => e.type === 'ReportSubmitted')
        .map((e) => {
          const data = e.data as { envelope: unknown; sealedBy?: string };
          const opened = openReport(b, data.envelope, {
            kind: 'recipient',
            recipientId: investigator.recipientId,
            boxPublicKey: investigator.box.publicKey,
            boxSecretKey: investigator.box.secretKey,
          });
          return { ...opened, sealedBy: data.sealedBy };
        });
    },
    async evidence(reportId: string, reportKey: Uint8Array) {
      const out: { name: string; bytes: Buffer }[] = [];
      for (const e of await h.store.readAll()) {
        if (e.type !== 'EvidenceAdded') continue;
        const data = e.data as { reportId: string; blobId: string; header: unknown };
        if (data.reportId !== reportId) continue;
        const blob = await h.blobStore.read(data.blobId);
        const opened = openAttachment(b, { reportKey, header: data.header, source: [blob!] });
        const pieces: Uint8Array[] = [];
        for await (const p of opened.chunks) pieces.push(p);
        out.push({ name: opened.metadata.name, bytes: Buffer.concat(pieces) });
      }
      return out;
    },
    async whistleblowerMessages(reportId: string, reportKey: Uint8Array, signPublicKey: string) {
      const envelopes = (await h.store.readAll())
        .filter((e) => e.type === 'MessagePosted')
        .map((e) => (e.data as { envelope: unknown }).envelope);
      return openThread(b, envelopes, {
        reportKey,
        reportId,
        authors: { whistleblower: signPublicKey, investigators: [] },
      }).map((m) => m.body);
    },
  };
}

export type SafeIntake = Awaited<ReturnType<typeof startSafeIntake>>;

/** A spec's starter: each test starts its own no-JavaScript intake, closed after the test. */
export function safeIntakeEachTest(): typeof startSafeIntake {
  let current: SafeIntake | undefined;
  afterEach(async () => {
    await current?.h.close();
    current = undefined;
  });
  return async (options) => (current = await startSafeIntake(options));
}

/** A browser without scripts: keeps its cookies, reads the form token off the page it got. */
export function formClient(h: Harness) {
  let cookie = '';
  const remember = (res: Response) => {
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
  };
  return {
    get cookie() {
      return cookie;
    },
    async get(path: string) {
      const res = await fetch(`${h.url}${path}`, { headers: cookie ? { cookie } : {} });
      remember(res);
      const text = await res.text();
      const token = /name="form" value="([^"]+)"/.exec(text)?.[1];
      return { res, text, token };
    },
    async post(
      path: string,
      body: FormData | URLSearchParams,
      headers: Record<string, string> = {},
    ) {
      const res = await fetch(`${h.url}${path}`, {
        method: 'POST',
        headers: { ...(cookie ? { cookie } : {}), 'sec-fetch-site': 'same-origin', ...headers },
        body,
      });
      return { res, text: await res.text() };
    },
  };
}

export const receiptOf = (text: string) => /data-testid="receipt">([0-9A-Z-]+)</.exec(text)?.[1];
