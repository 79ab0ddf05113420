/**
 * The golden event log's story and how a later version reads it back: one deployment made by
 * today's code (desk over real HTTP, a whistleblower through intake with the real protocol, the
 * report's life through the report decider, a purge), and the views the test compares.
 */
import { createSqliteEventStore, type EventStore } from '@integrity-desk/eventstore';
import {
  deriveReceiptKeys,
  loadBackend,
  RECEIPT_KDF_VERSIONS,
  signSessionChallenge,
  TEST_ONLY_CHEAP_PARAMS,
} from '@integrity-desk/protocol';
import {
  channelStream,
  createReportPurger,
  runRemindersOnce,
  startReminderJob,
  investigatorStream,
  handleReportCommand,
  openReadModels,
  readModelRows,
  type Actor,
  type ReportCommand,
} from '@integrity-desk/reports';
import { createFsBlobStore } from '@integrity-desk/intake';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  beginUpload,
  makeReceipt,
  openSession,
  postJson,
  SALT,
  solvedPow,
  startIntake,
  submit,
} from '../../../intake/src/test-support/harness.ts';
import { SESSION_CONTEXT } from '../../../intake/src/http-domain/protocol.ts';
import { deploymentOnDisk } from '../../../desk/test/deployment-on-disk.ts';
import { submitReport } from '../../../desk/test/harness.ts';
import { playAccountChapter } from './golden-accounts.ts';
import {
  fakeB64,
  fakeMessageEnvelope,
  fakeTrilingualQuestionnaire,
} from '../../../reports/src/shared/fixtures.ts';

export const GOLDEN_DIR = import.meta.dirname;
export const goldenFile = (name: string) => join(GOLDEN_DIR, name);

/** Plays the story; returns the data folder (events.sqlite) and the whistleblower's receipt. */
export async function playGoldenStory() {
  const d = await deploymentOnDisk('idesk-golden-', { erasable: true });
  const { w, intake, store } = d;
  const wb = await makeReceipt();
  const envelope = wb.seal('golden report', randomUUID(), 1, w.channelId);
  const reportId = envelope.reportId;
  expect((await submit(intake.url, envelope)).status).toBe(201);
  await w.desk.settle();
  const auth = { authorization: `Bearer ${await openSession(intake.url, wb)}` };
  const messageId = randomUUID();
  const message = { messageId, envelope: wb.message(reportId, 'more', messageId) };
  expect((await postJson(`${intake.url}/api/v1/case/messages`, message, auth)).status).toBe(201);
  const file = await wb.attachment(reportId, randomBytes(5_000));
  expect(
    (await (await beginUpload(intake.url, auth, file)).put(0, file.ciphertext.length)).status,
  ).toBe(201);

  const alice: Actor = { kind: 'investigator', investigatorId: w.alice.investigatorId };
  const act = (id: string, type: ReportCommand['type'], data: object, actor: Actor = alice) =>
    handleReportCommand(store, id, {
      type,
      data: { reportId: id, ...data },
      metadata: { now: w.desk.clock.now, eventId: randomUUID(), actor },
    } as ReportCommand);
  const alicesKey = w.alice.keys.sign.publicKey;
  await act(reportId, 'AcknowledgeReport', {});
  await act(reportId, 'TriageReport', {
    priority: 'high',
    sector: 'procurement',
    region: 'Khomas',
  });
  await act(reportId, 'AssignReport', { investigatorId: w.bob.investigatorId });
  await act(reportId, 'UnassignReport', { investigatorId: w.bob.investigatorId });
  await act(reportId, 'ChangeReportStatus', { to: 'investigating' });
  const noteId = randomUUID();
  await act(reportId, 'AddInternalNote', {
    noteId,
    note: fakeMessageEnvelope(reportId, noteId, 'investigator', { authorKey: alicesKey }),
    authorKey: alicesKey,
  });
  const answerId = randomUUID();
  await act(reportId, 'PostMessage', {
    messageId: answerId,
    envelope: fakeMessageEnvelope(reportId, answerId, 'investigator', { authorKey: alicesKey }),
    authorKey: alicesKey,
  });
  await act(reportId, 'ReferReport', {
    referral: { v: 1, nonce: fakeB64(24, 'n'), ciphertext: fakeB64(64, 'c') },
  });
  await act(reportId, 'ReopenReport', {});
  await w.desk.settle();
  expect(
    (await w.desk.call('GET', `/api/reports/${reportId}`, { cookie: w.alice.cookie })).status,
  ).toBe(200);

  // Alice downloads the evidence, exports the case file and the case list; bob's password is
  // mistyped.
  const download = await fetch(
    `${w.desk.base}/api/reports/${reportId}/evidence/${file.attachmentId}`,
    { headers: { cookie: w.alice.cookie, 'x-integrity-desk': '1' } },
  );
  expect(download.status).toBe(200);
  await download.arrayBuffer();
  const exported = await w.desk.call('POST', `/api/reports/${reportId}/exports`, {
    cookie: w.alice.cookie,
    body: {},
  });
  expect(exported.status).toBe(204);
  // And the case list as CSV, filtered and searched (the search's text is never kept).
  const listed = await w.desk.call('POST', '/api/cases/exports', {
    cookie: w.alice.cookie,
    body: { filter: { status: 'in_review,investigating', q: 'tender', sort: 'received' }, rows: 1 },
  });
  expect(listed.status).toBe(204);
  const failed = await w.desk.call('POST', '/api/session', {
    body: {
      handle: w.bob.handle,
      loginSecret: fakeB64(32, 'wrong'),
      totp: w.desk.code(w.bob.totpSecret),
    },
  });
  expect(failed.status).toBe(401);
  await w.desk.settle();

  // Administration: a role changed, an account deactivated, a questionnaire, the acknowledgement
  // text, a channel archived.
  const revisionOf = async (stream: string) => `"${(await store.readStream(stream)).length - 1}"`;
  const admin = async (path: string, stream: string, body: object) => {
    const r = await w.desk.call('POST', path, {
      cookie: w.admin.cookie,
      ifMatch: await revisionOf(stream),
      body,
    });
    expect(r.status, path).toBe(200);
  };
  const mallory = w.mallory.investigatorId;
  await admin(`/api/investigators/${mallory}/role`, investigatorStream(mallory), {
    role: 'administrator',
  });
  await admin(`/api/investigators/${mallory}/deactivate`, investigatorStream(mallory), {});
  // A questionnaire as code before languages wrote it (version 1: any object, no `v`), then
  // one written in three languages through today's API (version 2, issue 16).
  await store.append(
    channelStream(w.channelId),
    [
      {
        id: randomUUID(),
        type: 'ChannelQuestionnairePublished',
        data: {
          channelId: w.channelId,
          version: 1,
          questionnaire: {
            questions: [
              { id: 'what', label: 'What happened?', kind: 'longtext', required: true },
              { id: 'ongoing', label: 'Still going on?', kind: 'choice', options: ['Yes', 'No'] },
            ],
          },
          by: w.admin.investigatorId,
          publishedAt: w.desk.clock.now.toISOString(),
        },
      },
    ],
    { expectedRevision: BigInt((await store.readStream(channelStream(w.channelId))).length - 1) },
  );
  await admin(`/api/channels/${w.channelId}/questionnaire`, channelStream(w.channelId), {
    version: 2,
    questionnaire: fakeTrilingualQuestionnaire,
  });
  await admin(`/api/channels/${w.channelId}/ack-template`, channelStream(w.channelId), {
    template: 'We have received your report.',
  });
  await admin(`/api/channels/${w.channelId}/referral-mode`, channelStream(w.channelId), {
    mode: 'inform',
  });
  const other = await w.desk.call('POST', '/api/channels', {
    cookie: w.admin.cookie,
    body: { name: 'Archived desk' },
  });
  const otherId = other.body['channelId'] as string;
  await admin(`/api/channels/${otherId}/archive`, channelStream(otherId), {});
  expect(
    (await w.desk.call('DELETE', '/api/session', { cookie: w.bob.cookie })).status,
  ).toBeLessThan(300);

  // Labels the channel defines, attached to the report and one taken off again.
  const labels = ['bribery', 'procurement'];
  await admin(`/api/channels/${w.channelId}/labels`, channelStream(w.channelId), { labels });
  for (const label of labels) await act(reportId, 'AttachLabel', { label, channelLabels: labels });
  await act(reportId, 'DetachLabel', { label: 'procurement' });

  // People and keys: a key share, a second factor reset and redeemed, a password change, a
  // legacy account proving its keys, a key mismatch alarm, a deployment key rotation.
  await playAccountChapter(w, reportId);

  // A report closed and kept; before, referrals to the other channel: declined, withdrawn,
  // then accepted by the whistleblower and acknowledged by the target's recipient (bob).
  const closed = await submitReport(w);
  await act(closed, 'AcknowledgeReport', {});
  const whistleblower: Actor = { kind: 'whistleblower' };
  /** A referral of `reportId` to the other channel, proposed and answered; its id. */
  const refer = async (
    reportId: string,
    answer: 'DeclineReferral' | 'WithdrawReferral' | 'AcceptReferral',
    sequence: number,
  ) => {
    const id = randomUUID();
    await act(reportId, 'ProposeReferral', {
      referralId: id,
      toChannelId: otherId,
      mode: 'consent',
      handOver: false,
      targetDeadlines: { acknowledgeWithinDays: 7, feedbackWithinMonths: 3 },
      // Asking the whistleblower: no share until they accept (Protocol step 11).
      shares: [],
      reason: fakeMessageEnvelope(reportId, id, 'investigator', {
        authorKey: alicesKey,
        sequence,
      }),
      authorKey: alicesKey,
    });
    // The acceptance carries the whistleblower's shares, signed with the receipt's key.
    const shares = [
      {
        v: 1,
        reportId,
        recipientId: w.bob.investigatorId,
        boxPublicKey: fakeB64(32, 'box:bob'),
        sharedBy: reportId,
        wrappedKey: fakeB64(80, `wrapped:${sequence}`),
        signature: fakeB64(64, 'signature'),
      },
    ];
    await act(
      reportId,
      answer,
      { referralId: id, ...(answer === 'AcceptReferral' && { shares }) },
      answer === 'WithdrawReferral' ? alice : whistleblower,
    );
    return id;
  };
  let referralId = '';
  for (const [sequence, answer] of (
    ['DeclineReferral', 'WithdrawReferral', 'AcceptReferral'] as const
  ).entries())
    referralId = await refer(closed, answer, sequence);
  await act(
    closed,
    'AcknowledgeReferral',
    { referralId, targetRecipients: [w.bob.investigatorId] },
    { kind: 'investigator', investigatorId: w.bob.investigatorId },
  );
  await act(closed, 'CloseReport', { outcome: 'substantiated' });

  // A second report, closed and purged: what survives is its record.
  const purged = await submitReport(w);
  await act(purged, 'AcknowledgeReport', {});
  await act(purged, 'CloseReport', { outcome: 'unsubstantiated' });
  await w.desk.settle();
  const purger = createReportPurger({
    store,
    readModels: d.db,
    blobs: createFsBlobStore({ dir: join(d.dir, 'evidence') }),
    clock: { now: () => w.desk.clock.now },
    ids: { uuid: () => randomUUID() },
    waitForProjections: () => w.desk.settle(),
  });
  const purgeOutcome = await purger.purge(purged, alice);

  // A report referred, accepted and never acknowledged by the target: eight days on, the
  // reminder of the target's own acknowledgement deadline and its escalation fall due.
  const unacknowledged = await submitReport(w);
  await act(unacknowledged, 'AcknowledgeReport', {});
  await refer(unacknowledged, 'AcceptReferral', 0);

  // A report nobody acknowledges: eight days on, its reminder and its escalation fall due.
  await submitReport(w);
  await w.desk.settle();
  const reminders = startReminderJob({
    store,
    readModels: d.db,
    clock: { now: () => new Date(w.desk.clock.now.getTime() + 8 * 86_400_000) },
    intervalMs: 3_600_000,
    timers: { every: () => ({ stop: () => undefined }) },
    onError: (error) => {
      throw error;
    },
  });
  expect(await reminders.run()).toBeGreaterThanOrEqual(4);
  await reminders.stop();
  // Three months and two days on, the referral's feedback deadline (the target's own, counted
  // from acceptance) is missed too: its reminder and escalation (referral_feedback) fall due.
  const later = new Date(w.desk.clock.now.getTime() + 94 * 86_400_000);
  expect(await runRemindersOnce({ store, readModels: d.db, now: later })).toBeGreaterThanOrEqual(2);
  const feedbackReminders = await store.readStream(`reminders-${unacknowledged}`);
  expect(feedbackReminders.map((e) => (e.data as { deadline: string }).deadline)).toContain(
    'referral_feedback',
  );

  // The coalition publishes its statistics (ended quarters only: none yet on this clock).
  const statistics = await w.desk.call('POST', '/api/statistics/published', {
    cookie: w.admin.cookie,
    body: { threshold: 5 },
  });
  expect(statistics.status).toBe(201);
  // Notification settings: alice's address and mode, the deployment's default.
  for (const [path, cookie, body] of [
    [
      '/api/account/notifications',
      w.alice.cookie,
      { email: 'alice@staff.example.org', mode: 'daily' },
    ],
    ['/api/notifications/default', w.admin.cookie, { mode: 'digest' }],
  ] as const)
    expect((await w.desk.call('PUT', path, { cookie, body })).status, path).toBe(204);
  await w.desk.settle();
  return { deployment: d, reportId, receipt: wb.receipt, purgeOutcome };
}

/** What today's code makes of a golden log: the rebuilt read models and the case the receipt opens. */
export async function readGolden(eventsFile: string, receipt: string, workDir: string) {
  const store = createSqliteEventStore({ file: eventsFile });
  try {
    const file = join(workDir, 'read-models.sqlite');
    const db = openReadModels(file, (f) => new Database(f));
    const { createProjectionRunner, allProjections } = await import('@integrity-desk/reports');
    await createProjectionRunner({ store, db, projections: allProjections }).rebuild();
    const readModels = readModelRows(db);
    db.close();
    return { readModels, caseView: await caseOf(store, receipt) };
  } finally {
    await store.close();
  }
}

/**
 * The case a receipt opens, as the browser finds it: each receipt derivation in turn, newest
 * first, until a session opens (a log written before version 2 holds a version 1 receipt).
 */
async function caseOf(store: EventStore, receipt: string) {
  const backend = await loadBackend();
  const intake = await startIntake({ store });
  try {
    let token: string | undefined;
    for (const version of RECEIPT_KDF_VERSIONS) {
      const keys = await deriveReceiptKeys(backend, {
        receipt,
        version,
        salt: SALT,
        params: TEST_ONLY_CHEAP_PARAMS,
      });
      const c = await postJson(`${intake.url}/api/v1/session/challenge`, { locator: keys.locator });
      const { challenge } = (await c.json()) as { challenge: string };
      const session = await postJson(`${intake.url}/api/v1/session`, {
        locator: keys.locator,
        challenge,
        signature: signSessionChallenge(backend, keys, challenge, SESSION_CONTEXT),
        pow: await solvedPow(intake.url),
      });
      if (session.status !== 201) continue;
      ({ token } = (await session.json()) as { token: string });
      break;
    }
    const view = await fetch(`${intake.url}/api/v1/case`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: view.status, body: (await view.json()) as unknown };
  } finally {
    await intake.close();
  }
}
