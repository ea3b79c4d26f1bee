import { describe, expect, it } from 'vitest';
import { innerPoint, insideShape, ringArea, toLonLat, toPlane, type RingXY } from './geometry';
import { adjacency, snapVertices } from './town-shape';

describe('plane geometry of the demo town', () => {
	it('converts between the local plane and WGS84 to within a decimetre', () => {
		for (const p of [
			[0, 0],
			[3_900, -2_800],
			[-4_100, 3_050]
		] as [number, number][]) {
			const back = toPlane(toLonLat(p));
			expect(Math.hypot(back[0] - p[0], back[1] - p[1])).toBeLessThan(0.1);
		}
	});

	it('finds a point strictly inside a U-shape, whose centroid lies outside it', () => {
		const u: RingXY = [
			[0, 0],
			[300, 0],
			[300, 300],
			[200, 300],
			[200, 100],
			[100, 100],
			[100, 300],
			[0, 300],
			[0, 0]
		];
		expect(ringArea(u)).toBeGreaterThan(0);
		const p = innerPoint([[u]]);
		expect(insideShape(p, [[u]])).toBe(true);
		expect(p[1]).not.toBe(100); // not on an edge
	});

	it('snaps vertices that differ in the last bits, so neighbours share them exactly', () => {
		const left: RingXY = [
			[0, 0],
			[100, 0],
			[100, 100],
			[0, 100],
			[0, 0]
		];
		const right: RingXY = [
			[100.000000001, 0],
			[200, 0],
			[200, 100],
			[99.999999999, 100],
			[100.000000001, 0]
		];
		const [a, b] = snapVertices([[[left]], [[right]]]);
		expect(b[0][0]).toContainEqual(a[0][0][1]);
		expect(b[0][0]).toContainEqual(a[0][0][2]);
		expect(adjacency([a, b]).map((n) => [...n])).toEqual([[1], [0]]);
	});
});
