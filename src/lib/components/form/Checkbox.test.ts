import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Checkbox from './Checkbox.svelte';

afterEach(cleanup);

describe('Checkbox', () => {
	it('labels one checkbox, posts "ja" and ties hint and error', () => {
		render(Checkbox, {
			id: 'toestemming',
			name: 'toestemming',
			label: 'Ik geef toestemming',
			hint: 'U kunt dit intrekken.',
			error: 'Geef toestemming.',
			checked: true,
			required: true
		});
		const box = screen.getByRole('checkbox', { name: 'Ik geef toestemming' }) as HTMLInputElement;
		expect(box.checked).toBe(true);
		expect(box.value).toBe('ja');
		expect(box.required).toBe(true);
		expect(box.getAttribute('aria-invalid')).toBe('true');
		expect(box.getAttribute('aria-describedby')).toBe('toestemming-hint toestemming-error');
	});

	it('is unchecked by default', () => {
		render(Checkbox, { id: 'nu', name: 'nu', label: 'Nu open' });
		const box = screen.getByLabelText('Nu open') as HTMLInputElement;
		expect(box.checked).toBe(false);
		expect(box.hasAttribute('aria-describedby')).toBe(false);
	});
});
