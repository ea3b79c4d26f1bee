import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Textarea from './Textarea.svelte';

afterEach(cleanup);

describe('Textarea', () => {
	it('ties hint and error, keeps the value, maxlength and rows', () => {
		render(Textarea, {
			id: 'beschrijving',
			name: 'beschrijving',
			label: 'Wat heeft u nodig?',
			hint: 'Hooguit 500 tekens.',
			error: 'Vul in wat u nodig heeft.',
			value: 'Hulp bij boodschappen',
			maxlength: 500,
			rows: 7
		});
		const box = screen.getByRole('textbox', { name: 'Wat heeft u nodig?' }) as HTMLTextAreaElement;
		expect(box.value).toBe('Hulp bij boodschappen');
		expect(box.maxLength).toBe(500);
		expect(box.rows).toBe(7);
		expect(box.getAttribute('aria-invalid')).toBe('true');
		expect(box.getAttribute('aria-describedby')).toBe('beschrijving-hint beschrijving-error');
	});

	it('shows a live count of characters once mounted and updates it on input', async () => {
		render(Textarea, {
			id: 'beschrijving',
			name: 'beschrijving',
			label: 'Wat heeft u nodig?',
			value: 'ab',
			count: (n: number) => `${n} van 500 tekens`
		});
		const box = screen.getByLabelText('Wat heeft u nodig?');
		const count = await screen.findByText('2 van 500 tekens');
		expect(count.id).toBe('beschrijving-count');
		expect(count.getAttribute('aria-live')).toBe('polite');
		expect(box.getAttribute('aria-describedby')).toBe('beschrijving-count');
		await fireEvent.input(box, { target: { value: 'één' } });
		expect(count.textContent?.trim()).toBe('3 van 500 tekens');
	});
});
