import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { EphemeralStore } from '../port/types.ts';

/**
 * What the services use: `namespace(purpose)` is an EphemeralStore whose keys reach the adapter
 * as `<purpose>:<HMAC-SHA-256(key)>` and whose values reach it sealed (AES-256-GCM, bound to
 * their key). Counters stay plain numbers. So Redis, or a dump of it, holds no token, handle,
 * locator, report or account id, only purposes, opaque keys, counts and expiries; whoever reads
 * it without the secret learns how many of each there are. Every process behind one address is
 * given the same 32-byte secret (server/src/shared-state.ts), so they all find the same keys.
 */
export interface SharedState {
  namespace(purpose: string): EphemeralStore;
  close(): Promise<void>;
}

const purposePattern = /^[a-z][a-z0-9-]{0,39}$/;

export function createSharedState(store: EphemeralStore, secret: Uint8Array): SharedState {
  if (secret.length < 32) throw new Error('shared state: the secret must be 32 bytes');
  const subkey = (label: string) =>
    Buffer.from(
      hkdfSync('sha256', secret, Buffer.alloc(0), `integrity-desk shared-state ${label} v1`, 32),
    );
  const keyKey = subkey('keys');
  const valueKey = subkey('values');

  function seal(stored: string, value: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', valueKey, nonce);
    cipher.setAAD(Buffer.from(stored));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
  }
  function open(stored: string, sealed: string | undefined): string | undefined {
    if (sealed === undefined) return undefined;
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 28) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', valueKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(stored));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([
        decipher.update(raw.subarray(12, raw.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // Not ours or altered: as good as absent.
      return undefined;
    }
  }

  return {
    namespace(purpose) {
      if (!purposePattern.test(purpose)) throw new Error(`shared state: bad purpose ${purpose}`);
      const at = (key: string) =>
        `${purpose}:${createHmac('sha256', keyKey).update(purpose).update('\0').update(key).digest('base64url')}`;
      return {
        get: async (key) => open(at(key), await store.get(at(key))),
        set: (key, value, ttlMs) => store.set(at(key), seal(at(key), value), ttlMs),
        setIfAbsent: (key, value, ttlMs) => store.setIfAbsent(at(key), seal(at(key), value), ttlMs),
        incr: (key, ttlMs, by) => store.incr(at(key), ttlMs, by),
        delete: (key) => store.delete(at(key)),
        // The store is shared by every namespace: SharedState.close closes it.
        close: async () => undefined,
      };
    },
    close: () => store.close(),
  };
}
