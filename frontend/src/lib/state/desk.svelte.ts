// Who is signed in at the desk, kept in memory only. The private keys are not here: they stay
// in the crypto worker, and a reload or sign-out drops them (the vault is unlocked again).

class DeskSession {
  signedIn = $state(false);
  investigatorId = $state<string | undefined>();
  name = $state<string | undefined>();
  role = $state<'administrator' | 'investigator' | undefined>();
  signPublicKey = $state<string | undefined>();

  reset(): void {
    this.signedIn = false;
    this.investigatorId = undefined;
    this.name = undefined;
    this.role = undefined;
    this.signPublicKey = undefined;
  }
}

export const desk = new DeskSession();
