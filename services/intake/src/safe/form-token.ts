/**
 * CSRF protection for forms that run no script: a signed double submit. The form page sets a
 * random cookie (HttpOnly, SameSite=Strict, path /safe) and puts HMAC(key, cookie) in a hidden
 * field; a post is taken only when its field is the HMAC of the cookie it came with and the
 * browser does not say it came from another site (Sec-Fetch-Site). Nothing is stored: the key is
 * the challenge key every intake process behind the address shares.
 */
import type { Request, Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';

const COOKIE = 'safe_form';
const cookiePattern = /^[A-Za-z0-9_-]{43}$/;

export interface FormTokens {
  /** The hidden field's value for this browser, setting its cookie when it has none. */
  issue(req: Request, res: Response): string;
  /** Whether a post carries a token for its own cookie and did not come from another site. */
  holds(req: Request, token: string | undefined): boolean;
}

function cookieOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === COOKIE && value !== undefined && cookiePattern.test(value)) return value;
  }
  return undefined;
}

export function createFormTokens(key: Buffer, random: (n: number) => Buffer): FormTokens {
  const sign = (cookie: string) =>
    createHmac('sha256', key).update('safe-form\0').update(cookie).digest();
  return {
    issue(req, res) {
      let cookie = cookieOf(req);
      if (!cookie) {
        cookie = random(32).toString('base64url');
        // A session cookie: gone when the browser closes (Tor Browser: "New Identity").
        res.append(
          'Set-Cookie',
          `${COOKIE}=${cookie}; Path=/safe; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`,
        );
      }
      return sign(cookie).toString('base64url');
    },
    holds(req, token) {
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
      const cookie = cookieOf(req);
      if (!cookie || token === undefined) return false;
      const given = Buffer.from(token, 'base64url');
      const expected = sign(cookie);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
