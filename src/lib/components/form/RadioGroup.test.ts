import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import RadioGroup from './RadioGroup.svelte';

afterEach(cleanup);

describe('RadioGroup', () => {
	it('is a fieldset named by its legend with the checked value, hints and error', () => {
		render(RadioGroup, {
			name: 'urgentie',
			legend: 'Hoe dringend?',
			hint: 'Kies er één.',
			error: 'Kies hoe dringend het is.',
			value: 'hoog',
			required: true,
			options: [
				{ value: 'laag', label: 'Laag' },
				{ value: 'hoog', label: 'Hoog', hint: 'Binnen een week.' }
			]
		});
		const group = screen.getByRole('group', { name: 'Hoe dringend?' });
		expect(group.tagName).toBe('FIELDSET');
		expect(group.getAttribute('aria-describedby')).toBe('urgentie-hint urgentie-error');
		const hoog = screen.getByRole('radio', { name: 'Hoog' }) as HTMLInputElement;
		const laag = screen.getByRole('radio', { name: 'Laag' }) as HTMLInputElement;
		expect([hoog.checked, laag.checked]).toEqual([true, false]);
		expect(hoog.id).toBe('urgentie-hoog');
		expect(hoog.name).toBe('urgentie');
		expect(hoog.getAttribute('aria-describedby')).toBe('urgentie-hoog-hint');
		expect(screen.getByText('Binnen een week.').id).toBe('urgentie-hoog-hint');
		expect(hoog.getAttribute('aria-invalid')).toBe('true');
		expect(hoog.required).toBe(true);
	});

	it('checks nothing without a value and gives an empty value its own id', () => {
		render(RadioGroup, {
			name: 'soort',
			legend: 'Soort',
			options: [
				{ value: '', label: 'Alles' },
				{ value: 'initiatief', label: 'Initiatieven' }
			]
		});
		const alles = screen.getByRole('radio', { name: 'Alles' }) as HTMLInputElement;
		expect(alles.id).toBe('soort-geen');
		expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
		expect(screen.getByRole('group').hasAttribute('aria-describedby')).toBe(false);
	});
});
