import { cleanup, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import LocalizedLink from './LocalizedLink.svelte';

const text = (words: string) => createRawSnippet(() => ({ render: () => `<span>${words}</span>` }));
const original = getLocale;

afterEach(() => {
	cleanup();
	overwriteGetLocale(original);
});

describe('LocalizedLink', () => {
	it('keeps a Dutch path in Dutch', () => {
		expect(baseLocale).toBe('nl');
		overwriteGetLocale(() => 'nl');
		render(LocalizedLink, { href: '/inloggen', children: text('Inloggen') });
		const link = screen.getByRole('link', { name: 'Inloggen' });
		expect(link.getAttribute('href')).toBe('/inloggen');
		expect(link.className).toContain('utrecht-link utrecht-link--html-a');
	});

	it('prefixes /en when the reader reads English', () => {
		overwriteGetLocale(() => 'en');
		render(LocalizedLink, { href: '/registreren', children: text('Sign up') });
		expect(screen.getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe(
			'/en/registreren'
		);
	});

	it('links to another language when asked', () => {
		overwriteGetLocale(() => 'nl');
		render(LocalizedLink, { href: '/aanbod', locale: 'en', children: text('English') });
		expect(screen.getByRole('link', { name: 'English' }).getAttribute('href')).toBe('/en/aanbod');
	});
});
