import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/generate-people';

// Reporting a need (/melden), "My reports" (/mijn-meldingen), the public figures (/behoeften,
// /api/behoeften.geojson) and the wijkteam's list (/wijkteam/meldingen), on the demo city.

const RESIDENT = DEMO_ACCOUNTS.find((a) => a.email === 'bewoner@voorbeeldstad.example')!;
const OTHER_RESIDENT = DEMO_ACCOUNTS.find((a) => a.email === 'bewoner2@voorbeeldstad.example')!;
const WIJKTEAM = DEMO_ACCOUNTS.find((a) => a.email === 'wijkteam@voorbeeldstad.example')!;
const OTHER_WIJKTEAM = DEMO_ACCOUNTS.find((a) => a.email === 'wijkteam2@voorbeeldstad.example')!;

/** A description nobody else writes: if it shows up where it should not, the test sees it. */
const MARKER = `Privé-melding ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const DESCRIPTION = `${MARKER} <script>window.__pwned = true</script> <b>vet</b>`;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function context(browser: Browser, javaScriptEnabled = false) {
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

/** The first buurt the demo wijkteam serves, by name (its /wijkteam table lists them). */
async function buurtOfWijkteam(browser: Browser): Promise<string> {
	const { ctx, page } = await context(browser);
	await signIn(page, WIJKTEAM.email);
	await page.goto('/wijkteam');
	const name = await page.getByRole('table').first().getByRole('rowheader').first().innerText();
	await ctx.close();
	return name.trim();
}

function formOf(values: Record<string, string>) {
	return { thema: 'geldzaken', toestemming: 'ja', ...values };
}

async function postReport(ctx: BrowserContext, form: Record<string, string>) {
	const origin = 'http://127.0.0.1:' + (process.env.E2E_PORT ?? 4173);
	return ctx.request.post('/melden', {
		headers: { origin, accept: 'text/html' },
		form
	});
}

test.describe.serial('reporting a need, privately', () => {
	let buurtName = '';
	let reference = '';
	let needId = '';
	let idempotencyKey = '';

	test('the demo resident reports a need without JavaScript and gets a receipt of exactly what was stored', async ({
		browser
	}) => {
		buurtName = await buurtOfWijkteam(browser);
		const { ctx, page } = await context(browser);
		await signIn(page, RESIDENT.email);
		await page
			.getByRole('navigation', { name: 'Hoofdmenu' })
			.getByRole('link', { name: 'Melden' })
			.click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Meld wat u nodig hebt' })
		).toBeVisible();

		// Mistakes first: nothing chosen, no consent.
		await page.getByRole('button', { name: 'Melding versturen' }).click();
		const summary = page.getByRole('alert');
		await expect(
			summary.getByRole('link', { name: 'Kies waar uw melding over gaat.' })
		).toHaveAttribute('href', '#thema');
		await expect(
			summary.getByRole('link', {
				name: 'Kies uw buurt in de lijst, of kies een plek op de kaart.'
			})
		).toHaveAttribute('href', '#buurt');
		await expect(summary.getByRole('link', { name: /Vink aan dat u hebt gelezen/ })).toBeVisible();
		await expect(page.getByLabel('Waar gaat het over?')).toHaveAttribute('aria-invalid', 'true');

		idempotencyKey = await page.locator('input[name="idempotency_key"]').inputValue();
		await page.getByLabel('Waar gaat het over?').selectOption('geldzaken');
		await page.getByLabel('Vertel er iets meer over (niet verplicht)').fill(DESCRIPTION);
		await page.getByLabel('Buurt', { exact: true }).selectOption({ label: buurtName });
		await page.getByLabel(/Uit hoeveel mensen bestaat uw huishouden/).fill('2');
		await page.getByLabel('Ik heb dit gelezen. Ik wil mijn melding versturen.').check();
		await page.getByRole('button', { name: 'Melding versturen' }).click();

		await expect(
			page.getByRole('heading', { level: 1, name: 'Uw melding is ontvangen' })
		).toBeVisible();
		await expect(page.getByRole('status')).toHaveText('Bedankt. Uw melding is opgeslagen.');
		const receipt = page.locator('dl');
		// Shown as text, never run.
		await expect(receipt.getByText(DESCRIPTION)).toBeVisible();
		await expect(receipt.getByText(`${buurtName} (wijk`)).toBeVisible();
		await expect(receipt.getByText('Aantal personen: 2')).toBeVisible();
		await expect(receipt.getByText('Geen contact')).toBeVisible();
		await expect(receipt.getByText('Niet bewaard')).toBeVisible();
		reference = (await receipt.locator('dt:text-is("Kenmerk") + dd').innerText()).trim();
		expect(reference).toMatch(/^[0-9A-F]{8}$/);
		await expect(page.getByRole('link', { name: 'Mijn meldingen' }).first()).toBeVisible();

		// Sending the same form again (reload, double click): the same receipt, nothing stored twice.
		const replay = await postReport(ctx, {
			...formOf({ buurt: 'BU90010101', beschrijving: 'anders' }),
			idempotency_key: idempotencyKey
		});
		expect(replay.status()).toBe(200);
		const replayHtml = await replay.text();
		expect(replayHtml).toContain('U had dit formulier al verstuurd');
		expect(replayHtml).toContain(`<dd class="svelte-`);
		expect(replayHtml).toContain(`>${reference}</dd>`);
		await ctx.close();
	});

	test('"My reports" lists it with every field and downloads all data as JSON, without JavaScript', async ({
		browser
	}) => {
		const { ctx, page } = await context(browser);
		await signIn(page, RESIDENT.email);
		await page
			.getByRole('navigation', { name: 'Account' })
			.getByRole('link', { name: 'Mijn meldingen' })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn meldingen' })).toBeVisible();
		const section = page.getByRole('region', {
			name: `Melding over Geld en schulden (${reference})`
		});
		await expect(section).toBeVisible();
		await expect(section.getByText(DESCRIPTION)).toBeVisible();
		expect(await page.getByText(MARKER).count()).toBe(1); // stored once

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download al mijn gegevens (JSON)' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			/^buurtkracht-mijn-meldingen-\d{4}-\d{2}-\d{2}\.json$/
		);
		const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(data.account.email).toBe(RESIDENT.email);
		const mine = data.needs.filter((n: { description: string }) => n.description === DESCRIPTION);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({
			theme_code: 'geldzaken',
			household_size: 2,
			idempotency_key: idempotencyKey,
			contact_consent: false,
			point_lon: null,
			status: 'open'
		});
		expect(mine[0].reporter_id).toBe(mine[0].household_key);
		needId = mine[0].id;
		expect(needId.slice(0, 8).toUpperCase()).toBe(reference);
		await ctx.close();
	});

	test('nobody else reads it: not anonymous visitors, not another resident, not another wijkteam, through any new page or endpoint', async ({
		browser
	}) => {
		const origin = 'http://127.0.0.1:' + (process.env.E2E_PORT ?? 4173);
		const routes = [
			'/melden',
			'/en/melden',
			'/mijn-meldingen',
			'/en/mijn-meldingen',
			'/mijn-meldingen/download',
			'/behoeften',
			'/en/behoeften',
			'/behoeften?periode=3&thema=geldzaken',
			'/api/behoeften.geojson',
			'/api/behoeften.geojson?periode=3&thema=geldzaken',
			'/wijkteam/meldingen',
			'/en/wijkteam/meldingen'
		];
		const visitors: [string, string | null][] = [
			['anonymous visitor', null],
			['another resident', OTHER_RESIDENT.email],
			['another wijkteam', OTHER_WIJKTEAM.email]
		];
		for (const [who, email] of visitors) {
			const { ctx, page } = await context(browser);
			if (email) await signIn(page, email);
			for (const route of routes) {
				const response = await ctx.request.get(route, { maxRedirects: 0 });
				const body = await response.text();
				expect(body, `${who} ${route}`).not.toContain(MARKER);
				expect(body, `${who} ${route}`).not.toContain(needId);
				if (!email && /mijn-meldingen|wijkteam/.test(route)) {
					expect(response.status(), `${who} ${route}`).toBe(303);
					expect(response.headers().location).toContain('/inloggen?terug=');
				}
				if (email === OTHER_RESIDENT.email && route.includes('wijkteam')) {
					expect(response.status(), `${who} ${route}`).toBe(404);
				}
			}
			// Withdrawing someone else's report: refused, and it tells nothing.
			if (!email) {
				const response = await ctx.request.post('/mijn-meldingen?/withdraw', {
					headers: { origin, accept: 'text/html' },
					form: { id: needId },
					maxRedirects: 0
				});
				expect(response.status()).toBe(303);
				expect(response.headers().location).toContain('/inloggen?terug=');
			} else {
				const response = await ctx.request.post('/mijn-meldingen?/withdraw', {
					headers: { origin, accept: 'text/html' },
					form: { id: needId }
				});
				expect(response.status()).toBe(404);
				expect(await response.text()).toContain('Deze melding bestaat niet (meer)');
			}
			await ctx.close();
		}
	});

	test('the wijkteam of the buurt reads it, without who reported it', async ({ browser }) => {
		const { ctx, page } = await context(browser);
		await signIn(page, WIJKTEAM.email);
		await page.goto('/wijkteam');
		await page.getByRole('link', { name: 'Bekijk de meldingen in uw buurten' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Meldingen in uw buurten' })
		).toBeVisible();
		const row = page.getByRole('row').filter({ hasText: MARKER });
		await expect(row).toHaveCount(1);
		await expect(row.getByRole('rowheader')).toHaveText(buurtName);
		await expect(row).toContainText('Wil geen contact');
		const html = await page.content();
		expect(html).not.toContain(RESIDENT.email);
		expect(html).not.toContain(idempotencyKey);
		await ctx.close();
	});

	test('the resident withdraws it and it is gone', async ({ browser }) => {
		const { ctx, page } = await context(browser);
		await signIn(page, RESIDENT.email);
		await page.goto('/mijn-meldingen');
		await page
			.getByRole('button', { name: `Intrekken melding ${reference} over Geld en schulden` })
			.click();
		await expect(page.getByRole('status')).toHaveText('Uw melding is ingetrokken en verwijderd.');
		await expect(page.getByText(MARKER)).toHaveCount(0);
		const download = await ctx.request.get('/mijn-meldingen/download');
		expect(await download.text()).not.toContain(MARKER);
		await ctx.close();
	});
});

test('an anonymous report works without JavaScript, and the receipt says it cannot be seen later', async ({
	browser
}) => {
	const { ctx, page } = await context(browser);
	await page.goto('/en/melden');
	await expect(page.getByRole('heading', { level: 1, name: 'Report what you need' })).toBeVisible();
	await page.getByLabel('What is it about?').selectOption('wonen');
	await page.getByLabel('Neighbourhood (buurt)').selectOption({ index: 1 });
	await page.getByLabel('Yes, by phone').check();
	await page.getByLabel(/Your phone number/).fill('099 1234567');
	await page.getByLabel('I have read this. I want to send my report.').check();
	await page.getByRole('button', { name: 'Send report' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Your report has been received' })
	).toBeVisible();
	await expect(page.getByText('By phone: 099 1234567')).toBeVisible();
	await expect(page.getByText('No, reported anonymously')).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'You reported without signing in' })
	).toBeVisible();
	await expect(page.getByText(/you cannot see or withdraw it later/)).toBeVisible();
	await ctx.close();
});

test('bad input gets a clear, translated error and stores nothing', async ({ browser }) => {
	const { ctx, page } = await context(browser);
	await page.goto('/melden');
	const key = await page.locator('input[name="idempotency_key"]').inputValue();

	// Over-long text, through the form.
	await page.getByLabel('Waar gaat het over?').selectOption('geldzaken');
	await page.getByLabel('Buurt', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Vertel er iets meer over (niet verplicht)').fill('x'.repeat(1001));
	await page.getByLabel('Ik heb dit gelezen. Ik wil mijn melding versturen.').check();
	await page.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(
		page
			.getByRole('alert')
			.getByRole('link', { name: 'Uw beschrijving is te lang. Gebruik maximaal 1000 tekens.' })
	).toBeVisible();
	// What was typed comes back, with the same key for the next try.
	await expect(page.getByLabel('Vertel er iets meer over (niet verplicht)')).toHaveValue(
		'x'.repeat(1001)
	);
	await expect(page.locator('input[name="idempotency_key"]')).toHaveValue(key);

	const cases: [string, Record<string, string>, string, number][] = [
		[
			'unknown theme',
			formOf({ idempotency_key: key, thema: 'bestaat-niet', buurt: 'BU90010101' }),
			'Dit onderwerp kennen wij niet',
			400
		],
		[
			'missing theme',
			formOf({ idempotency_key: key, thema: '', buurt: 'BU90010101' }),
			'Kies waar uw melding over gaat.',
			400
		],
		[
			'buurt outside the gemeente',
			formOf({ idempotency_key: key, buurt: 'BU03440111' }),
			'Deze buurt kennen wij niet',
			400
		],
		[
			'point outside every buurt',
			formOf({ idempotency_key: key, lon: '4.9', lat: '52.37' }),
			'De gekozen plek ligt niet in een van onze buurten',
			400
		],
		[
			'tampered key',
			formOf({ idempotency_key: 'x; drop table needs', buurt: 'BU90010101' }),
			'Dit formulier is veranderd of beschadigd',
			400
		],
		[
			'tampered point',
			formOf({ idempotency_key: key, buurt: 'BU90010101', lon: '5.1' }),
			'Dit formulier is veranderd of beschadigd',
			400
		],
		[
			'honeypot',
			formOf({ idempotency_key: key, buurt: 'BU90010101', website: 'spam' }),
			'Laat dit veld leeg',
			400
		]
	];
	for (const [label, form, message, status] of cases) {
		const response = await postReport(ctx, form);
		expect(response.status(), label).toBe(status);
		expect(await response.text(), label).toContain(message);
	}
	// None of those stored anything: the key is still free and now stores exactly one report.
	const stored = await postReport(ctx, formOf({ idempotency_key: key, buurt: 'BU90010101' }));
	expect(await stored.text()).toContain('Bedankt. Uw melding is opgeslagen.');
	const again = await postReport(ctx, formOf({ idempotency_key: key, buurt: 'BU90010101' }));
	expect(await again.text()).toContain('U had dit formulier al verstuurd');
	await ctx.close();
});

test('one browser session may send 10 reports an hour; the 11th is refused and nothing is stored', async ({
	browser
}) => {
	const { ctx, page } = await context(browser);
	await page.goto('/melden'); // the report session cookie
	for (let i = 0; i < 10; i++) {
		const response = await postReport(
			ctx,
			formOf({ idempotency_key: crypto.randomUUID(), buurt: 'BU90010101' })
		);
		expect(response.status(), `report ${i + 1}`).toBe(200);
	}
	const refused = await postReport(
		ctx,
		formOf({ idempotency_key: crypto.randomUUID(), buurt: 'BU90010101' })
	);
	expect(refused.status()).toBe(429);
	expect(await refused.text()).toContain('U hebt veel meldingen achter elkaar verstuurd');
	await ctx.close();
});

test('the public figures never show a count of 1 to 4, in the table or on the map layer', async ({
	page,
	request
}) => {
	for (const query of [
		'',
		'?periode=3',
		'?periode=6&thema=geldzaken',
		'?periode=3&thema=vervoer'
	]) {
		const layer = await (await request.get(`/api/behoeften.geojson${query}`)).json();
		expect(layer.features.length).toBeGreaterThan(50);
		for (const feature of layer.features) {
			const { display, count } = feature.properties;
			if (display === 'count') expect(count === 0 || (count >= 5 && count % 5 === 0)).toBe(true);
			else expect(count).toBeNull();
		}
		await page.goto(`/behoeften${query}`);
		// The first number column holds the counts (the second the rate per 1,000).
		const counts = await page
			.getByTestId('needs-table')
			.locator('tr td:first-of-type')
			.allInnerTexts();
		expect(counts.length).toBeGreaterThan(50);
		for (const text of counts.map((t) => t.trim())) {
			if (!/^[\d.]+$/.test(text)) continue; // "<5", "×"
			const count = Number(text.replace(/\./g, ''));
			expect(count === 0 || (count >= 5 && count % 5 === 0), `count "${text}" on ${query}`).toBe(
				true
			);
		}
	}
	await page.goto('/behoeften?periode=3&thema=vervoer');
	await expect(page.getByTestId('needs-table').getByText('<5').first()).toBeVisible();
});

test.describe('axe finds no WCAG 2.1 AA violations', () => {
	for (const prefix of ['', '/en']) {
		test(`on the report form, receipt, public figures, My reports and the wijkteam list (${prefix || 'nl'})`, async ({
			browser
		}) => {
			const { ctx, page } = await context(browser, true);
			await page.goto(`${prefix}/melden`);
			await expect(page.locator('.need-location__map')).toHaveAttribute('data-map-state', 'idle', {
				timeout: 30_000
			});
			await axe(page, `${prefix}/melden`);

			// An error summary, then a receipt.
			await page
				.getByRole('button', { name: prefix ? 'Send report' : 'Melding versturen' })
				.click();
			await expect(page.getByRole('alert')).toBeVisible();
			await axe(page, `${prefix}/melden (errors)`);

			await page.goto(`${prefix}/behoeften`);
			await expect(page.locator('.needs-map')).toHaveAttribute('data-map-state', 'idle', {
				timeout: 30_000
			});
			await axe(page, `${prefix}/behoeften`);

			await signIn(page, RESIDENT.email);
			await page.goto(`${prefix}/melden`);
			await page
				.getByLabel(prefix ? 'What is it about?' : 'Waar gaat het over?')
				.selectOption('vervoer');
			await page
				.getByLabel(prefix ? 'Neighbourhood (buurt)' : 'Buurt', { exact: true })
				.selectOption({ index: 2 });
			await page
				.getByLabel(
					prefix
						? 'I have read this. I want to send my report.'
						: 'Ik heb dit gelezen. Ik wil mijn melding versturen.'
				)
				.check();
			await page
				.getByRole('button', { name: prefix ? 'Send report' : 'Melding versturen' })
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				prefix ? 'Your report has been received' : 'Uw melding is ontvangen'
			);
			await axe(page, `${prefix}/melden (receipt)`);

			await page.goto(`${prefix}/mijn-meldingen`);
			await axe(page, `${prefix}/mijn-meldingen`);
			await ctx.close();

			const wijkteam = await context(browser, true);
			await signIn(wijkteam.page, WIJKTEAM.email);
			await wijkteam.page.goto(`${prefix}/wijkteam/meldingen`);
			await axe(wijkteam.page, `${prefix}/wijkteam/meldingen`);
			await wijkteam.ctx.close();
		});
	}
});
