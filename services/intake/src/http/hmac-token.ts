import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Stateless signed tokens `<fields joined by '.'>.<mac>`: the server keeps no state per issued
 * challenge, so handing them out costs nothing to remember. `purpose` separates the keys of
 * different uses (one subkey per purpose, never the same MAC for two meanings).
 */
export function createHmacSigner(key: Buffer, purpose: string) {
  const subkey = createHmac('sha256', key).update(`integrity-desk/intake/${purpose}`).digest();
  const mac = (body: string, bound: string) =>
    createHmac('sha256', subkey).update(body).update('\0').update(bound).digest('base64url');
  return {
    /** Signs the fields; `bound` is covered by the MAC but not carried in the token. */
    sign(fields: readonly string[], bound = ''): string {
      const body = fields.join('.');
      return `${body}.${mac(body, bound)}`;
    },
    /** The fields when the MAC holds, otherwise undefined. Constant-time comparison. */
    open(token: string, bound = ''): string[] | undefined {
      const cut = token.lastIndexOf('.');
      if (cut <= 0) return undefined;
      const body = token.slice(0, cut);
      const given = Buffer.from(token.slice(cut + 1), 'base64url');
      const expected = Buffer.from(mac(body, bound), 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return body.split('.');
    },
  };
}
