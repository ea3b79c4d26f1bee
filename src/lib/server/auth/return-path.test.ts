import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
	it('keeps a path on this site, with its query', () => {
		expect(safeReturnPath('/beheer', '/')).toBe('/beheer');
		expect(safeReturnPath('/en/beheer/teams?x=1', '/')).toBe('/en/beheer/teams?x=1');
	});

	it('falls back for anything that could leave the site', () => {
		for (const bad of [
			'https://evil.example/',
			'//evil.example/x',
			'/\\evil.example',
			'\\\\evil.example',
			'javascript:alert(1)',
			'/\tevil',
			'beheer',
			'',
			null,
			undefined,
			'/' + 'a'.repeat(600)
		]) {
			expect(safeReturnPath(bad, '/'), String(bad)).toBe('/');
		}
	});
});
