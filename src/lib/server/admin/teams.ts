// Wijkteams, their members and their buurten, for the admin pages. All writes go through the
// admin's own claims; the policies on teams, team_members and team_areas allow them to admins only.
import type { Tx } from '$lib/server/db/types';

export interface TeamSummary {
	id: string;
	name: string;
	gemeenteCode: string;
	gemeenteName: string;
	members: number;
	buurten: number;
}

export interface TeamDetail {
	id: string;
	name: string;
	gemeenteCode: string;
	gemeenteName: string;
	members: { userId: string; email: string; roleInTeam: 'lid' | 'coordinator' }[];
	buurten: { code: string; name: string; wijkName: string }[];
	/** Buurten of the team's gemeente that the team does not serve yet. */
	otherBuurten: { code: string; name: string; wijkName: string }[];
}

export async function listTeams(tx: Tx): Promise<TeamSummary[]> {
	return tx.query<TeamSummary>(
		`select t.id, t.name, t.gemeente_code as "gemeenteCode", g.name as "gemeenteName",
		        (select count(*)::int from public.team_members tm where tm.team_id = t.id) as members,
		        (select count(*)::int from public.team_areas ta where ta.team_id = t.id) as buurten
		   from public.teams t
		   join public.gemeenten g on g.code = t.gemeente_code
		  order by g.name, t.name`
	);
}

export async function listGemeenten(tx: Tx): Promise<{ code: string; name: string }[]> {
	return tx.query('select code, name from public.gemeenten order by name');
}

export type TeamWriteOutcome =
	{ ok: true; id: string } | { ok: false; reason: 'duplicate' | 'not_found' };

export async function createTeam(
	tx: Tx,
	input: { name: string; gemeenteCode: string }
): Promise<TeamWriteOutcome> {
	const [gemeente] = await tx.query('select 1 from public.gemeenten where code = $1', [
		input.gemeenteCode
	]);
	if (!gemeente) return { ok: false, reason: 'not_found' };
	const [team] = await tx.query<{ id: string }>(
		`insert into public.teams (gemeente_code, name) values ($1, $2)
		 on conflict (gemeente_code, name) do nothing returning id`,
		[input.gemeenteCode, input.name]
	);
	return team ? { ok: true, id: team.id } : { ok: false, reason: 'duplicate' };
}

export async function renameTeam(
	tx: Tx,
	input: { teamId: string; name: string }
): Promise<TeamWriteOutcome> {
	const [clash] = await tx.query(
		`select 1 from public.teams t
		  where t.name = $2 and t.id <> $1
		    and t.gemeente_code = (select gemeente_code from public.teams where id = $1)`,
		[input.teamId, input.name]
	);
	if (clash) return { ok: false, reason: 'duplicate' };
	const [team] = await tx.query<{ id: string }>(
		'update public.teams set name = $2 where id = $1 returning id',
		[input.teamId, input.name]
	);
	return team ? { ok: true, id: team.id } : { ok: false, reason: 'not_found' };
}

export async function getTeam(tx: Tx, teamId: string): Promise<TeamDetail | null> {
	const [team] = await tx.query<Omit<TeamDetail, 'members' | 'buurten' | 'otherBuurten'>>(
		`select t.id, t.name, t.gemeente_code as "gemeenteCode", g.name as "gemeenteName"
		   from public.teams t join public.gemeenten g on g.code = t.gemeente_code
		  where t.id = $1`,
		[teamId]
	);
	if (!team) return null;
	const members = await tx.query<TeamDetail['members'][number]>(
		`select tm.user_id as "userId", u.email, tm.role_in_team as "roleInTeam"
		   from public.team_members tm
		   join public.admin_list_users() u on u.id = tm.user_id
		  where tm.team_id = $1
		  order by lower(u.email)`,
		[teamId]
	);
	const buurten = await tx.query<TeamDetail['buurten'][number] & { served: boolean }>(
		`select b.code, b.name, w.name as "wijkName",
		        exists (select 1 from public.team_areas ta
		                 where ta.team_id = $1 and ta.buurt_code = b.code) as served
		   from public.buurten b join public.wijken w on w.code = b.wijk_code
		  where b.gemeente_code = $2
		  order by w.name, b.name`,
		[teamId, team.gemeenteCode]
	);
	const strip = ({ code, name, wijkName }: (typeof buurten)[number]) => ({ code, name, wijkName });
	return {
		...team,
		members,
		buurten: buurten.filter((b) => b.served).map(strip),
		otherBuurten: buurten.filter((b) => !b.served).map(strip)
	};
}

export type MemberOutcome = 'added' | 'already_member' | 'unknown_email' | 'not_found';

/** Adds a member by e-mail address (admins see every address through admin_list_users()). */
export async function addMember(
	tx: Tx,
	input: { teamId: string; email: string; roleInTeam: 'lid' | 'coordinator' }
): Promise<MemberOutcome> {
	const [user] = await tx.query<{ id: string }>(
		'select id from public.admin_list_users() where lower(email) = lower($1)',
		[input.email.trim()]
	);
	if (!user) return 'unknown_email';
	const [team] = await tx.query('select 1 from public.teams where id = $1', [input.teamId]);
	if (!team) return 'not_found';
	const rows = await tx.query(
		`insert into public.team_members (team_id, user_id, role_in_team) values ($1, $2, $3)
		 on conflict (team_id, user_id) do nothing returning user_id`,
		[input.teamId, user.id, input.roleInTeam]
	);
	return rows.length === 1 ? 'added' : 'already_member';
}

export async function removeMember(
	tx: Tx,
	input: { teamId: string; userId: string }
): Promise<boolean> {
	const rows = await tx.query(
		'delete from public.team_members where team_id = $1 and user_id = $2 returning user_id',
		[input.teamId, input.userId]
	);
	return rows.length === 1;
}

/** Adds a buurt of the team's own gemeente to the area the team serves. */
export async function addArea(
	tx: Tx,
	input: { teamId: string; buurtCode: string }
): Promise<'added' | 'not_found'> {
	const rows = await tx.query(
		`insert into public.team_areas (team_id, buurt_code)
		 select t.id, b.code from public.teams t
		   join public.buurten b on b.gemeente_code = t.gemeente_code
		  where t.id = $1 and b.code = $2
		 on conflict (team_id, buurt_code) do nothing
		 returning buurt_code`,
		[input.teamId, input.buurtCode]
	);
	if (rows.length === 1) return 'added';
	const [served] = await tx.query(
		'select 1 from public.team_areas where team_id = $1 and buurt_code = $2',
		[input.teamId, input.buurtCode]
	);
	return served ? 'added' : 'not_found';
}

export async function removeArea(
	tx: Tx,
	input: { teamId: string; buurtCode: string }
): Promise<boolean> {
	const rows = await tx.query(
		'delete from public.team_areas where team_id = $1 and buurt_code = $2 returning buurt_code',
		[input.teamId, input.buurtCode]
	);
	return rows.length === 1;
}
