/**
 * `npm run doctor`: checks a production set-up with the same environment as `npm start` and
 * says in plain words what is wrong. Exit 1 when a check finds a problem, 0 otherwise (warnings
 * and checks not configured included). It reads files and opens connections; it changes nothing
 * but one: a copy of the event log that a killed backup left in DATA_DIR is removed (and said).
 */
import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import {
  backupRecent,
  deskExposure,
  freeDisk,
  frontendPinned,
  keyFile,
  onion,
  staleBackupSnapshots,
  trustProxy,
  type Finding,
} from './checks.ts';

const doctorSchema = z.object({
  /** The intake onion service's address (xyz….onion): checked through Tor when set. */
  ONION_ADDRESS: z.string().optional(),
  /** Tor's SocksPort. */
  TOR_SOCKS: z
    .string()
    .regex(/^[^:]+:\d+$/)
    .default('127.0.0.1:9050'),
  /** A backup older than this is a problem (nightly timer plus slack). */
  BACKUP_MAX_AGE_HOURS: z.coerce.number().positive().default(26),
  DOCTOR_MIN_FREE_MIB: z.coerce.number().nonnegative().default(1024),
  /** Where a reverse proxy in front of intake would listen on this machine. */
  DOCTOR_PROXY_PORTS: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .default('80,443'),
});

const mark = { ok: 'ok     ', warning: 'warning', problem: 'PROBLEM', skipped: 'skipped' } as const;

export async function runDoctor(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<Finding[]> {
  const config = loadConfig(env, []);
  const d = doctorSchema.parse(env);
  const [socksHost, socksPort] = d.TOR_SOCKS.split(':') as [string, string];
  const findings: Finding[] = [
    deskExposure(config.desk.host, networkInterfaces()),
    await trustProxy(
      config.trustProxy,
      config.intake.host,
      d.DOCTOR_PROXY_PORTS.split(',').map(Number),
    ),
    keyFile(config.deskKey.file, config.deskKey.kind === 'provided'),
    freeDisk(config.dataDir, d.DOCTOR_MIN_FREE_MIB),
    await onion(d.ONION_ADDRESS, { host: socksHost, port: Number(socksPort) }),
    frontendPinned(config.dataDir, config.staticDir),
    backupRecent(config.dataDir, d.BACKUP_MAX_AGE_HOURS, new Date()),
    await staleBackupSnapshots(config.dataDir),
  ];
  for (const f of findings) print(`${mark[f.status]}  ${f.check}: ${f.says}`);
  const problems = findings.filter((f) => f.status === 'problem').length;
  print(
    problems === 0
      ? 'doctor: no problem found'
      : `doctor: ${problems} problem${problems === 1 ? '' : 's'} to fix`,
  );
  return findings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runDoctor(process.env, (line) => console.log(line)).then(
    (findings) => process.exit(findings.some((f) => f.status === 'problem') ? 1 : 0),
    (error: unknown) => {
      console.error(`doctor: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
