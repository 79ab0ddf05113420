import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless receipt-session challenges in the protocol's format (32 bytes, base64url):
 * expiry (u32, seconds) | nonce (12 random bytes) | HMAC-SHA-256(subkey, locator, expiry, nonce)
 * truncated to 16 bytes. The MAC binds the challenge to the locator it was issued for, so the
 * server keeps nothing per issued challenge; a challenge for any locator, known or not, is
 * computed the same way.
 */
export function createSessionChallenges(key: Buffer, random: (n: number) => Buffer) {
  const subkey = createHmac('sha256', key).update('integrity-desk/intake/receipt-session').digest();
  const mac = (locator: string, head: Buffer) =>
    createHmac('sha256', subkey).update(locator).update('\0').update(head).digest().subarray(0, 16);

  return {
    issue(locator: string, expiresAtMs: number): string {
      const head = Buffer.alloc(16);
      head.writeUInt32BE(Math.ceil(expiresAtMs / 1000) >>> 0, 0);
      random(12).copy(head, 4);
      return Buffer.concat([head, mac(locator, head)]).toString('base64url');
    },
    /** The nonce and expiry when the MAC holds for this locator, otherwise undefined. */
    open(challenge: string, locator: string): { nonce: string; expiresAtMs: number } | undefined {
      if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return undefined;
      const bytes = Buffer.from(challenge, 'base64url');
      if (bytes.length !== 32) return undefined;
      const head = bytes.subarray(0, 16);
      if (!timingSafeEqual(bytes.subarray(16), mac(locator, head))) return undefined;
      return {
        nonce: head.subarray(4).toString('base64url'),
        expiresAtMs: head.readUInt32BE(0) * 1000,
      };
    },
  };
}
