import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TextField from './TextField.svelte';

afterEach(cleanup);

describe('TextField', () => {
	it('ties the label, hint and error to the input', () => {
		render(TextField, {
			id: 'email',
			name: 'email',
			type: 'email',
			label: 'E-mailadres',
			hint: 'Wij sturen u een link.',
			error: 'Vul een e-mailadres in.',
			value: 'a@b.nl',
			autocomplete: 'email',
			required: true
		});
		const input = screen.getByRole('textbox', { name: 'E-mailadres' });
		expect(input).toBe(document.getElementById('email'));
		expect(input.getAttribute('aria-describedby')).toBe('email-hint email-error');
		expect(screen.getByText('Wij sturen u een link.').id).toBe('email-hint');
		expect(screen.getByText('Vul een e-mailadres in.').id).toBe('email-error');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect((input as HTMLInputElement).value).toBe('a@b.nl');
		expect(input.getAttribute('autocomplete')).toBe('email');
		expect(input.hasAttribute('required')).toBe(true);
		expect(input.getAttribute('type')).toBe('email');
	});

	it('keeps the old `description` prop as the hint and says nothing when valid', () => {
		render(TextField, {
			id: 'password',
			name: 'password',
			type: 'password',
			label: 'Wachtwoord',
			description: 'Minstens 12 tekens.'
		});
		const input = screen.getByLabelText('Wachtwoord');
		expect(input.getAttribute('aria-describedby')).toBe('password-hint');
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		expect(input.classList.contains('utrecht-textbox--password')).toBe(true);
	});

	it('passes number attributes through and adds extra described-by ids', () => {
		render(TextField, {
			id: 'k',
			name: 'k',
			type: 'number',
			label: 'Minimale groep',
			value: 5,
			min: 5,
			max: 50,
			step: 1,
			inputmode: 'numeric',
			describedBy: 'k-note'
		});
		const input = screen.getByRole('spinbutton', { name: 'Minimale groep' }) as HTMLInputElement;
		expect(input.value).toBe('5');
		expect([input.min, input.max, input.step, input.inputMode]).toEqual([
			'5',
			'50',
			'1',
			'numeric'
		]);
		expect(input.getAttribute('aria-describedby')).toBe('k-note');
	});
});
