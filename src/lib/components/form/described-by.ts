/**
 * The ids a control's `aria-describedby` lists: its hint, its error, then any extra ids (a live
 * character count, a "place chosen" note). Undefined when there are none, so no empty attribute.
 */
export function describedBy(
	id: string,
	hint: unknown,
	error: unknown,
	extra?: string | false | null
): string | undefined {
	const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra || ''];
	return ids.filter(Boolean).join(' ') || undefined;
}
