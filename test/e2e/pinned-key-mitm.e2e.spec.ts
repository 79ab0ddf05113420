// SECURITY.md, "Pinning the deployment key" and "The trust chain" (link 1 and 2), attacked in real
// Chromium: a man in the middle in front of intake (a compromised server) answers
// GET /api/v1/deployment with a deployment key of its own and the channel's recipient list
// re-signed by it, naming the attacker's box key in the investigator's place; then with a forged
// rotation from the deployment's real key to its own. The whistleblower's page of a build that pins
// the deployment key (built here with the desk's key, as the server pins it after setup) refuses
// both: nothing is sealed and no report is sent. The same attack on the build that pins no key
// succeeds, as SECURITY.md says it does (trust on first use protects against nothing the server
// does): the attacker's key opens the report. That control is what makes the refusal mean
// something: the rewrite is one the page would otherwise accept.
import {
  generateBoxKeyPair,
  generateDeploymentKey,
  openReport,
  signDeploymentKeyTransition,
  signRecipientList,
  type BoxKeyPair,
  type CryptoBackend,
  type DeploymentKeyTransition,
} from '@integrity-desk/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFrontendBuild } from '../../services/server/src/frontend/build.ts';
import { startMitmProxy, type MitmProxy } from '../support/mitm-proxy.ts';
import {
  hasChromium,
  launchChromium,
  missingChromiumMessage,
  type LaunchedBrowser,
} from './support/chromium.ts';
import { testChannel } from './support/fake-deployment.ts';
import { ensureFrontendBuild } from './support/frontend-build.ts';
import { startIntake, type IntakeServer } from './support/intake-server.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'a compromised intake that swaps the deployment key'
  : `a compromised intake that swaps the deployment key: skipped, ${missingChromiumMessage}`;

interface DeploymentAnswer {
  crypto: { deploymentSignPublicKey: string; deploymentKeyTransitions?: unknown[] };
  channels: {
    id: string;
    recipients: { version: number; recipients: { recipientId: string }[] };
  }[];
}

/** The attacker's deployment key and box key, and the rewrite that puts them in the answer. */
function attacker(b: CryptoBackend, forgeRotation: boolean) {
  const key = generateDeploymentKey(b);
  const box: BoxKeyPair = generateBoxKeyPair(b);
  const rewrite = (body: unknown) => {
    const answer = body as DeploymentAnswer;
    const real = answer.crypto.deploymentSignPublicKey;
    const channels = answer.channels.map((c) => ({
      ...c,
      recipients: signRecipientList(
        b,
        {
          channelId: c.id,
          version: c.recipients.version,
          recipients: c.recipients.recipients.map((r) => ({
            recipientId: r.recipientId,
            boxPublicKey: box.publicKey,
            signPublicKey: key.publicKey,
          })),
        },
        key.seed,
      ),
    }));
    // A rotation from the real key to the attacker's, which only the real key could sign: the
    // attacker signs it with its own.
    const forged: DeploymentKeyTransition = {
      ...signDeploymentKeyTransition(b, {
        sequence: 1,
        previousSeed: key.seed,
        nextPublicKey: generateDeploymentKey(b).publicKey,
      }),
      previousPublicKey: real,
      nextPublicKey: key.publicKey,
    };
    return {
      ...answer,
      crypto: {
        ...answer.crypto,
        deploymentSignPublicKey: key.publicKey,
        ...(forgeRotation && { deploymentKeyTransitions: [forged] }),
      },
      channels,
    };
  };
  return { box, rewrite };
}

describe.skipIf(!hasChromium)(title, () => {
  let browser: LaunchedBrowser;
  let server: IntakeServer | undefined;
  /** One deployment with a pinned build for both pinned tests (a build takes a minute). */
  let pinnedServer: IntakeServer | undefined;
  let proxy: MitmProxy | undefined;
  let page: Page | undefined;
  const builds: string[] = [];

  beforeAll(async () => {
    ensureFrontendBuild();
    browser = await launchChromium({ jitless: false });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await pinnedServer?.close();
    for (const dir of builds) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await page?.close();
    await proxy?.close();
    await server?.close();
    server = undefined;
  });

  /** A build of this checkout that pins `key`, as the server makes it after setup. */
  const pinnedBuild = async (key: string) => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'integrity-desk-pinned-')), 'build');
    builds.push(outDir);
    const outcome = await runFrontendBuild({ outDir, pinnedKey: key });
    if (!outcome.ok) throw new Error(`pinned build failed: ${outcome.tail.join('\n')}`);
    return outDir;
  };

  /** Writes a report through the proxy and presses "Lock and send". */
  async function attack(options: { pinned: boolean; forgeRotation: boolean }) {
    let s: IntakeServer;
    if (options.pinned) s = pinnedServer ??= await startIntake({ frontendFor: pinnedBuild });
    else s = server = await startIntake();
    const evil = attacker(s.backend, options.forgeRotation);
    proxy = await startMitmProxy(s.origin, [
      {
        matches: ({ method, path }) => method === 'GET' && path === '/api/v1/deployment',
        rewrite: evil.rewrite,
      },
    ]);
    page = await browser.context.newPage();
    const wb = new ReportingNavigator(page, proxy.origin);
    await wb.writeReport(testChannel.name, 'PINNED: the port tender was rigged.', 'Port Authority');
    await wb.goToReview();
    return { wb, evil, proxy, server: s };
  }

  const sent = (p: MitmProxy) =>
    p.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/reports');
  const stored = async (s: IntakeServer) =>
    (await s.store.readAll()).filter((e) => e.type === 'ReportSubmitted');

  for (const forgeRotation of [false, true])
    it(`a pinned build refuses the server's own key${forgeRotation ? ', reached by a forged rotation,' : ''} and sends nothing`, async () => {
      const { proxy: p, server: s } = await attack({ pinned: true, forgeRotation });
      await page!.getByRole('link', { name: 'Lock and send' }).click();
      await page!.getByRole('button', { name: 'Try again' }).waitFor({ timeout: 120_000 });
      expect(p.rewritten).toBeGreaterThan(0);
      expect(sent(p)).toEqual([]);
      expect(await stored(s)).toEqual([]);
    }, 300_000);

  it('the build that pins no key takes the server’s word: the attacker’s key opens the report (the known limit)', async () => {
    const { wb, evil, proxy: p, server: s } = await attack({ pinned: false, forgeRotation: false });
    await wb.submitFromReview();
    expect(sent(p)).toHaveLength(1);
    const [report] = await stored(s);
    const envelope = (report!.data as { envelope: { recipients: { recipientId: string }[] } })
      .envelope;
    const opened = openReport(s.backend, envelope, {
      kind: 'recipient',
      recipientId: envelope.recipients[0]!.recipientId,
      boxPublicKey: evil.box.publicKey,
      boxSecretKey: evil.box.secretKey,
    });
    expect(JSON.stringify(opened.answers)).toContain('PINNED: the port tender was rigged.');
  }, 300_000);
});
