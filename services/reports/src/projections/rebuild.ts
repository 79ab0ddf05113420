import type { EventStore } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';
import { allProjections } from './all.ts';
import { createProjectionRunner, openReadModels } from './runner.ts';

export interface RebuildOutcome {
  /** Every projection's name, in the order they were applied. */
  readonly projections: readonly string[];
  /** The global position the read models now stand at. */
  readonly position: bigint;
  readonly seconds: number;
}

/**
 * Drops every read model in `file` and rebuilds it from the log, up to its current end: what
 * `npm run projections:rebuild` and `npm run restore` do. Read models are disposable, so this is
 * always safe; nothing else may write `file` meanwhile. The file is closed again afterwards.
 */
export async function rebuildReadModels(
  store: EventStore,
  file: string,
  open: (file: string) => Database.Database,
): Promise<RebuildOutcome> {
  const db = openReadModels(file, open);
  try {
    const started = performance.now();
    const runner = createProjectionRunner({ store, db, projections: allProjections });
    await runner.rebuild();
    return {
      projections: allProjections.map((p) => p.name),
      position: runner.position(),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    db.close();
  }
}
