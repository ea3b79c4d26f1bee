import { beforeAll, describe, expect, it } from 'vitest';
// A test may reach into the server's demo generator; the modules under test stay pure.
import { DEMO_SEED, generateDemoCity } from '$lib/server/demo/generate-city';
import type { DemoCity } from '$lib/server/demo/types';
import { buurtAdjacency } from './buurt-adjacency';
import { detectSharedNeeds, type SharedNeedsResult } from './shared-needs';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('detectSharedNeeds on the demo city Voorbeeldstad', () => {
	let city: DemoCity;
	let adjacency: [string, string][];
	let result: SharedNeedsResult;

	beforeAll(() => {
		city = generateDemoCity({ seed: DEMO_SEED, now: NOW });
		adjacency = buurtAdjacency(city.buurten);
		result = detectSharedNeeds(
			{
				needs: city.needs.map((n) => ({
					themeCode: n.theme_code,
					buurtCode: n.buurt_code,
					householdKey: n.household_key,
					reportedAt: new Date(n.reported_at),
					status: n.status
				})),
				buurten: city.buurten.map((b) => ({ code: b.code, households: b.households })),
				adjacency
			},
			{ now: new Date(city.now) }
		);
	});

	it('finds the buurten of a tiling town adjacent to a few neighbours each', () => {
		const degree = new Map<string, number>();
		for (const pair of adjacency)
			for (const code of pair) degree.set(code, (degree.get(code) ?? 0) + 1);
		expect(city.buurten.every((b) => (degree.get(b.code) ?? 0) >= 1)).toBe(true);
		const mean = (2 * adjacency.length) / city.buurten.length;
		// A Voronoi-like tiling averages just under six neighbours; the town's edge lowers it.
		expect(mean).toBeGreaterThan(4);
		expect(mean).toBeLessThan(6.5);
		console.log(`demo city: ${city.buurten.length} buurten, ${adjacency.length} adjacent pairs`);
	});

	it('finds every planted hot spot as a candidate in a cluster, with default parameters', () => {
		expect(city.hotSpots.length).toBeGreaterThan(0);
		for (const spot of city.hotSpots) {
			const cluster = result.clusters.find(
				(c) => c.themeCode === spot.themeCode && c.buurtCodes.includes(spot.buurtCode)
			);
			expect(cluster, `${spot.themeCode} in ${spot.buurtCode}`).toBeDefined();
			const cell = cluster!.cells.find((c) => c.buurtCode === spot.buurtCode)!;
			// The generator counts status 'open' only; 'in_behandeling' counts here too.
			expect(cell.count).toBeGreaterThanOrEqual(spot.households);
			expect(cell.reasons).toContain('threshold');
		}
		const by = (reason: string) =>
			result.candidates.filter((c) => c.reasons.length === 1 && c.reasons[0] === reason).length;
		const both = result.candidates.filter((c) => c.reasons.length === 2).length;
		const hotSignificant = city.hotSpots.filter((spot) =>
			result.candidates.some(
				(c) =>
					c.themeCode === spot.themeCode &&
					c.buurtCode === spot.buurtCode &&
					c.reasons.includes('significant')
			)
		).length;
		const { now, ...rest } = result.parameters;
		const multi = result.clusters.filter((c) => c.buurtCodes.length > 1).length;
		console.log(
			`demo city, now ${now.toISOString()}, ${JSON.stringify(rest)}: ` +
				`${result.testedCells} tested cells, ${result.cells.length} cells with reports, ` +
				`${result.candidates.length} candidate cells (threshold only ${by('threshold')}, ` +
				`significant only ${by('significant')}, both ${both}) in ` +
				`${result.clusters.length} clusters (${multi} of several buurten); ` +
				`hot spots found ${city.hotSpots.length} of ${city.hotSpots.length}, ` +
				`significant ${hotSignificant}`
		);
	});
});
