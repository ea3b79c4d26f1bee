// The smaller forms on a signal's page: back to an earlier step, assign, add a note.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { SIGNAL_STATES, type SignalStatus } from '$lib/signals/workflow';
import { fieldErrors, formFields as firstValues, type Parsed } from './form';
import {
	optional,
	requiredText,
	SIGNAL_NOTE_MAX,
	status,
	tampered,
	uuid,
	version
} from './signal-fields';
import { stepHeader } from './signal-step';

export interface BackForm {
	version: number;
	seenStatus: SignalStatus;
	to: SignalStatus;
	reason: string;
}

const backSchema = z.object({
	versie: version,
	status,
	naar: z.enum(SIGNAL_STATES, { error: () => m.signal_error_back_to() }),
	reden: requiredText(
		SIGNAL_NOTE_MAX,
		() => m.signal_error_reason_required(),
		() => m.signal_error_too_long({ max: SIGNAL_NOTE_MAX })
	)
});

export function parseBackForm(form: FormData): Parsed<BackForm> {
	const values = firstValues(form);
	const header = stepHeader.pick({ versie: true, status: true }).safeParse(values);
	if (!header.success) return { ok: false, error: { form: tampered() } };
	const parsed = backSchema.safeParse(values);
	if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
	return {
		ok: true,
		value: {
			version: parsed.data.versie,
			seenStatus: parsed.data.status,
			to: parsed.data.naar,
			reason: parsed.data.reden
		}
	};
}

export interface AssignForm {
	version: number;
	/** null: nobody. */
	assignee: string | null;
}

const assignSchema = z.object({ versie: version, aan: optional(uuid) });

export function parseAssignForm(form: FormData): Parsed<AssignForm> {
	const parsed = assignSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: { version: parsed.data.versie, assignee: parsed.data.aan ?? null } }
		: { ok: false, error: { form: tampered() } };
}

const noteSchema = z.object({
	notitie: requiredText(
		SIGNAL_NOTE_MAX,
		() => m.signal_error_note_required(),
		() => m.signal_error_too_long({ max: SIGNAL_NOTE_MAX })
	)
});

export function parseNoteForm(form: FormData): Parsed<{ note: string }> {
	const parsed = noteSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: { note: parsed.data.notitie } }
		: { ok: false, error: fieldErrors(parsed.error) };
}
