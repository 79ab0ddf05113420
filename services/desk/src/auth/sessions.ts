import { createHash } from 'node:crypto';
import type { Clock, Ids } from '../deps.ts';

export const SESSION_COOKIE = '__Host-desk_session';

interface Session {
  readonly investigatorId: string;
  lastSeen: number;
}

/**
 * Sessions in memory: a restart signs everyone out, which is acceptable for a staff desk and
 * keeps session secrets off disk. The map is keyed by a hash of the token, so a memory dump or
 * a debug print of the map does not hand out live cookies.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  constructor(
    private readonly clock: Clock,
    private readonly ids: Ids,
    private readonly idleMs: number,
  ) {}

  private key(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  create(investigatorId: string): string {
    const token = this.ids.bytes(32).toString('base64url');
    this.sessions.set(this.key(token), { investigatorId, lastSeen: this.clock.now().getTime() });
    return token;
  }

  /** The session's investigator, refreshing its idle timer; undefined when missing or idle. */
  touch(token: string): string | undefined {
    const key = this.key(token);
    const s = this.sessions.get(key);
    if (!s) return undefined;
    const now = this.clock.now().getTime();
    if (now - s.lastSeen > this.idleMs) {
      this.sessions.delete(key);
      return undefined;
    }
    s.lastSeen = now;
    return s.investigatorId;
  }

  destroy(token: string): void {
    this.sessions.delete(this.key(token));
  }

  /** Signs an investigator out everywhere (deactivation), or everywhere but `keepToken`. */
  destroyAllOf(investigatorId: string, keepToken?: string): void {
    const keep = keepToken === undefined ? undefined : this.key(keepToken);
    for (const [k, s] of this.sessions)
      if (s.investigatorId === investigatorId && k !== keep) this.sessions.delete(k);
  }
}

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  // __Host- prefix: Secure, Path=/, no Domain, so no sibling host can set or read it.
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}
