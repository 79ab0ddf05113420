import type { TotpAtRest } from '@integrity-desk/reports';
import type { DeskContext } from '../context.ts';
import { checkTotp } from './totp.ts';
import { openTotpSecret, TotpSecretUnavailableError } from './totp-seal.ts';

/**
 * Checks a code against an account's TOTP secret, opening it from its seal (or reading a legacy
 * plain one). A secret this process cannot open counts as a wrong code for the caller (the same
 * fixed 401), and the operator learns why from the log, with what to do about it (no account or
 * request detail in the line). Only a caller who gave the right login secret (sign-in) or
 * one-time code (enrolment) gets this far.
 */
export function checkAccountTotp(
  ctx: DeskContext,
  account: { readonly investigatorId: string; readonly totp: TotpAtRest },
  code: string,
): number | undefined {
  let secret: string;
  try {
    secret = openTotpSecret(ctx.keys, account.investigatorId, account.totp);
  } catch (error) {
    if (!(error instanceof TotpSecretUnavailableError)) throw error;
    // Key ids are fingerprints (HKDF of the key), stored in plain beside every seal: naming them
    // tells the operator which key the secret needs and gives nobody anything.
    const sealedUnder = account.totp.kind === 'sealed' ? account.totp.sealed.keyId : 'none';
    ctx.deps.logger?.error(
      error.reason === 'other-key'
        ? `desk: a TOTP secret is sealed under another server key (${sealedUnder}; this desk holds ${ctx.keys.totpSealKeyId}): every desk process needs the same key (DESK_KEY_FILE); if the key was replaced on purpose, run npm run desk:recover -- new-key on the server`
        : 'desk: a sealed TOTP secret does not authenticate (altered event or wrong key)',
    );
    return undefined;
  }
  return checkTotp(secret, code, ctx.deps.clock.now());
}
