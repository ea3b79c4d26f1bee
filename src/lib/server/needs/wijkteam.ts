// The wijkteam's list of needs (/wijkteam/meldingen), read through public.needs_for_wijkteam with
// the member's claims: only needs in the buurten of their teams, never who reported them, and
// contact details and the exact point only when the resident agreed to be contacted.
import type { WijkteamNeed } from '$lib/needs/types';
import type { Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';
import type { Locale } from './report';

export async function needsForWijkteam(tx: Tx, locale: Locale): Promise<WijkteamNeed[]> {
	// The view's columns are all nullable in the generated types (postgres-meta cannot see
	// through a view), so the row is typed from public.needs, which the view selects from.
	const rows = await tx.query<
		Pick<
			Row<'needs'>,
			| 'id'
			| 'description'
			| 'household_size'
			| 'status'
			| 'reported_at'
			| 'contact_value'
			| 'point_lon'
			| 'point_lat'
		> & {
			theme: Row<'themes'>['name_nl'];
			buurt: Row<'buurten'>['name'];
			/** A check constraint, plain text in the generated file. */
			contact_method: 'email' | 'phone' | null;
		}
	>(
		`select n.id, case when $1 = 'en' then t.name_en else t.name_nl end as theme, b.name as buurt,
		        n.description, n.household_size, n.status::text as status, n.reported_at,
		        n.contact_method, n.contact_value, n.point_lon, n.point_lat
		   from public.needs_for_wijkteam n
		   join public.themes t on t.code = n.theme_code
		   join public.buurten b on b.code = n.buurt_code
		  order by n.reported_at desc, n.id
		  limit 500`,
		[locale]
	);
	return rows.map((row) => ({
		id: row.id,
		theme: row.theme,
		buurt: row.buurt,
		description: row.description,
		householdSize: row.household_size,
		status: row.status,
		reportedAt: new Date(row.reported_at).toISOString(),
		contact:
			row.contact_method && row.contact_value
				? { method: row.contact_method, value: row.contact_value }
				: null,
		point:
			row.point_lon !== null && row.point_lat !== null
				? { lon: row.point_lon, lat: row.point_lat }
				: null
	}));
}
