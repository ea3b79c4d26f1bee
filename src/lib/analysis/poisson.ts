/**
 * Poisson tail probabilities and the Benjamini–Hochberg false-discovery-rate adjustment, for the
 * shared-needs detection (is a buurt's count of households significantly above what the
 * municipality's rate predicts?).
 *
 * The tail is summed term by term from the probability mass function, which is computed in log
 * space with Loader's saddle-point form (Catherine Loader, "Fast and accurate computation of
 * binomial probabilities", 2000; the method behind R's dpois). That keeps about 13 significant
 * digits for counts and means up to 1e6, where the naive k·ln λ − λ − ln k! loses most of them
 * to cancellation. Each branch sums a series whose terms shrink geometrically, and the branch is
 * chosen so the result never comes from subtracting two nearly equal numbers.
 */

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** n! for n ≤ 15: exact in a double (15! < 2^53). */
const SMALL_FACTORIALS: number[] = [1];
for (let n = 1; n <= 15; n++) SMALL_FACTORIALS.push(SMALL_FACTORIALS[n - 1] * n);

/**
 * The error of Stirling's approximation, ln n! − [(n + ½)·ln n − n + ln √(2π)], for integers
 * n > 15 (Loader 2000, with the coefficients of the asymptotic series 1/12n − 1/360n³ + …).
 */
function stirlingError(n: number): number {
	const s0 = 1 / 12;
	const s1 = 1 / 360;
	const s2 = 1 / 1260;
	const s3 = 1 / 1680;
	const s4 = 1 / 1188;
	const nn = n * n;
	if (n > 500) return (s0 - s1 / nn) / n;
	if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
	if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
	return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/**
 * The deviance term x·ln(x/μ) + μ − x, without cancellation when x is close to μ (Loader 2000):
 * there it is summed as a series in v = (x − μ)/(x + μ).
 */
function deviance(x: number, mu: number): number {
	if (Math.abs(x - mu) < 0.1 * (x + mu)) {
		let v = (x - mu) / (x + mu);
		let sum = (x - mu) * v;
		let term = 2 * x * v;
		v = v * v;
		for (let j = 1; j < 1000; j++) {
			term *= v;
			const next = sum + term / (2 * j + 1);
			if (next === sum) return next;
			sum = next;
		}
		return sum;
	}
	return x * Math.log(x / mu) + mu - x;
}

function checkArguments(k: number, lambda: number): void {
	if (!Number.isInteger(k) || k < 0) {
		throw new RangeError(`Poisson count must be an integer ≥ 0 (got ${k})`);
	}
	if (!(lambda >= 0) || !Number.isFinite(lambda)) {
		throw new RangeError(`Poisson mean must be a finite number ≥ 0 (got ${lambda})`);
	}
}

/** ln P(X = k) for X ~ Poisson(λ); −Infinity where the probability is 0. */
export function poissonLogPmf(k: number, lambda: number): number {
	checkArguments(k, lambda);
	if (lambda === 0) return k === 0 ? 0 : -Infinity;
	if (k === 0) return -lambda;
	if (k <= 15) return k * Math.log(lambda) - lambda - Math.log(SMALL_FACTORIALS[k]);
	// P(X = k) = exp(−stirlingError(k) − deviance(k, λ)) / √(2πk)
	return -stirlingError(k) - deviance(k, lambda) - LN_SQRT_2PI - 0.5 * Math.log(k);
}

/** Stop a series once a term no longer changes the sum in double precision. */
const NEGLIGIBLE = 2 ** -56;

/**
 * ln P(X ≥ k) for X ~ Poisson(λ), one-sided upper tail. Equals ln of the regularized lower
 * incomplete gamma function P(k, λ) for k ≥ 1, and 0 for k = 0. Stays finite far below the
 * smallest double (P(X ≥ 1000 | λ = 1) ≈ 10^−2569).
 */
export function poissonLogUpperTail(k: number, lambda: number): number {
	checkArguments(k, lambda);
	if (k === 0) return 0;
	if (lambda === 0) return -Infinity;
	// P(X ≥ 1) = 1 − e^−λ: expm1 keeps the digits when λ is tiny.
	if (k === 1) return Math.log(-Math.expm1(-lambda));
	if (k > lambda) {
		// Upper tail directly: P(X = k)·Σ_{j≥0} λ^j·k!/(k+j)!; the ratio λ/(k+j) is below 1
		// and falling, so the terms shrink at least geometrically.
		let term = 1;
		let sum = 1;
		for (let i = k + 1; term > sum * NEGLIGIBLE; i++) {
			term *= lambda / i;
			sum += term;
		}
		return poissonLogPmf(k, lambda) + Math.log(sum);
	}
	// k ≤ λ: the lower tail P(X ≤ k − 1) is at most about 0.74 here (k ≥ 2, so λ ≥ 2), so
	// 1 − lower loses no digits. Summed downwards from k − 1 with ratios j/λ < 1.
	let term = 1;
	let sum = 1;
	for (let j = k - 1; j > 0 && term > sum * NEGLIGIBLE; j--) {
		term *= j / lambda;
		sum += term;
	}
	const lower = Math.exp(poissonLogPmf(k - 1, lambda) + Math.log(sum));
	return Math.log1p(-lower);
}

/**
 * P(X ≥ k) for X ~ Poisson(λ): the one-sided p-value of observing k or more events when λ are
 * expected. 1 for k = 0; underflows to 0 below about 1e-308 (use poissonLogUpperTail there).
 */
export function poissonUpperTail(k: number, lambda: number): number {
	return Math.exp(poissonLogUpperTail(k, lambda));
}

/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values", as R's p.adjust(p, 'BH')): for the
 * p-values sorted ascending, q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎/j). Rejecting every
 * hypothesis with q ≤ α keeps the expected share of false discoveries among the discoveries at
 * or below α for independent (and positively dependent) tests. Returned in the input order;
 * equal p-values get equal q-values, and q is monotone in p.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
	const m = pValues.length;
	pValues.forEach((p, i) => {
		if (!(p >= 0 && p <= 1)) throw new RangeError(`p-value ${i} must lie in [0, 1] (got ${p})`);
	});
	const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
	const q = new Array<number>(m);
	let running = 1;
	for (let rank = m; rank >= 1; rank--) {
		const i = order[rank - 1];
		// p·(m/rank) rather than (m·p)/rank: rounding then never pushes q below p (as R does it).
		running = Math.min(running, pValues[i] * (m / rank));
		q[i] = running;
	}
	return q;
}
