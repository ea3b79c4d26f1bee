import { describe, expect, it } from 'vitest';
import { match } from './uuid';

describe('the uuid param matcher', () => {
	it('accepts a uuid in either case and nothing else', () => {
		expect(match('0b7e1c52-8f0c-4d7e-9a51-2f7f3c9e1a20')).toBe(true);
		expect(match('0B7E1C52-8F0C-4D7E-9A51-2F7F3C9E1A20')).toBe(true);
		expect(match('0b7e1c52-8f0c-4d7e-9a51-2f7f3c9e1a2')).toBe(false);
		expect(match('../beheer')).toBe(false);
		expect(match('')).toBe(false);
	});
});
