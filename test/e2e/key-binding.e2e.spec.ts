// Keys bound to people (issue 12, finding 2), in real Chromium against the real composition root,
// with a man in the middle in front of the desk for the administrator. The proxy swaps the
// investigator's box key in GET /api/investigators/:id: the administrator's page finds the
// possession proof broken and refuses to sign. It then swaps both keys for the attacker's own,
// with a proof the attacker made: the proof holds, but the safety number the page shows is not
// the one on the investigator's own account page, so the administrator does not confirm and
// nothing is signed. A whistleblower's report is sealed to the genuine keys only: the attacker's
// key opens nothing. Last, a careless administrator confirms without comparing: the desk itself
// refuses to store a list with keys other than the enrolled ones, but a compromised desk serves
// that signed list anyway (a second man in the middle, in front of the investigator): at their
// next sign-in the investigator's page raises the alarm, and the audit log records it.
import {
  deriveReceiptKeys,
  RECEIPT_KDF_CURRENT,
  generateInvestigatorKeys,
  generateReceipt,
  openReport,
  proveKeyPossession,
  safetyNumber,
  sealReport,
  verifyRecipientList,
  loadBackend,
  type DeploymentCryptoSettings,
  type InvestigatorKeys,
} from '@integrity-desk/protocol';
import { solvePow } from '@integrity-desk/intake';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMitmProxy, type JsonRewrite, type MitmProxy } from '../support/mitm-proxy.ts';
import {
  hasChromium,
  launchSharedChromium,
  missingChromiumMessage,
  type SharedBrowser,
} from './support/chromium.ts';
import { deskPeople, deskPeopleIn } from './support/desk.ts';
import type { AdministratorNavigator, InvestigatorNavigator } from './support/desk.ts';
import { foreignRequests, type Observations } from './support/observe.ts';
import { checkPage, overflowing, type PageReport } from './support/page-checks.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const title = hasChromium
  ? 'keys bound to people: a desk that swaps an investigator’s keys is refused and found out'
  : `keys bound to people: skipped, ${missingChromiumMessage}`;

const channel = 'Procurement watch';
const { administrator, investigator } = deskPeople;
const backend = await loadBackend();

interface Account {
  investigatorId: string;
  boxPublicKey: string | null;
  signPublicKey: string | null;
  keyProof: string | null;
}

describe.skipIf(!hasChromium)(title, () => {
  let platform: TestPlatform;
  let proxy: MitmProxy;
  /** The proxy's rules, changed in place as the attacker changes tactics. */
  const rules: JsonRewrite[] = [];
  /** In front of the investigator: passes everything through until the last test. */
  let officerProxy: MitmProxy;
  const officerRules: JsonRewrite[] = [];
  let browser: SharedBrowser;
  const seen: Observations = { requests: [], cspViolations: [], pageErrors: [] };
  let admin: AdministratorNavigator;
  let officer: InvestigatorNavigator;
  let officerId = '';
  let ownNumber = '';
  const attacker: InvestigatorKeys = generateInvestigatorKeys(backend);
  const reports: PageReport[] = [];
  const check = async (page: Page, name: string) =>
    reports.push(await checkPage(page, `key-binding-${name}`));

  /** The proxy's rule: the investigator's account answers with other keys (and proof). */
  function substitute(change: (account: Account) => Partial<Account>) {
    rules.splice(0, rules.length, {
      matches: ({ method, path }) => method === 'GET' && path === `/api/investigators/${officerId}`,
      rewrite: (body) => ({ ...(body as Account), ...change(body as Account) }),
    });
  }

  /** The channel's current list as intake gives it to whistleblowers. */
  async function publishedList() {
    const info = (await (await fetch(`${platform.intake}/api/v1/deployment`)).json()) as {
      crypto: DeploymentCryptoSettings;
      channels: { id: string; name: string; recipients: unknown }[];
    };
    const entry = info.channels.find((c) => c.name === channel);
    return { info, entry };
  }

  async function reviewOf(handle: string) {
    const group = admin.recipientsOf(channel);
    for (const box of (await group.getByRole('checkbox').all()).reverse()) await box.uncheck();
    await group.getByLabel(administrator.handle, { exact: true }).check();
    await group.getByLabel(handle, { exact: true }).check();
    const review = group.locator(`[data-review="${handle}"]`);
    await review.waitFor();
    return review;
  }

  async function publishOutcome() {
    const group = admin.recipientsOf(channel);
    await group.getByRole('button', { name: 'Sign and publish the recipients' }).click();
    const outcome = group.getByRole('status');
    await outcome.waitFor();
    return ((await outcome.textContent()) ?? '').trim();
  }

  beforeAll(async () => {
    platform = await startTestPlatform('key-binding');
    proxy = await startMitmProxy(platform.desk, rules);
    officerProxy = await startMitmProxy(platform.desk, officerRules);
    browser = await launchSharedChromium();
    // The administrator reaches the desk only through the man in the middle.
    ({ admin, officer } = await deskPeopleIn(browser, seen, {
      administrator: proxy.origin,
      investigator: officerProxy.origin,
    }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await proxy?.close();
    await officerProxy?.close();
    await platform?.stop();
  });

  it('the investigator enrols and finds their safety number on their own account page', async () => {
    expect(platform.setupToken).not.toBe('');
    await admin.setUpAndSignIn(platform.setupToken);
    const invitation = await admin.invite(investigator.handle);
    officerId = invitation.split(':')[0]!;
    await admin.addChannel(channel, ['?What happened?*']);
    expect(await admin.publishRecipients(channel, [administrator.handle])).toBe('Published.');

    await officer.enrolAndSignIn(invitation);
    await officer.page.getByRole('link', { name: 'Account' }).click();
    await officer.page.getByRole('heading', { name: 'Your safety number' }).waitFor();
    ownNumber = (await officer.page.getByTestId('own-safety-number').innerText()).trim();
    expect(ownNumber).toMatch(/^\d{5}( \d{5}){11}$/);
    await check(officer.page, 'account');
  }, 240_000);

  it('a swapped box key breaks the possession proof: the page warns and signs nothing', async () => {
    substitute(() => ({ boxPublicKey: attacker.boxPublicKey }));
    await admin.openQueues();
    await admin.openAdministration();
    const review = await reviewOf(investigator.handle);
    await review.getByRole('alert').waitFor();
    expect(await review.innerText()).toContain('not proven to be theirs');
    expect(await review.getByRole('checkbox').count()).toBe(0);
    expect(await publishOutcome()).toBe(
      'Not signed: the keys the desk gave for a recipient are not proven to be theirs.',
    );
    expect(proxy.rewritten).toBeGreaterThan(0);
    await check(admin.page, 'unproven');
    const { entry } = await publishedList();
    expect(JSON.stringify(entry?.recipients)).not.toContain(attacker.boxPublicKey);
  }, 120_000);

  it('both keys swapped with a proof of the attacker’s own: the number differs, so it is not confirmed', async () => {
    const proof = proveKeyPossession(backend, {
      investigatorId: officerId,
      boxSecretKey: attacker.boxSecretKey,
      signSeed: attacker.signSeed,
    });
    substitute(() => ({
      boxPublicKey: attacker.boxPublicKey,
      signPublicKey: attacker.signPublicKey,
      keyProof: proof,
    }));
    await admin.openQueues();
    await admin.openAdministration();
    const review = await reviewOf(investigator.handle);
    const shown = (await review.locator('code').innerText()).trim();
    // What the administrator reads to the investigator on the phone is not what they see.
    expect(shown).toMatch(/^\d{5}( \d{5}){11}$/);
    expect(shown).not.toBe(ownNumber);
    expect(shown).toBe(
      safetyNumber(backend, {
        investigatorId: officerId,
        boxPublicKey: attacker.boxPublicKey,
        signPublicKey: attacker.signPublicKey,
      }),
    );
    // The administrator's own entry they compare with themselves; the investigator's they do not.
    await admin
      .recipientsOf(channel)
      .getByRole('checkbox', { name: `I compared the safety number of ${administrator.handle}` })
      .check();
    expect(await publishOutcome()).toBe(
      'Not signed yet: compare each safety number with its owner and tick that you did.',
    );
    const { entry } = await publishedList();
    expect(JSON.stringify(entry?.recipients)).not.toContain(attacker.boxPublicKey);
  }, 120_000);

  it('without the man in the middle the numbers match; a report is sealed to the genuine keys and the attacker’s key opens nothing', async () => {
    rules.length = 0;
    await admin.openQueues();
    await admin.openAdministration();
    const review = await reviewOf(investigator.handle);
    expect((await review.locator('code').innerText()).trim()).toBe(ownNumber);
    expect(
      await admin.publishRecipients(channel, [administrator.handle, investigator.handle]),
    ).toBe('Published.');
    // A whistleblower seals a report to the list intake gives out (as the page does).
    let listed: { info: Awaited<ReturnType<typeof publishedList>>['info']; recipients: unknown };
    await expect
      .poll(
        async () => {
          const { info, entry } = await publishedList();
          listed = { info, recipients: entry?.recipients };
          return (entry?.recipients as { version?: number } | null)?.version ?? 0;
        },
        { timeout: 10_000 },
      )
      .toBe(2);
    const { info } = listed!;
    const list = verifyRecipientList(backend, listed!.recipients, {
      pinnedPublicKey: info.crypto.deploymentSignPublicKey,
    });
    const kdf = info.crypto.receiptKdf;
    const keys = await deriveReceiptKeys(backend, {
      receipt: generateReceipt(backend),
      version: RECEIPT_KDF_CURRENT,
      salt: kdf.salt,
      params: { opsLimit: kdf.opsLimit, memLimitBytes: kdf.memLimitBytes },
    });
    const channelId = info.channels.find((c) => c.name === channel)!.id;
    const { envelope } = sealReport(backend, {
      reportId: randomUUID(),
      channelId,
      answers: { what: 'The tender was awarded before bids closed.' },
      recipients: list.recipients,
      recipientListVersion: list.version,
      whistleblower: keys,
    });
    const { challenge } = (await (await fetch(`${platform.intake}/api/v1/pow`)).json()) as {
      challenge: string;
    };
    const submitted = await fetch(`${platform.intake}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ envelope, pow: { challenge, solution: solvePow(challenge) } }),
    });
    expect(submitted.status).toBe(201);
    expect(() =>
      openReport(backend, envelope, {
        kind: 'recipient',
        recipientId: officerId,
        boxPublicKey: attacker.boxPublicKey,
        boxSecretKey: attacker.boxSecretKey,
      }),
    ).toThrow();
    expect(list.recipients.find((r) => r.recipientId === officerId)?.boxPublicKey).not.toBe(
      attacker.boxPublicKey,
    );
  }, 120_000);

  it('a substituted list that gets through anyway raises the alarm at the investigator’s next sign-in, and in the audit log', async () => {
    // A careless administrator ticks "compared" without comparing.
    const proof = proveKeyPossession(backend, {
      investigatorId: officerId,
      boxSecretKey: attacker.boxSecretKey,
      signSeed: attacker.signSeed,
    });
    substitute(() => ({
      boxPublicKey: attacker.boxPublicKey,
      signPublicKey: attacker.signPublicKey,
      keyProof: proof,
    }));
    await admin.openQueues();
    await admin.openAdministration();
    // Signed in the administrator's browser with the attacker's keys; the honest desk refuses it
    // (it names keys the account did not enrol), but the man in the middle has it now.
    expect(
      await admin.publishRecipients(channel, [administrator.handle, investigator.handle]),
    ).toBe('Publishing failed.');
    rules.length = 0;
    const posted = proxy.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/recipients'),
    );
    const substituted = (
      JSON.parse(posted.at(-1)!.body.toString('utf8')) as {
        recipientList: { channelId: string; recipients: { boxPublicKey: string }[] };
      }
    ).recipientList;
    expect(substituted.recipients.map((r) => r.boxPublicKey)).toContain(attacker.boxPublicKey);
    officerRules.push({
      matches: ({ method, path }) => method === 'GET' && path === '/api/recipient-lists',
      rewrite: (body) => {
        const b = body as { lists: { channelId: string; recipientList: unknown }[] };
        return {
          ...b,
          lists: b.lists.map((l) =>
            l.channelId === substituted.channelId ? { ...l, recipientList: substituted } : l,
          ),
        };
      },
    });

    await officer.signIn();
    const alarm = officer.page.getByRole('alert');
    await alarm.waitFor();
    expect(await alarm.innerText()).toContain(
      'Warning: your keys were replaced in a recipient list',
    );
    expect(await alarm.innerText()).toContain('names you with keys that are not yours');
    expect(officerProxy.rewritten).toBe(1);
    await check(officer.page, 'alarm');

    await admin.openQueues();
    await admin.openAdministration();
    const row = admin.page.getByRole('row').filter({ hasText: 'InvestigatorKeyMismatchAlarmed' });
    await expect
      .poll(
        async () => {
          if ((await row.count()) > 0) return true;
          await admin.openQueues();
          await admin.openAdministration();
          return false;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await row.first().innerText()).toContain(investigator.handle);
  }, 180_000);

  it('sent nothing outside the origins, tripped no CSP, and no page has a serious axe finding', () => {
    expect(
      foreignRequests(seen, [platform.desk, platform.intake, proxy.origin, officerProxy.origin]),
    ).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(reports.filter((r) => r.axe.length > 0)).toEqual([]);
    expect(overflowing(reports)).toEqual([]);
  });
});
