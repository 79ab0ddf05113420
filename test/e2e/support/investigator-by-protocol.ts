// The investigator's side of the story, played with the protocol package and the reports
// domain directly against intake's event store, until services/desk has routes. It decrypts
// exactly what the desk pages will decrypt in the browser.
import { openAttachment, openMessage, openReport, sealMessage } from '@integrity-desk/protocol';
import { handleReportCommand } from '@integrity-desk/reports';
import { randomUUID } from 'node:crypto';
import type { IntakeServer } from './intake-server.ts';

export async function reportEvents(server: IntakeServer, reportId?: string) {
  const all = await server.store.readAll();
  return all.filter(
    (e) => reportId === undefined || (e.data as { reportId?: string }).reportId === reportId,
  );
}

export async function openSubmittedReports(server: IntakeServer) {
  const { backend, investigator } = server;
  const submitted = (await reportEvents(server)).filter((e) => e.type === 'ReportSubmitted');
  return submitted.map((e) => {
    const { envelope } = e.data as { envelope: unknown };
    return openReport(backend, envelope, {
      kind: 'recipient',
      recipientId: investigator.recipientId,
      boxPublicKey: investigator.box.publicKey,
      boxSecretKey: investigator.box.secretKey,
    });
  });
}

export async function decryptEvidence(
  server: IntakeServer,
  reportId: string,
  reportKey: Uint8Array,
) {
  const added = (await reportEvents(server, reportId)).filter((e) => e.type === 'EvidenceAdded');
  const files: { name: string; type: string; bytes: Buffer }[] = [];
  for (const event of added) {
    const { blobId, header } = event.data as { blobId: string; header: unknown };
    const ciphertext = await server.blobStore.read(blobId);
    if (!ciphertext) throw new Error(`blob ${blobId} missing`);
    const opened = openAttachment(server.backend, { reportKey, header, source: [ciphertext] });
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

const actor = (server: IntakeServer) => ({
  kind: 'investigator' as const,
  investigatorId: server.investigator.recipientId,
});

export async function acknowledge(server: IntakeServer, reportId: string) {
  await handleReportCommand(server.store, reportId, {
    type: 'AcknowledgeReport',
    data: { reportId },
    metadata: { now: new Date(), eventId: randomUUID(), actor: actor(server) },
  });
}

/** This investigator's next message sequence per report (the protocol counts per author). */
const sequences = new Map<string, number>();
export async function askQuestion(
  server: IntakeServer,
  reportId: string,
  reportKey: Uint8Array,
  body: string,
) {
  const messageId = randomUUID();
  const envelope = sealMessage(server.backend, {
    reportKey,
    reportId,
    messageId,
    authorRole: 'investigator',
    authorSignSeed: server.investigator.sign.seed,
    sequence: sequences.get(reportId) ?? 0,
    body,
  });
  sequences.set(reportId, (sequences.get(reportId) ?? 0) + 1);
  await handleReportCommand(server.store, reportId, {
    type: 'PostMessage',
    // The decider takes an investigator's message only with their own signing key.
    data: { reportId, messageId, envelope, authorKey: server.investigator.sign.publicKey },
    metadata: { now: new Date(), eventId: randomUUID(), actor: actor(server) },
  });
}

export async function readWhistleblowerMessages(
  server: IntakeServer,
  reportId: string,
  reportKey: Uint8Array,
  whistleblowerKey: string,
) {
  const posted = (await reportEvents(server, reportId)).filter((e) => e.type === 'MessagePosted');
  return posted
    .map((e) => (e.data as { envelope: { authorRole: string } }).envelope)
    .filter((envelope) => envelope.authorRole === 'whistleblower')
    .map(
      (envelope) =>
        openMessage(server.backend, envelope, {
          reportKey,
          reportId,
          authors: { whistleblower: whistleblowerKey, investigators: [] },
        }).body,
    );
}

export async function close(server: IntakeServer, reportId: string) {
  await handleReportCommand(server.store, reportId, {
    type: 'CloseReport',
    data: { reportId, outcome: 'substantiated' },
    metadata: { now: new Date(), eventId: randomUUID(), actor: actor(server) },
  });
}
