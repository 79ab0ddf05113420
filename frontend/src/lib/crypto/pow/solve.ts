// Proof of work in the crypto worker (sha256-leading-zero-bits/v1, as intake checks it): find a
// decimal solution such that SHA-256(challenge + ':' + solution) starts with `bits` zero bits,
// `bits` being the second dot-separated field of the challenge.
//
// Two engines, and the device picks: a synchronous SHA-256 from a midstate over a reused buffer
// (search.ts), 20-40 times faster than a WebCrypto digest per attempt where JavaScript is
// compiled; and WebCrypto in batches (search-webcrypto.ts), which stays native where it is not
// (Tor Browser "Safer", jitless V8), there 3-6 times faster than any JavaScript SHA-256
// (`npm run bench:pow`, bench/results/pow.json). Both are timed briefly at the start and the
// faster one goes on. The search runs in slices of about 50 ms with a macrotask between them,
// so a cancel message reaches the worker, and progress with an estimate goes out at least every
// quarter second.
import type { Progress } from '../jobs';
import { estimatePow } from './estimate';
import { createPowSearch } from './search';
import { createWebCryptoPowSearch } from './search-webcrypto';

const SLICE_MS = 50;
const PROGRESS_MS = 250;
/**
 * Attempts WebCrypto is timed on, and the JavaScript engine raced against it, after a warm-up:
 * where there is a JIT, the first few hundred attempts run before it compiles the hash, and
 * timing those would pick WebCrypto on a device where the compiled hash is 20 times faster.
 */
const CALIBRATION = 2048;
const WARM_UP = 256;

export class PowCancelled extends Error {
  override name = 'Cancelled';
}

interface Engine {
  run(attempts: number): Promise<string | undefined>;
  readonly attempts: number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function javascriptEngine(challenge: string, bits: number): Engine {
  const search = createPowSearch(challenge, bits);
  return {
    run: async (n) => search.run(n),
    get attempts() {
      return search.attempts;
    },
  };
}

/**
 * The faster engine on this device, or the solution if calibrating found one. WebCrypto is timed
 * on CALIBRATION attempts; then the JavaScript engine, warmed up, must do as many in that time,
 * in small steps, so where it is the slower one (no JIT) it costs at most about that time more.
 */
async function chooseEngine(
  challenge: string,
  bits: number,
): Promise<{ engine: Engine } | { solution: string }> {
  const js = javascriptEngine(challenge, bits);
  if (typeof crypto === 'undefined' || !crypto.subtle) return { engine: js };
  const native = createWebCryptoPowSearch(challenge, bits);
  let nativeMs: number;
  try {
    const t0 = performance.now();
    const solution = await native.run(CALIBRATION);
    if (solution !== undefined) return { solution };
    nativeMs = performance.now() - t0;
  } catch {
    return { engine: js };
  }
  const warm = await js.run(WARM_UP);
  if (warm !== undefined) return { solution: warm };
  const t0 = performance.now();
  for (let done = 0; done < CALIBRATION; done += WARM_UP) {
    if (performance.now() - t0 > nativeMs) return { engine: native };
    const solution = await js.run(WARM_UP);
    if (solution !== undefined) return { solution };
  }
  return { engine: performance.now() - t0 <= nativeMs ? js : native };
}

export async function solvePow(
  challenge: string,
  progress: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<{ challenge: string; solution: string }> {
  const bits = Number(challenge.split('.')[1]);
  if (!Number.isInteger(bits) || bits < 0 || bits > 40) throw new Error('BadChallenge');
  progress({ fraction: 0 });
  const chosen = await chooseEngine(challenge, bits);
  if ('solution' in chosen) {
    progress({ fraction: 1, secondsLeft: 0 });
    return { challenge, solution: chosen.solution };
  }
  const { engine } = chosen;
  const started = performance.now();
  const before = engine.attempts;
  let reported = started;
  // Grows until a slice takes about SLICE_MS on this device.
  let slice = 256;
  for (;;) {
    if (signal?.aborted) throw new PowCancelled();
    const t0 = performance.now();
    const solution = await engine.run(slice);
    if (solution !== undefined) {
      progress({ fraction: 1, secondsLeft: 0 });
      return { challenge, solution };
    }
    const now = performance.now();
    if (now - t0 < SLICE_MS / 2) slice *= 2;
    if (now - reported >= PROGRESS_MS) {
      reported = now;
      progress(estimatePow(engine.attempts - before, bits, now - started));
    }
    await macrotask();
  }
}
