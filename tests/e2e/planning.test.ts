import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/generate-people';

const council = DEMO_ACCOUNTS.find((a) => a.role === 'council')!;
const resident = DEMO_ACCOUNTS.find((a) => a.role === 'resident')!;

const GAPS = '/gemeente/planning?onderwerp=voeding';
const WHAT_IF = '/gemeente/planning/wat-als?onderwerp=voeding';
const SUGGESTIONS =
	'/gemeente/planning/voorstellen?onderwerp=voeding&aantal=3&capaciteit=40&looptijd=15';

async function signIn(page: Page, email: string) {
	await page.goto('/inloggen');
	// Typed before hydration, a value can be reset: wait until the page has settled.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/$/);
}

async function mapIdle(page: Page) {
	await expect(page.locator('.gap-map')).toHaveAttribute('data-map-state', 'idle', {
		timeout: 30_000
	});
}

/** "Onvervulde vraag nu: 123,4 huishoudens" → 123.4 */
function householdsIn(text: string): number {
	const match = /(-?[\d.]*\d(?:,\d+)?) huishoudens/.exec(text.replace('−', '-'));
	if (!match) throw new Error(`no number in: ${text}`);
	return Number(match[1].replaceAll('.', '').replace(',', '.'));
}

test('the gap map draws exactly the buurten of the table, in the same classes', async ({
	page
}) => {
	await signIn(page, council.email);
	await page.goto('/gemeente');
	await page.getByRole('link', { name: 'Planning: waar is vraag zonder aanbod?' }).click();
	await expect(page).toHaveURL(/\/gemeente\/planning$/);
	await page.goto(GAPS);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Planning: waar is vraag zonder aanbod?' })
	).toBeVisible();
	await mapIdle(page);
	await expect(
		page.getByRole('region', { name: 'Kaart van de onvervulde vraag per buurt' })
	).toBeVisible();

	const rendered = await page.locator('.gap-map__canvas').evaluate((element) => {
		const map = (element as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre;
		const classes: Record<string, number> = {};
		for (const feature of map.queryRenderedFeatures({ layers: ['gaps-fill'] })) {
			classes[feature.properties.code] = feature.properties.gapClass;
		}
		return classes;
	});
	const rows = page.getByTestId('gap-table').locator('tbody tr');
	const table: Record<string, number> = {};
	for (const row of await rows.all()) {
		table[(await row.getAttribute('data-buurt'))!] = Number(
			await row.getAttribute('data-gap-class')
		);
	}
	expect(Object.keys(table)).toHaveLength(100);
	expect(Object.keys(rendered)).toHaveLength(Object.keys(table).length);
	expect(rendered).toEqual(table);
	// The ranking puts unmet need first, and no count of 1 to 4 is shown.
	await expect(rows.first().locator('td').nth(0)).toHaveText('1');
	await expect(page.getByTestId('gap-table')).not.toContainText(/NaN|Infinity/);

	// For a person to look at: the map with its legend, and the top of the page.
	await page.locator('section[aria-labelledby="plan-map-heading"]').screenshot({
		path: 'test-results/planning-gap-map.png'
	});
	await page.screenshot({ path: 'test-results/planning-gap-page.png' });
});

test('a what-if with a new provision lowers the total unmet need, and can be saved', async ({
	page
}) => {
	await signIn(page, council.email);
	await page.goto(GAPS);
	const top = page.getByTestId('gap-table').locator('tbody tr').first();
	const topName = (await top.locator('th').innerText()).trim();
	const topWijk = (await top.locator('td').nth(1).innerText()).trim();

	await page.goto(WHAT_IF);
	await mapIdle(page);
	// A click on the map fills the point and clears the buurt.
	await page.getByLabel('Buurt (de voorziening komt in het midden van de buurt)').selectOption({
		label: `${topName} (${topWijk})`
	});
	await page.locator('.gap-map__canvas canvas').click();
	await expect(page.getByLabel('Of een punt: lengtegraad')).toHaveValue(/^\d+\.\d{5}$/);
	await expect(page.getByLabel('Breedtegraad')).toHaveValue(/^\d+\.\d{5}$/);
	await expect(page.getByText(/Plek gekozen:/)).toBeVisible();
	// Choosing the buurt again clears the point.
	await page.getByLabel('Buurt (de voorziening komt in het midden van de buurt)').selectOption({
		label: `${topName} (${topWijk})`
	});
	await expect(page.getByLabel('Of een punt: lengtegraad')).toHaveValue('');
	await page.getByLabel('Plekken per week (huishoudens)').fill('200');
	await page.getByLabel('Loopafstand in minuten').fill('20');
	await page.getByRole('button', { name: 'Bereken' }).click();

	await expect(page.getByTestId('unmet-change')).toBeVisible();
	const before = householdsIn(await page.getByTestId('unmet-before').innerText());
	const after = householdsIn(await page.getByTestId('unmet-after').innerText());
	const change = householdsIn(await page.getByTestId('unmet-change').innerText());
	expect(after).toBeLessThan(before);
	expect(change).toBeLessThan(0);
	expect(after).toBeCloseTo(before + change, 1);
	await expect(page.getByRole('table', { name: /voor en na/ })).toContainText(topName);
	await mapIdle(page);

	const name = `Voedselpunt ${Date.now()}`;
	await page.getByLabel('Naam van het scenario').fill(name);
	await page.getByRole('button', { name: 'Bewaar scenario' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'is bewaard' })).toHaveText(
		`Het scenario ‘${name}’ is bewaard.`
	);
	await page.getByRole('link', { name: 'Bekijk de bewaarde scenario’s' }).click();
	await expect(page.getByRole('rowheader', { name })).toBeVisible();
});

test('site suggestions are listed with their gains', async ({ page }) => {
	await signIn(page, council.email);
	await page.goto(SUGGESTIONS);
	const rows = page.getByTestId('suggestions').locator('tbody tr');
	await expect(rows).toHaveCount(3);
	const gains: number[] = [];
	for (const row of await rows.all()) {
		const text = (await row.locator('td').nth(1).innerText()).replaceAll('.', '').replace(',', '.');
		gains.push(Number(text));
	}
	expect(gains[0]).toBeGreaterThan(0);
	expect(gains).toEqual([...gains].sort((a, b) => b - a));
	await mapIdle(page);
	const candidates = await page.locator('.gap-map__canvas').evaluate((element) => {
		const map = (element as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre;
		return map.queryRenderedFeatures({ layers: ['plan-candidates'] }).length;
	});
	expect(candidates).toBe(3);
});

test('bad input gets a translated message, never a server error', async ({ page }) => {
	await signIn(page, council.email);
	const form = (query: string) => `/gemeente/planning/wat-als?onderwerp=voeding&${query}`;
	const cases: [string, RegExp][] = [
		['buurt=&lon=4&lat=51&capaciteit=25&looptijd=15', /buiten de gemeente/],
		['buurt=&lon=NaN&lat=52&capaciteit=25&looptijd=15', /Vul een getal in/],
		['buurt=&lon=5&lat=95&capaciteit=25&looptijd=15', /breedtegraad moet tussen -90 en 90/],
		['buurt=&lon=&lat=&capaciteit=-5&looptijd=15', /plekken per week moet tussen 1 en/],
		['buurt=&lon=&lat=&capaciteit=25&looptijd=0', /loopafstand moet tussen 1 en 120/],
		['buurt=&lon=&lat=&capaciteit=25&looptijd=15', /Kies een buurt, of klik op de kaart/]
	];
	for (const [query, message] of cases) {
		const response = await page.goto(form(query));
		expect(response?.status(), query).toBe(200);
		await expect(page.getByRole('alert'), query).toContainText(message);
	}
	for (const path of [
		'/gemeente/planning?onderwerp=onzin',
		'/gemeente/planning?venster=7',
		'/gemeente/planning/voorstellen?onderwerp=zzz-onbekend'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(400);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dat lukt niet');
	}
	for (const path of [
		'/gemeente/planning/export.csv?onderwerp=wet:grondwet',
		'/gemeente/planning/export.geojson?venster=NaN'
	]) {
		expect((await page.request.get(path)).status(), path).toBe(400);
	}
	const suggestions = await page.goto(
		'/gemeente/planning/voorstellen?onderwerp=voeding&aantal=11&capaciteit=40&looptijd=15'
	);
	expect(suggestions?.status()).toBe(200);
	await expect(page.getByRole('alert')).toContainText(
		'U kunt 1 tot 10 nieuwe voorzieningen zoeken'
	);
});

test('the CSV export downloads with a header row and the source', async ({ page }) => {
	await signIn(page, council.email);
	await page.goto(GAPS);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Tabel als CSV (voor een spreadsheet)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^onvervulde-vraag-GM9001-voeding-.*\.csv$/);
	const text = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
	const lines = text.split('\r\n');
	expect(lines[0]).toBe(
		'Plaats,Buurtcode,Buurt,Wijk,Gemeld (huishoudens),Verwacht (CBS),Vraag,' +
			'"Plekken per week binnen loopafstand, per huishouden",Gedekt (%),Onvervuld,Kleur op de kaart'
	);
	expect(lines.filter((line) => /^\d+,BU\d{8},/.test(line))).toHaveLength(100);
	expect(text).toContain('Bron: CBS, Kadaster');
	expect(text).not.toMatch(/NaN|Infinity/);

	const geojson = await page.request.get('/gemeente/planning/export.geojson?onderwerp=voeding');
	expect(geojson.status()).toBe(200);
	const collection = await geojson.json();
	expect(collection.features).toHaveLength(100);
	expect(collection.attribution).toContain('CBS, Kadaster');
});

test('a resident gets 404 on the planning pages and the exports; signed out, the way to sign in', async ({
	page
}) => {
	const exports = [
		'/gemeente/planning/export.csv?onderwerp=voeding',
		'/gemeente/planning/export.geojson?onderwerp=voeding'
	];
	for (const path of exports) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location).toContain('/inloggen');
	}
	await signIn(page, resident.email);
	for (const path of [
		'/gemeente/planning',
		'/gemeente/planning/wat-als',
		'/gemeente/planning/voorstellen',
		'/gemeente/planning/scenarios',
		'/gemeente/planning/ontwikkeling'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	for (const path of exports) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(404);
		expect(await response.text()).not.toContain('BU9001');
	}
	const origin = new URL(page.url()).origin;
	const save = await page.request.post(
		'/gemeente/planning/wat-als?onderwerp=voeding&buurt=BU90010101&capaciteit=5&looptijd=5&/bewaar',
		{ headers: { origin }, form: { naam: 'Inbraak' } }
	);
	expect(save.status()).toBe(404);
});

for (const viewport of [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: 'phone', width: 390, height: 844 }
]) {
	test(`axe finds no WCAG 2.1 AA violations on the planning pages (${viewport.name})`, async ({
		page
	}) => {
		await page.setViewportSize({ width: viewport.width, height: viewport.height });
		await signIn(page, council.email);
		const pages: [string, boolean][] = [
			[GAPS, true],
			[`${GAPS}&verwacht=ja&venster=90`, true],
			[`${WHAT_IF}&buurt=&lon=&lat=&capaciteit=25&looptijd=0`, true],
			[`${WHAT_IF}&buurt=BU90010101&capaciteit=60&looptijd=15`, true],
			[SUGGESTIONS, true],
			['/gemeente/planning/scenarios', false],
			['/gemeente/planning/ontwikkeling', false],
			['/gemeente/planning?onderwerp=onzin', false]
		];
		for (const [path, hasMap] of pages) {
			await page.goto(path);
			if (hasMap) await mapIdle(page);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			expect(
				results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
				path
			).toEqual([]);
		}
	});
}
