// Measurements shared by Node, `node --jitless` and the Chromium pages (browser-safe: no node:).
import {
  deriveReceiptKeys,
  generateReceipt,
  loadBackend,
  openAttachment,
  RECEIPT_ARGON2_PARAMS,
  sealAttachment,
  type CryptoBackend,
} from '../src/index.ts';

export interface ParamSet {
  name: string;
  opsLimit: number;
  memLimitBytes: number;
}

const MiB = 1024 * 1024;

export const PARAM_SETS: ParamSet[] = [
  { name: 'receipt m=19MiB t=2', opsLimit: 2, memLimitBytes: 19 * MiB },
  { name: 'OWASP alt m=46MiB t=1', opsLimit: 1, memLimitBytes: 46 * MiB },
  { name: 'vault m=64MiB t=3', opsLimit: 3, memLimitBytes: 64 * MiB },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function timeArgon2(
  prefer: 'libsodium' | 'noble' | undefined,
  set: ParamSet,
  reps: number,
): Promise<{ backend: string; ms: number; cpuMs?: number }> {
  const backend = await loadBackend(prefer ? { prefer } : {});
  // Node only: CPU time of this thread, which a loaded machine does not inflate as it does wall time.
  const cpuUsage = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } })
    .process?.cpuUsage;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = cpuUsage?.();
    const started = performance.now();
    await backend.argon2id(backend.randomBytes(28), backend.randomBytes(16), set, 32);
    times.push(performance.now() - started);
    const c1 = cpuUsage?.();
    if (c0 && c1) cpu.push((c1.user - c0.user + c1.system - c0.system) / 1000);
  }
  return {
    backend: backend.name,
    ms: median(times),
    ...(cpu.length ? { cpuMs: median(cpu) } : {}),
  };
}

function testData(size: number): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536)
    globalThis.crypto.getRandomValues(data.subarray(i, Math.min(size, i + 65536)));
  return data;
}

const REPORT_ID = '00000000-0000-4000-8000-000000000001';
const ATTACHMENT_ID = '00000000-0000-4000-8000-000000000002';

async function sealOnce(backend: CryptoBackend, key: Uint8Array, data: Uint8Array) {
  const sealed = sealAttachment(backend, {
    reportKey: key,
    reportId: REPORT_ID,
    attachmentId: ATTACHMENT_ID,
    metadata: { name: 'evidence.bin', type: 'application/octet-stream', size: data.length },
    source: [data],
  });
  const chunks: Uint8Array[] = [];
  for await (const c of sealed.chunks) chunks.push(c);
  return { header: sealed.header, chunks };
}

async function openOnce(
  backend: CryptoBackend,
  key: Uint8Array,
  header: unknown,
  chunks: Uint8Array[],
) {
  let n = 0;
  for await (const c of openAttachment(backend, { reportKey: key, header, source: chunks }).chunks)
    n += c.length;
  return n;
}

export interface Throughput {
  backend: string;
  sealMiBs: number;
  openMiBs: number;
  rawSealMiBs?: number;
  rawOpenMiBs?: number;
  /** Node only: the same figures on CPU time, which a loaded machine does not distort as much. */
  cpu?: { sealMiBs: number; openMiBs: number; rawSealMiBs?: number; rawOpenMiBs?: number };
}

type CpuUsage = () => { user: number; system: number };

async function timed(
  fn: () => unknown,
  cpuUsage: CpuUsage | undefined,
): Promise<{ wall: number; cpu: number }> {
  const c0 = cpuUsage?.();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c1 = cpuUsage?.();
  return { wall, cpu: c0 && c1 ? (c1.user - c0.user + c1.system - c0.system) / 1000 : NaN };
}

/**
 * Attachment seal/open throughput of `sizeMiB` MiB, and (libsodium only) the raw libsodium
 * primitive on the same data in the same run: crypto_aead_xchacha20poly1305_ietf_{en,de}crypt
 * over the same 64 KiB chunks. The four measurements alternate order every repetition and the
 * best of `reps` is kept for each, so a busy neighbour penalises both sides alike.
 */
export async function measureThroughput(
  prefer: 'libsodium' | 'noble' | undefined,
  sizeMiB: number,
  reps: number,
): Promise<Throughput> {
  const backend = await loadBackend(prefer ? { prefer } : {});
  const cpuUsage = (globalThis as { process?: { cpuUsage: CpuUsage } }).process?.cpuUsage;
  const size = sizeMiB * MiB;
  const data = testData(size);
  const key = backend.randomBytes(32);
  let sodium: typeof import('libsodium-wrappers-sumo').default | undefined;
  if (backend.name === 'libsodium') {
    const mod = await import('libsodium-wrappers-sumo');
    sodium = mod.default;
    await sodium.ready;
  }
  const rawNonce = backend.randomBytes(24);
  const rawAd = new Uint8Array(96);
  let sealed = await sealOnce(backend, key, data); // warm-up
  await openOnce(backend, key, sealed.header, sealed.chunks);
  let raw: Uint8Array[] = [];
  const ops: Record<string, () => unknown> = {
    seal: async () => {
      sealed = await sealOnce(backend, key, data);
    },
    open: async () => {
      if ((await openOnce(backend, key, sealed.header, sealed.chunks)) !== size)
        throw new Error('lost bytes');
    },
  };
  if (sodium) {
    const s = sodium;
    ops['rawSeal'] = () => {
      raw = [];
      for (let i = 0; i < size; i += 65536) {
        raw.push(
          s.crypto_aead_xchacha20poly1305_ietf_encrypt(
            data.subarray(i, i + 65536),
            rawAd,
            null,
            rawNonce,
            key,
          ),
        );
      }
    };
    ops['rawOpen'] = () => {
      for (const c of raw)
        s.crypto_aead_xchacha20poly1305_ietf_decrypt(null, c, rawAd, rawNonce, key);
    };
    ops['rawSeal']();
  }
  const best: Record<string, { wall: number; cpu: number }> = {};
  const order = sodium ? ['seal', 'rawSeal', 'open', 'rawOpen'] : ['seal', 'open'];
  for (let r = 0; r < reps; r++) {
    const names = r % 2 === 0 ? order : [order[1]!, order[0]!, ...order.slice(2).reverse()];
    for (const name of names) {
      const t = await timed(ops[name]!, cpuUsage);
      const b = (best[name] ??= { wall: Infinity, cpu: Infinity });
      b.wall = Math.min(b.wall, t.wall);
      b.cpu = Math.min(b.cpu, t.cpu);
    }
  }
  const rate = (ms: number) => sizeMiB / (ms / 1000);
  const pick = (k: 'wall' | 'cpu') => ({
    sealMiBs: rate(best['seal']![k]),
    openMiBs: rate(best['open']![k]),
    ...(sodium
      ? { rawSealMiBs: rate(best['rawSeal']![k]), rawOpenMiBs: rate(best['rawOpen']![k]) }
      : {}),
  });
  return { backend: backend.name, ...pick('wall'), ...(cpuUsage ? { cpu: pick('cpu') } : {}) };
}

/** One receipt derivation by version (1 Argon2id m=19 MiB t=2, 2 keyed BLAKE2b), as a page runs it. */
export async function timeReceiptKeys(version: 1 | 2): Promise<{ backend: string; ms: number }> {
  const backend = await loadBackend();
  const receipt = generateReceipt(backend);
  const started = performance.now();
  await deriveReceiptKeys(backend, {
    receipt,
    version,
    salt: 'AAECAwQFBgcICQoLDA0ODw',
    params: RECEIPT_ARGON2_PARAMS,
  });
  return { backend: backend.name, ms: performance.now() - started };
}
