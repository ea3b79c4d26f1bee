// Reading a team's signals: the list, the one that already covers a cluster, and one signal
// with its trail and the offer an intervention can link. RLS shows a member only their own
// teams' signals (another team's id is "not found").
import type { SharedNeedCluster } from '$lib/analysis/shared-needs';
import type { InterventionKind, SignalStatus } from '$lib/signals/workflow';
import type { OfferOption, SignalEventView, SignalListItem, SignalView } from '$lib/signals/types';
import type { Tx } from '$lib/server/db/types';
import { fieldsOf, signalRow, themeName, type Locale, type SignalRow } from './signal-row';

/** The team's signals, open ones first, newest change first. */
export async function teamSignals(
	tx: Tx,
	teamId: string,
	locale: Locale
): Promise<SignalListItem[]> {
	const rows = await tx.query<{
		id: string;
		title: string;
		theme_code: string;
		theme_name: string;
		buurt_codes: string[];
		status: SignalStatus;
		household_count: number;
		intervention_kind: InterventionKind | null;
		assigned_to: string | null;
		updated_at: Date | string;
	}>(
		`select s.id, s.title, s.theme_code, ${themeName(locale)} as theme_name, s.buurt_codes,
		        s.status::text as status, s.household_count, s.intervention_kind,
		        d.display_name as assigned_to, s.updated_at
		   from public.signals s
		   join public.themes t on t.code = s.theme_code
		   left join private.team_directory($1) d on d.user_id = s.assigned_to
		  where s.team_id = $1
		  order by s.status = 'afgesloten', s.updated_at desc, s.id
		  limit 500`,
		[teamId]
	);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		themeCode: r.theme_code,
		themeName: r.theme_name,
		buurtCodes: r.buurt_codes,
		status: r.status,
		householdCount: Number(r.household_count),
		interventionKind: r.intervention_kind,
		assignedTo: r.assigned_to,
		updatedAt: new Date(r.updated_at).toISOString()
	}));
}

/** An open signal of the team that already covers a cluster (same theme, a buurt in common). */
export function signalCovering(
	signals: readonly SignalListItem[],
	cluster: Pick<SharedNeedCluster, 'themeCode' | 'buurtCodes'>
): SignalListItem | null {
	return (
		signals.find(
			(s) =>
				s.status !== 'afgesloten' &&
				s.themeCode === cluster.themeCode &&
				s.buurtCodes.some((code) => cluster.buurtCodes.includes(code))
		) ?? null
	);
}

/**
 * One signal with its trail, for its page; null when the caller may not see it (another team's
 * signal, or no such signal: the route answers 404 for both). Council members read signals that
 * ask for a provision through RLS, but not through this page: it is for the team's members.
 */
export async function loadSignal(tx: Tx, id: string, locale: Locale): Promise<SignalView | null> {
	const row = await signalRow(tx, id, locale);
	if (!row) return null;
	const members = await tx.query<{ user_id: string; display_name: string }>(
		'select user_id, display_name from private.team_directory($1)',
		[row.team_id]
	);
	const names = new Map(members.map((m) => [m.user_id, m.display_name]));
	const buurten = await tx.query<{ code: string; name: string }>(
		`select b.code, b.name from unnest($1::text[]) with ordinality as c (code, n)
		   join public.buurten b on b.code = c.code order by c.n`,
		[row.buurt_codes]
	);
	const themes = await tx.query<{ code: string; name: string }>(
		`select t.code, ${themeName(locale)} as name from public.themes t order by t.sort_order, t.code`
	);
	const events = await tx.query<{
		id: string;
		kind: SignalEventView['kind'];
		created_at: Date | string;
		actor_id: string | null;
		from_status: SignalStatus | null;
		to_status: SignalStatus | null;
		note: string | null;
		payload: { fields?: string[]; assigned_to?: string | null };
	}>(
		`select e.id::text as id, e.kind, e.created_at, e.actor_id, e.from_status::text as from_status,
		        e.to_status::text as to_status, e.note, e.payload
		   from public.signal_events e
		  where e.signal_id = $1
		  order by e.created_at, e.id`,
		[row.id]
	);
	const offers = await offerOptions(tx, row);
	const linked = offers.find(
		(o) => o.id === (row.linked_initiative_id ?? row.linked_provision_id ?? '')
	);
	return {
		id: row.id,
		teamId: row.team_id,
		teamName: row.team_name,
		gemeenteCode: row.gemeente_code,
		theme: { code: row.theme_code, name: row.theme_name },
		buurten,
		title: row.title,
		status: row.status,
		householdCount: Number(row.household_count),
		source: row.source,
		detection: row.detection,
		fields: fieldsOf(row),
		linkedOfferName: linked?.name ?? null,
		assignedTo: row.assigned_to
			? { id: row.assigned_to, name: names.get(row.assigned_to) ?? '' }
			: null,
		createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
		createdAt: new Date(row.created_at).toISOString(),
		updatedAt: new Date(row.updated_at).toISOString(),
		version: Number(row.version),
		events: events.map((e) => ({
			id: e.id,
			kind: e.kind,
			at: new Date(e.created_at).toISOString(),
			actorId: e.actor_id,
			actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
			from: e.from_status,
			to: e.to_status,
			note: e.note,
			fields: e.payload?.fields ?? [],
			assignedToName: e.payload?.assigned_to ? (names.get(e.payload.assigned_to) ?? null) : null
		})),
		members: members.map((m) => ({ id: m.user_id, name: m.display_name })),
		themes,
		offers
	};
}

/**
 * What an intervention can link: published initiatives (of the theme) and provisions (of the
 * theme) in the signal's gemeente, and whatever the signal links now.
 */
async function offerOptions(tx: Tx, row: SignalRow): Promise<OfferOption[]> {
	const rows = await tx.query<{
		kind: 'initiative' | 'provision';
		id: string;
		name: string;
		buurt_name: string;
	}>(
		`select 'initiative' as kind, i.id, i.name, b.name as buurt_name
		   from public.initiatives i
		   join public.buurten b on b.code = i.buurt_code
		  where (i.status = 'published' and b.gemeente_code = $1
		         and exists (select 1 from public.initiative_themes it
		                      where it.initiative_id = i.id and it.theme_code = $2))
		     or i.id = $3
		 union all
		 select 'provision' as kind, p.id, p.name, b.name as buurt_name
		   from public.provisions p
		   join public.buurten b on b.code = p.buurt_code
		  where (p.status = 'published' and b.gemeente_code = $1 and p.theme_code = $2)
		     or p.id = $4
		  order by 1, 3, 2`,
		[row.gemeente_code, row.theme_code, row.linked_initiative_id, row.linked_provision_id]
	);
	return rows.map((r) => ({ kind: r.kind, id: r.id, name: r.name, buurtName: r.buurt_name }));
}
