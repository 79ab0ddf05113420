// Keys bound to people (SECURITY.md, Protocol step 10), inside the worker that holds the keys.
// The administrator's browser signs into a recipient list only keys whose possession proof holds,
// after a person compared each safety number; the investigator's browser checks that every signed
// list naming it gives exactly its own keys, computed here from its own vault, never the server's.
import {
  safetyNumber,
  verifyKeyPossession,
  verifyRecipientList,
  type CryptoBackend,
  type InvestigatorKeys,
} from '@integrity-desk/protocol';
import { trustedDeploymentKey } from './trusted-key';
import type { CandidateRecipient } from './jobs';

export interface CheckedRecipient {
  investigatorId: string;
  /** The possession proof holds for exactly these keys and this account. */
  proofHolds: boolean;
  /** Over the keys as the desk gave them: what the administrator compares with the person. */
  safetyNumber: string | null;
}

export function checkRecipients(
  b: CryptoBackend,
  people: readonly CandidateRecipient[],
): CheckedRecipient[] {
  return people.map((p) => {
    const keys = {
      investigatorId: p.investigatorId,
      boxPublicKey: p.boxPublicKey,
      signPublicKey: p.signPublicKey,
    };
    let number: string | null;
    try {
      number = safetyNumber(b, keys);
    } catch {
      number = null;
    }
    return {
      investigatorId: p.investigatorId,
      proofHolds: number !== null && verifyKeyPossession(b, keys, p.keyProof),
      safetyNumber: number,
    };
  });
}

/** Refuses to go on unless every recipient's proof holds (the signing job's own check). */
export function assertProven(b: CryptoBackend, people: readonly CandidateRecipient[]): void {
  if (checkRecipients(b, people).some((c) => !c.proofHolds)) {
    // The worker hands the page an error's name only.
    const error = new Error('KeyProofFailed');
    error.name = 'KeyProofFailed';
    throw error;
  }
}

export interface KeyAlarm {
  channelId: string;
  recipientListVersion: number;
  reason: 'keys-differ' | 'signature-invalid';
}

/**
 * Every list that names this account must give exactly its keys, and every list must verify
 * against the trusted deployment key. Returns one alarm per list that does not.
 */
export function checkListsNamingMe(
  b: CryptoBackend,
  input: {
    investigatorId: string;
    keys: InvestigatorKeys;
    lists: readonly { channelId: string; recipientList: unknown }[];
    deploymentSignPublicKey: string | null;
    deploymentKeyTransitions?: readonly unknown[];
  },
): KeyAlarm[] {
  const alarms: KeyAlarm[] = [];
  for (const { channelId, recipientList } of input.lists) {
    const version = versionOf(recipientList);
    try {
      const list = verifyRecipientList(b, recipientList, {
        pinnedPublicKey: trustedDeploymentKey(
          b,
          input.deploymentSignPublicKey,
          input.deploymentKeyTransitions,
        ),
        channelId,
      });
      const mine = list.recipients.filter((r) => r.recipientId === input.investigatorId);
      if (
        mine.some(
          (r) =>
            r.boxPublicKey !== input.keys.boxPublicKey ||
            r.signPublicKey !== input.keys.signPublicKey,
        )
      )
        alarms.push({ channelId, recipientListVersion: list.version, reason: 'keys-differ' });
    } catch {
      alarms.push({ channelId, recipientListVersion: version, reason: 'signature-invalid' });
    }
  }
  return alarms;
}

function versionOf(list: unknown): number {
  const v = (list as { version?: unknown } | null)?.version;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 1_000_000_000 ? v : 0;
}

/** The investigator's own safety number, from the keys their vault opened. */
export function ownSafetyNumber(
  b: CryptoBackend,
  investigatorId: string,
  keys: InvestigatorKeys,
): string {
  return safetyNumber(b, {
    investigatorId,
    boxPublicKey: keys.boxPublicKey,
    signPublicKey: keys.signPublicKey,
  });
}
