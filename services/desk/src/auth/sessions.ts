import type { EphemeralStore } from '@integrity-desk/shared-state';
import type { Ids } from '../deps.ts';

export const SESSION_COOKIE = '__Host-desk_session';

/** A signed-out-everywhere generation outlives any session it ends; past it, all are ended. */
const GENERATION_MS = 30 * 24 * 60 * 60_000;

/**
 * Desk sessions in the shared state (this process's memory, or Redis for several desk processes
 * behind one address): a restart of the one process signs everyone out, which is acceptable for
 * a staff desk and keeps session secrets off disk. The store sees the token only as a keyed hash
 * and the investigator id only sealed (shared-state namespaces), so a dump does not hand out live
 * cookies. Signing someone out everywhere cannot list their sessions in a key-value store: each
 * session carries its account's generation when made, and a sign-out everywhere moves the
 * generation on, so every older session is refused at its next request and then expires.
 */
export class SessionStore {
  constructor(
    private readonly ids: Ids,
    private readonly idleMs: number,
    private readonly store: EphemeralStore,
  ) {}

  /** The account's current generation (a counter read: adding 0). */
  private generation(investigatorId: string): Promise<number> {
    return this.store.incr(`generation:${investigatorId}`, GENERATION_MS, 0);
  }

  private save(token: string, investigatorId: string, generation: number): Promise<void> {
    return this.store.set(token, JSON.stringify([investigatorId, generation]), this.idleMs);
  }

  private async read(token: string): Promise<[string, number] | undefined> {
    const raw = await this.store.get(token);
    return raw === undefined ? undefined : (JSON.parse(raw) as [string, number]);
  }

  async create(investigatorId: string): Promise<string> {
    const token = this.ids.bytes(32).toString('base64url');
    await this.save(token, investigatorId, await this.generation(investigatorId));
    return token;
  }

  /** The session's investigator, refreshing its idle timer; undefined when missing or idle. */
  async touch(token: string): Promise<string | undefined> {
    const session = await this.read(token);
    if (!session) return undefined;
    const [investigatorId, generation] = session;
    if (generation !== (await this.generation(investigatorId))) {
      await this.store.delete(token);
      return undefined;
    }
    await this.save(token, investigatorId, generation);
    return investigatorId;
  }

  /** Whether the session is live, without refreshing its idle timer (a live feed is no activity). */
  async alive(token: string): Promise<boolean> {
    const session = await this.read(token);
    return session !== undefined && session[1] === (await this.generation(session[0]));
  }

  async destroy(token: string): Promise<void> {
    await this.store.delete(token);
  }

  /** Signs an investigator out everywhere (deactivation), or everywhere but `keepToken`. */
  async destroyAllOf(investigatorId: string, keepToken?: string): Promise<void> {
    const generation = await this.store.incr(`generation:${investigatorId}`, GENERATION_MS);
    const kept = keepToken === undefined ? undefined : await this.read(keepToken);
    if (keepToken !== undefined && kept?.[0] === investigatorId)
      await this.save(keepToken, investigatorId, generation);
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
