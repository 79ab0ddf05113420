import { open, type FileHandle } from 'node:fs/promises';
import type { OpenFile } from '../evidence/fs-blob-store.ts';

/**
 * A disk that fills, for the filesystem blob store's `open` seam: while `space` is set, writes
 * through the handles it opens put at most that many more bytes into the real file (a short
 * write, as write(2) does on a disk that fills mid-way) and then fail with ENOSPC. `space =
 * undefined` is an operator freeing space.
 */
export function fillingDisk() {
  const disk: { space: number | undefined; open: OpenFile } = {
    space: undefined,
    open: async (path, flags) => {
      const handle = await open(path, flags);
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'write') return write(target);
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
  const write =
    (handle: FileHandle) =>
    async (bytes: Uint8Array, offset: number, length: number, at: number) => {
      if (disk.space === undefined) return handle.write(bytes, offset, length, at);
      if (disk.space === 0)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
        });
      const fits = Math.min(length, disk.space);
      disk.space -= fits;
      return handle.write(bytes, offset, fits, at);
    };
  return disk;
}
