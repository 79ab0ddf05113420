import type { TotpAtRest } from '@integrity-desk/reports';
import type { DeskContext } from '../context.ts';
import { checkTotp } from './totp.ts';
import { openTotpSecret, TotpSecretUnavailableError } from './totp-seal.ts';

/**
 * Checks a code against an account's TOTP secret, opening it from its seal (or reading a legacy
 * plain one). A secret this process cannot open counts as a wrong code for the caller, and the
 * operator learns why from the log (no account or request detail in the line).
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
    ctx.deps.logger?.error(
      error.reason === 'other-key'
        ? 'desk: a TOTP secret is sealed under another server key; every desk process needs the same key (DESK_KEY_FILE)'
        : 'desk: a sealed TOTP secret does not authenticate (altered event or wrong key)',
    );
    return undefined;
  }
  return checkTotp(secret, code, ctx.deps.clock.now());
}
