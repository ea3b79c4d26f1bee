import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/generate-people';

// The wijkteam workspace (/wijkteam/signalen) on the demo city: a cluster becomes a signal and
// goes through every step; another team cannot see it; the page hears about new needs.

const CENTRUM = DEMO_ACCOUNTS.find((a) => a.email === 'wijkteam@voorbeeldstad.example')!;
const OOST = DEMO_ACCOUNTS.find((a) => a.email === 'wijkteam2@voorbeeldstad.example')!;
const COUNCIL = DEMO_ACCOUNTS.find((a) => a.role === 'council')!;
const ORIGIN = 'http://127.0.0.1:' + (process.env.E2E_PORT ?? 4173);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: 'phone', width: 390, height: 844 }
];
// The seeded hot spot of Wijkteam Centrum (src/lib/server/demo/generate-needs.ts).
const HOT_THEME = 'Geld en schulden';
const MARK = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function context(browser: Browser, javaScriptEnabled = true) {
	const ctx = await browser.newContext({ javaScriptEnabled });
	return { ctx, page: await ctx.newPage() };
}

async function signIn(page: Page, email: string) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/$/);
}

async function axe(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	expect(
		results.violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
	).toEqual([]);
}

/** The step's primary button: "Opslaan en naar …" or "Opslaan en afsluiten". */
const forward = (page: Page, name: RegExp) => page.getByRole('button', { name });

async function currentStep(page: Page) {
	return page
		.getByRole('navigation', { name: 'Stappen van het signaal' })
		.locator('[aria-current="step"]');
}

test.describe.serial('a signal from a cluster, through every step', () => {
	let signalUrl = '';
	let signalTitle = '';

	test('the Centrum member finds the hot spot and makes it a signal, without JavaScript', async ({
		browser
	}) => {
		const { ctx, page } = await context(browser, false);
		await signIn(page, CENTRUM.email);
		await page.goto('/wijkteam');
		await page.getByRole('link', { name: 'Signalen en gedeelde behoeften in uw buurten' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Signalen en gedeelde behoeften' })
		).toBeVisible();
		// The settings are on the page, as a GET form.
		await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('90');
		await expect(page.getByLabel('Drempel (k): aantal huishoudens')).toHaveValue('5');
		await expect(page.getByLabel('Foutmarge (FDR)')).toHaveValue('0.05');
		await expect(
			page.getByText(/Meldingen van .* tot en met .*Poisson-toets, foutmarge 5%/)
		).toBeVisible();

		const clusters = page.getByRole('table', {
			name: /Groepen van buurten met een gedeelde behoefte/
		});
		const row = clusters.getByRole('row').filter({ hasText: HOT_THEME }).first();
		await expect(row).toBeVisible();
		await expect(row).toContainText('drempel gehaald');
		await expect(row).toContainText('duidelijk boven gemiddeld');
		// The same cluster's buurten are in the table per buurt, with p and q.
		await expect(page.getByRole('table', { name: /De buurten in de groepen/ })).toContainText(
			HOT_THEME
		);

		// The same page in English.
		const english = await ctx.request.get('/en/wijkteam/signalen');
		expect(english.status()).toBe(200);
		expect(await english.text()).toContain('Signals and shared needs');

		// A bad setting in the URL is a translated 400, not a 500.
		const bad = await ctx.request.get('/wijkteam/signalen?k=1&venster=45');
		expect(bad.status()).toBe(400);
		expect(await bad.text()).toContain('Kies een drempel van 2 tot en met 50 huishoudens.');

		await row
			.getByRole('button', { name: new RegExp(`^Maak signaal van groep \\d+: ${HOT_THEME}$`) })
			.click();
		await expect(page.getByRole('status')).toHaveText(
			'Het signaal is gemaakt. U kunt nu verder met de eerste stap.'
		);
		signalUrl = new URL(page.url()).pathname;
		expect(signalUrl).toMatch(/^\/wijkteam\/signalen\/[0-9a-f-]{36}$/);
		signalTitle = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
		expect(signalTitle).toContain(HOT_THEME);
		await expect(await currentStep(page)).toContainText('Signaleren');

		// Making it twice: the workspace now links to the signal instead.
		await page.goto('/wijkteam/signalen');
		await expect(
			page.getByRole('table', { name: /Groepen van buurten/ }).getByRole('link', {
				name: `Signaal: ${signalTitle}`
			})
		).toBeVisible();
		await expect(page.getByRole('table', { name: /Signalen van uw team/ })).toContainText(
			signalTitle
		);
		await ctx.close();
	});

	test('it goes through beoordelen, interveniëren, back with a reason, evalueren and afgesloten', async ({
		browser
	}) => {
		const { ctx, page } = await context(browser, false);
		await signIn(page, CENTRUM.email);
		await page.goto(signalUrl);

		await forward(page, /^Opslaan en naar Beoordelen$/).click();
		await expect(await currentStep(page)).toContainText('Beoordelen');

		// Another member's tab, still at beoordelen (a second browser of the same team).
		const other = await context(browser, false);
		await signIn(other.page, CENTRUM.email);
		await other.page.goto(signalUrl);

		// Moving on without the assessment: each missing field is named, nothing is lost.
		await page.getByLabel('Beoordeling').fill(`Veel huishoudens met achterstanden ${MARK}`);
		await forward(page, /^Opslaan en naar Interveniëren$/).click();
		const summary = page.getByRole('alert');
		await expect(summary.getByRole('link', { name: 'Kies de urgentie.' })).toBeVisible();
		await expect(
			summary.getByRole('link', {
				name: 'Geef bij eigen kracht, netwerk en initiatieven aan of ze aanwezig zijn.'
			})
		).toBeVisible();
		await expect(page.getByLabel('Beoordeling')).toHaveValue(
			`Veel huishoudens met achterstanden ${MARK}`
		);

		await page.getByRole('group', { name: 'Urgentie' }).getByLabel('Hoog').check();
		await page
			.getByRole('group', { name: 'Leefgebieden die meespelen' })
			.getByLabel('Wonen en woonomgeving')
			.check();
		await page
			.getByRole('group', { name: 'Eigen kracht van de huishoudens' })
			.getByLabel('Niet aanwezig')
			.check();
		await page
			.getByRole('group', { name: 'Netwerk: familie, buren, vrienden' })
			.getByLabel('Aanwezig', { exact: true })
			.check();
		await page
			.getByRole('group', { name: 'Initiatieven in de buurt' })
			.getByLabel('Niet aanwezig')
			.check();
		await forward(page, /^Opslaan en naar Interveniëren$/).click();
		await expect(await currentStep(page)).toContainText('Interveniëren');

		// The other tab still shows version 2: its save is refused and its input kept.
		await other.page.getByLabel('Beoordeling').fill(`Mijn eigen beoordeling ${MARK}`);
		await other.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(other.page.getByRole('alert')).toContainText(
			'Iemand anders heeft dit signaal net gewijzigd. Hieronder ziet u de nieuwste versie. Uw invoer is bewaard'
		);
		const own = other.page.getByRole('region', { name: 'Uw invoer (nog niet opgeslagen)' });
		await expect(own).toContainText(`Mijn eigen beoordeling ${MARK}`);
		await expect(await currentStep(other.page)).toContainText('Interveniëren');
		await other.ctx.close();

		// Interveniëren: ask the council for a new collective provision.
		await page
			.getByRole('group', { name: 'Gekozen antwoord' })
			.getByLabel('Nieuwe collectieve voorziening: vraag aan de gemeente')
			.check();
		await forward(page, /^Opslaan en naar Evalueren$/).click();
		await expect(page.getByRole('alert')).toContainText('Beschrijf het antwoord.');
		await page.getByLabel('Toelichting op het antwoord').fill('Een wekelijks spreekuur geldzaken');
		await forward(page, /^Opslaan en naar Evalueren$/).click();
		await expect(await currentStep(page)).toContainText('Evalueren');

		// The council sees it as demand in its planning (a signal for a new provision).
		const council = await context(browser, false);
		await signIn(council.page, COUNCIL.email);
		await council.page.goto('/gemeente/planning?onderwerp=geldzaken');
		await expect(
			council.page.getByText(
				/Signalen van wijkteams voor een nieuwe voorziening die meetellen: [1-9]/
			)
		).toBeVisible();
		await council.ctx.close();

		// Back without a reason: refused with a message; with a reason: done and logged.
		const back = page.locator('form[action="?/terug"]');
		await back.getByLabel('Terug naar stap').selectOption({ label: 'Interveniëren' });
		await back.getByRole('button', { name: 'Terugzetten' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Schrijf op waarom het signaal terug moet.'
		);
		await expect(await currentStep(page)).toContainText('Evalueren');
		await page.getByLabel('Reden').fill('De gemeente vraagt om een andere opzet.');
		await page
			.locator('form[action="?/terug"]')
			.getByRole('button', { name: 'Terugzetten' })
			.click();
		await expect(await currentStep(page)).toContainText('Interveniëren');
		await forward(page, /^Opslaan en naar Evalueren$/).click();
		await expect(await currentStep(page)).toContainText('Evalueren');

		await page.getByLabel('Uitkomst').fill('Spreekuur loopt; wachtlijst schuldhulp korter.');
		await page.getByLabel('Aantal bereikte huishoudens').fill('12');
		await forward(page, /^Opslaan en afsluiten$/).click();
		await expect(await currentStep(page)).toContainText('Afgesloten');

		// Assigned and noted, then the trail shows every step, who and when.
		await page.getByLabel('Toewijzen aan').selectOption({ label: 'Wies Wijkteam' });
		await page.getByRole('button', { name: 'Toewijzen' }).click();
		await expect(page.getByRole('status')).toHaveText('Toewijzing opgeslagen.');
		await page.getByLabel('Notitie', { exact: true }).fill(`Gemeente geïnformeerd ${MARK}`);
		await page.getByRole('button', { name: 'Notitie toevoegen' }).click();

		const trail = page.getByRole('region', { name: 'Logboek' }).getByRole('listitem');
		const lines = (await trail.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
		const expected = [
			/Wies Wijkteam: maakte het signaal \(signaleren\)/,
			/Wies Wijkteam: zette het signaal van Signaleren naar Beoordelen/,
			/Wies Wijkteam: zette het signaal van Beoordelen naar Interveniëren/,
			/Wies Wijkteam: zette het signaal van Interveniëren naar Evalueren/,
			/Wies Wijkteam: zette het signaal terug van Evalueren naar Interveniëren Reden: De gemeente vraagt om een andere opzet\./,
			/Wies Wijkteam: zette het signaal van Interveniëren naar Evalueren/,
			/Wies Wijkteam: zette het signaal van Evalueren naar Afgesloten/,
			/Wies Wijkteam: wees het signaal toe aan Wies Wijkteam/,
			new RegExp(`Wies Wijkteam: schreef een notitie Gemeente geïnformeerd ${MARK}`)
		];
		for (const pattern of expected) {
			expect(
				lines.some((line) => pattern.test(line)),
				`${pattern} in ${lines.join(' | ')}`
			).toBe(true);
		}
		// Every line starts with a date and time.
		expect(lines.every((line) => /^\d{1,2} \w+\.? \d{4}/.test(line))).toBe(true);
		await ctx.close();
	});

	test('tampered forms get a clear, translated message and change nothing', async ({ browser }) => {
		const { ctx, page } = await context(browser, false);
		await signIn(page, CENTRUM.email);
		await page.goto(signalUrl);
		const version = await page
			.locator('form[action="?/toewijzen"] input[name="versie"]')
			.inputValue();
		const post = (action: string, form: Record<string, string>) =>
			ctx.request.post(`${signalUrl}?/${action}`, {
				headers: { origin: ORIGIN, accept: 'text/html' },
				form
			});
		// A made-up version, state and action.
		const tampered = await post('stap', { versie: 'abc', status: 'evalueren', actie: 'verder' });
		expect(tampered.status()).toBe(400);
		expect(await tampered.text()).toContain('Het formulier is veranderd of niet compleet.');
		// Skipping ahead by claiming another state.
		const skip = await post('stap', {
			versie: version,
			status: 'signaleren',
			actie: 'verder',
			titel: 'x',
			huishoudens: '1'
		});
		expect(skip.status()).toBe(400);
		expect(await skip.text()).toContain('Het formulier is veranderd of niet compleet.');
		// Assigning to someone outside the team.
		const foreign = await post('toewijzen', { versie: version, aan: randomUUID() });
		expect(foreign.status()).toBe(400);
		expect(await foreign.text()).toContain('Kies iemand uit uw wijkteam.');
		await page.reload();
		await expect(await currentStep(page)).toContainText('Afgesloten');
		expect(await page.locator('form[action="?/toewijzen"] input[name="versie"]').inputValue()).toBe(
			version
		);
		await ctx.close();
	});

	test('a member of another team cannot see it: 404 on its URL, absent from lists', async ({
		browser
	}) => {
		const { ctx, page } = await context(browser, false);
		await signIn(page, OOST.email);
		const response = await page.goto(signalUrl);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Er ging iets mis' })).toBeVisible();
		expect(await page.content()).not.toContain(signalTitle);
		const note = await ctx.request.post(`${signalUrl}?/notitie`, {
			headers: { origin: ORIGIN, accept: 'text/html' },
			form: { notitie: 'overgenomen' }
		});
		expect(note.status()).toBe(404);
		await page.goto('/wijkteam/signalen');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Signalen en gedeelde behoeften' })
		).toBeVisible();
		const html = await page.content();
		expect(html).not.toContain(signalTitle);
		expect(html).not.toContain(MARK);
		expect(html).not.toContain(signalUrl);
		await ctx.close();
	});
});

test('the workspace hears about a need reported elsewhere, and says so', async ({ browser }) => {
	const { ctx, page } = await context(browser);
	await signIn(page, CENTRUM.email);
	await page.goto('/wijkteam/signalen');
	await expect(page.locator('[data-live-state="connected"]')).toBeVisible({ timeout: 15_000 });
	const buurt = await page
		.getByRole('table', { name: /De buurten in de groepen/ })
		.getByRole('rowheader')
		.first()
		.innerText();

	// Someone reports a need in one of Centrum's buurten, in another browser.
	const reporter = await context(browser, false);
	await reporter.page.goto('/melden');
	const code = await reporter.page
		.getByLabel('Buurt', { exact: true })
		.locator('option', { hasText: buurt.trim() })
		.first()
		.getAttribute('value');
	const response = await reporter.ctx.request.post('/melden', {
		headers: { origin: ORIGIN, accept: 'text/html' },
		form: { thema: 'wonen', buurt: code!, toestemming: 'ja', idempotency_key: randomUUID() }
	});
	expect(response.status()).toBe(200);
	await reporter.ctx.close();

	await expect(
		page.getByText('Er is 1 nieuwe melding binnengekomen. De cijfers hieronder zijn bijgewerkt.')
	).toBeVisible({
		timeout: 20_000
	});

	// The stream itself: only for members of the team it names.
	const stream = await page.evaluate(async () => {
		const team = document.querySelector<HTMLInputElement>('input[name="team"]')!.value;
		const controller = new AbortController();
		const res = await fetch(`/wijkteam/signalen/updates?team=${team}`, {
			signal: controller.signal
		});
		const type = res.headers.get('content-type');
		controller.abort();
		const foreign = await fetch(
			'/wijkteam/signalen/updates?team=00000000-0000-4000-8000-000000000001'
		);
		return { status: res.status, type, foreign: foreign.status };
	});
	expect(stream).toEqual({ status: 200, type: 'text/event-stream; charset=utf-8', foreign: 404 });
	await ctx.close();
	const anonymous = await browser.newContext();
	const signedOut = await anonymous.request.get('/wijkteam/signalen/updates?team=x');
	expect(signedOut.status()).toBe(401);
	await anonymous.close();
});

for (const viewport of VIEWPORTS) {
	test(`axe finds no WCAG 2.1 AA violations on the workspace pages (nl, ${viewport.name})`, async ({
		browser
	}) => {
		const { ctx, page } = await context(browser);
		await page.setViewportSize(viewport);
		await signIn(page, CENTRUM.email);
		await page.goto('/wijkteam/signalen');
		await expect(
			page.locator('[data-map-state="idle"], [data-map-state="unavailable"]')
		).toBeVisible({ timeout: 20_000 });
		// The map shows the clusters of the table, numbered the same.
		const rows = await page
			.getByRole('table', { name: /Groepen van buurten/ })
			.locator('tbody tr')
			.count();
		const drawn = await page.evaluate(() => {
			const element = document.querySelector('.signal-map__canvas') as HTMLElement & {
				maplibre?: { querySourceFeatures(source: string): unknown[] };
			};
			return element?.maplibre?.querySourceFeatures('workspace-clusters').length ?? -1;
		});
		if (drawn !== -1) expect(drawn).toBeGreaterThanOrEqual(rows);
		await axe(page, `workspace ${viewport.name}`);

		await page.goto('/wijkteam/signalen/nieuw');
		await axe(page, `new signal ${viewport.name}`);
		// Its errors, too (title and count filled in: the browser asks for those itself).
		await page.getByLabel('Titel').fill(`Toegankelijkheidstest ${viewport.name} ${MARK}`);
		await page.getByLabel('Aantal huishoudens').fill('5');
		await page.getByRole('button', { name: 'Signaal maken' }).click();
		await expect(page.getByRole('alert')).toContainText('Kies minstens één buurt.');
		await axe(page, `new signal with errors ${viewport.name}`);

		// A signal page at beoordelen, with its form and an error.
		await page.getByLabel('Leefgebied').selectOption({ label: 'Wonen en woonomgeving' });
		await page.locator('input[name="buurt"]').first().check();
		await page.getByRole('button', { name: 'Signaal maken' }).click();
		await expect(page.getByRole('status')).toContainText('Het signaal is gemaakt');
		await axe(page, `signal (signaleren) ${viewport.name}`);
		await forward(page, /^Opslaan en naar Beoordelen$/).click();
		await expect(await currentStep(page)).toContainText('Beoordelen');
		await forward(page, /^Opslaan en naar Interveniëren$/).click();
		await expect(page.getByRole('alert')).toContainText('Schrijf de beoordeling op.');
		await axe(page, `signal (beoordelen, errors) ${viewport.name}`);
		await ctx.close();
	});
}
