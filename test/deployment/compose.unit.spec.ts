import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Holds docker-compose.yml to the deployment's exposure rules: a change that publishes desk or
 * intake, turns TLS off or drops a volume fails here before it reaches a server.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const torrc = readFileSync(resolve(root, 'infra/tor/torrc'), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string> | string[];
  ports?: Array<string | { host_ip?: string; published?: string | number; target?: number }>;
  expose?: unknown[];
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  network_mode?: string;
  secrets?: Array<string | { source: string }>;
  logging?: { driver?: string; options?: Record<string, string> };
}
interface Compose {
  services: Record<string, Service>;
  networks?: Record<string, { internal?: boolean } | null>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string }>;
}

function load(text: string): Compose {
  // merge: true resolves the `<<: *anchor` keys the file uses, as docker compose does.
  return parse(text, { merge: true }) as Compose;
}
const compose = load(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'));

const env = (s: Service): Record<string, string> =>
  Array.isArray(s.environment)
    ? Object.fromEntries(
        s.environment.map((kv) => [kv.split('=')[0]!, kv.split('=').slice(1).join('=')]),
      )
    : Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));

const networksOf = (s: Service): string[] =>
  Array.isArray(s.networks) ? s.networks : Object.keys(s.networks ?? {});

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** Host interface of each published port ('' when it binds every interface). */
function publishedHosts(s: Service): string[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p === 'object') return p.host_ip ?? '';
    // host_ip:published:target, published:target, or target alone
    const m = /^(\[[^\]]+\]|[^:]+):([^:]+):([^:]+)$/.exec(p);
    return m ? m[1]! : '';
  });
}

const esdbNodes = () =>
  Object.entries(compose.services).filter(([, s]) => s.image?.startsWith('eventstore/eventstore'));

/** The checks, so they can also be run against broken variants below. */
function violations(c: Compose): string[] {
  const out: string[] = [];
  const svc = c.services;
  const nodes = Object.entries(svc).filter(([, s]) => s.image?.startsWith('eventstore/eventstore'));
  if (nodes.length !== 3) out.push(`expected 3 EventStoreDB nodes, found ${nodes.length}`);
  for (const [name, s] of nodes) {
    const e = env(s);
    if ('EVENTSTORE_INSECURE' in e) out.push(`${name}: EVENTSTORE_INSECURE is set`);
    if (!e.EVENTSTORE_CERTIFICATE_FILE || !e.EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE)
      out.push(`${name}: no node certificate`);
    if (e.EVENTSTORE_CLUSTER_SIZE !== '3') out.push(`${name}: cluster size is not 3`);
    if (e.EVENTSTORE_MEM_DB === 'true') out.push(`${name}: in-memory database`);
    if ((s.ports ?? []).length > 0) out.push(`${name}: publishes ports`);
    const data = (s.volumes ?? []).some((v) =>
      typeof v === 'string'
        ? v.split(':')[1] === '/var/lib/eventstore' && !v.startsWith('.') && !v.startsWith('/')
        : v.target === '/var/lib/eventstore' && v.type !== 'bind',
    );
    if (!data) out.push(`${name}: no named data volume`);
  }
  for (const [name, s] of Object.entries(svc)) {
    const e = env(s);
    if ('ESDB_CONNECTION_STRING' in e && !/[?&]tls=true(&|$)/.test(e.ESDB_CONNECTION_STRING!))
      out.push(`${name}: connects to EventStoreDB without tls=true`);
  }
  const desk = svc.desk;
  if (!desk) out.push('no desk service');
  else {
    for (const host of publishedHosts(desk))
      if (!LOOPBACK.has(host)) out.push(`desk: published on ${host || 'every interface'}`);
    if (desk.network_mode === 'host') out.push('desk: host networking');
    if (!networksOf(desk).some((n) => c.networks?.[n]?.internal === true))
      out.push('desk: not on an internal network');
    if (env(desk).ROLE !== 'desk') out.push('desk: ROLE is not desk');
  }
  const intake = svc.intake;
  if (!intake) out.push('no intake service');
  else {
    for (const host of publishedHosts(intake))
      if (!LOOPBACK.has(host)) out.push(`intake: published on ${host || 'every interface'}`);
    if (intake.network_mode === 'host') out.push('intake: host networking');
    for (const n of networksOf(intake))
      if (c.networks?.[n]?.internal !== true) out.push(`intake: on non-internal network ${n}`);
    if (env(intake).ROLE !== 'intake') out.push('intake: ROLE is not intake');
  }
  const tor = svc.tor;
  if (!tor) out.push('no tor service');
  else {
    if ((tor.ports ?? []).length > 0) out.push('tor: publishes ports');
    const shared = networksOf(tor).filter((n) => intake && networksOf(intake).includes(n));
    if (shared.length === 0) out.push('tor: shares no network with intake');
  }
  const projections = Object.values(svc).filter((s) => env(s).ROLE === 'projections');
  if (projections.length !== 1) out.push('expected one projection runner');
  for (const v of ['app-data', 'blobs', 'tor-keys'])
    if (!c.volumes || !(v in c.volumes)) out.push(`volume ${v} missing`);
  return out;
}

describe('docker-compose.yml', () => {
  it('keeps every exposure rule', () => {
    expect(violations(compose)).toEqual([]);
  });

  it('runs three TLS EventStoreDB 24.10 nodes that seed each other', () => {
    const nodes = esdbNodes();
    expect(nodes.map(([, s]) => s.image)).toEqual(Array(3).fill('eventstore/eventstore:24.10'));
    for (const [name, s] of nodes) {
      const seeds = env(s).EVENTSTORE_GOSSIP_SEED!.split(',');
      expect(seeds, name).toHaveLength(2);
    }
  });

  it('intake, desk and the projection runner are separate containers of the app image', () => {
    const roles = Object.values(compose.services)
      .map((s) => env(s).ROLE)
      .filter(Boolean)
      .sort();
    expect(roles).toEqual(['desk', 'intake', 'projections']);
    for (const name of ['intake', 'desk', 'projections']) {
      const e = env(compose.services[name]!);
      expect(e.EVENT_STORE, name).toBe('esdb');
      expect(e.ESDB_CONNECTION_STRING, name).toMatch(/^esdb\+discover:\/\//);
    }
  });

  it("keeps intake's log on the host, under a driver named on purpose (no line per request to stamp)", () => {
    const logging = compose.services['intake']?.logging;
    expect(['local', 'none']).toContain(logging?.driver);
    // Nothing that ships lines elsewhere as they come (syslog, fluentd, gelf, a cloud's driver).
    expect(logging?.options?.['syslog-address'] ?? logging?.options?.['fluentd-address']).toBe(
      undefined,
    );
  });

  it('blobs and read models live on named volumes shared by the app containers', () => {
    for (const name of ['intake', 'desk', 'projections']) {
      const targets = (compose.services[name]!.volumes ?? []).map((v) =>
        typeof v === 'string' ? v.split(':').slice(0, 2).join(':') : `${v.source}:${v.target}`,
      );
      expect(targets, name).toEqual(
        expect.arrayContaining(['app-data:/data', 'blobs:/data/blobs']),
      );
    }
  });

  it('Tor publishes intake, at the address intake has on the onion network', () => {
    const port = /^HiddenServicePort\s+80\s+([\d.]+):(\d+)\s*$/m.exec(torrc);
    expect(port).not.toBeNull();
    const nets = compose.services.intake!.networks as Record<string, { ipv4_address?: string }>;
    const addresses = Object.values(nets).map((n) => n?.ipv4_address);
    expect(addresses).toContain(port![1]);
    expect(env(compose.services.intake!).INTAKE_PORT).toBe(port![2]);
    expect(torrc).toMatch(/^SocksPort 0$/m);
  });

  it('keeps secrets and keys out of the image build context', () => {
    const ignored = readFileSync(resolve(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'infra/certs/out', 'infra/secrets']));
  });

  it("gives desk its server key as a secret file, outside the app's volumes", () => {
    const desk = compose.services.desk!;
    expect(env(desk).DESK_KEY_FILE).toBe('/run/secrets/desk_key');
    expect(desk.secrets).toEqual(['desk_key']);
    const file = compose.secrets?.['desk_key']?.file ?? '';
    expect(file).toMatch(/^\.\/infra\/secrets\//);
    expect(readFileSync(resolve(root, '.gitignore'), 'utf8').split('\n')).toContain(
      'infra/secrets/',
    );
    for (const [name, s] of Object.entries(compose.services))
      if (name !== 'desk') expect(s.secrets ?? [], name).toEqual([]);
  });

  it('mounts only the CA certificate into app containers, never a private key', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      const mounts = (s.volumes ?? []).map((v) => (typeof v === 'string' ? v : String(v.source)));
      for (const m of mounts) expect(m, name).not.toMatch(/ca-private|ca\.key/);
      if (!s.image?.startsWith('eventstore/'))
        for (const m of mounts) expect(m, name).not.toMatch(/node\d?\.key|\/node\d(:|$)/);
    }
  });

  describe('the checks catch what they are for', () => {
    const broken = (edit: (c: Compose) => void): string[] => {
      const c = load(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'));
      edit(c);
      return violations(c);
    };
    it('desk published on every interface', () => {
      expect(broken((c) => (c.services.desk!.ports = ['8081:8081']))).toContain(
        'desk: published on every interface',
      );
      expect(
        broken((c) => (c.services.desk!.ports = [{ host_ip: '0.0.0.0', target: 8081 }])),
      ).toContain('desk: published on 0.0.0.0');
    });
    it('intake published directly', () => {
      expect(broken((c) => (c.services.intake!.ports = ['80:8080']))).toContain(
        'intake: published on every interface',
      );
    });
    it('TLS switched off', () => {
      expect(
        broken((c) => {
          (c.services.esdb1!.environment as Record<string, string>).EVENTSTORE_INSECURE = 'true';
        }),
      ).toContain('esdb1: EVENTSTORE_INSECURE is set');
    });
    it('a node or a volume removed', () => {
      expect(broken((c) => delete c.services.esdb3)).toContain(
        'expected 3 EventStoreDB nodes, found 2',
      );
      expect(broken((c) => delete c.volumes!.blobs)).toContain('volume blobs missing');
    });
  });
});
