// Who is signed in at the desk, kept in memory only. The private keys are not here: they stay
// in the crypto worker, and a reload or sign-out drops them (the vault is unlocked again).

import type { KeyAlarm } from '$lib/crypto/desk-key-binding';

export type { KeyAlarm };

class DeskSession {
  signedIn = $state(false);
  investigatorId = $state<string | undefined>();
  name = $state<string | undefined>();
  role = $state<'administrator' | 'investigator' | undefined>();
  signPublicKey = $state<string | undefined>();
  /** From this account's own vault keys (SECURITY.md, Protocol step 10), never from the server. */
  safetyNumber = $state<string | undefined>();
  /** Signed lists that name this account with other keys, or do not verify: shown as an alarm. */
  keyAlarms = $state<KeyAlarm[]>([]);
  /** Report ids of the case list last shown, in its order: the case page's next/previous. */
  caseOrder = $state<string[]>([]);

  reset(): void {
    this.safetyNumber = undefined;
    this.keyAlarms = [];
    this.caseOrder = [];
    this.signedIn = false;
    this.investigatorId = undefined;
    this.name = undefined;
    this.role = undefined;
    this.signPublicKey = undefined;
  }
}

export const desk = new DeskSession();
