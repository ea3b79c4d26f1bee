/**
 * A small seeded pseudo-random number generator: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic
 * generator, PractRand-clean) seeded through splitmix32. Math.random cannot be seeded, and the demo
 * city, simulations and property tests must come out the same for the same seed on every machine.
 * Not for anything secret: use node:crypto for that.
 */

function splitmix32(state: number): () => number {
	let s = state >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** FNV-1a of a label, so `fork('needs')` and `fork('offer')` give unrelated streams. */
function hashLabel(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	private spareNormal: number | null = null;

	constructor(seed: number) {
		const mix = splitmix32(Math.trunc(seed));
		this.a = mix();
		this.b = mix();
		this.c = mix();
		this.d = mix();
		// sfc32 needs a few rounds before its output looks random for nearby seeds.
		for (let i = 0; i < 12; i++) this.uint32();
	}

	/** The next 32-bit unsigned integer. */
	uint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		return this.uint32() / 4294967296;
	}

	/** A float in [min, max). */
	float(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
			throw new RangeError(`int(${min}, ${max}): expected integers with min <= max`);
		}
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('pick() from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** The index of an item drawn with probability proportional to its (non-negative) weight. */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) {
			if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`invalid weight ${w}`);
			total += w;
		}
		if (total <= 0) throw new RangeError('weightedIndex() needs a positive total weight');
		let target = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			target -= weights[i];
			if (target < 0) return i;
		}
		// Rounding can leave target at ~0 after the loop: fall back to the last positive weight.
		for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
		return weights.length - 1;
	}

	weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
		if (items.length !== weights.length) throw new RangeError('items and weights differ in length');
		return items[this.weightedIndex(weights)];
	}

	/** A normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
	normal(mean = 0, sd = 1): number {
		if (this.spareNormal !== null) {
			const z = this.spareNormal;
			this.spareNormal = null;
			return mean + sd * z;
		}
		let u = 0;
		while (u === 0) u = this.next(); // log(0) is -Infinity
		const v = this.next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.spareNormal = r * Math.sin(2 * Math.PI * v);
		return mean + sd * r * Math.cos(2 * Math.PI * v);
	}

	/**
	 * A Poisson deviate. Knuth's product method is exact but underflows for large means, so the
	 * mean is split into chunks of at most 30: a sum of independent Poisson variables is Poisson.
	 */
	poisson(mean: number): number {
		if (!(mean >= 0) || !Number.isFinite(mean))
			throw new RangeError(`invalid Poisson mean ${mean}`);
		let count = 0;
		let rest = mean;
		while (rest > 0) {
			const chunk = Math.min(rest, 30);
			rest -= chunk;
			const limit = Math.exp(-chunk);
			let product = this.next();
			while (product > limit) {
				count++;
				product *= this.next();
			}
		}
		return count;
	}

	/** A new array with the items in random order (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	/** `count` distinct items, in random order. */
	sample<T>(items: readonly T[], count: number): T[] {
		return this.shuffle(items).slice(0, Math.max(0, Math.min(count, items.length)));
	}

	/**
	 * An independent generator for one part of a computation, so adding draws to one part does
	 * not shift the numbers another part gets. Take forks up front in a fixed order: each fork
	 * uses one draw of this generator.
	 */
	fork(label: string): Rng {
		return new Rng((this.uint32() ^ hashLabel(label)) >>> 0);
	}

	/** A random RFC 4122 version-4 UUID built from this stream (deterministic ids for seeds). */
	uuid(): string {
		const hex = (n: number) => n.toString(16).padStart(8, '0');
		const raw = hex(this.uint32()) + hex(this.uint32()) + hex(this.uint32()) + hex(this.uint32());
		const variant = ((parseInt(raw[16], 16) & 0x3) | 0x8).toString(16);
		return (
			`${raw.slice(0, 8)}-${raw.slice(8, 12)}-4${raw.slice(13, 16)}-` +
			`${variant}${raw.slice(17, 20)}-${raw.slice(20, 32)}`
		);
	}
}

export function createRng(seed: number): Rng {
	return new Rng(seed);
}
