// The login secret a password stands for (SECURITY.md, Staff side): the desk's KDF settings for
// the handle (a decoy for an unknown one), then Argon2id in the worker. The password never
// leaves the browser; sign-in and TOTP re-enrolment both send only this secret.
import { deskApi } from '$lib/api/desk';
import { runInWorker } from '$lib/crypto';

/** `status`: the desk's answer to the KDF request; absent when the worker could not stretch. */
export type LoginSecret = { ok: true; loginSecret: string } | { ok: false; status?: number };

export async function deriveLoginSecret(
  handle: string,
  password: string,
  onProgress: (fraction: number) => void,
): Promise<LoginSecret> {
  const kdf = await deskApi.loginKdf(handle);
  if (!kdf.ok) return { ok: false, status: kdf.problem.status };
  try {
    const loginSecret = await runInWorker(
      { kind: 'deskStretchPassword', kdf: kdf.value, password },
      (p) => onProgress(p.fraction),
    );
    return { ok: true, loginSecret };
  } catch {
    return { ok: false };
  }
}
