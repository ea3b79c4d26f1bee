// npm run bench — E2SFCA accessibility: the indexed implementation (src/lib/analysis: flatbush over
// provisions, a bounding box of the walking reach per buurt, then exact haversine) against a naive
// all-pairs loop with Turf distances, on (a) the demo city and (b) a synthetic national case.
//
// Every number is measured in this run on this machine; read the ratios, not the milliseconds.
// Each implementation runs in its own child process (the same data, rebuilt from the same seed),
// so one's heap does not inflate the other's memory figures.
//
// BENCH_FULL_NAIVE=1 runs the naive national case over all buurten (260 million pairs, about a
// minute) instead of timing a sample of buurten and extrapolating.
import distance from '@turf/distance';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import {
	defaultSteps,
	e2sfcaGaps,
	type BuurtPoint,
	type ProvisionPoint
} from '../src/lib/analysis/gaps';
import { createRng } from '../src/lib/analysis/prng';
import {
	DEFAULT_DETOUR_FACTOR,
	DEFAULT_WALKING_SPEED_KMH,
	walkingCosts
} from '../src/lib/analysis/walking-cost';
import { DEMO_SEED, generateDemoCity } from '../src/lib/server/demo/generate-city';

const NATIONAL = { seed: 2026, buurten: 13_000, provisions: 20_000, towns: 40 };
/** Buurten whose all-pairs loop is timed and extrapolated in the sampled naive national run. */
const TIMING_SAMPLE = 500;
/** Buurten whose A_i the naive implementation computes exactly (all demand behind each R_j). */
const CHECK_SAMPLE = 40;
const METERS_PER_MINUTE = (DEFAULT_WALKING_SPEED_KMH * 1000) / 60;

interface Theme {
	name: string;
	buurten: BuurtPoint[];
	provisions: ProvisionPoint[];
}

interface BenchCase {
	themes: Theme[];
	describe: string;
}

// ---------------------------------------------------------------------------------------------
// The two cases

function demoCase(): BenchCase {
	const city = generateDemoCity({ seed: DEMO_SEED, now: new Date('2026-11-28T00:00:00Z') });
	const provisions = city.provisions.filter((p) => p.status === 'published');
	const themes = [...new Set(provisions.map((p) => p.theme_code))].sort();
	const open = new Map<string, number>();
	for (const need of city.needs) {
		if (need.status !== 'open' && need.status !== 'in_behandeling') continue;
		const key = `${need.theme_code} ${need.buurt_code}`;
		open.set(key, (open.get(key) ?? 0) + 1);
	}
	return {
		describe:
			`demo city Voorbeeldstad (seed ${DEMO_SEED}): ${city.buurten.length} buurten, ` +
			`${provisions.length} published provisions in ${themes.length} themes, demand = open needs`,
		themes: themes.map((theme) => ({
			name: theme,
			buurten: city.buurten.map((b) => ({
				code: b.code,
				lon: b.centroid_lon,
				lat: b.centroid_lat,
				demand: open.get(`${theme} ${b.code}`) ?? 0
			})),
			provisions: provisions
				.filter((p) => p.theme_code === theme)
				.map((p) => ({
					id: p.id,
					lon: p.lon,
					lat: p.lat,
					capacity: p.weekly_capacity,
					catchmentMinutes: p.catchment_minutes
				}))
		}))
	};
}

/** Buurten and provisions clustered around towns in a Netherlands-sized box. */
function nationalCase(): BenchCase {
	const rng = createRng(NATIONAL.seed);
	const box = { lon: [3.3, 7.2], lat: [50.75, 53.5] };
	const towns = Array.from({ length: NATIONAL.towns }, () => {
		const size = Math.exp(rng.normal(0, 0.9));
		return {
			lon: rng.float(box.lon[0] + 0.2, box.lon[1] - 0.2),
			lat: rng.float(box.lat[0] + 0.15, box.lat[1] - 0.15),
			size,
			spreadKm: 1.5 + 2.5 * Math.sqrt(size)
		};
	});
	const weights = towns.map((t) => t.size);
	const place = () => {
		const town = towns[rng.weightedIndex(weights)];
		const lat = town.lat + (rng.normal() * town.spreadKm) / 111.2;
		const lon =
			town.lon + (rng.normal() * town.spreadKm) / (111.2 * Math.cos((lat * Math.PI) / 180));
		return {
			lon: Math.min(box.lon[1], Math.max(box.lon[0], lon)),
			lat: Math.min(box.lat[1], Math.max(box.lat[0], lat))
		};
	};
	const buurten = Array.from({ length: NATIONAL.buurten }, (_, k) => ({
		code: `BU${String(k).padStart(8, '0')}`,
		...place(),
		demand: rng.poisson(6)
	}));
	const provisions = Array.from({ length: NATIONAL.provisions }, (_, k) => ({
		id: `P${k}`,
		...place(),
		capacity: rng.int(10, 150),
		catchmentMinutes: rng.pick([10, 15, 20, 30])
	}));
	return {
		describe:
			`synthetic national case (seed ${NATIONAL.seed}): ${buurten.length.toLocaleString('en')} ` +
			`buurten, ${provisions.length.toLocaleString('en')} provisions around ${NATIONAL.towns} ` +
			'towns, lon 3.3–7.2, lat 50.75–53.5, one theme, catchments 10–30 min',
		themes: [{ name: 'all', buurten, provisions }]
	};
}

// ---------------------------------------------------------------------------------------------
// The naive baseline: every buurt against every provision with Turf's distance.

function zoneWeight(steps: Array<[number, number]>, cost: number): number {
	for (const [upTo, weight] of steps) if (cost <= upTo) return weight;
	return 0;
}

function turfMinutes(b: BuurtPoint, p: ProvisionPoint): number {
	const meters = distance([b.lon, b.lat], [p.lon, p.lat], { units: 'meters' });
	return (meters * DEFAULT_DETOUR_FACTOR) / METERS_PER_MINUTE;
}

/** The pairs within each provision's catchment from the given buurten, by trying every pair. */
function naivePairs(theme: Theme, origins: Iterable<number>) {
	const pairs: { i: number; j: number; cost: number }[] = [];
	const { buurten, provisions } = theme;
	for (const i of origins) {
		for (let j = 0; j < provisions.length; j++) {
			const cost = turfMinutes(buurten[i], provisions[j]);
			if (cost <= provisions[j].catchmentMinutes) pairs.push({ i, j, cost });
		}
	}
	return pairs;
}

function stepsOf(theme: Theme): Array<[number, number]> {
	return defaultSteps(Math.max(...theme.provisions.map((p) => p.catchmentMinutes)));
}

/** Naive E2SFCA over all pairs: A_i for every buurt. */
function naiveAccessibility(theme: Theme): Float64Array {
	const steps = stepsOf(theme);
	const pairs = naivePairs(
		theme,
		theme.buurten.map((_, i) => i)
	);
	const weighted = new Float64Array(theme.provisions.length);
	for (const { i, j, cost } of pairs)
		weighted[j] += theme.buurten[i].demand * zoneWeight(steps, cost);
	const access = new Float64Array(theme.buurten.length);
	for (const { i, j, cost } of pairs) {
		if (weighted[j] > 0)
			access[i] += (theme.provisions[j].capacity / weighted[j]) * zoneWeight(steps, cost);
	}
	return access;
}

/**
 * Naive E2SFCA for a few buurten only, still exact: each R_j they reach needs the whole demand
 * within that provision's catchment, so those provisions are tried against every buurt.
 */
function naiveAccessibilityOf(theme: Theme, sample: number[]): Map<number, number> {
	const steps = stepsOf(theme);
	const pairs = naivePairs(theme, sample);
	const ratio = new Map<number, number>();
	for (const j of new Set(pairs.map((p) => p.j))) {
		const provision = theme.provisions[j];
		let weighted = 0;
		for (const b of theme.buurten) {
			const cost = turfMinutes(b, provision);
			if (cost <= provision.catchmentMinutes) weighted += b.demand * zoneWeight(steps, cost);
		}
		ratio.set(j, weighted > 0 ? provision.capacity / weighted : 0);
	}
	const access = new Map(sample.map((i) => [i, 0]));
	for (const { i, j, cost } of pairs)
		access.set(i, access.get(i)! + ratio.get(j)! * zoneWeight(steps, cost));
	return access;
}

// ---------------------------------------------------------------------------------------------
// Child process: build one case, run one implementation, print one JSON line.

type Impl = 'data' | 'indexed' | 'naive';

interface ChildResult {
	describe: string;
	/** Median and fastest of the timed repetitions, per full analysis of the case (ms). */
	medianMs: number;
	minMs: number;
	reps: number;
	/** Sampled naive runs: how many buurten the timed loop covered. */
	timedOrigins: number;
	/** Pairs within reach (sum over themes), counted for the indexed side only. */
	pairsInReach: number;
	/** Peak RSS while the measured run ran, above the RSS just before it (MB). */
	peakRssAboveStartMb: number;
	/** Peak RSS of the whole child process, data generation included (MB). */
	maxRssMb: number;
	/** V8 heap growth over the measured run, before any collection (MB). */
	heapGrowthMb: number;
	/** A_i per theme: all buurten, or [index, value] pairs for the check sample. */
	access: Array<Array<number> | Array<[number, number]>>;
}

function sampleIndices(count: number, size: number, seed: number): number[] {
	return createRng(seed)
		.sample(
			Array.from({ length: size }, (_, i) => i),
			count
		)
		.sort((a, b) => a - b);
}

/** Samples the process RSS from a worker thread, which keeps running while this thread computes. */
function startRssSampler(): { stop: () => Promise<number> } {
	const worker = new Worker(
		`const { parentPort } = require('node:worker_threads');
		let peak = process.memoryUsage.rss();
		const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 1);
		parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });`,
		{ eval: true }
	);
	return {
		stop: () =>
			new Promise((resolve) => {
				worker.once('message', (peak: number) => {
					void worker.terminate();
					resolve(peak);
				});
				worker.postMessage('stop');
			})
	};
}

async function child(caseName: string, impl: Impl): Promise<void> {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	const benchCase = caseName === 'demo' ? demoCase() : nationalCase();
	const full = process.env.BENCH_FULL_NAIVE === '1';
	const sampled = caseName === 'national' && impl === 'naive' && !full;
	const n = benchCase.themes[0].buurten.length;
	const timing = sampled ? sampleIndices(TIMING_SAMPLE, n, 1) : [];
	const check = caseName === 'national' && !full ? sampleIndices(CHECK_SAMPLE, n, 2) : [];

	const run = (): ChildResult['access'] => {
		if (impl === 'data') return [];
		if (impl === 'indexed') {
			return benchCase.themes.map((theme) =>
				e2sfcaGaps({ buurten: theme.buurten, provisions: theme.provisions }).buurten.map(
					(b) => b.accessibility
				)
			);
		}
		if (sampled) {
			naivePairs(benchCase.themes[0], timing);
			return [];
		}
		return benchCase.themes.map((t) => [...naiveAccessibility(t)]);
	};

	// Warm up, then time repetitions; small cases need many for a stable median.
	const reps = impl === 'data' ? 0 : caseName === 'demo' ? 200 : impl === 'indexed' ? 5 : 1;
	const warmUps = impl === 'data' ? 0 : caseName === 'demo' ? 20 : impl === 'indexed' ? 1 : 0;
	for (let k = 0; k < warmUps; k++) run();
	const times: number[] = [];
	for (let k = 0; k < reps; k++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);

	// One more run for memory, with the garbage of the timed runs collected first.
	gc();
	const rssBefore = process.memoryUsage.rss();
	const heapBefore = process.memoryUsage().heapUsed;
	const sampler = startRssSampler();
	await new Promise((resolve) => setTimeout(resolve, 20)); // let the worker start sampling
	let access = run();
	const heapAfter = process.memoryUsage().heapUsed;
	const peakRss = await sampler.stop();

	// Outside the timed and measured runs: the pairs within reach, and the A_i to compare.
	let pairsInReach = 0;
	if (impl === 'indexed') for (const theme of benchCase.themes) pairsInReach += indexedPairs(theme);
	if (impl === 'indexed' && check.length > 0) {
		access = [check.map((i): [number, number] => [i, access[0][i] as number])];
	}
	if (impl === 'naive' && sampled) access = [[...naiveAccessibilityOf(benchCase.themes[0], check)]];
	const result: ChildResult = {
		describe: benchCase.describe,
		medianMs: times.length ? times[Math.floor(times.length / 2)] : 0,
		minMs: times.length ? times[0] : 0,
		reps,
		timedOrigins: sampled ? timing.length : n,
		pairsInReach,
		peakRssAboveStartMb: (peakRss - rssBefore) / 2 ** 20,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		heapGrowthMb: (heapAfter - heapBefore) / 2 ** 20,
		access
	};
	process.stdout.write(JSON.stringify(result) + '\n');
}

/** Pairs within reach as e2sfcaGaps builds them (it does not return its edges). */
function indexedPairs(theme: Theme): number {
	const catchment = new Map(theme.provisions.map((p) => [p.id, p.catchmentMinutes]));
	return walkingCosts({
		origins: theme.buurten.map((b) => ({ id: b.code, lon: b.lon, lat: b.lat })),
		destinations: theme.provisions,
		maxMinutes: Math.max(...catchment.values())
	}).filter((e) => e.cost <= catchment.get(e.dest)!).length;
}

// ---------------------------------------------------------------------------------------------
// Parent: run the children and print the comparison.

function runChild(caseName: string, impl: Impl): ChildResult {
	const out = spawnSync(
		process.execPath,
		[...process.execArgv, fileURLToPath(import.meta.url), '--child', caseName, impl],
		{ encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: process.env }
	);
	if (out.status !== 0) {
		throw new Error(`bench child ${caseName}/${impl} failed:\n${out.stderr}`);
	}
	return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);

function compare(
	indexed: ChildResult,
	naive: ChildResult
): { maxAbs: number; maxRel: number; n: number } {
	let maxAbs = 0;
	let maxRel = 0;
	let n = 0;
	indexed.access.forEach((theme, t) => {
		const other = naive.access[t];
		const pairs: Array<[number, number]> =
			Array.isArray(theme[0]) || theme.length === 0
				? (theme as Array<[number, number]>).map(([i, a], k) => {
						const [i2, b] = (other as Array<[number, number]>)[k];
						if (i !== i2) throw new Error('check samples differ');
						return [a, b];
					})
				: (theme as number[]).map((a, k) => [a, (other as number[])[k]]);
		for (const [a, b] of pairs) {
			const abs = Math.abs(a - b);
			maxAbs = Math.max(maxAbs, abs);
			maxRel = Math.max(maxRel, abs / Math.max(Math.abs(a), Math.abs(b), 1e-300));
			n++;
		}
	});
	return { maxAbs, maxRel, n };
}

function report(title: string, caseName: string): void {
	const data = runChild(caseName, 'data');
	console.log(`\n${title}\n  ${data.describe}`);
	const indexed = runChild(caseName, 'indexed');
	const naive = runChild(caseName, 'naive');
	const n = indexed.timedOrigins;
	const sampled = naive.timedOrigins < n;
	const naiveMs = sampled ? (naive.medianMs * n) / naive.timedOrigins : naive.medianMs;
	console.log(
		`  indexed (flatbush + haversine): ${fmt(indexed.medianMs, 3)} ms per analysis ` +
			`(median of ${indexed.reps}, fastest ${fmt(indexed.minMs, 3)} ms); ` +
			`${indexed.pairsInReach.toLocaleString('en')} pairs within reach`
	);
	if (sampled) {
		console.log(
			`  naive all pairs (Turf distance): ${fmt(naive.medianMs, 1)} ms for ${naive.timedOrigins} ` +
				`of ${n.toLocaleString('en')} buurten × every provision ` +
				`(${(naive.timedOrigins * NATIONAL.provisions).toLocaleString('en')} pairs; the distance ` +
				'loop only, steps 1–2 over the pairs in reach come on top)\n' +
				`    EXTRAPOLATED to all ${n.toLocaleString('en')} buurten ` +
				`(${(n * NATIONAL.provisions).toLocaleString('en')} pairs): ${fmt(naiveMs / 1000, 1)} s`
		);
	} else {
		console.log(
			`  naive all pairs (Turf distance): ${fmt(naive.medianMs, 3)} ms per analysis ` +
				`(median of ${naive.reps}, fastest ${fmt(naive.minMs, 3)} ms)`
		);
	}
	console.log(
		`  speed ratio naive / indexed: ${fmt(naiveMs / indexed.medianMs, 1)}×` +
			(sampled ? ' (naive side extrapolated)' : ' (both measured in full)')
	);
	console.log(
		`  memory, peak RSS during one run above the RSS before it: indexed ${fmt(indexed.peakRssAboveStartMb, 1)} MB, ` +
			`naive ${fmt(naive.peakRssAboveStartMb, 1)} MB${sampled ? ' (sampled run)' : ''}\n` +
			`  memory, V8 heap growth over that run (before collection): indexed ${fmt(indexed.heapGrowthMb, 1)} MB, ` +
			`naive ${fmt(naive.heapGrowthMb, 1)} MB\n` +
			`  memory, peak RSS of each child process: data only ${fmt(data.maxRssMb, 0)} MB, ` +
			`indexed ${fmt(indexed.maxRssMb, 0)} MB, naive ${fmt(naive.maxRssMb, 0)} MB`
	);
	const { maxAbs, maxRel, n: compared } = compare(indexed, naive);
	console.log(
		`  same A_i? max |indexed − naive| = ${maxAbs.toExponential(2)}, max relative ` +
			`${maxRel.toExponential(2)} over ${compared.toLocaleString('en')} buurt values` +
			(sampled
				? ` (${CHECK_SAMPLE} random buurten, each R_j behind them computed naively in full)`
				: '')
	);
}

async function main(): Promise<void> {
	const childAt = process.argv.indexOf('--child');
	if (childAt >= 0) {
		await child(process.argv[childAt + 1], process.argv[childAt + 2] as Impl);
		return;
	}
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	console.log(
		`Buurtkracht bench: E2SFCA accessibility (Node ${process.version}, ${os.platform()} ${os.arch()}, ` +
			`${os.cpus().length} × ${cpu})\n` +
			'Times are measured in this run and only meaningful as ratios between the two implementations.'
	);
	report('(a) Utrecht-sized municipality', 'demo');
	report('(b) National', 'national');
}

await main();
