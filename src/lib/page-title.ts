// The document title, rendered once by the root layout: the page's own title (from its load's
// `meta`, or from a form action whose result replaces the page, such as a receipt) and the site
// name. An error page's title is its heading.
import { m } from '$lib/paraglide/messages';

/** What a load (or a form action) returns for the page's head. */
export interface PageMeta {
	title: string;
}

/** The heading of the error page for this status on this route (see the +error.svelte files). */
export function errorHeading(status: number, routeId: string | null): string {
	const path = routeId ?? '';
	const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
	if (under('/aanbod')) {
		if (status === 400) return m.find_error_title_400();
		if (status === 404) return m.find_error_title_404();
	}
	if (under('/gemeente/planning') && status === 400) return m.plan_error_title();
	return m.error_title();
}

interface TitledPage {
	status: number;
	error: unknown;
	route: { id: string | null };
	data: { meta?: PageMeta };
	form: unknown;
}

function metaOf(value: unknown): PageMeta | undefined {
	if (!value || typeof value !== 'object' || !('meta' in value)) return undefined;
	const meta = (value as { meta: unknown }).meta;
	return meta && typeof meta === 'object' && typeof (meta as PageMeta).title === 'string'
		? (meta as PageMeta)
		: undefined;
}

export function documentTitle(page: TitledPage): string {
	const own = page.error
		? errorHeading(page.status, page.route.id)
		: (metaOf(page.form) ?? page.data.meta)?.title;
	return own ? `${own} · ${m.app_name()}` : m.app_name();
}
