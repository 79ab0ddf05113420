// Investigator sign-in and sign-out. The password is stretched in the worker with the vault's
// own salt and parameters; the server receives only the derived login secret, and the vault it
// returns is opened in the worker. A reload loses the keys: signing in again unlocks them.
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { deskApi } from '$lib/api/desk';
import { runInWorker, stopWorker } from '$lib/crypto';
import { desk, type KeyAlarm } from '$lib/state/desk.svelte';
import type { OpenedVault } from '$lib/crypto/jobs';
import { deriveLoginSecret } from './login-secret';

export type SignInOutcome =
  { ok: true } | { ok: false; reason: 'credentials' | 'vault' | 'offline' | 'busy' };

/** Tries when the desk answers 503 signInBusy (every sign-in slot taken, nothing checked yet). */
const BUSY_TRIES = 3;

export async function signIn(
  handle: string,
  password: string,
  totp: string,
  onProgress: (fraction: number) => void,
): Promise<SignInOutcome> {
  const secret = await deriveLoginSecret(handle, password, onProgress);
  // An unreachable desk says so; a refused KDF request or a failed stretch is a wrong password.
  if (!secret.ok) return { ok: false, reason: secret.status === 0 ? 'offline' : 'credentials' };
  const { loginSecret } = secret;
  // A 503 came before anything was checked (the code is not used up): wait as told, send again.
  let session = await deskApi.signIn({ handle, loginSecret, totp });
  for (let i = 1; i < BUSY_TRIES && !session.ok && session.problem.status === 503; i++) {
    await new Promise((r) => setTimeout(r, 1000 * i));
    session = await deskApi.signIn({ handle, loginSecret, totp });
  }
  if (!session.ok) {
    const status = session.problem.status;
    return {
      ok: false,
      reason: status === 0 ? 'offline' : status === 503 ? 'busy' : 'credentials',
    };
  }
  let opened: OpenedVault;
  try {
    opened = await runInWorker({ kind: 'deskOpenVault', vault: session.value.vault });
    desk.signPublicKey = opened.signPublicKey;
    desk.safetyNumber = opened.safetyNumber;
  } catch {
    return { ok: false, reason: 'vault' };
  }
  // An account enrolled before possession proofs proves its keys now; until it has, no
  // administrator's browser signs it into a recipient list.
  if (!session.value.keyProven) await deskApi.proveKeys(opened.keyProof);
  desk.keyAlarms = await checkMyKeys();
  desk.signedIn = true;
  desk.investigatorId = session.value.investigatorId;
  desk.name = session.value.handle;
  desk.role = session.value.role;
  return { ok: true };
}

/**
 * At every unlock: every signed list that names this account must give exactly the keys its
 * vault holds (a desk that substituted them has had reports sealed to its own key). Each list
 * that does not, or that does not verify, is an alarm on the page and in the audit log. A desk
 * that does not answer is no alarm (it could be down); one that sends something unreadable is.
 */
async function checkMyKeys(): Promise<KeyAlarm[]> {
  const fetched = await deskApi.recipientLists();
  if (!fetched.ok) return [];
  let alarms: KeyAlarm[];
  try {
    alarms = await runInWorker({
      kind: 'deskCheckRecipientLists',
      lists: Array.isArray(fetched.value.lists) ? fetched.value.lists : [],
      deploymentSignPublicKey: fetched.value.deploymentSignPublicKey ?? null,
      deploymentKeyTransitions: fetched.value.deploymentKeyTransitions ?? [],
    });
  } catch {
    return [];
  }
  for (const alarm of alarms) await deskApi.keyAlarm(alarm);
  return alarms;
}

export async function signOut(): Promise<void> {
  await deskApi.signOut();
  stopWorker();
  // Leave the guarded page first: reset while still on it, the layout's guard would send the
  // tab to the unlock page (for the page just left) instead of the sign-in page.
  await goto(resolve('/desk'));
  desk.reset();
}
