// The deployment key of its own (issue 12, finding 3), in real Chromium against the real
// composition root: a second administrator cannot publish until a holder shares the key with
// them, which the admin page does only after the holder confirms the colleague's safety number
// (the one on the colleague's own account page); the colleague then publishes and replaces the
// key; the first administrator's old copy no longer signs, and intake gives browsers the signed
// transition to follow.
import {
  followDeploymentKey,
  loadBackend,
  type DeploymentCryptoSettings,
} from '@integrity-desk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchSharedChromium,
  missingChromiumMessage,
  type SharedBrowser,
} from './support/chromium.ts';
import {
  AdministratorNavigator,
  deskPeople,
  InvestigatorNavigator,
  personIn,
} from './support/desk.ts';
import { foreignRequests, type Observations } from './support/observe.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const title = hasChromium
  ? 'the deployment key: shared after comparing safety numbers, then replaced'
  : `the deployment key: skipped, ${missingChromiumMessage}`;

const channel = 'Health procurement';
const { administrator } = deskPeople;
const colleague = { handle: 'meameno', password: 'two rivers meet at Ruacana' };
const notHeld =
  'You do not hold the deployment key. An administrator who holds it must share it with you first.';

describe.skipIf(!hasChromium)(title, () => {
  let platform: TestPlatform;
  let browser: SharedBrowser;
  const seen: Observations = { requests: [], cspViolations: [], pageErrors: [] };
  let first: AdministratorNavigator;
  let second: AdministratorNavigator;
  let ownNumber = '';

  async function settings(): Promise<DeploymentCryptoSettings> {
    const info = (await (await fetch(`${platform.intake}/api/v1/deployment`)).json()) as {
      crypto: DeploymentCryptoSettings;
    };
    return info.crypto;
  }

  beforeAll(async () => {
    platform = await startTestPlatform('deployment-key');
    browser = await launchSharedChromium();
    first = new AdministratorNavigator(
      await personIn(browser, seen),
      platform.desk,
      administrator.handle,
      administrator.password,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await platform?.stop();
  });

  it('a second administrator enrols and cannot publish without the key', async () => {
    await first.setUpAndSignIn(platform.setupToken);
    const invitation = await first.invite(colleague.handle, 'Administrator');
    await first.addChannel(channel, ['?What happened?*']);

    const enrolling = new InvestigatorNavigator(
      await personIn(browser, seen),
      platform.desk,
      colleague.handle,
      colleague.password,
    );
    await enrolling.enrolAndSignIn(invitation);
    await enrolling.page.getByRole('link', { name: 'Account' }).click();
    await enrolling.page.getByRole('heading', { name: 'Your safety number' }).waitFor();
    ownNumber = (await enrolling.page.getByTestId('own-safety-number').innerText()).trim();
    second = new AdministratorNavigator(
      enrolling.page,
      platform.desk,
      colleague.handle,
      colleague.password,
    );
    await second.openAdministration();
    await second.page
      .getByText('You do not hold the deployment key. An administrator who holds it can share')
      .waitFor();
    expect(await second.publishRecipients(channel, [colleague.handle])).toBe(notHeld);
  }, 300_000);

  it('the holder shares it only after confirming the colleague’s safety number', async () => {
    await first.openQueues();
    await first.openAdministration();
    await first.page.getByText('You hold the deployment key.').waitFor();
    await first.page
      .getByRole('button', { name: `Share the deployment key with ${colleague.handle}` })
      .click();
    const review = first.page.locator(`[data-key-review="${colleague.handle}"]`);
    await review.waitFor();
    expect((await review.locator('code').innerText()).trim()).toBe(ownNumber);
    const seal = review.getByRole('button', {
      name: `Seal the deployment key to ${colleague.handle}`,
    });
    expect(await seal.isDisabled()).toBe(true);
    await review.getByRole('checkbox', { name: /^I compared/ }).check();
    await seal.click();
    await first.page
      .getByRole('status')
      .filter({ hasText: `Shared with ${colleague.handle}.` })
      .waitFor();
  }, 120_000);

  it('the colleague publishes with it, then replaces it; the old copy no longer signs', async () => {
    const before = await settings();
    await second.openQueues();
    await second.openAdministration();
    await second.page.getByText('You hold the deployment key.').waitFor();
    expect(await second.publishRecipients(channel, [colleague.handle])).toBe('Published.');

    await second.page.getByRole('button', { name: 'Replace the deployment key' }).click();
    await second.page
      .getByRole('status')
      .filter({ hasText: 'The deployment key was replaced.' })
      .waitFor();
    const after = await settings();
    expect(after.deploymentSignPublicKey).not.toBe(before.deploymentSignPublicKey);
    expect(after.receiptKdf.salt).toBe(before.receiptKdf.salt);
    expect(
      followDeploymentKey(await loadBackend(), {
        pinnedPublicKey: before.deploymentSignPublicKey,
        transitions: after.deploymentKeyTransitions ?? [],
      }),
    ).toBe(after.deploymentSignPublicKey);

    await first.openQueues();
    await first.openAdministration();
    expect(await first.publishRecipients(channel, [administrator.handle])).toBe(notHeld);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(foreignRequests(seen, [platform.desk, platform.intake])).toEqual([]);
  }, 180_000);
});
