import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CheckboxGroup from './CheckboxGroup.svelte';

afterEach(cleanup);

describe('CheckboxGroup', () => {
	it('checks the given values under one name inside a labelled fieldset', () => {
		render(CheckboxGroup, {
			name: 'toegankelijk',
			legend: 'Toegankelijkheid',
			hint: 'Kies wat u nodig heeft.',
			values: ['rolstoel', 'lift'],
			options: [
				{ value: 'rolstoel', label: 'Rolstoeltoegankelijk' },
				{ value: 'ringleiding', label: 'Ringleiding', hint: 'Voor hoortoestellen.' },
				{ value: 'lift', label: 'Lift' }
			]
		});
		const group = screen.getByRole('group', { name: 'Toegankelijkheid' });
		expect(group.getAttribute('aria-describedby')).toBe('toegankelijk-hint');
		const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
		expect(boxes.map((b) => [b.value, b.checked])).toEqual([
			['rolstoel', true],
			['ringleiding', false],
			['lift', true]
		]);
		expect(new Set(boxes.map((b) => b.name))).toEqual(new Set(['toegankelijk']));
		const ring = screen.getByRole('checkbox', { name: 'Ringleiding' });
		expect(ring.getAttribute('aria-describedby')).toBe('toegankelijk-ringleiding-hint');
		expect(ring.hasAttribute('aria-invalid')).toBe(false);
	});

	it('marks every box invalid and the group described by the error', () => {
		render(CheckboxGroup, {
			name: 'leefgebied',
			legend: 'Leefgebieden',
			error: 'Kies minstens één leefgebied.',
			options: [{ value: 'zorg', label: 'Zorg' }]
		});
		expect(screen.getByRole('group').getAttribute('aria-describedby')).toBe('leefgebied-error');
		expect(screen.getByRole('checkbox', { name: 'Zorg' }).getAttribute('aria-invalid')).toBe(
			'true'
		);
	});
});
