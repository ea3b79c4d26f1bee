// The daily digest: per wijkteam, the candidate shared needs that are new since the last digest,
// mailed to every member. It runs at start-up and daily while the app runs (like the needs
// maintenance job) and on demand (`npm run digest`).
//
// A privileged maintenance task: detection as service_role (it reads every team's needs), and the
// members' addresses and the outbox as the schema owner, like the embedded identity provider:
// auth.users and auth.outbox belong to the identity provider, not to an API role. In embedded
// mode the mail goes to auth.outbox and the server log (nothing is sent); a Supabase project has
// no outbox table, so there the digest is only logged until a mail relay is configured.
import { m } from '$lib/paraglide/messages';
import { DEFAULT_WORKSPACE } from '$lib/schemas/signal-filters';
import { SERVICE_ROLE_CLAIMS, type Database } from '$lib/server/db/types';
import { ensureBuurtAdjacency } from '$lib/server/geo/buurt-adjacency';
import { allTeamAreas, candidateKeys, detectForTeam, type TeamArea } from './detection';

export const DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface TeamDigest {
	teamId: string;
	teamName: string;
	candidates: number;
	/** Candidate cells not in the previous digest. */
	fresh: number;
	/** Lines of the mail: one per cluster with a new cell. */
	lines: { theme: string; buurten: string[]; households: number }[];
	recipients: number;
}

export interface DigestSummary {
	teams: TeamDigest[];
	mails: number;
	/** Gemeenten whose adjacency was computed and stored in this run. */
	adjacencyStored: string[];
	milliseconds: number;
}

type Locale = 'nl' | 'en';

async function detectAll(db: Database) {
	return db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		const teams = await allTeamAreas(tx);
		const themes = await tx.query<{ code: string; name_nl: string; name_en: string }>(
			'select code, name_nl, name_en from public.themes'
		);
		const previous = await tx.query<{ team_id: string; candidate_keys: string[] }>(
			'select team_id, candidate_keys from public.workspace_digests'
		);
		const known = new Map(previous.map((p) => [p.team_id, new Set(p.candidate_keys)]));
		const results = [];
		for (const team of teams) {
			if (team.buurten.length === 0) continue;
			const { result } = await detectForTeam(tx, team, DEFAULT_WORKSPACE, 'service');
			const keys = candidateKeys(result);
			const before = known.get(team.id) ?? new Set<string>();
			const fresh = keys.filter((key) => !before.has(key));
			const freshSet = new Set(fresh);
			const clusters = result.clusters.filter((c) =>
				c.buurtCodes.some((code) => freshSet.has(`${c.themeCode}|${code}`))
			);
			results.push({ team, keys, fresh, clusters });
		}
		return { results, themes: new Map(themes.map((t) => [t.code, t])) };
	});
}

function names(team: TeamArea, codes: string[]): string[] {
	return codes.map((code) => team.buurten.find((b) => b.code === code)?.name ?? code);
}

/** Runs the digest once for every team. */
export async function runSignalDigest(
	db: Database,
	options: { origin?: string; log?: (line: string) => void } = {}
): Promise<DigestSummary> {
	const started = performance.now();
	const log = options.log ?? ((line: string) => console.log(`[buurtkracht] ${line}`));
	const origin = (options.origin ?? process.env.ORIGIN ?? '').replace(/\/+$/, '');
	const adjacencyStored = await ensureBuurtAdjacency(db);
	const { results, themes } = await detectAll(db);
	const summary: DigestSummary = { teams: [], mails: 0, adjacencyStored, milliseconds: 0 };

	await db.asOwner(async (tx) => {
		const [{ outbox }] = await tx.query<{ outbox: boolean }>(
			`select to_regclass('auth.outbox') is not null as outbox`
		);
		for (const { team, keys, fresh, clusters } of results) {
			const members = await tx.query<{ email: string | null; locale: string | null }>(
				`select u.email::text as email, p.locale
				   from public.team_members tm
				   join auth.users u on u.id = tm.user_id
				   left join public.profiles p on p.id = tm.user_id
				  where tm.team_id = $1
				  order by u.email`,
				[team.id]
			);
			const digest: TeamDigest = {
				teamId: team.id,
				teamName: team.name,
				candidates: keys.length,
				fresh: fresh.length,
				lines: clusters.map((c) => ({
					theme: themes.get(c.themeCode)?.name_nl ?? c.themeCode,
					buurten: names(team, c.buurtCodes),
					households: c.households
				})),
				recipients: 0
			};
			if (fresh.length > 0) {
				for (const member of members) {
					if (!member.email) continue;
					const locale: Locale = member.locale === 'en' ? 'en' : 'nl';
					const options = { locale };
					const link = `${origin}${locale === 'en' ? '/en' : ''}/wijkteam/signalen?team=${team.id}`;
					const lines = clusters.map((c) =>
						m.signal_digest_line(
							{
								theme:
									(locale === 'en' ? themes.get(c.themeCode)?.name_en : undefined) ??
									themes.get(c.themeCode)?.name_nl ??
									c.themeCode,
								buurten: names(team, c.buurtCodes).join(', '),
								count: c.households
							},
							options
						)
					);
					const subject = m.signal_digest_subject(
						{ team: team.name, count: clusters.length },
						options
					);
					const body = m.signal_digest_body(
						{ team: team.name, lines: lines.map((line) => `- ${line}`).join('\n'), link },
						options
					);
					if (outbox) {
						await tx.query(
							`insert into auth.outbox (recipient, kind, subject, body, link)
							 values ($1, 'signal_digest', $2, $3, $4)`,
							[member.email, subject, body, link]
						);
					}
					log(
						`Outbox (${outbox ? 'embedded mode, not sent' : 'no outbox: not sent'}) to ${member.email}: ${subject} — ${link}`
					);
					digest.recipients++;
					summary.mails++;
				}
			}
			// What this digest knew, so the next one tells only what is new (and what came back).
			await tx.query(
				`insert into public.workspace_digests (team_id, sent_at, candidate_keys)
				 values ($1, now(), $2::text[])
				 on conflict (team_id) do update
				   set sent_at = excluded.sent_at, candidate_keys = excluded.candidate_keys`,
				[team.id, keys]
			);
			summary.teams.push(digest);
		}
	});
	summary.milliseconds = Math.round(performance.now() - started);
	return summary;
}

// One timer per process, on globalThis so Vite's hot reload does not start a second one.
const TIMER = Symbol.for('buurtkracht.signal-digest');
type Holder = { [TIMER]?: ReturnType<typeof setInterval> };

/**
 * Runs the digest now (in the background) and then daily. A restart mails nobody twice: each
 * team's digest only tells candidates its previous digest did not know. A failure is logged,
 * never thrown. The timer is unref'd, so it never keeps the process alive on shutdown.
 */
export function startSignalDigest(db: Database): void {
	const run = async () => {
		try {
			const summary = await runSignalDigest(db);
			console.log(
				`[buurtkracht] Signal digest: ${summary.mails} mails for ${summary.teams.filter((t) => t.fresh > 0).length} of ${summary.teams.length} teams in ${summary.milliseconds} ms.`
			);
		} catch (error) {
			console.error('[buurtkracht] Signal digest failed:', error);
		}
	};
	const holder = globalThis as Holder;
	if (holder[TIMER]) clearInterval(holder[TIMER]);
	void run();
	holder[TIMER] = setInterval(run, DIGEST_INTERVAL_MS);
	holder[TIMER].unref();
}

export function stopSignalDigest(): void {
	const holder = globalThis as Holder;
	if (holder[TIMER]) clearInterval(holder[TIMER]);
	delete holder[TIMER];
}
