import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { parseFindQuery } from '$lib/schemas/find';
import { findPage } from '$lib/server/offer/find';
import { problemMessage } from '$lib/server/offer/problems';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseFindQuery(url.searchParams);
	if (!parsed.success) error(400, { message: parsed.messages.join(' ') });
	const result = await locals.db.run((tx) => findPage(tx, parsed.filters, new Date()));
	if (!result.ok) {
		if (result.problem === 'no_such_page') {
			error(404, { message: m.find_error_no_such_page({ page: parsed.filters.page }) });
		}
		error(400, { message: problemMessage(result.problem) });
	}
	return { filters: parsed.filters, ...result, meta: { title: m.find_title() } };
};
