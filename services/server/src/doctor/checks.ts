import { existsSync, readFileSync, statSync, statfsSync } from 'node:fs';
import { connect } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { removeStaleSnapshots } from '../backup/stale-snapshots.ts';
import { readBuildManifest } from '../frontend/manifest.ts';
import { socksGet } from './socks.ts';

/** One check's outcome, in the words an operator reads. `problem` makes the doctor exit 1. */
export interface Finding {
  readonly check: string;
  readonly status: 'ok' | 'warning' | 'problem' | 'skipped';
  readonly says: string;
}

const loopback = (host: string) =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
const wildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';
/** RFC 1918, carrier-grade NAT (VPNs such as Tailscale), IPv6 unique-local and link-local. */
export const privateAddress = (host: string) =>
  /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|169\.254\.)/.test(
    host,
  ) || /^f[cd][0-9a-f]{2}:|^fe80:/i.test(host);

/** The desk is for staff: loopback or a private network, never an address the world reaches. */
export function deskExposure(
  deskHost: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): Finding {
  const check = 'desk address';
  if (loopback(deskHost))
    return { check, status: 'ok', says: `the desk listens on ${deskHost} (this machine only)` };
  if (wildcard(deskHost)) {
    const outside = Object.values(interfaces)
      .flat()
      .filter((i) => i && !i.internal && !privateAddress(i.address))
      .map((i) => i!.address);
    if (outside.length > 0)
      return {
        check,
        status: 'problem',
        says: `DESK_HOST=${deskHost} puts the staff sign-in on every address of this machine, including ${outside.join(', ')}, which the internet can reach: set DESK_HOST=127.0.0.1 and reach it over an onion service with client authorisation, a VPN or a private address`,
      };
    return {
      check,
      status: 'warning',
      says: `DESK_HOST=${deskHost} listens on every address; all of them are private today, but a new interface would expose the desk: name one address`,
    };
  }
  if (privateAddress(deskHost))
    return { check, status: 'ok', says: `the desk listens on a private address (${deskHost})` };
  return {
    check,
    status: 'problem',
    says: `DESK_HOST=${deskHost} is not a private address: anyone who reaches it reaches the staff sign-in; use 127.0.0.1, a private address or an onion service with client authorisation`,
  };
}

/** Whether something accepts connections on host:port (a second at most). */
export function answers(host: string, port: number, ms = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * TRUST_PROXY makes intake believe X-Forwarded-For: right only behind a proxy the operator runs.
 * Intake reached directly (not on loopback) or no proxy answering here means clients write it.
 */
export async function trustProxy(
  trusted: boolean,
  intakeHost: string,
  proxyPorts: readonly number[],
): Promise<Finding> {
  const check = 'TRUST_PROXY';
  if (!trusted)
    return { check, status: 'ok', says: 'not set (right with Tor, and with no proxy in front)' };
  if (!loopback(intakeHost))
    return {
      check,
      status: 'problem',
      says: `TRUST_PROXY=true but intake listens on ${intakeHost}, where clients reach it directly and can write X-Forwarded-For themselves: listen on 127.0.0.1 behind the proxy, or unset TRUST_PROXY`,
    };
  const found = [];
  for (const port of proxyPorts) if (await answers('127.0.0.1', port)) found.push(port);
  if (found.length === 0)
    return {
      check,
      status: 'problem',
      says: `TRUST_PROXY=true but no reverse proxy answers on this machine (ports ${proxyPorts.join(', ')}): unset it (never needed with Tor)`,
    };
  return { check, status: 'ok', says: `set, and a proxy answers on port ${found.join(', ')}` };
}

/** The desk key and the secrets folder: the service's user only. */
export function keyFile(file: string, provided: boolean): Finding {
  const check = 'desk key file';
  if (!existsSync(file))
    return provided
      ? { check, status: 'problem', says: `DESK_KEY_FILE names ${file}, which does not exist` }
      : { check, status: 'warning', says: `${file} does not exist yet (made at the first start)` };
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0)
    return {
      check,
      status: 'problem',
      says: `${file} can be read by others (mode ${mode.toString(8)}): chmod 600 ${file}; anyone who reads it and a copy of the event log can open every TOTP secret`,
    };
  return {
    check,
    status: 'ok',
    says: `${file} is readable by its owner only (mode ${mode.toString(8)})`,
  };
}

/** Free space where the event log and evidence are written. */
export function freeDisk(dataDir: string, minFreeMiB: number): Finding {
  const check = 'free disk';
  if (!existsSync(dataDir))
    return { check, status: 'problem', says: `DATA_DIR ${dataDir} does not exist` };
  const fs = statfsSync(dataDir);
  const freeMiB = (fs.bavail * fs.bsize) / 1024 ** 2;
  const share = fs.bavail / Math.max(1, fs.blocks);
  const said = `${(freeMiB / 1024).toFixed(1)} GiB free (${Math.round(share * 100)}%) under ${dataDir}`;
  if (freeMiB < minFreeMiB)
    return {
      check,
      status: 'problem',
      says: `${said}, less than ${minFreeMiB} MiB: submissions and evidence will be refused with 507 once it is full; free space or grow the disk`,
    };
  return { check, status: share < 0.1 ? 'warning' : 'ok', says: said };
}

/** The onion service answers intake's /healthz through Tor's SOCKS port. */
export async function onion(
  address: string | undefined,
  socks: { host: string; port: number },
): Promise<Finding> {
  const check = 'Tor onion service';
  if (!address) return { check, status: 'skipped', says: 'ONION_ADDRESS not set: not checked' };
  try {
    const status = await socksGet(socks, address, 80, '/healthz', 30_000);
    return status === 200
      ? { check, status: 'ok', says: `${address} answers through Tor (/healthz 200)` }
      : { check, status: 'problem', says: `${address} answered /healthz with ${status}` };
  } catch (error) {
    return {
      check,
      status: 'problem',
      says: `${address} does not answer through Tor at ${socks.host}:${socks.port} (${(error as Error).message}): is tor running, and its HiddenServicePort pointing at intake?`,
    };
  }
}

/** The build the services serve pins the deployment key (DATA_DIR/frontend/current, else the fallback). */
export function frontendPinned(dataDir: string, fallbackDir: string | undefined): Finding {
  const check = 'front end pinned';
  const current = join(dataDir, 'frontend', 'current');
  const manifest = readBuildManifest(existsSync(current) ? current : fallbackDir);
  if (!manifest)
    return { check, status: 'problem', says: 'no front-end build found: run npm run build' };
  if (!manifest.pinnedDeploymentKey)
    return {
      check,
      status: 'problem',
      says: 'the served front end pins no deployment key: browsers trust any key the server announces. Finish setup (the server then pins it by itself) or, with FRONTEND_REBUILD=off, build with VITE_DEPLOYMENT_SIGN_PUBLIC_KEY',
    };
  return {
    check,
    status: 'ok',
    says: `the served build pins deployment key ${manifest.pinnedDeploymentKey.slice(0, 12)}… (commit ${manifest.commit.slice(0, 12)})`,
  };
}

/** The last successful `npm run backup` (DATA_DIR/last-backup.json) is recent enough. */
export function backupRecent(dataDir: string, maxAgeHours: number, now: Date): Finding {
  const check = 'backups';
  let last: { finishedAt?: unknown; archive?: unknown };
  try {
    last = JSON.parse(readFileSync(join(dataDir, 'last-backup.json'), 'utf8')) as typeof last;
  } catch {
    return {
      check,
      status: 'problem',
      says: 'no backup recorded (DATA_DIR/last-backup.json): run npm run backup from a timer (docs/production.md)',
    };
  }
  const at = typeof last.finishedAt === 'string' ? Date.parse(last.finishedAt) : NaN;
  if (Number.isNaN(at))
    return {
      check,
      status: 'problem',
      says: 'last-backup.json does not say when: run npm run backup',
    };
  const hours = (now.getTime() - at) / 3_600_000;
  const said = `last backup ${hours < 1 ? 'less than an hour' : `${Math.floor(hours)} h`} ago (${new Date(at).toISOString()})`;
  if (hours > maxAgeHours)
    return {
      check,
      status: 'problem',
      says: `${said}, older than ${maxAgeHours} h: is the backup timer running? (systemctl list-timers)`,
    };
  return { check, status: 'ok', says: said };
}

/**
 * Snapshots of the event log that killed backups left in DATA_DIR (plain copies of every report
 * they held, out of reach of any purge): removed here, as at every start, and reported.
 */
export async function staleBackupSnapshots(dataDir: string): Promise<Finding> {
  const check = 'backup leftovers';
  const removed = await removeStaleSnapshots(dataDir);
  if (removed === 0)
    return { check, status: 'ok', says: 'no copy of the event log left by a killed backup' };
  return {
    check,
    status: 'warning',
    says: `removed ${removed} file${removed === 1 ? '' : 's'} of a backup that was killed mid-way (a plain copy of the event log): did its timer's run fail? (journalctl -u integrity-desk-backup)`,
  };
}
