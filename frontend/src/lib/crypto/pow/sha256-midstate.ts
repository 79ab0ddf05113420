// SHA-256 (FIPS 180-4) of `prefix || tail` for one fixed prefix and many short tails, the shape
// of a proof-of-work search: the prefix's whole 64-byte blocks are compressed once (the
// "midstate"), and each attempt compresses only the last one or two blocks, in place, into
// buffers allocated once. Without a JIT (Tor Browser "Safer", jitless V8) every operation is
// interpreted, so doing half the blocks and no allocation is what makes it fast there.
// Checked against node:crypto on random inputs (test/frontend/pow-solver.unit.spec.ts).

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const IV = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const W = new Int32Array(64);

/** Compresses the 64-byte block of `bytes` at `offset` into `state` (eight words), in place. */
export function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  const w = W;
  for (let i = 0, j = offset; i < 16; i++, j += 4) {
    w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * Hashes `prefix || tail` for a fixed prefix. `tail` is the caller's to write into (its first
 * `tailLength` bytes, set by `setTailLength`); `digest()` leaves the result in `state` as eight
 * big-endian words, without allocating.
 */
export class PrefixHasher {
  /** The digest of the last `digest()` call, as eight big-endian 32-bit words. */
  readonly state = new Int32Array(8);
  /** The unhashed rest of the prefix, then the tail, then the padding: at most two blocks. */
  readonly block: Uint8Array;
  /** Where the caller's tail starts in `block`. */
  readonly tailStart: number;
  private readonly midstate = new Int32Array(IV);
  private readonly prefixLength: number;
  private blocks = 1;

  constructor(prefix: Uint8Array, maxTail: number) {
    const whole = prefix.length - (prefix.length % 64);
    for (let at = 0; at < whole; at += 64) compress(this.midstate, prefix, at);
    this.prefixLength = prefix.length;
    this.tailStart = prefix.length - whole;
    if (this.tailStart + maxTail + 9 > 128) throw new RangeError('tail too long');
    this.block = new Uint8Array(128);
    this.block.set(prefix.subarray(whole), 0);
  }

  /** Lays out the padding for a tail of `length` bytes (call again when the length changes). */
  setTailLength(length: number): void {
    const end = this.tailStart + length;
    this.blocks = end + 9 > 64 ? 2 : 1;
    this.block.fill(0, end);
    this.block[end] = 0x80;
    const bits = (this.prefixLength + length) * 8;
    const last = this.blocks * 64;
    // Messages here are far below 2^32 bits: the high word of the 64-bit length stays zero.
    this.block[last - 4] = bits >>> 24;
    this.block[last - 3] = (bits >>> 16) & 0xff;
    this.block[last - 2] = (bits >>> 8) & 0xff;
    this.block[last - 1] = bits & 0xff;
  }

  digest(): Int32Array {
    this.state.set(this.midstate);
    compress(this.state, this.block, 0);
    if (this.blocks === 2) compress(this.state, this.block, 64);
    return this.state;
  }
}

/** Leading zero bits of a digest held as big-endian words (state), without allocating. */
export function leadingZeroBitsOfWords(words: Int32Array): number {
  let bits = 0;
  for (let i = 0; i < 8; i++) {
    const w = words[i]!;
    if (w !== 0) return bits + Math.clz32(w);
    bits += 32;
  }
  return bits;
}
