import { errorClass } from '@integrity-desk/http';
/**
 * Composition root: `npm start`. Reads the configuration, opens the event store (embedded
 * SQLite by default) and starts what ROLE asks for. Logs carry no request detail at all.
 */
import { loadConfig } from './config.ts';
import { startPlatform } from './platform.ts';
import { installProcessPolicy } from './process-policy.ts';

async function main(): Promise<void> {
  installProcessPolicy(
    process,
    (line) => console.error(line),
    (code) => process.exit(code),
  );
  const config = loadConfig(process.env, process.argv.slice(2));
  const platform = await startPlatform(config, (line) => console.log(line));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    platform
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('could not stop cleanly:', errorClass(error));
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
