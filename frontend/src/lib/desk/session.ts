// Investigator sign-in and sign-out. The password is stretched in the worker with the vault's
// own salt and parameters; the server receives only the derived login secret, and the vault it
// returns is opened in the worker. A reload loses the keys: signing in again unlocks them.
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { deskApi } from '$lib/api/desk';
import { runInWorker, stopWorker } from '$lib/crypto';
import { desk } from '$lib/state/desk.svelte';

export type SignInOutcome =
  { ok: true } | { ok: false; reason: 'credentials' | 'vault' | 'offline' };

export async function signIn(
  handle: string,
  password: string,
  totp: string,
  onProgress: (fraction: number) => void,
): Promise<SignInOutcome> {
  const kdf = await deskApi.loginKdf(handle);
  if (!kdf.ok) return { ok: false, reason: kdf.problem.status === 0 ? 'offline' : 'credentials' };
  let loginSecret: string;
  try {
    loginSecret = await runInWorker<string>(
      { kind: 'deskStretchPassword', kdf: kdf.value, password },
      (p) => onProgress(p.fraction),
    );
  } catch {
    return { ok: false, reason: 'credentials' };
  }
  const session = await deskApi.signIn({ handle, loginSecret, totp });
  if (!session.ok) {
    return { ok: false, reason: session.problem.status === 0 ? 'offline' : 'credentials' };
  }
  try {
    const opened = await runInWorker<{ signPublicKey: string }>({
      kind: 'deskOpenVault',
      vault: session.value.vault,
    });
    desk.signPublicKey = opened.signPublicKey;
  } catch {
    return { ok: false, reason: 'vault' };
  }
  desk.signedIn = true;
  desk.investigatorId = session.value.investigatorId;
  desk.name = session.value.handle;
  desk.role = session.value.role;
  return { ok: true };
}

export async function signOut(): Promise<void> {
  await deskApi.signOut();
  stopWorker();
  // Leave the guarded page first: reset while still on it, the layout's guard would send the
  // tab to the unlock page (for the page just left) instead of the sign-in page.
  await goto(resolve('/desk'));
  desk.reset();
}
