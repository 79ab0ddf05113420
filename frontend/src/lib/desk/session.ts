// Investigator sign-in, vault unlock and sign-out. The password is stretched in the worker;
// the server gets only the derived login secret, and the vault opens in the worker too.
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { deskApi } from '$lib/api/desk';
import { runInWorker, stopWorker } from '$lib/crypto';
import { desk } from '$lib/state/desk.svelte';

export type SignInOutcome =
  { ok: true } | { ok: false; reason: 'credentials' | 'vault' | 'offline' };

async function openVaultFromServer(): Promise<SignInOutcome> {
  const me = await deskApi.me();
  if (!me.ok) return { ok: false, reason: me.problem.status === 0 ? 'offline' : 'credentials' };
  try {
    const opened = await runInWorker<{ signPublicKey: string }>({
      kind: 'deskOpenVault',
      vault: me.value.vault,
    });
    desk.signPublicKey = opened.signPublicKey;
  } catch {
    return { ok: false, reason: 'vault' };
  }
  desk.signedIn = true;
  desk.investigatorId = me.value.investigatorId;
  desk.name = me.value.name;
  desk.role = me.value.role;
  return { ok: true };
}

export async function signIn(
  username: string,
  password: string,
  totp: string,
  onProgress: (fraction: number) => void,
): Promise<SignInOutcome> {
  const kdf = await deskApi.loginKdf(username);
  if (!kdf.ok) return { ok: false, reason: kdf.problem.status === 0 ? 'offline' : 'credentials' };
  const loginSecret = await runInWorker<string>(
    { kind: 'deskStretchPassword', kdf: kdf.value, password },
    (p) => onProgress(p.fraction),
  );
  const login = await deskApi.login({ username, loginSecret, totp });
  if (!login.ok)
    return { ok: false, reason: login.problem.status === 0 ? 'offline' : 'credentials' };
  return openVaultFromServer();
}

/** After a reload the session cookie may still be valid but the keys are gone: unlock again. */
export async function unlock(
  password: string,
  onProgress: (fraction: number) => void,
): Promise<SignInOutcome> {
  const me = await deskApi.me();
  if (!me.ok) return { ok: false, reason: 'credentials' };
  const kdf = (me.value.vault as { kdf: { salt: string; opsLimit: number; memLimitBytes: number } })
    .kdf;
  try {
    await runInWorker<string>({ kind: 'deskStretchPassword', kdf, password }, (p) =>
      onProgress(p.fraction),
    );
  } catch {
    return { ok: false, reason: 'vault' };
  }
  return openVaultFromServer();
}

export async function signOut(): Promise<void> {
  await deskApi.logout();
  stopWorker();
  desk.reset();
  await goto(resolve('/desk'));
}
