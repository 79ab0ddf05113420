// Credentials after enrolment: a new password (a new vault around the keys already open in the
// worker) and re-enrolment of TOTP after an administrator's reset. Passwords go to the worker
// only; the desk receives login secrets and the new vault (SECURITY.md, Staff side).
import { deskApi } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';
import { desk } from '$lib/state/desk.svelte';
import { deriveLoginSecret } from './login-secret';

export type PasswordChangeOutcome =
  { ok: true; recoveryKey: string } | { ok: false; reason: 'current' | 'throttled' | 'failed' };

export async function changePassword(
  currentPassword: string,
  newPassword: string,
  onProgress: (fraction: number) => void,
): Promise<PasswordChangeOutcome> {
  if (!desk.name) return { ok: false, reason: 'failed' };
  const kdf = await deskApi.loginKdf(desk.name);
  if (!kdf.ok) return { ok: false, reason: kdf.problem.status === 429 ? 'throttled' : 'failed' };
  const made = await runInWorker(
    { kind: 'deskChangePassword', kdf: kdf.value, currentPassword, newPassword },
    (p) => onProgress(p.fraction),
  ).catch(() => undefined);
  if (!made) return { ok: false, reason: 'failed' };
  const result = await deskApi.changeVault({
    currentLoginSecret: made.currentLoginSecret,
    loginSecret: made.loginSecret,
    vault: made.vault,
  });
  if (result.ok) return { ok: true, recoveryKey: made.recoveryKey };
  if (result.problem.status === 403) return { ok: false, reason: 'current' };
  return { ok: false, reason: result.problem.status === 429 ? 'throttled' : 'failed' };
}

export type ReenrolOutcome =
  | { ok: true; uri: string; secret: string }
  | { ok: false; reason: 'refused' | 'throttled' | 'failed' };

/** After a TOTP reset: the password proves the account, the code the administrator's reset. */
export async function reenrolTotp(
  handle: string,
  password: string,
  investigatorId: string,
  enrolmentCode: string,
  onProgress: (fraction: number) => void,
): Promise<ReenrolOutcome> {
  const secret = await deriveLoginSecret(handle, password, onProgress);
  if (!secret.ok) {
    if (secret.status === undefined) return { ok: false, reason: 'refused' };
    return { ok: false, reason: secret.status === 429 ? 'throttled' : 'failed' };
  }
  const { loginSecret } = secret;
  const result = await deskApi.reenrolTotp({ investigatorId, enrolmentCode, loginSecret });
  if (result.ok) return { ok: true, uri: result.value.totp.uri, secret: result.value.totp.secret };
  if (result.problem.status === 429) return { ok: false, reason: 'throttled' };
  return { ok: false, reason: result.problem.status === 403 ? 'refused' : 'failed' };
}
