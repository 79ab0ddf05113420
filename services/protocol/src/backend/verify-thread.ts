import { Worker } from 'node:worker_threads';

type Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;
export type VerifyOffThread = (
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
) => Promise<boolean>;

interface Waiting {
  resolve: (ok: boolean) => void;
  args: [Uint8Array, Uint8Array, Uint8Array];
}

/**
 * One Ed25519 verification thread per process (verify-worker.mjs), shared by every backend
 * that asks: at about 0.1 ms a signature, one thread keeps up with several thousand
 * submissions a second, and the event loop that parses requests is spared the work. The
 * thread holds the process open only while a verification is waiting for it. Should the thread
 * fail to start or die, every waiting and later verification runs on the calling thread with
 * `fallback`, the same function: an answer is never lost, and never guessed.
 */
export function verifyOffThread(verify: Verify): VerifyOffThread {
  shared ??= startVerifyThread(verify);
  return shared;
}

let shared: VerifyOffThread | undefined;

/**
 * A verification thread of its own. `script` is for tests (a thread that dies); everything else
 * shares the one thread `verifyOffThread` starts.
 */
export function startVerifyThread(
  fallback: Verify,
  script: URL = new URL('./verify-worker.mjs', import.meta.url),
): VerifyOffThread {
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let worker: Worker | undefined;
  let broken = false;

  const fail = () => {
    if (broken) return;
    broken = true;
    worker = undefined;
    // Answer everything that was waiting, here, with the same function.
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.resolve(fallback(...w.args));
    }
  };

  /** Verifications asked for in this turn of the event loop, sent together at its end. */
  let outbox: Array<{ id: number; packed: ArrayBuffer }> = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    if (!worker) return; // failed meanwhile: fail() has answered them
    worker.postMessage(
      batch,
      batch.map((job) => job.packed),
    );
  };

  try {
    worker = new Worker(script);
    worker.unref();
    worker.on('message', (answers: Array<{ id: number; ok: boolean }>) => {
      for (const { id, ok } of answers) {
        const w = waiting.get(id);
        if (!w) continue;
        waiting.delete(id);
        w.resolve(ok === true);
      }
      if (waiting.size === 0) worker?.unref();
    });
    worker.on('error', fail);
    worker.on('exit', fail);
  } catch {
    broken = true;
  }

  return (signature, message, publicKey) => {
    if (broken || !worker) return Promise.resolve(fallback(signature, message, publicKey));
    // Ed25519's sizes, checked here so the thread can split the packed buffer by them.
    if (signature.length !== 64 || publicKey.length !== 32) return Promise.resolve(false);
    const id = nextId++;
    // One fresh buffer, moved to the thread rather than copied: the inputs may be views into a
    // larger buffer (Buffer's pool), which a structured clone would copy whole.
    const packed = new Uint8Array(signature.length + publicKey.length + message.length);
    packed.set(signature, 0);
    packed.set(publicKey, signature.length);
    packed.set(message, signature.length + publicKey.length);
    return new Promise<boolean>((resolve) => {
      waiting.set(id, { resolve, args: [signature, message, publicKey] });
      if (waiting.size === 1) worker!.ref();
      // Batched per turn of the event loop: each message wakes the thread, and a wake-up on a
      // busy machine can take the core from the event loop.
      if (outbox.length === 0) setImmediate(flush);
      outbox.push({ id, packed: packed.buffer });
    });
  };
}
