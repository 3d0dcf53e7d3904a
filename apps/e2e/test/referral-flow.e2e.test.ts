import { CODE_LISTS, MEASURE_LABELS, type components } from '@leerwinkel/contracts';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ACCOUNTS,
  DEMO_REGION,
  partnerOf,
  pickLearner,
  refreshIndicators,
  signIn,
  type ApiSession,
  type FlowLearner,
} from '../src/api.js';
import { launchChromium, newContext } from '../src/browser.js';
import { screenshot } from '../src/screenshots.js';
import { parseCount, settle, shortDate, signInUi, tableCell } from '../src/ui.js';
import { checkPage } from './support/page-check.js';

/**
 * The closed loop of a referral, in real Chromium against the application as `pnpm start` serves it: the counsellor
 * finds a learner, opens the case, adds a contact and refers the learner to the region's CVO (recording the consent
 * to share in the form when it is missing); the CVO accepts and enrols the learner on the partner page; the
 * counsellor sees it; after a refresh of the indicators the analyst's dashboard (and the coordinator's) count one
 * more enrolment at a CVO than before. On the way every main page gets a screenshot and an axe-core check.
 *
 * The steps share one story, so they run in order and each needs the one before.
 */
const REGION_PATH = `/regions/${DEMO_REGION}`;
const ENROLLED = MEASURE_LABELS.enrolled.nl;

let browser: Browser | undefined;
let admin: ApiSession;
let partner: components['schemas']['CataloguePartnerDto'];
let partnerTypeLabel: string;
let learner: FlowLearner;
let counsellor: Page;
let analyst: Page;
let coordinator: Page;
const contexts: BrowserContext[] = [];
const before = { central: Number.NaN, region: Number.NaN };

/** A new browser profile for one person, signed in through the login page. */
async function pageFor(email: string): Promise<Page> {
  const page = await newPage();
  await page.goto('/login');
  await signInUi(page, email);
  return page;
}

async function newPage(): Promise<Page> {
  if (!browser) throw new Error('Chromium did not start');
  const context = await newContext(browser, inject('baseUrl'));
  contexts.push(context);
  return context.newPage();
}

async function openDisclosure(details: Locator): Promise<void> {
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
    await details.locator('summary').click();
}

/** Support point's dashboard: referral outcomes per partner type, totals over all regions, the last 12 months. */
async function centralEnrolled(page: Page): Promise<number> {
  await page.getByRole('heading', { name: 'Toeleidingen en uitkomsten per partnertype' }).waitFor();
  const panel = page.getByRole('region', { name: 'Toeleidingen en uitkomsten per partnertype' });
  await openDisclosure(panel.locator('details'));
  return parseCount(await tableCell(panel.getByRole('table'), partnerTypeLabel, ENROLLED));
}

/** Coordinator's dashboard: the same indicator for the own region, not suppressed. */
async function regionEnrolled(page: Page): Promise<number> {
  const panel = page.getByRole('region', { name: 'Alle indicatoren' });
  const details = panel
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: /^Toeleidingen en uitkomsten$/ }) });
  await openDisclosure(details);
  return parseCount(await tableCell(details.getByRole('table'), partnerTypeLabel, ENROLLED));
}

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  browser = await launchChromium();
  const [counsellorApi, partnerApi, adminApi] = await Promise.all([
    signIn(baseUrl, ACCOUNTS.counsellor),
    signIn(baseUrl, ACCOUNTS.partner),
    signIn(baseUrl, ACCOUNTS.admin),
  ]);
  admin = adminApi;
  partner = await partnerOf(partnerApi, counsellorApi);
  partnerTypeLabel = CODE_LISTS.partnerTypes.find((entry) => entry.code === partner.type)?.nl ?? partner.type;
  learner = await pickLearner(counsellorApi, DEMO_REGION, partner.id);
  console.log(
    `flow: ${learner.firstName} ${learner.lastName} (case ${learner.caseId}) → ${partner.name}; ` +
      `consent to share ${learner.hasSharingConsent ? 'already given' : 'recorded in the form'}`,
  );
  // The figures as of now (the job that computes them at start-up may not have run yet).
  await refreshIndicators(admin);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

describe('a referral from the counsellor to the CVO, counted on the dashboards', () => {
  it('the dashboards show the referral outcomes before the flow', async () => {
    analyst = await pageFor(ACCOUNTS.analyst);
    await analyst.waitForURL('**/central');
    before.central = await centralEnrolled(analyst);
    coordinator = await pageFor(ACCOUNTS.coordinator);
    await coordinator.goto(`${REGION_PATH}/dashboard`);
    before.region = await regionEnrolled(coordinator);
    console.log(
      `flow: enrolled at a ${partnerTypeLabel} before: ${String(before.central)} (all regions), ${String(before.region)} (${DEMO_REGION})`,
    );
  });

  it('the counsellor signs in and sees the caseload', async () => {
    counsellor = await newPage();
    await counsellor.goto('/login');
    await counsellor.getByRole('heading', { name: 'Aanmelden', level: 1 }).waitFor();
    await checkPage(counsellor, 'login');
    await signInUi(counsellor, ACCOUNTS.counsellor);

    await counsellor
      .getByRole('navigation', { name: 'Onderdelen van de regio' })
      .getByRole('link', { name: 'Mijn dossiers' })
      .click();
    await counsellor.getByRole('table', { name: /^Mijn dossiers/ }).waitFor();
    expect(new URL(counsellor.url()).pathname).toBe(`${REGION_PATH}/caseload`);
    await checkPage(counsellor, 'caseload');
  });

  it('finds the learner by name and opens the case', async () => {
    const page = counsellor;
    await page
      .getByRole('navigation', { name: 'Onderdelen van de regio' })
      .getByRole('link', { name: 'Lerenden' })
      .click();
    await page.getByRole('searchbox', { name: 'Zoek op naam' }).fill(`${learner.firstName} ${learner.lastName}`);
    const results = page.getByRole('table', { name: 'Zoekresultaten' });
    const link = results.getByRole('link', { name: `${learner.lastName}, ${learner.firstName}`, exact: true });
    await link.waitFor();
    await checkPage(page, 'learner-search');
    await link.click();

    await page.getByRole('heading', { name: `${learner.firstName} ${learner.lastName}`, level: 2 }).waitFor();
    await page.getByRole('table', { name: 'Trajecten van deze lerende' }).waitFor();
    await checkPage(page, 'learner');
    await page
      .getByRole('region', { name: 'Trajecten' })
      .getByRole('link', { name: `Begeleiding, geopend op ${shortDate(learner.openedAt)}`, exact: true })
      .click();

    await page.getByRole('heading', { name: `Traject van ${learner.firstName} ${learner.lastName}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${REGION_PATH}/cases/${learner.caseId}`);
    await checkPage(page, 'case');
  });

  it('adds a contact to the case', async () => {
    const page = counsellor;
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    await timeline.getByRole('button', { name: 'Gesprek toevoegen' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Gesprek toevoegen' }) });
    await form.getByLabel('Duur in minuten').fill('35');
    await form.getByLabel('Kanaal').selectOption({ label: 'Telefoon' });
    await form.getByLabel('Soort gesprek').selectOption({ label: 'Begeleiding' });
    const note = `Opleidingen bij ${partner.name} overlopen (e2e ${new Date().toISOString()}).`;
    await form.getByLabel('Notities (niet verplicht)').fill(note);
    await form.getByRole('button', { name: 'Gesprek opslaan' }).click();

    await page.getByText('Het gesprek is toegevoegd.').waitFor();
    const entry = timeline.getByRole('listitem').filter({ hasText: note });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Gesprek: Begeleiding, telefoon, 35 minuten');
  });

  it('refers the learner to the CVO, recording the consent to share when it is missing', async () => {
    const page = counsellor;
    const referrals = page.getByRole('region', { name: 'Doorverwijzingen' });
    await referrals.getByRole('button', { name: 'Doorverwijzen' }).click();
    const form = page.getByRole('form', { name: 'Doorverwijzen naar een partnerorganisatie' });
    await form.getByRole('searchbox', { name: 'Zoek op naam' }).fill(partner.name);
    await form.getByRole('radio', { name: new RegExp(`^${escapeRegExp(partner.name)}\\b`) }).check();

    const consent = form.getByRole('region', { name: 'Toestemming om te delen' });
    const present = consent.getByText('Toestemming aanwezig');
    const record = consent.getByRole('button', { name: 'Toestemming registreren' });
    await present.or(record).first().waitFor();
    if (await record.isVisible()) {
      expect(learner.hasSharingConsent).toBe(false);
      await consent.getByLabel('Versie van de toestemmingstekst').fill('v1');
      await record.click();
      await consent.getByText('De toestemming is geregistreerd. Je kunt nu doorverwijzen.').waitFor();
    }
    await present.waitFor();
    await form.getByRole('checkbox', { name: 'Niveau Nederlands' }).check();
    await screenshotReferralForm(page, form);
    await form.getByRole('button', { name: 'Doorverwijzing versturen' }).click();

    await page.getByText('De doorverwijzing is verstuurd. Status: Verstuurd.').waitFor();
    const row = referrals
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: partner.name, exact: true }) });
    await row.getByRole('cell', { name: 'Verstuurd', exact: true }).waitFor();
    expect(await row.count()).toBe(1);
  });

  it('the CVO accepts the referral and reports the enrolment on the partner page', async () => {
    const page = await pageFor(ACCOUNTS.partner);
    await page.waitForURL('**/partner');
    await page.getByRole('heading', { name: partner.name, level: 1 }).waitFor();
    const person = `${learner.firstName} ${learner.lastName}`;
    const filter = page.getByLabel('Toon doorverwijzingen met status');

    await filter.selectOption({ label: 'Verstuurd' });
    const sent = page.getByRole('article', { name: person, exact: true });
    await sent.getByText('Status: Verstuurd').waitFor();
    await checkPage(page, 'partner');
    await sent.getByRole('button', { name: 'We nemen deze persoon aan' }).click();
    await sent.getByRole('button', { name: 'Antwoord versturen' }).click();
    await sent.waitFor({ state: 'detached' });

    await filter.selectOption({ label: 'Aanvaard' });
    const accepted = page.getByRole('article', { name: person, exact: true });
    await accepted.getByText('Status: Aanvaard').waitFor();
    await accepted.getByRole('button', { name: 'Is ingeschreven' }).click();
    await accepted
      .getByLabel('Bericht voor de leerwinkel (niet verplicht)')
      .fill('Ingeschreven voor de module die in september start.');
    await accepted.getByRole('button', { name: 'Antwoord versturen' }).click();
    // Answered, the referral leaves the list of accepted ones; it is among the enrolled ones now.
    await accepted.waitFor({ state: 'detached' });
    await filter.selectOption({ label: 'Ingeschreven' });
    await page.getByRole('article', { name: person, exact: true }).getByText('Status: Ingeschreven').waitFor();
  });

  it('the counsellor sees the referral enrolled', async () => {
    const page = counsellor;
    await page.reload();
    const referrals = page.getByRole('region', { name: 'Doorverwijzingen' });
    const row = referrals
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: partner.name, exact: true }) });
    await row.getByRole('cell', { name: 'Ingeschreven', exact: true }).waitFor();
    await row.getByRole('link', { name: /^Bekijken: Ingeschreven/ }).click();

    await page.getByRole('heading', { name: 'Doorverwijzing', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Overzicht van de doorverwijzing' }).getByText('Ingeschreven').waitFor();
    await page.getByText('Van Aanvaard naar Ingeschreven').waitFor();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${REGION_PATH}/referrals/[0-9a-f-]{36}$`));
    await checkPage(page, 'referral');

    await page
      .getByRole('navigation', { name: 'Onderdelen van de regio' })
      .getByRole('link', { name: 'Aanmeldingen' })
      .click();
    await page.getByRole('heading', { name: 'Aanmeldingen', level: 2 }).waitFor();
    await checkPage(page, 'registrations');
  });

  it('after a refresh the dashboards count one more enrolment at a CVO', async () => {
    const refreshed = await refreshIndicators(admin);
    expect(refreshed.regions).toBeGreaterThan(0);

    await analyst.reload();
    const central = await centralEnrolled(analyst);
    await coordinator.reload();
    const region = await regionEnrolled(coordinator);
    console.log(
      `flow: enrolled at a ${partnerTypeLabel} after: ${String(central)} (all regions), ${String(region)} (${DEMO_REGION})`,
    );
    expect(central).toBe(before.central + 1);
    expect(region).toBe(before.region + 1);

    // The figure just read, for the README: the outcomes per partner type with their table.
    await analyst.getByRole('region', { name: 'Toeleidingen en uitkomsten per partnertype' }).scrollIntoViewIfNeeded();
    await screenshot(analyst, 'central-dashboard-outcomes');
    for (const [page, name] of [
      [analyst, 'central-dashboard'],
      [coordinator, 'region-dashboard'],
    ] as const) {
      await page.evaluate(() => {
        window.scrollTo(0, 0);
      });
      await checkPage(page, name);
    }
  });

  it('the coordinator manages the region’s users', async () => {
    const page = coordinator;
    await page
      .getByRole('navigation', { name: 'Onderdelen van de regio' })
      .getByRole('link', { name: 'Gebruikers' })
      .click();
    await page.waitForURL(`**${REGION_PATH}/users`);
    await page.getByRole('table').first().waitFor();
    await checkPage(page, 'region-users');
  });
});

/** The filled-in referral form, for the README: what the partner will see, before it is sent. */
async function screenshotReferralForm(page: Page, form: Locator): Promise<void> {
  await settle(page);
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, 'referral-form');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
