import { describe, expect, it } from 'vitest';
import { formatProbability } from './labels';

describe('formatProbability', () => {
	it('shows two significant digits, and a floor for tiny values (nl)', () => {
		expect(formatProbability(0.0123)).toBe('0,012');
		expect(formatProbability(6.61e-14)).toBe('< 0,0001');
		expect(formatProbability(null)).toBe('–');
	});
});
