import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A deployment seeded by `--demo` stays a demonstration: its credentials went to a terminal.
 * `DATA_DIR/demo` records that (the date only, nothing secret), so a later `npm start` without
 * `--demo` still marks every page and says so in its log, instead of passing for a real one.
 */
const file = (dataDir: string) => join(dataDir, 'demo');

export function markDemo(dataDir: string, now: Date): void {
  writeFileSync(file(dataDir), `seeded as a demonstration on ${now.toISOString().slice(0, 10)}\n`);
}

/** The marker's line, or undefined for a deployment never seeded as a demonstration. */
export function demoMarker(dataDir: string): string | undefined {
  try {
    return readFileSync(file(dataDir), 'utf8').trim();
  } catch {
    return undefined;
  }
}
