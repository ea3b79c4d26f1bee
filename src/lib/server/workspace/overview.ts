// The wijkteam landing page: the caller's teams, the buurten each serves and how many needs the
// caller can read per buurt. Read with the caller's claims: team_members shows only their own
// teams, and the needs policy counts only needs in buurten their teams serve.
import type { Tx } from '$lib/server/db/types';

export interface WijkteamOverview {
	teams: {
		id: string;
		name: string;
		gemeenteName: string;
		buurten: { code: string; name: string; needs: number }[];
	}[];
}

export async function wijkteamOverview(tx: Tx): Promise<WijkteamOverview> {
	const rows = await tx.query<{
		team_id: string;
		team_name: string;
		gemeente_name: string;
		buurt_code: string | null;
		buurt_name: string | null;
		needs: number;
	}>(
		`select t.id as team_id, t.name as team_name, g.name as gemeente_name,
		        b.code as buurt_code, b.name as buurt_name,
		        (select count(*)::int from public.needs n where n.buurt_code = b.code) as needs
		   from public.team_members tm
		   join public.teams t on t.id = tm.team_id
		   join public.gemeenten g on g.code = t.gemeente_code
		   left join public.team_areas ta on ta.team_id = t.id
		   left join public.buurten b on b.code = ta.buurt_code
		  where tm.user_id = (select auth.uid())
		  order by t.name, b.name`
	);
	const teams: WijkteamOverview['teams'] = [];
	for (const row of rows) {
		let team = teams.at(-1);
		if (team?.id !== row.team_id) {
			team = { id: row.team_id, name: row.team_name, gemeenteName: row.gemeente_name, buurten: [] };
			teams.push(team);
		}
		if (row.buurt_code && row.buurt_name) {
			team.buurten.push({ code: row.buurt_code, name: row.buurt_name, needs: row.needs });
		}
	}
	return { teams };
}
