import { m } from '$lib/paraglide/messages';
import type { FindProblem } from './find';

/** A filter value the data does not know, as a sentence for the 400 page (in the request's language). */
export function problemMessage(problem: FindProblem): string {
	if (problem === 'unknown_theme') return m.filter_error_theme();
	if (problem === 'unknown_area') return m.filter_error_area();
	return m.filter_error_near();
}
