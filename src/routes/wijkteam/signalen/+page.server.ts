import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { parseWorkspaceQuery, workspaceQueryString } from '$lib/schemas/signal-filters';
import { parseClusterSignal } from '$lib/schemas/signal-new';
import { signalFromCluster, workspacePage } from '$lib/server/workspace/workspace';
import type { Actions, PageServerLoad } from './$types';

const locale = () => (getLocale() === 'en' ? 'en' : 'nl');

/** "Geldzaken in Oude Haven" or "Geldzaken in Oude Haven and 2 other buurten". */
const clusterTitle = (theme: string, buurten: string[]) =>
	buurten.length > 1
		? m.signal_cluster_title_many({ theme, buurt: buurten[0], others: buurten.length - 1 })
		: m.signal_cluster_title_one({ theme, buurt: buurten[0] ?? '' });

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = parseWorkspaceQuery(url.searchParams);
	if (!parsed.ok) error(400, { message: Object.values(parsed.error).join(' ') });
	const result = await locals.db.run((tx) => workspacePage(tx, parsed.value, locale()));
	if (!result.ok) error(404, 'Not found');
	return {
		...result.value,
		query: workspaceQueryString(parsed.value),
		meta: { title: m.workspace_title() }
	};
};

export const actions: Actions = {
	signaal: async (event) => {
		const parsed = parseClusterSignal(await event.request.formData());
		if (!parsed.ok) return fail(400, { clusterError: parsed.error.form, existing: null });
		const outcome = await event.locals.db.run((tx) =>
			signalFromCluster(tx, parsed.value, locale(), clusterTitle)
		);
		if (outcome.kind === 'created') {
			redirect(303, localizeHref(`/wijkteam/signalen/${outcome.id}?gemaakt=1`));
		}
		if (outcome.kind === 'unknown_team') error(404, 'Not found');
		if (outcome.kind === 'exists') {
			return fail(409, {
				clusterError: m.signal_error_exists({ title: outcome.title }),
				existing: { id: outcome.id, title: outcome.title }
			});
		}
		return fail(409, {
			clusterError:
				outcome.kind === 'gone' ? m.signal_error_cluster_gone() : m.signal_error_tampered(),
			existing: null
		});
	}
};
