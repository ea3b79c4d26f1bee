import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { needFiguresQuerySchema } from '$lib/schemas/need';
import { needFiguresPage } from '$lib/server/needs/figures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	const parsed = needFiguresQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, { message: parsed.error.issues[0].message });
	const result = await locals.db.run((tx) =>
		needFiguresPage(tx, parsed.data, getLocale() === 'en' ? 'en' : 'nl')
	);
	if (!result.ok) {
		if (result.problem === 'no_gemeente')
			return { page: null, query: parsed.data, meta: { title: m.aggregate_title() } };
		error(404, {
			message:
				result.problem === 'unknown_theme'
					? m.aggregate_error_theme()
					: m.aggregate_error_gemeente()
		});
	}
	// Published figures only, the same for everyone; they change once a day.
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return { page: result.page, query: parsed.data, meta: { title: m.aggregate_title() } };
};
