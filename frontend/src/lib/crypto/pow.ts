// Proof of work as intake checks it (sha256-leading-zero-bits/v1): find a decimal solution such
// that SHA-256(challenge + ':' + solution) starts with `bits` zero bits, `bits` being the second
// dot-separated field of the challenge. WebCrypto stays native without WebAssembly or a JIT.
import type { Progress } from './jobs';

export async function solvePow(
  challenge: string,
  progress: (p: Progress) => void,
): Promise<{ challenge: string; solution: string }> {
  const bits = Number(challenge.split('.')[1]);
  if (!Number.isInteger(bits) || bits < 0 || bits > 40) throw new Error('BadChallenge');
  const expected = 2 ** bits;
  const encoder = new TextEncoder();
  for (let i = 0; ; i++) {
    const solution = String(i);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${solution}`)),
    );
    if (leadingZeroBits(digest) >= bits) {
      progress({ fraction: 1 });
      return { challenge, solution };
    }
    // The work is random: report the chance of having found it by now, which rises smoothly.
    if (i % 512 === 0) progress({ fraction: 1 - Math.exp(-i / expected) });
  }
}

export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
