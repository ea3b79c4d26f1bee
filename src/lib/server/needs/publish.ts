// Publishing the public needs figures: a privileged maintenance step (service_role), never a
// request handler. It counts households per buurt × theme over the last 3, 6 and 12 months, runs
// the suppression algorithm (src/lib/analysis/suppression.ts) and replaces the rows of
// public.need_aggregates, which is all the public ever reads about needs.
//
// The windows end at the start of today in Dutch time (TIME_ZONE): the figures change daily, so a
// single new report cannot be told apart by comparing the page before and after it.
import { TIME_ZONE } from '$lib/format';
import { suppressTable, type PublishedFigure } from '$lib/analysis/suppression';
import { NEED_WINDOWS } from '$lib/schemas/need';
import { SERVICE_ROLE_CLAIMS, type Database, type Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';

type BuurtRow = Pick<Row<'buurten'>, 'code' | 'wijk_code' | 'households'>;

export interface PublishSummary {
	gemeenten: number;
	rows: number;
	windowEnd: string;
	/** Per window: cells shown as "<5" and figures hidden as complements. */
	suppression: { months: number; primary: number; complementary: number }[];
}

const rate = (count: number, households: number | null) =>
	households ? Math.round((count / households) * 10_000) / 10 : null;

function householdsOf(buurten: BuurtRow[]): number | null {
	let sum = 0;
	for (const b of buurten) {
		if (b.households === null) return null;
		sum += b.households;
	}
	return sum;
}

function toRows(
	gemeente: string,
	months: number,
	window: { start: string; end: string },
	figures: PublishedFigure[],
	buurten: BuurtRow[]
) {
	const byBuurt = new Map(buurten.map((b) => [b.code, b]));
	const byWijk = new Map<string, BuurtRow[]>();
	for (const b of buurten) byWijk.set(b.wijk_code, [...(byWijk.get(b.wijk_code) ?? []), b]);
	const all = householdsOf(buurten);
	return figures.map((figure) => {
		const households =
			figure.level === 'buurt'
				? (byBuurt.get(figure.areaCode)?.households ?? null)
				: figure.level === 'wijk'
					? householdsOf(byWijk.get(figure.areaCode) ?? [])
					: all;
		const count = figure.display.kind === 'count' ? figure.display.value : null;
		return {
			gemeente_code: gemeente,
			window_months: months,
			area_level: figure.level,
			area_code: figure.areaCode,
			theme_code: figure.theme ?? '*',
			display: figure.display.kind,
			rounded_count: count,
			households,
			rate_per_1000: count === null ? null : rate(count, households),
			window_start: window.start,
			window_end: window.end
		};
	});
}

async function publishGemeente(tx: Tx, gemeente: string, windowEnd: string, themes: string[]) {
	const buurten = await tx.query<BuurtRow>(
		`select code, wijk_code, households from public.buurten where gemeente_code = $1
		  order by wijk_code, code`,
		[gemeente]
	);
	if (buurten.length === 0 || themes.length === 0) return { rows: [], stats: [] };
	// Households per buurt × theme and window; withdrawn and expired needs do not count.
	const counts = await tx.query<
		Pick<Row<'needs'>, 'buurt_code' | 'theme_code'> & {
			m3: number;
			m6: number;
			m12: number;
		}
	>(
		`select n.buurt_code, n.theme_code,
		        count(distinct n.household_key) filter (
		          where n.reported_at >= $2::timestamptz - interval '3 months')::int as m3,
		        count(distinct n.household_key) filter (
		          where n.reported_at >= $2::timestamptz - interval '6 months')::int as m6,
		        count(distinct n.household_key)::int as m12
		   from public.needs n
		   join public.buurten b on b.code = n.buurt_code
		  where b.gemeente_code = $1
		    and n.reported_at >= $2::timestamptz - interval '12 months'
		    and n.reported_at < $2::timestamptz
		    and n.status <> 'ingetrokken'
		    and n.expires_at > now()
		  group by n.buurt_code, n.theme_code`,
		[gemeente, windowEnd]
	);
	const buurtIndex = new Map(buurten.map((b, i) => [b.code, i]));
	const themeIndex = new Map(themes.map((t, i) => [t, i]));
	const rows: ReturnType<typeof toRows> = [];
	const stats: PublishSummary['suppression'] = [];
	for (const months of NEED_WINDOWS) {
		const table = buurten.map(() => themes.map(() => 0));
		for (const c of counts) {
			const b = buurtIndex.get(c.buurt_code);
			const t = themeIndex.get(c.theme_code);
			if (b === undefined || t === undefined) continue;
			table[b][t] = months === 3 ? c.m3 : months === 6 ? c.m6 : c.m12;
		}
		const result = suppressTable({
			buurten: buurten.map((b) => ({ code: b.code, wijkCode: b.wijk_code })),
			themes,
			counts: table,
			gemeenteCode: gemeente
		});
		const [{ start }] = await tx.query<{ start: Date }>(
			`select $1::timestamptz - make_interval(months => $2::int) as start`,
			[windowEnd, months]
		);
		rows.push(
			...toRows(
				gemeente,
				months,
				{ start: new Date(start).toISOString(), end: windowEnd },
				result.figures,
				buurten
			)
		);
		stats.push({
			months,
			primary: result.stats.primary,
			complementary: result.stats.complementary
		});
	}
	return { rows, stats };
}

/**
 * Recomputes every gemeente's figures in one transaction as service_role. Concurrent runs (two
 * app servers) take turns on an advisory lock; the last one wins, with the same result.
 */
export async function publishNeedFigures(db: Database): Promise<PublishSummary> {
	return db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		await tx.query(`select pg_advisory_xact_lock(hashtext('buurtkracht.need_aggregates'))`);
		const [{ window_end }] = await tx.query<Pick<Row<'need_aggregates'>, 'window_end'>>(
			`select date_trunc('day', now() at time zone $1::text) at time zone $1::text as window_end`,
			[TIME_ZONE]
		);
		const windowEnd = new Date(window_end).toISOString();
		const themes = (
			await tx.query<Pick<Row<'themes'>, 'code'>>(
				'select code from public.themes order by sort_order, code'
			)
		).map((t) => t.code);
		const gemeenten = await tx.query<Pick<Row<'gemeenten'>, 'code'>>(
			'select code from public.gemeenten order by code'
		);
		await tx.query('delete from public.need_aggregates');
		let total = 0;
		const suppression: PublishSummary['suppression'] = [];
		for (const { code } of gemeenten) {
			const { rows, stats } = await publishGemeente(tx, code, windowEnd, themes);
			suppression.push(...stats);
			// In slices: one statement per few thousand rows keeps the JSON parameter small.
			for (let i = 0; i < rows.length; i += 2000) {
				await tx.query(
					`insert into public.need_aggregates (gemeente_code, window_months, area_level,
					   area_code, theme_code, display, rounded_count, households, rate_per_1000,
					   window_start, window_end)
					 select gemeente_code, window_months, area_level, area_code, theme_code, display,
					        rounded_count, households, rate_per_1000, window_start, window_end
					   from jsonb_to_recordset($1::text::jsonb) as x(gemeente_code text,
					        window_months smallint, area_level text, area_code text, theme_code text,
					        display text, rounded_count integer, households integer,
					        rate_per_1000 numeric, window_start timestamptz, window_end timestamptz)`,
					[JSON.stringify(rows.slice(i, i + 2000))]
				);
			}
			total += rows.length;
		}
		return { gemeenten: gemeenten.length, rows: total, windowEnd, suppression };
	});
}
