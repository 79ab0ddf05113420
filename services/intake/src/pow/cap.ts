/**
 * The ceiling of the proof-of-work difficulty, whatever the load: what an honest whistleblower on
 * a slow phone pays in about ten seconds. Measured by `npm run bench:pow` in the phone profile
 * (Chromium without JIT or WebAssembly, as Tor Browser "Safer" runs, CPU throttled 4x through
 * DevTools' Emulation.setCPUThrottlingRate), where the front end's faster engine is WebCrypto
 * (bench/results/pow.json): 24,000 to 36,000 attempts/s across runs on a shared 2-core machine.
 * The rate here is the lowest of those, and on purpose: the throttle slows the page's thread, not
 * the thread where Chromium computes WebCrypto digests, so the profile flatters the native engine
 * on a real phone. 10 s at 24,000/s pay for 240,000 attempts; 2^17 = 131,072 is the largest power
 * of two within them (about 5.5 s expected there, 3.7 s at the best run; 2^18 would be 10.9 s).
 * A flood that pays even that is the rate limits' job (config.ts), not the honest
 * whistleblower's: past this cap, more bits would turn away the people the platform is for
 * before they turned away a determined flood, whose cost per attempt grows only linearly anyway.
 */
export const POW_CAP_SECONDS = 10;
export const POW_CAP_PHONE_ATTEMPTS_PER_SECOND = 24_000;
export const POW_CAP_BITS = Math.floor(
  Math.log2(POW_CAP_PHONE_ATTEMPTS_PER_SECOND * POW_CAP_SECONDS),
);
