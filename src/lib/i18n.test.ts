import { describe, expect, it } from 'vitest';
import { textDirection } from './i18n';

describe('textDirection', () => {
	it('is left-to-right for Dutch and English and right-to-left for Arabic', () => {
		expect(textDirection('nl')).toBe('ltr');
		expect(textDirection('en')).toBe('ltr');
		expect(textDirection('ar')).toBe('rtl');
	});

	it('falls back to left-to-right for a malformed tag', () => {
		expect(textDirection('not a locale!')).toBe('ltr');
	});
});
