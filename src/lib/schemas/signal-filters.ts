// The detection's settings on the workspace (GET): they travel in the URL, so a setting is
// shareable and the form works without JavaScript.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { formFields as firstValues, parsedOf, type Parsed } from './form';
import { optional, uuid } from './signal-fields';

/** The detection's look-back windows, in days. */
export const WORKSPACE_WINDOWS = [30, 60, 90, 180, 365] as const;
/** False discovery rates the form offers. */
export const WORKSPACE_FDRS = [0.01, 0.05, 0.1, 0.2] as const;
export const WORKSPACE_K_MIN = 2;
export const WORKSPACE_K_MAX = 50;
export const DEFAULT_WORKSPACE = { windowDays: 90, k: 5, fdr: 0.05 } as const;

export interface WorkspaceQuery {
	/** null: the member's first team. */
	teamId: string | null;
	windowDays: number;
	k: number;
	fdr: number;
}

export const queryShape = {
	team: optional(uuid),
	venster: optional(
		z
			.string()
			.refine((value) => (WORKSPACE_WINDOWS as readonly number[]).includes(Number(value)), {
				error: () => m.signal_error_window()
			})
			.transform(Number)
	),
	k: optional(
		z
			.string()
			.regex(/^\d{1,3}$/, {
				error: () => m.signal_error_k({ min: WORKSPACE_K_MIN, max: WORKSPACE_K_MAX })
			})
			.transform(Number)
			.refine((value) => value >= WORKSPACE_K_MIN && value <= WORKSPACE_K_MAX, {
				error: () => m.signal_error_k({ min: WORKSPACE_K_MIN, max: WORKSPACE_K_MAX })
			})
	),
	fdr: optional(
		z
			.string()
			.transform((value) => value.trim().replace(',', '.'))
			.refine((value) => (WORKSPACE_FDRS as readonly number[]).includes(Number(value)), {
				error: () => m.signal_error_fdr()
			})
			.transform(Number)
	)
};

const querySchema = z.object(queryShape).transform((value): WorkspaceQuery => ({
	teamId: value.team ?? null,
	windowDays: value.venster ?? DEFAULT_WORKSPACE.windowDays,
	k: value.k ?? DEFAULT_WORKSPACE.k,
	fdr: value.fdr ?? DEFAULT_WORKSPACE.fdr
}));

export function parseWorkspaceQuery(params: URLSearchParams): Parsed<WorkspaceQuery> {
	return parsedOf(querySchema.safeParse(firstValues(params)));
}

/** The query string of a setting, defaults left out (the inverse of parseWorkspaceQuery). */
export function workspaceQueryString(query: WorkspaceQuery): string {
	const params = new URLSearchParams();
	if (query.teamId) params.set('team', query.teamId);
	if (query.windowDays !== DEFAULT_WORKSPACE.windowDays)
		params.set('venster', String(query.windowDays));
	if (query.k !== DEFAULT_WORKSPACE.k) params.set('k', String(query.k));
	if (query.fdr !== DEFAULT_WORKSPACE.fdr) params.set('fdr', String(query.fdr));
	return params.toString();
}
