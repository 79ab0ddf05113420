import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** The WAL has outgrown its limit: hold writes until a checkpoint has copied all of it. */
  catchUp(): void;
  /**
   * Undefined, or a promise the next write must wait for: the WAL has grown to its limit and is
   * being copied to the end, so that the next write restarts it. Never waits longer than
   * `maxHoldMs`: writes are not held hostage by a checkpoint that cannot finish (a reader in
   * another process).
   */
  hold(): Promise<void> | undefined;
  /** Stops the thread; resolves once its connection is closed. */
  stop(): Promise<void>;
}

export interface CheckpointTiming {
  /** Pause between checkpoints while nothing is written (ms). */
  readonly idleMs: number;
  /** Pause after a checkpoint that copied frames (ms). */
  readonly busyMs: number;
  /** WAL file size (bytes) above which writes wait for the checkpoint to catch up. */
  readonly limitBytes: number;
  /** Longest a write waits for that (ms). */
  readonly maxHoldMs: number;
}

export const defaultCheckpointTiming: CheckpointTiming = {
  idleMs: 250,
  busyMs: 5,
  // About the most the WAL file holds under a load that never pauses.
  limitBytes: 16 * 1024 * 1024,
  maxHoldMs: 1000,
};

/**
 * Runs WAL checkpoints on a worker thread (checkpoint-worker.mjs). If the thread cannot start or
 * fails, `onFailure` is called once, so the store can fall back to checkpointing on the write
 * connection: the WAL must never grow without bound.
 */
export function startCheckpointer(
  file: string,
  onFailure: () => void,
  timing: Partial<CheckpointTiming> = {},
): Checkpointer {
  const t = { ...defaultCheckpointTiming, ...timing };
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, idleMs: t.idleMs, busyMs: t.busyMs },
  });
  let failed = false;
  let stopping = false;
  let held: { id: number; promise: Promise<void>; release: () => void } | undefined;
  let nextId = 0;

  const release = () => {
    const h = held;
    held = undefined;
    h?.release();
  };
  const fail = () => {
    release();
    if (failed) return;
    failed = true;
    onFailure();
  };

  const holdWrites = () => {
    if (held || failed || stopping) return;
    const id = nextId++;
    let releaseNow!: () => void;
    const promise = new Promise<void>((resolve) => (releaseNow = resolve));
    // Not unref'd: held writes are promised, so the process lives until they are released.
    const timeout = setTimeout(release, t.maxHoldMs);
    held = {
      id,
      promise,
      release: () => {
        clearTimeout(timeout);
        releaseNow();
      },
    };
    // Asked now, answered after the checkpoint the thread may be running: this one starts
    // after the last write, since writes are held from here on.
    worker.postMessage({ catchUp: id });
  };

  worker.on(
    'message',
    (m: { failed?: string; full?: number; caughtUp?: number; complete?: boolean }) => {
      if (m.failed !== undefined) fail();
      else if (m.full !== undefined) holdWrites();
      else if (m.caughtUp !== undefined && held?.id === m.caughtUp) {
        if (m.complete) release();
        // Not complete (another connection's checkpoint or reader was in the way): try again.
        else {
          const id = held.id;
          setTimeout(() => held?.id === id && worker.postMessage({ catchUp: id }), t.busyMs);
        }
      }
    },
  );
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) fail();
      resolve();
    }),
  );
  // The checkpointer alone never keeps a process alive (a CLI that appends and exits).
  worker.unref();
  return {
    catchUp: holdWrites,
    hold: () => held?.promise,
    async stop() {
      stopping = true;
      release();
      // Held open until the thread has closed its connection: `await store.close()` must
      // return in a process that has nothing else to do.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
