// A real desk service (services/desk, in process, memory event store, in-memory read models with
// the real projection runner) behind the static server of the build, which serves the desk
// pages with their csp.json header and hands /api/* to the desk app: one origin, as desk will.
import { createDeskApp } from '@integrity-desk/desk';
import { createMemoryEventStore } from '@integrity-desk/eventstore';
import { loadBackend } from '@integrity-desk/protocol';
import { allProjections, createProjectionRunner } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import type { CspManifest } from './frontend-build.ts';
import { serveBuild, type ApiForward } from './static-server.ts';
import { SteppingClock } from './test-clock.ts';

export interface DeskServer {
  origin: string;
  setupToken: string;
  /** The desk's time: give it to the personas, so their TOTP codes need not wait (test-clock.ts). */
  clock: SteppingClock;
  close(): Promise<void>;
}

export async function startDesk(manifest: CspManifest): Promise<DeskServer> {
  const store = createMemoryEventStore();
  const db = new Database(':memory:');
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.start();
  // The desk app needs the origin (CSRF check) and the origin needs the server: fill it in after.
  const target: { app?: ApiForward } = {};
  const server = await serveBuild(manifest, undefined, () => target.app);
  let setupToken = '';
  const clock = new SteppingClock();
  const app = createDeskApp({
    store,
    readModels: db,
    clock: clock.forDesk,
    ids: { uuid: () => randomUUID(), bytes: (n) => randomBytes(n) },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    config: {
      origin: server.origin,
      serverKey: randomBytes(32),
      onSetupToken: (token) => (setupToken = token),
    },
    cryptoBackend: await loadBackend(),
  });
  target.app = app as unknown as ApiForward;
  for (let i = 0; i < 50 && !setupToken; i++) await new Promise((r) => setTimeout(r, 20));
  return {
    origin: server.origin,
    setupToken,
    clock,
    async close() {
      await server.close();
      await runner.stop();
      db.close();
    },
  };
}
