// The same search as search.ts on WebCrypto's SHA-256, for browsers without a JIT (Tor Browser
// "Safer", jitless V8): there a JavaScript SHA-256 is interpreted, operation by operation, while
// crypto.subtle.digest stays native, and measured in the phone profile it is the faster of the
// two (bench:pow). Digests go out in batches (one await per batch, not per attempt) from one
// reused buffer: WebCrypto copies its input when called, so the decimal is incremented in place.

const MAX_DIGITS = 20;
// 16 in flight: measured in jitless Chromium, as fast as larger batches, with less to wait for.
const BATCH = 16;

export interface AsyncPowSearch {
  run(attempts: number): Promise<string | undefined>;
  readonly attempts: number;
}

/** Leading zero bits of a digest's bytes. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

export function createWebCryptoPowSearch(
  challenge: string,
  bits: number,
  batch = BATCH,
): AsyncPowSearch {
  const prefix = new TextEncoder().encode(`${challenge}:`);
  const buffer = new Uint8Array(prefix.length + MAX_DIGITS);
  buffer.set(prefix);
  const start = prefix.length;
  let digits = 1;
  buffer[start] = 0x30;
  let attempts = 0;
  const pending: Promise<ArrayBuffer>[] = [];

  function increment(): void {
    for (let at = start + digits - 1; at >= start; at--) {
      if (buffer[at] !== 0x39) {
        buffer[at]! += 1;
        return;
      }
      buffer[at] = 0x30;
    }
    if (digits === MAX_DIGITS) throw new Error('PowExhausted');
    buffer[start] = 0x31;
    buffer[start + digits] = 0x30;
    digits++;
  }

  return {
    get attempts() {
      return attempts;
    },
    async run(n) {
      for (let done = 0; done < n;) {
        const first = attempts;
        const size = Math.min(batch, n - done);
        pending.length = 0;
        for (let i = 0; i < size; i++) {
          pending.push(crypto.subtle.digest('SHA-256', buffer.subarray(0, start + digits)));
          increment();
        }
        const digests = await Promise.all(pending);
        attempts += size;
        done += size;
        for (let i = 0; i < size; i++) {
          // Solutions are the attempt numbers in decimal: attempt k tried String(k).
          if (leadingZeroBits(new Uint8Array(digests[i]!)) >= bits) return String(first + i);
        }
      }
      return undefined;
    },
  };
}
