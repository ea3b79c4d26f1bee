import { cleanup, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Field, { type FieldControl } from './Field.svelte';

afterEach(cleanup);

// The control a caller would render, wired with what Field hands it.
const control = createRawSnippet((get: () => FieldControl) => ({
	render: () => '<input id="naam" name="naam" />',
	setup: (input) => {
		const { describedBy, invalid } = get();
		if (describedBy) input.setAttribute('aria-describedby', describedBy);
		if (invalid) input.setAttribute('aria-invalid', invalid);
	}
}));

describe('Field', () => {
	it('renders NL DS label, hint and error and hands their ids to the control', () => {
		const { container } = render(Field, {
			id: 'naam',
			label: 'Naam',
			hint: 'Zoals op uw post.',
			error: 'Vul uw naam in.',
			describedBy: 'naam-extra',
			children: control
		});
		const input = screen.getByRole('textbox', { name: 'Naam' });
		expect(input.getAttribute('aria-describedby')).toBe('naam-hint naam-error naam-extra');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		const field = container.querySelector('.utrecht-form-field')!;
		expect(field.classList.contains('utrecht-form-field--invalid')).toBe(true);
		expect(field.querySelector('label.utrecht-form-label')?.textContent).toBe('Naam');
		expect(field.querySelector('.utrecht-form-field-description')?.id).toBe('naam-hint');
		expect(field.querySelector('.utrecht-form-field-error-message')?.id).toBe('naam-error');
	});

	it('gives no aria-describedby or aria-invalid without hint or error', () => {
		const { container } = render(Field, { id: 'naam', label: 'Naam', children: control });
		const input = screen.getByLabelText('Naam');
		expect(input.hasAttribute('aria-describedby')).toBe(false);
		expect(input.hasAttribute('aria-invalid')).toBe(false);
		expect(container.querySelector('.utrecht-form-field--invalid')).toBeNull();
	});
});
