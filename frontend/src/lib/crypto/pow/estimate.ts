// What the page says while the proof of work runs. The search is memoryless: 2^bits attempts
// are expected, however many were made, so "time left" is the expected total minus what is done,
// at the rate measured so far; once past the expected number it is "any moment now" (0).

export interface PowProgress {
  /** The chance of having found a solution by now, 1 - e^(-done/expected): rises smoothly. */
  fraction: number;
  /** Seconds left at the measured rate, for the expected number of attempts. */
  secondsLeft: number;
}

export function estimatePow(attempts: number, bits: number, elapsedMs: number): PowProgress {
  const expected = 2 ** bits;
  const perSecond = elapsedMs > 0 ? (attempts * 1000) / elapsedMs : 0;
  const left = Math.max(0, expected - attempts);
  return {
    fraction: 1 - Math.exp(-attempts / expected),
    secondsLeft: perSecond > 0 ? Math.ceil(left / perSecond) : Infinity,
  };
}
