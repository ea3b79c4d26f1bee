import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the home page draws the buurten and the offer on a MapLibre map, and lists the same buurten', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Buurtkracht' })).toBeVisible();

	const map = page.locator('.buurt-map');
	await expect(map).toHaveAttribute('data-map-state', 'idle', { timeout: 30_000 });
	await expect(page.getByRole('region', { name: 'Kaart van de buurten' })).toBeVisible();

	const rendered = await page.locator('.buurt-map__canvas').evaluate((element) => {
		const map = (element as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre;
		const buurten = new Set(
			map.queryRenderedFeatures({ layers: ['buurten-fill'] }).map((f) => f.properties.code)
		);
		const points = map.queryRenderedFeatures({ layers: ['aanbod-points'] });
		return {
			buurten: buurten.size,
			initiatives: points.filter((f) => f.properties.kind === 'initiative').length,
			provisions: points.filter((f) => f.properties.kind === 'provision').length
		};
	});
	const listed = await page.getByRole('region', { name: 'Buurten' }).getByRole('listitem').count();
	// The whole town is in view: every listed buurt is drawn, with initiatives and provisions on top.
	expect(listed).toBeGreaterThan(50);
	expect(rendered.buurten).toBe(listed);
	expect(rendered.initiatives).toBeGreaterThan(50);
	expect(rendered.provisions).toBeGreaterThan(20);

	// The canvas really shows them: count pixels of the buurt fill and of the two point colours.
	const shot = await page.locator('.buurt-map__canvas canvas').screenshot();
	const pixels = await page.evaluate(async (png) => {
		const image = new Image();
		image.src = `data:image/png;base64,${png}`;
		await image.decode();
		const canvas = new OffscreenCanvas(image.width, image.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0);
		const data = context.getImageData(0, 0, image.width, image.height).data;
		const near = (i: number, [r, g, b]: number[]) =>
			Math.abs(data[i] - r) < 12 &&
			Math.abs(data[i + 1] - g) < 12 &&
			Math.abs(data[i + 2] - b) < 12;
		const counts = { fill: 0, initiative: 0, provision: 0, total: data.length / 4 };
		for (let i = 0; i < data.length; i += 4) {
			if (near(i, [227, 235, 242]))
				counts.fill++; // #dfe9f3 at 0.8 over #f3f1ec
			else if (near(i, [26, 122, 58])) counts.initiative++;
			else if (near(i, [184, 69, 11])) counts.provision++;
		}
		return counts;
	}, shot.toString('base64'));
	expect(pixels.fill / pixels.total).toBeGreaterThan(0.2);
	expect(pixels.initiative).toBeGreaterThan(100);
	expect(pixels.provision).toBeGreaterThan(50);
});

test('axe finds no WCAG 2.1 AA violations on the home page', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('.buurt-map')).toHaveAttribute('data-map-state', 'idle', {
		timeout: 30_000
	});
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('the home page works without JavaScript: the list is there', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 2, name: 'Buurten' })).toBeVisible();
	expect(
		await page.getByRole('region', { name: 'Buurten' }).getByRole('listitem').count()
	).toBeGreaterThan(50);
	await context.close();
});

test('English is one link away', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/?$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 2, name: 'Neighbourhoods' })).toBeVisible();
});
