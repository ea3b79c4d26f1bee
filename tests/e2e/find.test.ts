import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';

// The residents' find page (/aanbod) and the detail pages, on the demo city.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Waits until the map shows the result set of this query string ('' for no filters). */
async function mapShows(page: Page, query: string) {
	const map = page.locator('.find-map').first();
	const source = `/api/aanbod.geojson${query ? `?${query}` : ''}`;
	await expect(map).toHaveAttribute('data-map-source', source, { timeout: 30_000 });
	await expect(map).toHaveAttribute('data-map-state', 'idle', { timeout: 30_000 });
}

/**
 * The ids of every point the map draws: single points as they are, clusters through their
 * leaves, read from the real MapLibre instance.
 */
async function mapIds(page: Page): Promise<string[]> {
	return page.locator('.find-map__canvas').evaluate(async (element) => {
		const map = (element as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre;
		const source = map.getSource('find-aanbod') as import('maplibre-gl').GeoJSONSource;
		const ids = new Set<string>();
		const clusters = new Set<number>();
		for (const feature of map.queryRenderedFeatures({ layers: ['find-points', 'find-clusters'] })) {
			if (feature.layer.id === 'find-points') ids.add(feature.properties.id);
			else clusters.add(feature.properties.cluster_id);
		}
		for (const cluster of clusters) {
			for (const leaf of await source.getClusterLeaves(cluster, Infinity, 0)) {
				ids.add(leaf.properties!.id);
			}
		}
		return [...ids].sort();
	});
}

async function listIds(page: Page): Promise<string[]> {
	const ids = await page
		.locator('.find-list__item')
		.evaluateAll((items) => items.map((item) => item.getAttribute('data-id')!));
	return ids.sort();
}

async function noScript(browser: Browser) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	return { context, page: await context.newPage() };
}

/** Presses Tab until the element has focus; fails if it is not reachable that way. */
async function tabTo(page: Page, target: Locator, presses = 120) {
	for (let i = 0; i < presses; i++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('not reachable with Tab');
}

async function focusIsVisible(target: Locator) {
	const outline = await target.evaluate((element) => {
		const style = getComputedStyle(element);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
	expect(outline.style).not.toBe('none');
	expect(outline.width).toBeGreaterThan(0);
}

async function firstIds(page: Page) {
	const response = await page.request.get('/api/aanbod.geojson');
	const collection = (await response.json()) as {
		features: { properties: { id: string; kind: string } }[];
	};
	const first = (kind: string) => collection.features.find((f) => f.properties.kind === kind)!;
	return {
		initiative: first('initiative').properties.id,
		provision: first('provision').properties.id
	};
}

test('a filter narrows the map and the list to the same items', async ({ page, baseURL }) => {
	// The default map style is self-contained: not one request leaves this server.
	const elsewhere: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin) {
			elsewhere.push(request.url());
		}
	});
	await page.goto('/aanbod');
	await expect(page.getByRole('heading', { level: 1, name: 'Zoeken in de buurt' })).toBeVisible();
	await mapShows(page, '');
	const status = page.getByRole('status').filter({ hasText: 'resultaten gevonden' });
	const total = Number((await status.textContent())!.match(/(\d+) resultaten/)![1]);
	expect(total).toBeGreaterThan(100);
	// The whole result set is on the map (all pages), the list shows the first 20 of it.
	const everything = await mapIds(page);
	expect(everything).toHaveLength(total);
	expect(await page.locator('.find-list__item').count()).toBe(20);

	await page.getByRole('radio', { name: 'Voorzieningen' }).check();
	await page.getByLabel('Onderwerp').selectOption({ label: 'Eten' });
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/\/aanbod\?soort=voorziening&thema=voeding$/);
	await mapShows(page, 'soort=voorziening&thema=voeding');

	const listed = await listIds(page);
	expect(listed.length).toBeGreaterThan(2);
	expect(listed.length).toBeLessThan(20);
	expect(await mapIds(page)).toEqual(listed);
	expect(everything).toEqual(expect.arrayContaining(listed));
	await expect(page.locator('.find-list__item[data-kind="initiative"]')).toHaveCount(0);
	await expect(status).toHaveText(`${listed.length} resultaten gevonden`);
	expect(elsewhere).toEqual([]);
});

test('the same filter works without JavaScript and gives the same result set', async ({
	browser
}) => {
	const { context, page } = await noScript(browser);
	await page.goto('/aanbod');
	await page.getByRole('radio', { name: 'Voorzieningen' }).check();
	await page.getByLabel('Onderwerp').selectOption({ label: 'Eten' });
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/soort=voorziening/);
	await expect(page).toHaveURL(/thema=voeding/);
	const listed = await listIds(page);
	expect(listed.length).toBeGreaterThan(2);
	await expect(page.locator('.find-list__item[data-kind="initiative"]')).toHaveCount(0);

	// The map's endpoint, asked for the same query string, has exactly these items.
	const query = new URL(page.url()).search;
	const geojson = (await (await page.request.get(`/api/aanbod.geojson${query}`)).json()) as {
		features: { properties: { id: string } }[];
	};
	expect(geojson.features.map((f) => f.properties.id).sort()).toEqual(listed);
	await context.close();
});

test('free text finds "Taalcafé" for "taal cafe", and pages keep the filters', async ({
	browser
}) => {
	const { context, page } = await noScript(browser);
	await page.goto('/aanbod?q=taal+cafe');
	const names = await page.locator('.find-list__name').allTextContents();
	expect(names.length).toBeGreaterThan(3);
	expect(names[0]).toMatch(/^Taalcafé/);

	await page.goto('/aanbod?soort=initiatief');
	await page
		.getByRole('navigation', { name: 'Pagina’s met resultaten' })
		.getByRole('link', { name: 'Volgende' })
		.click();
	await expect(page).toHaveURL(/\/aanbod\?soort=initiatief&pagina=2#resultaten$/);
	await expect(page.locator('.find-list__item[data-kind="provision"]')).toHaveCount(0);
	await expect(page.locator('.find-list')).toHaveAttribute('start', '21');
	await context.close();
});

test('a place from the visitor’s location or from the map orders by walking minutes', async ({
	browser
}) => {
	const context = await browser.newContext({
		geolocation: { latitude: 52.1005, longitude: 5.3101 },
		permissions: ['geolocation']
	});
	const page = await context.newPage();
	await page.goto('/aanbod?soort=initiatief');
	await mapShows(page, 'soort=initiatief');
	await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
	// Three decimals: about 100 m, not a front door.
	await expect(page).toHaveURL(/\/aanbod\?soort=initiatief&lat=52\.101&lon=5\.31$/);
	await expect(page.getByText(/^Gekozen plek: /)).toBeVisible();
	await expect(page.getByText('Dichtstbij eerst, gemeten vanaf de gekozen plek.')).toBeVisible();
	const minutes = (await page.locator('.find-list__item strong').allTextContents()).map((text) =>
		Number(text.match(/\d+/)![0])
	);
	expect(minutes).toHaveLength(20);
	expect([...minutes].sort((a, b) => a - b)).toEqual(minutes);

	// Choosing on the map: the button, then a click on the map.
	await mapShows(page, 'soort=initiatief&lat=52.101&lon=5.31');
	await page.getByRole('button', { name: 'Wijs een plek aan op de kaart' }).click();
	await expect(page.getByRole('button', { name: 'Wijs een plek aan op de kaart' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const canvas = page.locator('.find-map__canvas canvas');
	const box = (await canvas.boundingBox())!;
	await canvas.click({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
	await expect(page).toHaveURL(/lat=52\.\d+&lon=5\.\d+$/);
	await expect(page).not.toHaveURL(/lat=52\.101&lon=5\.31$/);
	await context.close();
});

test('a detail page tells what, when, where and what else is nearby', async ({ page }) => {
	await page.goto('/aanbod?soort=voorziening&thema=voeding');
	const first = page.locator('.find-list__name a').first();
	const name = (await first.textContent())!.trim();
	await first.click();
	await expect(page).toHaveURL(/\/aanbod\/voorziening\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	for (const heading of [
		'Wat is het?',
		'Wanneer?',
		'Waar?',
		'Contact',
		'Toegankelijkheid',
		'In de buurt'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	await expect(
		page.getByText(/^(Elke week|Om de week|Eén keer per maand) op /).first()
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'De volgende keren' })).toBeVisible();
	await expect(page.getByText(/^Plek voor ongeveer \d+ huishoudens per week\.$/)).toBeVisible();
	await expect(page.locator('.find-map')).toHaveAttribute('data-map-state', 'idle', {
		timeout: 30_000
	});
	await page.getByRole('link', { name: 'Terug naar zoeken' }).click();
	await expect(page).toHaveURL(/\/aanbod$/);
});

test('the language switch keeps the search, and the results stay the same', async ({ page }) => {
	await page.goto('/aanbod?soort=voorziening&thema=voeding');
	const dutch = await listIds(page);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/aanbod\?soort=voorziening&thema=voeding$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Find near you' })).toBeVisible();
	await expect(page.getByLabel('Topic')).toHaveValue('voeding');
	expect(await listIds(page)).toEqual(dutch);
	await expect(page.locator('.find-list__item').first()).toContainText('Community service');

	await page.locator('.find-list__name a').first().click();
	await expect(page).toHaveURL(/\/en\/aanbod\/voorziening\//);
	await expect(page.getByRole('heading', { level: 2, name: 'When?' })).toBeVisible();
	await expect(
		page.getByText(/^(Every week|Every other week|Once a month) on /).first()
	).toBeVisible();
	await expect(page.getByText('The description is in Dutch.')).toBeVisible();
});

test('keyboard only: from the filters to a detail page', async ({ page }) => {
	await page.goto('/aanbod');
	await mapShows(page, '');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
	await page.keyboard.press('Enter');

	// Radio group: Tab lands on the checked one, arrows choose.
	const all = page.getByRole('radio', { name: 'Alles' });
	await tabTo(page, all);
	await focusIsVisible(all);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Voorzieningen' })).toBeChecked();

	const theme = page.getByLabel('Onderwerp');
	await tabTo(page, theme);
	await page.keyboard.type('Eten');
	await expect(theme).toHaveValue('voeding');

	const search = page.getByRole('button', { name: 'Zoeken' });
	await tabTo(page, search);
	await focusIsVisible(search);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/aanbod\?soort=voorziening&thema=voeding$/);

	const result = page.locator('.find-list__name a').first();
	const name = (await result.textContent())!.trim();
	await tabTo(page, result);
	await focusIsVisible(result);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

	// The map takes the keyboard too: its zoom buttons and the canvas itself.
	await page.goto('/aanbod');
	await mapShows(page, '');
	const zoomIn = page.getByRole('button', { name: 'Inzoomen' });
	await tabTo(page, zoomIn);
	const zoom = () =>
		page
			.locator('.find-map__canvas')
			.evaluate((element) =>
				(element as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre.getZoom()
			);
	const before = await zoom();
	await page.keyboard.press('Enter');
	await expect.poll(zoom).toBeGreaterThan(before);
});

test.describe('axe finds no WCAG 2.1 AA violations', () => {
	for (const [viewportName, viewport] of [
		['desktop', DESKTOP],
		['phone', PHONE]
	] as const) {
		for (const prefix of ['', '/en']) {
			test(`${prefix || '/nl'} pages at ${viewportName} width`, async ({ page }) => {
				await page.setViewportSize(viewport);
				const ids = await firstIds(page);
				const pages = [
					'/aanbod',
					'/aanbod?soort=voorziening&bij=BU90010101&minuten=30&toegankelijk=step_free',
					`/aanbod/initiatief/${ids.initiative}`,
					`/aanbod/voorziening/${ids.provision}`,
					'/aanbod?thema=bestaat-niet',
					'/aanbod/initiatief/00000000-0000-4000-8000-000000000000'
				];
				for (const path of pages) {
					await page.goto(`${prefix}${path}`);
					const map = page.locator('.find-map');
					if ((await map.count()) > 0) {
						await expect(map).toHaveAttribute('data-map-state', 'idle', { timeout: 30_000 });
					}
					const results = await new AxeBuilder({ page })
						.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
						.analyze();
					expect(
						results.violations.map(
							(v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`
						)
					).toEqual([]);
				}
			});
		}
	}
});

test('bad input gets a clear 400 or 404 page with a way back, never a 500', async ({ page }) => {
	const cases: [string, number, RegExp][] = [
		['/aanbod?soort=alles', 400, /De soort in de zoekopdracht bestaat niet/],
		['/aanbod?thema=bestaat-niet', 400, /Het onderwerp in de zoekopdracht bestaat niet/],
		['/aanbod?gebied=WK00000000', 400, /De wijk of buurt/],
		['/aanbod?bij=BU00000000', 400, /In de buurt van/],
		['/aanbod?lat=123&lon=5', 400, /breedtegraad ligt tussen -90 en 90/],
		['/aanbod?lat=52.1', 400, /breedtegraad én de lengtegraad/],
		['/aanbod?minuten=abc&dag=8', 400, /loopafstand.*dag|dag.*loopafstand/s],
		['/aanbod?pagina=999999999', 400, /paginanummer/],
		['/aanbod?pagina=400', 404, /Er is geen pagina 400 met resultaten/],
		[`/aanbod?q=${'taal'.repeat(300)}`, 400, /te lang/],
		['/aanbod/initiatief/00000000-0000-4000-8000-000000000000', 404, /bestaat niet \(meer\)/],
		['/aanbod/voorziening/geen-uuid', 404, /bestaat niet/],
		['/en/aanbod?taal=klingon', 400, /The language in this search does not exist/]
	];
	for (const [path, status, message] of cases) {
		const response = await page.goto(path);
		expect(response!.status(), path).toBe(status);
		await expect(page.locator('main')).toContainText(message);
		const back = path.startsWith('/en') ? 'Search again' : 'Opnieuw zoeken';
		await expect(page.getByRole('link', { name: back })).toBeVisible();
	}

	// The map's endpoint refuses the same input, as JSON.
	const api = await page.request.get('/api/aanbod.geojson?soort=alles');
	expect(api.status()).toBe(400);
	expect((await api.json()).message).toMatch(/soort/);
	// A query string far past any form: refused by the server before the app, never a 500.
	const huge = await page.request.get(`/aanbod?q=${'x'.repeat(20_000)}`);
	expect(huge.status()).toBeGreaterThanOrEqual(400);
	expect(huge.status()).toBeLessThan(500);
});
