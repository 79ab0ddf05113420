import type { InvestigatorState, TotpAtRest } from '@integrity-desk/reports';
import { describe, expect, it } from 'vitest';
import { fakeSealedTotpSecret } from '../../../reports/src/shared/fixtures.ts';
import { afterKeyChange } from './operator-reset.ts';

/** Who a new desk key leaves unable to sign in, and so who `new-key` resets. */
const oldSeal = fakeSealedTotpSecret('old');
const newSeal = fakeSealedTotpSecret('new');
const sealed = (s: typeof oldSeal): TotpAtRest => ({
  kind: 'sealed',
  sealed: s,
  sealedIn: 'InvestigatorEnrolled',
});
const account = (status: string, totp: TotpAtRest, pendingTotp?: TotpAtRest) =>
  ({ status, totp, ...(pendingTotp && { pendingTotp }) }) as unknown as InvestigatorState;

describe('afterKeyChange', () => {
  const current = newSeal.keyId;
  it('resets an active account sealed under another key, not one sealed under this key', () => {
    expect(afterKeyChange(account('active', sealed(oldSeal)), current)).toBe('reset');
    expect(afterKeyChange(account('active', sealed(newSeal)), current)).toBeUndefined();
  });
  it('leaves a legacy plain secret alone: no key opens it, so no key loses it', () =>
    expect(
      afterKeyChange(account('active', { kind: 'plain', secret: 'JBSWY3DPEHPK3PXP' }), current),
    ).toBeUndefined());
  it('in a reset, only a newly bound secret under another key needs a new code', () => {
    expect(afterKeyChange(account('totp_reset', sealed(oldSeal)), current)).toBeUndefined();
    expect(afterKeyChange(account('totp_reset', sealed(oldSeal), sealed(oldSeal)), current)).toBe(
      'reset',
    );
    expect(
      afterKeyChange(account('totp_reset', sealed(oldSeal), sealed(newSeal)), current),
    ).toBeUndefined();
  });
  it('lists an unconfirmed enrolment and ignores a deactivated account', () => {
    expect(afterKeyChange(account('enrolled', sealed(oldSeal)), current)).toBe('unconfirmed');
    expect(afterKeyChange(account('deactivated', sealed(oldSeal)), current)).toBeUndefined();
    expect(afterKeyChange({ status: 'none' }, current)).toBeUndefined();
  });
});
