// Time for the desk personas' TOTP codes. The desk accepts each 30 s step once per person, so a
// person who signs in a third time within a minute must wait for the next step: on the wall
// clock that is up to 30 s of sleep per sign-in. A desk started by the test (startDesk) reads a
// SteppingClock instead, and the navigator moves it on to the next step at once: the codes are
// the real ones for the desk's time, each step is still used once, and nothing else changes.

export interface PersonaClock {
  now(): number;
  /** Present when the desk reads this clock: moves its time forward instead of waiting. */
  advance?(ms: number): void;
}

/** The desk's own clock when the test cannot move it (startPlatform). */
export const wallClock: PersonaClock = { now: () => Date.now() };

/** Wall time plus what the test moved it on by; shared by the desk and its personas. */
export class SteppingClock implements PersonaClock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += Math.max(0, ms);
  }
  /** The desk's `clock` dependency. */
  readonly forDesk = { now: () => new Date(this.now()) };
}
