import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Holds docker-compose.multi.yml and infra/haproxy/haproxy.cfg to what several processes behind
 * one address need (README, "Many processes behind one address"). Docker is absent here: this
 * reads the files; `haproxy -c -f infra/haproxy/haproxy.cfg` and `docker compose -f
 * docker-compose.multi.yml config` check their syntax where those tools exist.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const composeText = readFileSync(resolve(root, 'docker-compose.multi.yml'), 'utf8');
const haproxy = readFileSync(resolve(root, 'infra/haproxy/haproxy.cfg'), 'utf8');

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
}
type Compose = { services: Record<string, Service> };

function violations(c: Compose, cfg: string): string[] {
  const out: string[] = [];
  const apps = Object.entries(c.services).filter(([, s]) => s.environment?.ROLE);
  const byRole = (role: string) => apps.filter(([, s]) => s.environment!.ROLE === role);
  for (const role of ['intake', 'desk']) {
    const these = byRole(role);
    if (these.length < 2) out.push(`${role}: ${these.length} process(es), expected at least 2`);
    const backend =
      cfg.split(new RegExp(`^backend ${role}$`, 'm'))[1]?.split(/\nbackend /)[0] ?? '';
    for (const [name] of these)
      if (!new RegExp(`server \\S+ ${name}:`).test(backend))
        out.push(`${name}: not in HAProxy's ${role} backend`);
  }
  const keys = new Set(apps.map(([, s]) => s.environment!.SHARED_STATE_KEY_FILE));
  for (const [name, s] of apps) {
    const e = s.environment!;
    if (!e.REDIS_URL?.startsWith('redis')) out.push(`${name}: no REDIS_URL`);
    if (!e.SHARED_STATE_KEY_FILE) out.push(`${name}: no SHARED_STATE_KEY_FILE`);
    if (!e.READ_MODELS_FILE || e.READ_MODELS_FILE.startsWith(e.DATA_DIR ?? '/data'))
      out.push(`${name}: read models on the shared volume`);
    if ((s.ports ?? []).length > 0) out.push(`${name}: publishes ports past HAProxy`);
  }
  if (keys.size !== 1) out.push('processes do not share one shared-state key');
  const redis = Object.entries(c.services).find(([, s]) => s.image?.startsWith('redis'));
  const cmd = redis?.[1].command ?? [];
  if (!redis) out.push('no Redis');
  else if (cmd[cmd.indexOf('--save') + 1] !== '' || cmd[cmd.indexOf('--appendonly') + 1] !== 'no')
    out.push('Redis keeps data on disk');
  const proxy = Object.values(c.services).find((s) => s.image?.startsWith('haproxy'));
  for (const p of proxy?.ports ?? [])
    if (!p.startsWith('127.0.0.1:')) out.push(`HAProxy publishes ${p} beyond loopback`);
  if (
    /forwardfor|X-Forwarded-For\s+\S|option\s+httplog|log\s+\S+\s+local/i.test(
      cfg.replace(/#.*$/gm, ''),
    )
  )
    out.push('HAProxy forwards or logs client addresses');
  return out;
}

const compose = parse(composeText, { merge: true }) as Compose;

describe('docker-compose.multi.yml: several processes behind HAProxy', () => {
  it('runs two intake and two desk processes, each in HAProxy, all on one Redis and one key, none logging addresses', () => {
    expect(violations(compose, haproxy)).toEqual([]);
  });

  it('the checks catch a broken variant', () => {
    // Copied whole: services merged from one anchor share their environment objects.
    const broken = JSON.parse(JSON.stringify(parse(composeText, { merge: true }))) as Compose;
    delete broken.services.intake2!.environment!.REDIS_URL;
    broken.services.desk1!.environment = {
      ...broken.services.desk1!.environment,
      READ_MODELS_FILE: '/data/read-models.sqlite',
    };
    broken.services.redis!.command = ['redis-server'];
    const cfg = haproxy.replace(/\n\s*server desk2 .*/, '') + '\n    option forwardfor\n';
    expect(violations(broken, cfg)).toEqual([
      "desk2: not in HAProxy's desk backend",
      'intake2: no REDIS_URL',
      'desk1: read models on the shared volume',
      'Redis keeps data on disk',
      'HAProxy forwards or logs client addresses',
    ]);
  });
});
