import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Select from './Select.svelte';

afterEach(cleanup);

const wijken = [
	{
		group: 'Centrum',
		options: [
			{ value: 'BU01', label: 'Binnenstad' },
			{ value: 'BU02', label: 'Havenkwartier' }
		]
	},
	{ group: 'Noord', options: [{ value: 'BU03', label: 'Bloemenbuurt' }] }
];

describe('Select', () => {
	it('groups buurten by wijk and selects the given value', () => {
		render(Select, {
			id: 'buurt',
			name: 'buurt',
			label: 'Buurt',
			empty: 'Kies een buurt',
			options: wijken,
			value: 'BU02',
			hint: 'Waar woont u?',
			required: true
		});
		const select = screen.getByRole('combobox', { name: 'Buurt' }) as HTMLSelectElement;
		expect(select.value).toBe('BU02');
		expect(select.getAttribute('aria-describedby')).toBe('buurt-hint');
		expect(select.required).toBe(true);
		const noord = screen.getByRole('group', { name: 'Noord' });
		expect(within(noord).getByRole('option', { name: 'Bloemenbuurt' })).toBeTruthy();
		expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
			'Kies een buurt',
			'Binnenstad',
			'Havenkwartier',
			'Bloemenbuurt'
		]);
	});

	it('matches numbers to posted strings and shows an error', () => {
		render(Select, {
			id: 'minuten',
			name: 'minuten',
			label: 'Loopafstand',
			empty: 'Elke afstand',
			options: [5, 10, 15].map((n) => ({ value: n, label: `${n} minuten` })),
			value: '10',
			error: 'Kies een afstand.'
		});
		const select = screen.getByLabelText('Loopafstand') as HTMLSelectElement;
		expect(select.value).toBe('10');
		expect(select.getAttribute('aria-invalid')).toBe('true');
		expect(select.getAttribute('aria-describedby')).toBe('minuten-error');
		expect(screen.getByText('Kies een afstand.').id).toBe('minuten-error');
	});

	it('selects the empty option when there is no value', () => {
		render(Select, {
			id: 'thema',
			name: 'thema',
			label: 'Thema',
			empty: 'Alle thema’s',
			options: [{ value: 'zorg', label: 'Zorg' }]
		});
		expect((screen.getByLabelText('Thema') as HTMLSelectElement).value).toBe('');
	});
});
