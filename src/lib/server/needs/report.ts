// Reporting a need (/melden), with the caller's claims: anonymous visitors insert as anon (RLS
// admits reporter_id null only), signed-in residents as themselves. What was stored is read back
// through private.need_receipt, so the receipt shows exactly the row in the database.
import { randomUUID } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { NEED_CONSENT_VERSION, type NeedReport } from '$lib/schemas/need';
import type { NeedReceipt } from '$lib/needs/types';
import type { Tx } from '$lib/server/db/types';
import { buurtOfPoint } from './buurt-of-point';
import type { ReportRateLimiter } from './rate-limit';
import { receiptHash } from './report-session';
import type { Row } from '$lib/server/db/rows';

export type Locale = 'nl' | 'en';
export type { NeedReceipt };

/** Every column of a need, as private.my_needs() and private.need_receipt() return it. */
// contact_method's check constraint ('email' | 'phone') is narrower than the generated text type.
export type NeedRow = Omit<Row<'needs'>, 'contact_method'> & {
	contact_method: 'email' | 'phone' | null;
};

export interface ReportContext {
	/** The signed-in resident, or null for an anonymous report. */
	userId: string | null;
	/** The browser's report session (src/lib/server/needs/report-session.ts). */
	session: string;
	/** The client address, for the rate limit only; never stored. */
	address: string;
	retentionMonths: number;
	limiter: ReportRateLimiter;
	locale: Locale;
}

export type ReportProblem = 'theme_unknown' | 'buurt_unknown' | 'point_outside';

export type ReportOutcome =
	| { kind: 'stored'; receipt: NeedReceipt }
	/** The same form was sent before: nothing new stored. The receipt when it is the caller's. */
	| { kind: 'duplicate'; receipt: NeedReceipt | null }
	| { kind: 'invalid'; field: 'thema' | 'buurt'; problem: ReportProblem }
	| { kind: 'rate_limited'; retryAfterMinutes: number };

export function reportProblemMessage(problem: ReportProblem): string {
	switch (problem) {
		case 'theme_unknown':
			return m.need_error_theme_unknown();
		case 'buurt_unknown':
			return m.need_error_buurt_unknown();
		case 'point_outside':
			return m.need_error_point_outside();
	}
}

/** Six decimals is about 10 cm: the point as the resident gave it, without false precision. */
const sixDecimals = (value: number) => Math.round(value * 1e6) / 1e6;

async function receiptRow(tx: Tx, key: string, hash: string | null): Promise<NeedRow | null> {
	const [row] = await tx.query<NeedRow>('select * from private.need_receipt($1::uuid, $2)', [
		key,
		hash
	]);
	return row ?? null;
}

/** Names of themes and buurten for rows the caller already holds (both are public). */
export async function describeNeeds(
	tx: Tx,
	rows: NeedRow[],
	locale: Locale
): Promise<NeedReceipt[]> {
	if (rows.length === 0) return [];
	const names = await tx.query<{
		kind: 'theme' | 'buurt';
		code: Row<'themes'>['code'] | Row<'buurten'>['code'];
		name: Row<'themes'>['name_nl'] | Row<'buurten'>['name'];
		wijk_name: Row<'wijken'>['name'];
	}>(
		`select 'theme' as kind, t.code, case when $1 = 'en' then t.name_en else t.name_nl end as name,
		        '' as wijk_name
		   from public.themes t where t.code = any($2::text[])
		 union all
		 select 'buurt', b.code, b.name, w.name
		   from public.buurten b join public.wijken w on w.code = b.wijk_code
		  where b.code = any($3::text[])`,
		[
			locale,
			[...new Set(rows.map((r) => r.theme_code))],
			[...new Set(rows.map((r) => r.buurt_code))]
		]
	);
	const themeName = new Map(names.filter((n) => n.kind === 'theme').map((n) => [n.code, n.name]));
	const buurt = new Map(names.filter((n) => n.kind === 'buurt').map((n) => [n.code, n]));
	return rows.map((row) => ({
		id: row.id,
		reference: row.id.slice(0, 8).toUpperCase(),
		theme: { code: row.theme_code, name: themeName.get(row.theme_code) ?? row.theme_code },
		buurt: {
			code: row.buurt_code,
			name: buurt.get(row.buurt_code)?.name ?? row.buurt_code,
			wijkName: buurt.get(row.buurt_code)?.wijk_name ?? ''
		},
		description: row.description,
		point:
			row.point_lon !== null && row.point_lat !== null
				? { lon: row.point_lon, lat: row.point_lat }
				: null,
		householdSize: row.household_size,
		contact:
			row.contact_consent && row.contact_method && row.contact_value
				? { method: row.contact_method, value: row.contact_value }
				: null,
		status: row.status,
		reportedAt: new Date(row.reported_at).toISOString(),
		expiresAt: new Date(row.expires_at).toISOString(),
		signedIn: row.reporter_id !== null
	}));
}

/**
 * Stores one report, at most once per idempotency key: a form sent again (double click, reload,
 * retry) gets the first report's receipt back and stores nothing. Unknown themes and buurten and
 * points outside every buurt are refused before anything is written; the rate limit counts only
 * reports that would be stored.
 */
export async function submitNeed(
	tx: Tx,
	report: NeedReport,
	context: ReportContext
): Promise<ReportOutcome> {
	const hash = context.userId ? null : receiptHash(context.session, report.idempotencyKey);
	const earlier = await receiptRow(tx, report.idempotencyKey, hash);
	if (earlier) {
		const [receipt] = await describeNeeds(tx, [earlier], context.locale);
		return { kind: 'duplicate', receipt };
	}

	const themes = await tx.query('select 1 from public.themes where code = $1', [report.theme]);
	if (themes.length === 0) return { kind: 'invalid', field: 'thema', problem: 'theme_unknown' };

	let buurt: string | null;
	if (report.point) {
		// The point decides the buurt (the map and "use my location" fill in both).
		buurt = await buurtOfPoint(tx, report.point.lon, report.point.lat);
		if (!buurt) return { kind: 'invalid', field: 'buurt', problem: 'point_outside' };
	} else {
		const rows = await tx.query<Pick<Row<'buurten'>, 'code'>>(
			'select code from public.buurten where code = $1',
			[report.buurt]
		);
		buurt = rows[0]?.code ?? null;
		if (!buurt) return { kind: 'invalid', field: 'buurt', problem: 'buurt_unknown' };
	}

	const decision = context.limiter.take({
		address: context.address,
		session: context.userId ? `user:${context.userId}` : context.session
	});
	if (!decision.ok) return { kind: 'rate_limited', retryAfterMinutes: decision.retryAfterMinutes };

	const id = randomUUID();
	const point = report.point && report.keepPoint ? report.point : null;
	// No RETURNING: anon may insert but not read needs. "on conflict do nothing" without a
	// target: naming idempotency_key would need the select privilege on it, which no API role has.
	await tx.query(
		`insert into public.needs (id, theme_code, buurt_code, reporter_id, description, point_lon,
		   point_lat, household_size, contact_consent, contact_method, contact_value, status,
		   idempotency_key, receipt_hash, consent_version, expires_at)
		 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $14,
		   now() + make_interval(months => $15::int))
		 on conflict do nothing`,
		[
			id,
			report.theme,
			buurt,
			context.userId,
			report.description,
			point ? sixDecimals(point.lon) : null,
			point ? sixDecimals(point.lat) : null,
			report.householdSize,
			report.contact !== null,
			report.contact?.method ?? null,
			report.contact?.value ?? null,
			report.idempotencyKey,
			hash,
			NEED_CONSENT_VERSION,
			context.retentionMonths
		]
	);
	const stored = await receiptRow(tx, report.idempotencyKey, hash);
	if (!stored) return { kind: 'duplicate', receipt: null }; // the key was someone else's
	const [receipt] = await describeNeeds(tx, [stored], context.locale);
	return { kind: stored.id === id ? 'stored' : 'duplicate', receipt };
}
