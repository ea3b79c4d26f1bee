/**
 * Council planning on a real database: the demo city, the council's need aggregates
 * (private.council_need_demand, private.council_need_months), the scenarios table, and the
 * planning service end to end with each role's claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/generate-people';
import { DEMO_GEMEENTE_CODE } from '../../src/lib/server/demo/generate-city';
import { seedDemoCity } from '../../src/lib/server/demo/seed';
import {
	ANON_CLAIMS,
	SERVICE_ROLE_CLAIMS,
	type Claims,
	type Database
} from '../../src/lib/server/db/types';
import { parseSuggestionsQuery, parseWhatIfQuery } from '../../src/lib/schemas/plan';
import { listScenarios } from '../../src/lib/server/planning/scenarios';
import {
	gapAnalysis,
	saveWhatIf,
	scenarioOverview,
	suggestionsAnalysis,
	trendsOverview,
	whatIfAnalysis
} from '../../src/lib/server/planning/service';
import { migratedDatabase } from './harness';

let db: Database;
const claims: Record<string, Claims> = {};

const DEMAND_SQL = `select buurt_code, theme_code, households from private.council_need_demand($1, $2)`;
const MONTHS_SQL = `select month, theme_code, households from private.council_need_months($1, $2)`;

/** The SQLSTATE a query raises as `who`, or 'ok'. */
async function outcome(who: Claims | null, sql: string, params: unknown[]): Promise<string> {
	try {
		await db.withClaims(who, (tx) => tx.query(sql, params));
		return 'ok';
	} catch (error) {
		return (error as { code?: string }).code ?? String(error);
	}
}

/** Deep search for a number that is not finite. */
function nonFinite(value: unknown, path = '$'): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
	if (Array.isArray(value)) return value.flatMap((v, k) => nonFinite(v, `${path}[${k}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
	}
	return [];
}

const params = (query: Record<string, string>) => new URLSearchParams(query);

beforeAll(async () => {
	db = await migratedDatabase();
	await seedDemoCity(db, { now: new Date() });
	const users = await db.asOwner((tx) =>
		tx.query<{ id: string; email: string }>(`select id::text as id, email from auth.users`)
	);
	for (const account of DEMO_ACCOUNTS) {
		const user = users.find((u) => u.email === account.email.toLowerCase());
		if (user) claims[account.role] ??= { role: 'authenticated', sub: user.id };
	}
});

afterAll(async () => {
	await db?.close();
});

describe('private.council_need_demand', () => {
	it('refuses everyone but council and admins', async () => {
		const args = [DEMO_GEMEENTE_CODE, 365];
		expect(await outcome(ANON_CLAIMS, DEMAND_SQL, args)).toBe('42501');
		expect(await outcome(claims.resident, DEMAND_SQL, args)).toBe('42501');
		expect(await outcome(claims.wijkteam, DEMAND_SQL, args)).toBe('42501');
		// Not even the service role: the function is for signed-in planners only.
		expect(await outcome(SERVICE_ROLE_CLAIMS, DEMAND_SQL, args)).toBe('42501');
		expect(await outcome(claims.council, DEMAND_SQL, args)).toBe('ok');
		expect(await outcome(claims.admin, DEMAND_SQL, args)).toBe('ok');
	});

	it('returns distinct open households per buurt × theme, aggregates only', async () => {
		const rows = await db.withClaims(claims.council, (tx) =>
			tx.query<{ buurt_code: string; theme_code: string; households: number }>(DEMAND_SQL, [
				DEMO_GEMEENTE_CODE,
				365
			])
		);
		expect(rows.length).toBeGreaterThan(100);
		expect(Object.keys(rows[0]).sort()).toEqual(['buurt_code', 'households', 'theme_code']);
		const exact = await db.asOwner((tx) =>
			tx.query<{ buurt_code: string; theme_code: string; households: number }>(
				`select n.buurt_code, n.theme_code, count(distinct n.household_key)::int as households
				   from public.needs n join public.buurten b on b.code = n.buurt_code
				  where b.gemeente_code = $1 and n.status in ('open', 'in_behandeling')
				    and n.reported_at >= now() - interval '365 days' and n.expires_at > now()
				  group by 1, 2`,
				[DEMO_GEMEENTE_CODE]
			)
		);
		const key = (r: { buurt_code: unknown; theme_code: unknown }) =>
			`${r.buurt_code} ${r.theme_code}`;
		expect(new Map(rows.map((r) => [key(r), Number(r.households)]))).toEqual(
			new Map(exact.map((r) => [key(r), r.households]))
		);
		// A shorter window counts fewer households.
		const recent = await db.withClaims(claims.council, (tx) =>
			tx.query<{ households: number }>(DEMAND_SQL, [DEMO_GEMEENTE_CODE, 30])
		);
		const sum = (list: { households: unknown }[]) =>
			list.reduce((a, r) => a + Number(r.households), 0);
		expect(sum(recent)).toBeGreaterThan(0);
		expect(sum(recent)).toBeLessThan(sum(rows));
	});

	it('refuses a window outside 1 to 730 days', async () => {
		for (const days of [0, -5, 731]) {
			expect(await outcome(claims.council, DEMAND_SQL, [DEMO_GEMEENTE_CODE, days])).toBe('22023');
		}
	});

	it('council still reads no individual need', async () => {
		const rows = await db.withClaims(claims.council, (tx) =>
			tx.query(`select id from public.needs`)
		);
		expect(rows).toEqual([]);
	});
});

describe('private.council_need_months', () => {
	it('refuses everyone but council and admins', async () => {
		const args = [DEMO_GEMEENTE_CODE, 12];
		expect(await outcome(ANON_CLAIMS, MONTHS_SQL, args)).toBe('42501');
		expect(await outcome(claims.resident, MONTHS_SQL, args)).toBe('42501');
		expect(await outcome(claims.wijkteam, MONTHS_SQL, args)).toBe('42501');
		expect(await outcome(claims.council, MONTHS_SQL, args)).toBe('ok');
		expect(await outcome(claims.council, MONTHS_SQL, [DEMO_GEMEENTE_CODE, 0])).toBe('22023');
	});

	it('never returns a count of 1 to 4', async () => {
		// A theme with three households this month, next to the demo's larger monthly counts.
		await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			await tx.query(
				`insert into public.themes (code, law, name_nl, name_en) values ('proef', 'geen', 'Proef', 'Trial')`
			);
			await tx.query(
				`insert into public.needs (theme_code, buurt_code, household_key)
				 select 'proef', code, 'proef-' || code from public.buurten
				  where gemeente_code = $1 order by code limit 3`,
				[DEMO_GEMEENTE_CODE]
			);
		});
		const rows = await db.withClaims(claims.council, (tx) =>
			tx.query<{ theme_code: string; households: number | null }>(MONTHS_SQL, [
				DEMO_GEMEENTE_CODE,
				12
			])
		);
		await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			await tx.query(`delete from public.needs where theme_code = 'proef'`);
			await tx.query(`delete from public.themes where code = 'proef'`);
		});
		expect(rows.length).toBeGreaterThan(50);
		expect(rows.filter((r) => r.households !== null && r.households < 5)).toEqual([]);
		expect(rows.filter((r) => r.theme_code === 'proef')).toEqual([
			expect.objectContaining({ households: null })
		]);
	});
});

describe('the planning service with council claims', () => {
	it('computes a gap map for every buurt, with no non-finite number and no count of 1 to 4', async () => {
		const result = await db.withClaims(claims.council, (tx) =>
			gapAnalysis(tx, {
				gemeente: null,
				subject: { kind: 'theme', theme: 'voeding' },
				windowDays: 365,
				includeExpected: false
			})
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { view } = result.value;
		expect(result.value.setting.gemeente.code).toBe(DEMO_GEMEENTE_CODE);
		expect(view.rows).toHaveLength(100);
		expect(view.rows.map((r) => r.rank)).toEqual(view.rows.map((_, k) => k + 1));
		expect(nonFinite(result.value)).toEqual([]);
		for (const row of view.rows) {
			for (const value of [row.reported, row.demand, row.unmet]) {
				if (value !== null) expect(value === 0 || value >= 5).toBe(true);
			}
		}
		expect(view.totals.unmet).toBeGreaterThan(0);
		expect(result.value.supply.length).toBeGreaterThan(0);
	});

	it('a law sums its themes; the expected need adds as much again', async () => {
		const run = (includeExpected: boolean) =>
			db.withClaims(claims.council, (tx) =>
				gapAnalysis(tx, {
					gemeente: null,
					subject: { kind: 'law', law: 'wmo2015' },
					windowDays: 365,
					includeExpected
				})
			);
		const [without, withExpected] = [await run(false), await run(true)];
		if (!without.ok || !withExpected.ok) throw new Error('analysis failed');
		expect(without.value.setting.themeCodes.length).toBeGreaterThan(1);
		expect(withExpected.value.view.totals.demand).toBeCloseTo(
			2 * without.value.view.totals.demand!,
			0
		);
	});

	it('what-if: a provision in the buurt with the most unmet need lowers the total', async () => {
		const base = await db.withClaims(claims.council, (tx) =>
			gapAnalysis(tx, {
				gemeente: null,
				subject: { kind: 'theme', theme: 'voeding' },
				windowDays: 365,
				includeExpected: false
			})
		);
		if (!base.ok) throw new Error('analysis failed');
		const top = base.value.view.rows[0];
		const query = parseWhatIfQuery(
			params({ onderwerp: 'voeding', buurt: top.code, capaciteit: '200', looptijd: '20' })
		);
		if (!query.ok) throw new Error(JSON.stringify(query.error));
		const result = await db.withClaims(claims.council, (tx) => whatIfAnalysis(tx, query.value));
		if (!result.ok) throw new Error(result.error);
		const { summary } = result.value.outcome;
		expect(summary.change).toBeLessThan(0);
		expect(summary.unmetAfter).toBeCloseTo(summary.unmetBefore! + summary.change!, 1);
		expect(nonFinite(result.value)).toEqual([]);

		// Saved as a scenario: stamped with the council member, listed with the same totals.
		const saved = await db.withClaims(claims.council, (tx) =>
			saveWhatIf(tx, query.value, 'Voedselpunt bij de grootste vraag')
		);
		expect(saved.ok).toBe(true);
		const overview = await db.withClaims(claims.council, (tx) => scenarioOverview(tx, null));
		if (!overview.ok) throw new Error(overview.error);
		const [scenario] = overview.value.scenarios;
		expect(scenario).toMatchObject({
			name: 'Voedselpunt bij de grootste vraag',
			kind: 'wat_als',
			subject: 'voeding',
			unmetBefore: summary.unmetBefore,
			unmetAfter: summary.unmetAfter,
			change: summary.change
		});
		expect(scenario.now?.change).toBeCloseTo(summary.change!, 1);
		const [author] = await db.asOwner((tx) =>
			tx.query<{ created_by: string }>(`select created_by::text from public.planning_scenarios`)
		);
		expect(author.created_by).toBe(claims.council.sub);
		// Nobody else sees it.
		for (const role of ['resident', 'wijkteam']) {
			const seen = await db.withClaims(claims[role], (tx) => listScenarios(tx, DEMO_GEMEENTE_CODE));
			expect(seen, role).toEqual([]);
		}
	});

	it('what-if outside the municipality is a problem, not a crash', async () => {
		const query = parseWhatIfQuery(
			params({ onderwerp: 'voeding', lon: '4.0', lat: '51.0', capaciteit: '25', looptijd: '15' })
		);
		if (!query.ok) throw new Error(JSON.stringify(query.error));
		const result = await db.withClaims(claims.council, (tx) => whatIfAnalysis(tx, query.value));
		expect(result).toEqual({ ok: false, error: 'outside' });
	});

	it('suggests p sites with falling gains', async () => {
		const query = parseSuggestionsQuery(
			params({ onderwerp: 'voeding', aantal: '3', capaciteit: '40', looptijd: '15' })
		);
		if (!query.ok) throw new Error(JSON.stringify(query.error));
		const result = await db.withClaims(claims.council, (tx) =>
			suggestionsAnalysis(tx, query.value)
		);
		if (!result.ok) throw new Error(result.error);
		const { suggestions } = result.value.outcome;
		expect(suggestions).toHaveLength(3);
		const gains = suggestions.map((s) => s.gain!);
		expect(gains[0]).toBeGreaterThan(0);
		expect(gains).toEqual([...gains].sort((a, b) => b - a));
		expect(nonFinite(result.value)).toEqual([]);
	});

	it('needs over time and capacity per theme, small counts suppressed', async () => {
		const result = await db.withClaims(claims.council, (tx) =>
			trendsOverview(tx, null, new Date())
		);
		if (!result.ok) throw new Error(result.error);
		expect(result.value.months).toHaveLength(12);
		expect(result.value.series).toHaveLength(10);
		const values = result.value.series.flatMap((s) => s.values);
		expect(values.filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
		expect(values.some((v) => v !== null && v >= 5)).toBe(true);
		expect(result.value.capacity.some((c) => c.publishedCapacity > 0)).toBe(true);
	});

	it('a resident running the service gets a refusal from the database', async () => {
		await expect(
			db.withClaims(claims.resident, (tx) =>
				gapAnalysis(tx, {
					gemeente: null,
					subject: null,
					windowDays: 365,
					includeExpected: false
				})
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});
