// The investigator's session: kept in memory only. Unlocked private keys never leave this
// module and are dropped on sign-out or reload (the vault is unlocked again after a reload).

class DeskSession {
  signedIn = $state(false);
  investigatorId = $state<string | undefined>();
  name = $state<string | undefined>();
  role = $state<'admin' | 'investigator' | undefined>();
  /** Opaque handle to the unlocked vault (private keys); undefined while locked. */
  vault = $state.raw<unknown>(undefined);

  reset(): void {
    this.signedIn = false;
    this.investigatorId = undefined;
    this.name = undefined;
    this.role = undefined;
    this.vault = undefined;
  }
}

export const desk = new DeskSession();
