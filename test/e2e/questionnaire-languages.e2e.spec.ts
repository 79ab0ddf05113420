// Questionnaires in several languages (issue 16), in real Chromium against the real composition
// root: an administrator writes a channel's questions in English, Afrikaans and German; a
// whistleblower reads them in Afrikaans (each question marked lang="af") and answers there; the
// investigator reads the case in English, each answer beside the Afrikaans question it answered.
// The language travels only inside the sealed answers: no plain field of the log names it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, missingChromiumMessage } from './support/chromium.ts';
import { AdministratorNavigator, deskPeople, InvestigatorNavigator } from './support/desk.ts';
import { startStory, expectCleanStory, type Story } from './support/story.ts';
import { ReportingNavigator } from './support/whistleblower.ts';

const title = hasChromium
  ? 'a questionnaire in three languages, answered in Afrikaans, read in English'
  : `questionnaire languages: skipped, ${missingChromiumMessage}`;
const channel = 'Namib anti-corruption desk';
const { administrator, investigator } = deskPeople;
const questions = {
  en: ['?What happened?*', 'Is it still going on?* | yes=Yes | no=No', 'Which town?'],
  af: ['Wat het gebeur?', 'Gaan dit nog aan? | yes=Ja | no=Nee', 'Watter dorp?'],
  de: ['Was ist passiert?', 'Dauert es noch an? | yes=Ja | no=Nein', 'Welche Stadt?'],
};
const what = 'Die tenderkomitee het die kontrak aan die burgemeester se neef gegee.';
const town = 'Lüderitz';

describe.skipIf(!hasChromium)(title, () => {
  let story: Story;
  let admin: AdministratorNavigator;
  let officer: InvestigatorNavigator;
  let wbPage: Page;

  beforeAll(async () => {
    story = await startStory('questionnaire-languages');
    const desk = story.platform.desk;
    admin = new AdministratorNavigator(
      await story.personIn(),
      desk,
      administrator.handle,
      administrator.password,
    );
    officer = new InvestigatorNavigator(
      await story.personIn(),
      desk,
      investigator.handle,
      investigator.password,
    );
    wbPage = await story.personIn();
  }, 120_000);
  afterAll(() => story?.stop());

  it('the administrator writes the questions in English, Afrikaans and German', async () => {
    await admin.setUpAndSignIn(story.platform.setupToken);
    const invitation = await admin.invite(investigator.handle);
    // Two languages that disagree are refused in the page, before anything is sent.
    await admin.page.getByLabel('Channel name').fill(channel);
    await admin.page.getByLabel(/^Questionnaire/).fill(questions.en.join('\n'));
    await admin.page.getByLabel('Also written in').fill('af');
    await admin.page.getByLabel(/^Questions in .*\(af\)/).fill(questions.af[0]!);
    await admin.page.getByRole('button', { name: 'Add channel' }).click();
    await admin.page.getByRole('alert').filter({ hasText: 'Every language needs' }).waitFor();
    expect(await admin.recipientsOf(channel).count()).toBe(0);

    await admin.addChannelInLanguages(channel, questions);
    await story.check(admin.page, 'admin');
    await officer.enrolAndSignIn(invitation);
    await admin.openQueues();
    await admin.openAdministration();
    expect(await admin.publishRecipients(channel, [investigator.handle])).toBe('Published.');
  }, 300_000);

  it('the whistleblower reads the questions in Afrikaans and answers in Afrikaans', async () => {
    const wb = new ReportingNavigator(wbPage, story.platform.intake);
    await wb.openLanding();
    await wb.startReport();
    await wb.chooseChannel(channel);
    // The pages' language chosen in the switcher: the questions follow it.
    const switcher = wbPage.getByTestId('language-switcher');
    const label = wbPage.locator('label[for="q-q1"] span[lang]');
    await switcher.selectOption('af');
    await expect.poll(() => label.textContent()).toBe('Wat het gebeur?');
    expect(await wbPage.getByLabel('Taal van die vrae').inputValue()).toBe('af');
    await switcher.selectOption('en');
    await expect.poll(() => label.textContent()).toBe('What happened?');
    expect(await label.getAttribute('lang')).toBe('en');
    // Or the questions' own language, whatever the pages' language.
    const language = wbPage.getByLabel('Language of the questions');
    // Each language named in itself, the questionnaire's default first.
    expect(await language.locator('option').allInnerTexts()).toEqual([
      'English',
      'Afrikaans',
      'Deutsch',
    ]);
    await language.selectOption('af');
    expect(await label.textContent()).toBe('Wat het gebeur?');
    expect(await label.getAttribute('lang')).toBe('af');
    await story.check(wbPage, 'question-af');
    await wb.answerText('Wat het gebeur?', what);
    await wb.next();
    expect(await wbPage.locator('legend span[lang="af"]').textContent()).toBe('Gaan dit nog aan?');
    await wb.answerChoice('Ja');
    await wb.next();
    await wb.answerText('Watter dorp?', town);
    await wb.next();
    await wb.goToReview();
    expect(await wbPage.locator('dl').innerText()).toContain('Gaan dit nog aan?\nJa');
    await story.check(wbPage, 'review-af');
    expect(await wb.submitFromReview()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
  }, 300_000);

  it('the investigator reads it in English, with the Afrikaans answer and its Afrikaans question', async () => {
    await officer.openQueues();
    await officer.openOnlyCaseIn('Inbox');
    const answers = officer.page.getByTestId('answers');
    expect(await officer.page.getByTestId('answered-in').innerText()).toBe(
      'Answered in Afrikaans.',
    );
    const terms = await answers.locator('dt').allInnerTexts();
    expect(terms).toEqual(['What happened?', 'Is it still going on?', 'Which town?']);
    expect(await answers.locator('dt').first().getAttribute('lang')).toBe('en');
    const text = await answers.innerText();
    expect(text).toContain(what);
    expect(text).toContain(town);
    // The choice in English, and what the whistleblower read and chose, in Afrikaans.
    const seen = answers.getByTestId('as-seen');
    expect(await seen.allInnerTexts()).toEqual([
      'The question as the whistleblower read it (Afrikaans): Wat het gebeur?',
      'The question as the whistleblower read it (Afrikaans): Gaan dit nog aan? Their answer as they read it: Ja',
      'The question as the whistleblower read it (Afrikaans): Watter dorp?',
    ]);
    expect(await seen.first().locator('q').getAttribute('lang')).toBe('af');
    expect(text).toMatch(/Is it still going on\?\nYes\n/);
    await story.check(officer.page, 'case-en');
  }, 300_000);

  it('never writes the language in a plain field: the log holds Afrikaans only as the channel’s questions', async () => {
    const log = readFileSync(join(story.platform.dataDir, 'events.sqlite'));
    // The channel's Afrikaans questions are plain (the administrator's, served to everyone);
    // the whistleblower's Afrikaans words are not, and no "language" field sits beside them.
    expect(log.includes(Buffer.from('Gaan dit nog aan?'))).toBe(true);
    expect(log.includes(Buffer.from('tenderkomitee'))).toBe(false);
    expect(log.includes(Buffer.from('"language"'))).toBe(false);
    expectCleanStory(story, ['admin', 'question-af', 'review-af', 'case-en']);
  }, 60_000);
});
