// A second whistleblower who submits from Node with the real protocol and intake's HTTP API, so
// the browser can check that one receipt never shows another report.
import { solvePow } from '@integrity-desk/intake';
import {
  type CryptoBackend,
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  type ReceiptKdfVersion,
  generateReceipt,
  loadBackend,
  sealReport,
  verifyRecipientList,
  type DeploymentCryptoSettings,
} from '@integrity-desk/protocol';
import { randomUUID } from 'node:crypto';
import type { IntakeServer } from './intake-server.ts';

/** `version`: the receipt derivation, 1 for a receipt issued before version 2 (Argon2id). */
export async function submitFromNode(
  server: IntakeServer,
  text: string,
  version: ReceiptKdfVersion = RECEIPT_KDF_CURRENT,
): Promise<string> {
  return submitAnswersFromNode(server, { what: text }, version);
}

/** A report of `answers` to the intake at `origin`, in `channelId` or its first channel. */
export async function submitAnswersFromNode(
  server: { origin: string; backend: CryptoBackend; channelId?: string },
  answers: Record<string, string>,
  version: ReceiptKdfVersion = RECEIPT_KDF_CURRENT,
): Promise<string> {
  const b = server.backend;
  const info = (await (await fetch(`${server.origin}/api/v1/deployment`)).json()) as {
    crypto: DeploymentCryptoSettings;
    channels: { id: string; recipients: unknown }[];
  };
  const channel = info.channels.find((c) => c.id === server.channelId) ?? info.channels[0]!;
  const kdf = info.crypto.receiptKdf;
  const receipt = generateReceipt(b);
  const keys = await deriveReceiptKeys(b, {
    receipt,
    version,
    salt: kdf.salt,
    params: { opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes },
  });
  const list = verifyRecipientList(b, channel.recipients, {
    pinnedPublicKey: info.crypto.deploymentSignPublicKey,
  });
  const { envelope } = sealReport(b, {
    reportId: randomUUID(),
    channelId: channel.id,
    answers,
    recipients: list.recipients,
    recipientListVersion: list.version,
    whistleblower: keys,
  });
  const { challenge } = (await (await fetch(`${server.origin}/api/v1/pow`)).json()) as {
    challenge: string;
  };
  const response = await fetch(`${server.origin}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ envelope, pow: { challenge, solution: solvePow(challenge) } }),
  });
  if (response.status !== 201) throw new Error(`second submission refused: ${response.status}`);
  return receipt;
}

/** The id of the channel named `channelName` in the deployment answer of the intake at `origin`. */
export async function channelIdNamed(origin: string, channelName: string): Promise<string> {
  const info = (await (await fetch(`${origin}/api/v1/deployment`)).json()) as {
    channels: { id: string; name: string }[];
  };
  const channel = info.channels.find((c) => c.name === channelName);
  if (!channel) throw new Error(`no channel named ${channelName}`);
  return channel.id;
}

/** A report of `answers` from Node to the channel named `channelName` at the intake at `origin`. */
export async function submitToChannelNamed(
  origin: string,
  channelName: string,
  answers: Record<string, string>,
): Promise<string> {
  return submitAnswersFromNode(
    { origin, backend: await loadBackend(), channelId: await channelIdNamed(origin, channelName) },
    answers,
  );
}
