/**
 * Reporting a need, privately: the report flow with the caller's claims (anon and signed in),
 * bad input, idempotency, the rate limit, who can read what (through the table, the wijkteam
 * view and the private functions), withdrawing and downloading, retention and the published
 * figures. Runs on PGlite and, in the PostgreSQL tier, on PostgreSQL 15.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needReportSchema, type NeedReport } from '../../src/lib/schemas/need';
import {
	SERVICE_ROLE_CLAIMS,
	type Claims,
	type Database,
	type Tx
} from '../../src/lib/server/db/types';
import {
	exportMyNeeds,
	myNeeds,
	withdrawAllNeeds,
	withdrawNeed
} from '../../src/lib/server/needs/mine';
import { publishNeedFigures } from '../../src/lib/server/needs/publish';
import { ReportRateLimiter } from '../../src/lib/server/needs/rate-limit';
import { submitNeed, type ReportContext } from '../../src/lib/server/needs/report';
import { receiptHash } from '../../src/lib/server/needs/report-session';
import { purgeExpiredNeeds } from '../../src/lib/server/needs/retention';
import { needsForWijkteam } from '../../src/lib/server/needs/wijkteam';
import { migratedDatabase } from './harness';

const GEMEENTE = 'GM9801';
const BUURT = { X: 'BU98010101', Y: 'BU98010102', Z: 'BU98010201' };
const USER = {
	residentA: '00000000-0000-4000-8000-00000000a001',
	residentB: '00000000-0000-4000-8000-00000000a002',
	wijkteamX: '00000000-0000-4000-8000-00000000a003',
	council: '00000000-0000-4000-8000-00000000a004'
};
const TEAM_X = '00000000-0000-4000-8000-00000000b001';

const square = (x: number, y: number) =>
	JSON.stringify({
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + 0.01, y],
				[x + 0.01, y + 0.01],
				[x, y + 0.01],
				[x, y]
			]
		]
	});

const as = (user: keyof typeof USER): Claims => ({ role: 'authenticated', sub: USER[user] });

let db: Database;

beforeAll(async () => {
	db = await migratedDatabase();
	await db.asOwner(async (tx) => {
		for (const [name, id] of Object.entries(USER)) {
			await tx.query('insert into auth.users (id, email) values ($1, $2)', [
				id,
				`${name}@needs.test`
			]);
		}
	});
	await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		await tx.query(`update public.profiles set role = 'council' where id = $1`, [USER.council]);
		await tx.query(`insert into public.gemeenten (code, name) values ($1, 'Meldorp')`, [GEMEENTE]);
		await tx.query(
			`insert into public.wijken (code, gemeente_code, name) values
			 ('WK980101', $1, 'Oud'), ('WK980102', $1, 'Nieuw')`,
			[GEMEENTE]
		);
		const buurt = `insert into public.buurten (code, wijk_code, gemeente_code, name, boundary,
			centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat, households)
			values ($1, $2, $3, $4, $5::text::jsonb, $6::float8, $7::float8, $6::float8 - 0.005,
			  $7::float8 - 0.005, $6::float8 + 0.005, $7::float8 + 0.005, $8)`;
		await tx.query(buurt, [
			BUURT.X,
			'WK980101',
			GEMEENTE,
			'Kerkbuurt',
			square(6, 53),
			6.005,
			53.005,
			400
		]);
		await tx.query(buurt, [
			BUURT.Y,
			'WK980101',
			GEMEENTE,
			'Molenbuurt',
			square(6.01, 53),
			6.015,
			53.005,
			300
		]);
		await tx.query(buurt, [
			BUURT.Z,
			'WK980102',
			GEMEENTE,
			'Haven',
			square(6.02, 53),
			6.025,
			53.005,
			500
		]);
		await tx.query(`insert into public.teams (id, gemeente_code, name) values ($1, $2, 'Team X')`, [
			TEAM_X,
			GEMEENTE
		]);
		await tx.query(`insert into public.team_areas (team_id, buurt_code) values ($1, $2)`, [
			TEAM_X,
			BUURT.X
		]);
		await tx.query(`insert into public.team_members (team_id, user_id) values ($1, $2)`, [
			TEAM_X,
			USER.wijkteamX
		]);
	});
});

afterAll(async () => {
	await db?.close();
});

let keyCounter = 0;
function newKey(): string {
	keyCounter++;
	return `00000000-0000-4000-9000-${String(keyCounter).padStart(12, '0')}`;
}

function report(fields: Record<string, string>): NeedReport {
	return needReportSchema.parse({
		idempotency_key: newKey(),
		thema: 'geldzaken',
		buurt: BUURT.X,
		toestemming: 'ja',
		...fields
	});
}

function context(overrides: Partial<ReportContext> = {}): ReportContext {
	return {
		userId: null,
		session: 'session-one-aaaaaaaaaaaaaaaaaaaaaaaaaa',
		address: '203.0.113.1',
		retentionMonths: 12,
		limiter: new ReportRateLimiter({ perAddress: 10_000, perSession: 10_000, windowMinutes: 60 }),
		locale: 'nl',
		...overrides
	};
}

const asOwner = <T>(fn: (tx: Tx) => Promise<T>) => db.asOwner(fn);
async function rowsWithKey(key: string) {
	return asOwner((tx) =>
		tx.query<{
			id: string;
			reporter_id: string | null;
			household_key: string;
			description: string | null;
			point_lon: number | null;
			buurt_code: string;
			receipt_hash: string | null;
			consent_version: string | null;
			age_seconds: number;
			months_kept: number;
		}>(
			`select id, reporter_id, household_key, description, point_lon, buurt_code, receipt_hash,
			        consent_version, extract(epoch from now() - reported_at)::float as age_seconds,
			        (extract(year from age(expires_at, reported_at)) * 12
			          + extract(month from age(expires_at, reported_at)))::int as months_kept
			   from public.needs where idempotency_key = $1`,
			[key]
		)
	);
}
const countNeeds = async () =>
	(await asOwner((tx) => tx.query<{ n: number }>('select count(*)::int as n from public.needs')))[0]
		.n;

/** A select that must be refused for lack of privilege (not merely come back empty). */
async function refused(claims: Claims | null, sql: string, params: unknown[] = []) {
	await expect(db.withClaims(claims, (tx) => tx.query(sql, params))).rejects.toMatchObject({
		code: '42501'
	});
}

describe('reporting a need', () => {
	it('stores an anonymous report once and shows exactly what was stored', async () => {
		const input = report({ beschrijving: 'Ik zoek hulp bij mijn post.', huishouden: '3' });
		const outcome = await db.withClaims(null, (tx) => submitNeed(tx, input, context()));
		expect(outcome.kind).toBe('stored');
		if (outcome.kind !== 'stored') return;
		const [row] = await rowsWithKey(input.idempotencyKey);
		expect(row.id).toBe(outcome.receipt.id);
		expect(row.reporter_id).toBeNull();
		expect(row.household_key).toMatch(/^[0-9a-f-]{36}$/); // random: one household per report
		expect(row.receipt_hash).toBe(receiptHash(context().session, input.idempotencyKey));
		expect(row.consent_version).toBe('melden-2026-11');
		expect(row.months_kept).toBe(12);
		expect(row.age_seconds).toBeLessThan(60);
		expect(outcome.receipt).toMatchObject({
			theme: { code: 'geldzaken' },
			buurt: { code: BUURT.X, name: 'Kerkbuurt', wijkName: 'Oud' },
			description: 'Ik zoek hulp bij mijn post.',
			householdSize: 3,
			point: null,
			contact: null,
			status: 'open',
			signedIn: false
		});
	});

	it('returns the original receipt for a replayed key and stores nothing twice', async () => {
		const input = report({ beschrijving: 'Dubbel verstuurd' });
		const first = await db.withClaims(null, (tx) => submitNeed(tx, input, context()));
		const before = await countNeeds();
		const again = await db.withClaims(null, (tx) => submitNeed(tx, input, context()));
		expect(again.kind).toBe('duplicate');
		if (first.kind !== 'stored' || again.kind !== 'duplicate') return;
		expect(again.receipt?.id).toBe(first.receipt.id);
		// Another browser replaying the key: de-duplicated too, and it learns nothing.
		const stranger = await db.withClaims(null, (tx) =>
			submitNeed(tx, input, context({ session: 'someone-elses-session-bbbbbbbbbbbb' }))
		);
		expect(stranger).toEqual({ kind: 'duplicate', receipt: null });
		// A signed-in resident replaying an anonymous key: the same.
		const resident = await db.withClaims(as('residentB'), (tx) =>
			submitNeed(tx, input, context({ userId: USER.residentB }))
		);
		expect(resident).toEqual({ kind: 'duplicate', receipt: null });
		expect(await countNeeds()).toBe(before);
		expect(await rowsWithKey(input.idempotencyKey)).toHaveLength(1);
	});

	it('lands exactly once when the same key arrives many times at once', async () => {
		const input = report({});
		const outcomes = await Promise.all(
			Array.from({ length: 20 }, () =>
				db.withClaims(null, (tx) => submitNeed(tx, input, context()))
			)
		);
		expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(1);
		expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(19);
		expect(await rowsWithKey(input.idempotencyKey)).toHaveLength(1);
	});

	it('links a signed-in report to the account and counts the household once', async () => {
		const input = report({ thema: 'wonen', contact: 'email', contact_email: 'a@example.nl' });
		const outcome = await db.withClaims(as('residentA'), (tx) =>
			submitNeed(tx, input, context({ userId: USER.residentA }))
		);
		expect(outcome.kind).toBe('stored');
		const [row] = await rowsWithKey(input.idempotencyKey);
		expect(row.reporter_id).toBe(USER.residentA);
		expect(row.household_key).toBe(USER.residentA);
		expect(row.receipt_hash).toBeNull();
		if (outcome.kind === 'stored') {
			expect(outcome.receipt.contact).toEqual({ method: 'email', value: 'a@example.nl' });
			expect(outcome.receipt.signedIn).toBe(true);
		}
		const again = await db.withClaims(as('residentA'), (tx) =>
			submitNeed(tx, input, context({ userId: USER.residentA, session: 'another-tab' }))
		);
		expect(again.kind).toBe('duplicate');
		if (again.kind === 'duplicate') expect(again.receipt?.id).toBe(row.id);
	});

	it('maps a point to its buurt and keeps the point only with consent', async () => {
		const withoutConsent = report({ buurt: '', lon: '6.015', lat: '53.004' });
		const first = await db.withClaims(null, (tx) => submitNeed(tx, withoutConsent, context()));
		expect(first.kind).toBe('stored');
		const [row] = await rowsWithKey(withoutConsent.idempotencyKey);
		expect(row.buurt_code).toBe(BUURT.Y);
		expect(row.point_lon).toBeNull();

		// The point decides, even when the list says otherwise.
		const withConsent = report({ buurt: BUURT.Z, lon: '6.005', lat: '53.002', punt_bewaren: 'ja' });
		const second = await db.withClaims(null, (tx) => submitNeed(tx, withConsent, context()));
		expect(second.kind).toBe('stored');
		const [kept] = await rowsWithKey(withConsent.idempotencyKey);
		expect(kept.buurt_code).toBe(BUURT.X);
		expect(kept.point_lon).toBe(6.005);
	});

	it('keeps HTML and script in a description as plain text', async () => {
		const text = `<script>alert('x')</script><b onclick="steal()">vet</b> & "quotes"`;
		const input = report({ beschrijving: text });
		const outcome = await db.withClaims(null, (tx) => submitNeed(tx, input, context()));
		expect(outcome.kind).toBe('stored');
		expect((await rowsWithKey(input.idempotencyKey))[0].description).toBe(text);
	});
});

describe('bad input stores nothing', () => {
	const refusedWith = async (input: NeedReport, problem: string, field: string) => {
		const before = await countNeeds();
		const outcome = await db.withClaims(null, (tx) => submitNeed(tx, input, context()));
		expect(outcome).toEqual({ kind: 'invalid', field, problem });
		expect(await countNeeds()).toBe(before);
		expect(await rowsWithKey(input.idempotencyKey)).toHaveLength(0);
	};

	it('an unknown theme', () =>
		refusedWith(report({ thema: 'bestaat-niet' }), 'theme_unknown', 'thema'));
	it('a buurt that is not ours', () =>
		refusedWith(report({ buurt: 'BU99999999' }), 'buurt_unknown', 'buurt'));
	it('a point outside every buurt', () =>
		refusedWith(report({ buurt: '', lon: '4.9', lat: '52.37' }), 'point_outside', 'buurt'));

	it('too many reports from one session (and a replay still gets its receipt)', async () => {
		const limiter = new ReportRateLimiter({ perAddress: 100, perSession: 2, windowMinutes: 60 });
		const ctx = context({ limiter, session: 'rate-limited-session-cccccccccccc' });
		const first = report({});
		expect((await db.withClaims(null, (tx) => submitNeed(tx, first, ctx))).kind).toBe('stored');
		expect((await db.withClaims(null, (tx) => submitNeed(tx, report({}), ctx))).kind).toBe(
			'stored'
		);
		const third = report({});
		const before = await countNeeds();
		const outcome = await db.withClaims(null, (tx) => submitNeed(tx, third, ctx));
		expect(outcome).toEqual({ kind: 'rate_limited', retryAfterMinutes: 60 });
		expect(await countNeeds()).toBe(before);
		const replay = await db.withClaims(null, (tx) => submitNeed(tx, first, ctx));
		expect(replay.kind).toBe('duplicate');
	});

	it('the database refuses what the form would never send', async () => {
		const insert = (extra: string, values: string) =>
			db.withClaims(null, (tx) =>
				tx.query(
					`insert into public.needs (theme_code, buurt_code, household_key${extra})
					 values ('wonen', '${BUURT.X}', 'chosen-by-caller'${values})`
				)
			);
		// An expiry beyond 24 months.
		await expect(insert(', expires_at', `, now() + interval '25 months'`)).rejects.toMatchObject({
			code: '23514'
		});
		// A description longer than 1000 characters.
		await expect(insert(', description', `, repeat('x', 1001)`)).rejects.toMatchObject({
			code: '23514'
		});
		// A backdated report and a chosen household key are overruled.
		const key = newKey();
		await db.withClaims(null, (tx) =>
			tx.query(
				`insert into public.needs (theme_code, buurt_code, household_key, reported_at, expires_at, idempotency_key)
				 values ('wonen', $1, 'chosen-by-caller', now() - interval '5 years', now() + interval '1 month', $2)`,
				[BUURT.X, key]
			)
		);
		const [row] = await rowsWithKey(key);
		expect(row.household_key).not.toBe('chosen-by-caller');
		expect(row.age_seconds).toBeLessThan(60);
	});
});

describe('who can read a need', () => {
	let needOfA: string;
	let consentedOfA: string;

	beforeAll(async () => {
		const plain = report({ beschrijving: 'Geheim van A' });
		const consented = report({
			beschrijving: 'A wil gebeld worden',
			buurt: '',
			lon: '6.004',
			lat: '53.006',
			punt_bewaren: 'ja',
			contact: 'telefoon',
			contact_telefoon: '06 12345678'
		});
		for (const input of [plain, consented]) {
			await db.withClaims(as('residentA'), (tx) =>
				submitNeed(tx, input, context({ userId: USER.residentA }))
			);
		}
		needOfA = (await rowsWithKey(plain.idempotencyKey))[0].id;
		consentedOfA = (await rowsWithKey(consented.idempotencyKey))[0].id;
		// A point without contact consent: kept, but not for the wijkteam.
		await db.withClaims(as('residentB'), (tx) =>
			submitNeed(
				tx,
				report({
					buurt: '',
					lon: '6.003',
					lat: '53.003',
					punt_bewaren: 'ja',
					beschrijving: 'B, punt zonder contact'
				}),
				context({ userId: USER.residentB })
			)
		);
	});

	it('anon reads nothing: not the table, not the view, not the private functions', async () => {
		await refused(null, 'select id from public.needs');
		await refused(null, 'select count(*) from public.needs');
		await refused(null, 'select * from public.needs_for_wijkteam');
		await refused(null, 'select * from private.my_needs()');
		await refused(null, 'select private.consented_need_point($1)', [needOfA]);
		// The receipt needs the key and the session that sent it (and A's is not anonymous).
		const receipt = await db.withClaims(null, (tx) =>
			tx.query('select * from private.need_receipt($1, $2)', [newKey(), 'f'.repeat(64)])
		);
		expect(receipt).toEqual([]);
	});

	it('another resident sees only their own, through every way in', async () => {
		const mine = await db.withClaims(as('residentB'), (tx) => myNeeds(tx, 'nl'));
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((n) => n.description !== 'Geheim van A')).toBe(true);
		const base = await db.withClaims(as('residentB'), (tx) =>
			tx.query<{ id: string }>('select id, description from public.needs')
		);
		expect(base.map((r) => r.id)).not.toContain(needOfA);
		const view = await db.withClaims(as('residentB'), (tx) =>
			tx.query('select * from public.needs_for_wijkteam')
		);
		expect(view).toEqual([]);
		await refused(as('residentB'), 'select reporter_id from public.needs');
		await refused(as('residentB'), 'select household_key from public.needs');
		await refused(as('residentB'), 'select point_lon, point_lat from public.needs');
		await refused(as('residentB'), 'select * from public.needs');
		expect(await db.withClaims(as('residentB'), (tx) => withdrawNeed(tx, needOfA))).toBe(false);
		expect(
			(await asOwner((tx) => tx.query('select 1 from public.needs where id = $1', [needOfA])))
				.length
		).toBe(1);
	});

	it('the wijkteam sees needs in its buurt, never who reported them', async () => {
		await refused(as('wijkteamX'), 'select reporter_id from public.needs');
		await refused(as('wijkteamX'), 'select household_key from public.needs where buurt_code = $1', [
			BUURT.X
		]);
		await refused(as('wijkteamX'), 'select point_lon from public.needs');
		await refused(as('wijkteamX'), 'select idempotency_key, receipt_hash from public.needs');
		// Not even by filtering on a hidden column.
		await refused(as('wijkteamX'), 'select id from public.needs where reporter_id = $1', [
			USER.residentA
		]);
		await refused(as('wijkteamX'), `update public.needs set description = 'x' where id = $1`, [
			needOfA
		]);

		const seen = await db.withClaims(as('wijkteamX'), (tx) => needsForWijkteam(tx, 'nl'));
		expect(seen.length).toBeGreaterThan(0);
		const buurten = await asOwner((tx) =>
			tx.query<{ id: string; buurt_code: string }>('select id, buurt_code from public.needs')
		);
		const inX = new Set(buurten.filter((r) => r.buurt_code === BUURT.X).map((r) => r.id));
		expect(seen.every((n) => inX.has(n.id))).toBe(true);
		expect(seen.map((n) => n.id).sort()).toEqual([...inX].sort());
		const consented = seen.find((n) => n.id === consentedOfA)!;
		expect(consented.contact).toEqual({ method: 'phone', value: '06 12345678' });
		expect(consented.point).toEqual({ lon: 6.004, lat: 53.006 });
		const pointWithoutContact = seen.find((n) => n.description === 'B, punt zonder contact')!;
		expect(pointWithoutContact.point).toBeNull();
		expect(pointWithoutContact.contact).toBeNull();
		expect(Object.keys(consented)).not.toContain('reporterId');
		// The wijkteam may move a need through its statuses, nothing else.
		await db.withClaims(as('wijkteamX'), (tx) =>
			tx.query(`update public.needs set status = 'in_behandeling' where id = $1`, [needOfA])
		);
	});

	it('council reads no individual need', async () => {
		const rows = await db.withClaims(as('council'), (tx) =>
			tx.query('select id from public.needs')
		);
		expect(rows).toEqual([]);
		expect(
			await db.withClaims(as('council'), (tx) =>
				tx.query('select * from public.needs_for_wijkteam')
			)
		).toEqual([]);
	});

	it('the reporter reads every field, downloads it and withdraws', async () => {
		const exported = await db.withClaims(as('residentA'), (tx) =>
			exportMyNeeds(tx, { id: USER.residentA, email: 'residentA@needs.test' })
		);
		const row = exported.needs.find((n) => n.id === needOfA)!;
		expect(row).toMatchObject({
			reporter_id: USER.residentA,
			household_key: USER.residentA,
			description: 'Geheim van A',
			status: 'in_behandeling'
		});
		expect(Object.keys(row).sort()).toEqual(
			[
				'id',
				'theme_code',
				'buurt_code',
				'reporter_id',
				'household_key',
				'description',
				'point_lon',
				'point_lat',
				'household_size',
				'contact_consent',
				'contact_method',
				'contact_value',
				'status',
				'idempotency_key',
				'receipt_hash',
				'consent_version',
				'reported_at',
				'expires_at'
			].sort()
		);
		expect(await db.withClaims(as('residentA'), (tx) => withdrawNeed(tx, needOfA))).toBe(true);
		expect(
			(await asOwner((tx) => tx.query('select 1 from public.needs where id = $1', [needOfA])))
				.length
		).toBe(0);
		const left = await db.withClaims(as('residentA'), (tx) => myNeeds(tx, 'nl'));
		expect(left.length).toBeGreaterThan(0);
		const removed = await db.withClaims(as('residentA'), withdrawAllNeeds);
		expect(removed).toBe(left.length);
		expect(await db.withClaims(as('residentA'), (tx) => myNeeds(tx, 'nl'))).toEqual([]);
	});
});

describe('retention', () => {
	it('deletes exactly the expired needs', async () => {
		const ids = await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			const insert = (label: string, reported: string, expires: string) =>
				tx.query<{ id: string }>(
					`insert into public.needs (theme_code, buurt_code, household_key, description, reported_at, expires_at)
					 values ('wonen', $1, $2, $2, now() - $3::interval, now() + $4::interval) returning id`,
					[BUURT.Z, label, reported, expires]
				);
			return {
				expiredLongAgo: (await insert('retention-1', '13 months', '-1 month'))[0].id,
				expiredJustNow: (await insert('retention-2', '12 months', '-1 second'))[0].id,
				expiresSoon: (await insert('retention-3', '11 months', '1 hour'))[0].id,
				fresh: (await insert('retention-4', '1 day', '12 months'))[0].id
			};
		});
		const before = await countNeeds();
		const expiredBefore = (
			await asOwner((tx) =>
				tx.query<{ n: number }>(
					'select count(*)::int as n from public.needs where expires_at <= now()'
				)
			)
		)[0].n;
		const deleted = await purgeExpiredNeeds(db);
		expect(deleted).toBe(expiredBefore);
		expect(deleted).toBeGreaterThanOrEqual(2);
		expect(await countNeeds()).toBe(before - deleted);
		const left = await asOwner((tx) =>
			tx.query<{ id: string }>('select id from public.needs where id = any($1::uuid[])', [
				Object.values(ids)
			])
		);
		expect(left.map((r) => r.id).sort()).toEqual([ids.expiresSoon, ids.fresh].sort());
		expect(await purgeExpiredNeeds(db)).toBe(0);
	});

	it('is not something a request can do: API roles cannot raise an expiry', async () => {
		const input = report({});
		await db.withClaims(as('residentB'), (tx) =>
			submitNeed(tx, input, context({ userId: USER.residentB }))
		);
		await expect(
			db.withClaims(as('residentB'), (tx) =>
				tx.query(
					`update public.needs set expires_at = expires_at + interval '1 month' where status = 'open'`
				)
			)
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('the published figures', () => {
	it('hold no count of 1 to 4 and are all anon can read about needs', async () => {
		const summary = await publishNeedFigures(db);
		expect(summary.gemeenten).toBeGreaterThanOrEqual(1);
		const rows = await db.withClaims(null, (tx) =>
			tx.query<{
				area_code: string;
				theme_code: string;
				display: string;
				rounded_count: number | null;
				window_months: number;
			}>(
				'select area_code, theme_code, display, rounded_count, window_months from public.need_aggregates where gemeente_code = $1',
				[GEMEENTE]
			)
		);
		// 3 buurten × (themes + all) + wijken × (themes + all) + gemeente × (themes + all), 3 windows.
		const [{ themes }] = await asOwner((tx) =>
			tx.query<{ themes: number }>('select count(*)::int as themes from public.themes')
		);
		expect(rows).toHaveLength(3 * (3 + 2 + 1) * (themes + 1));
		for (const row of rows) {
			if (row.rounded_count !== null)
				expect(row.rounded_count === 0 || row.rounded_count >= 5).toBe(true);
		}
		expect(rows.some((r) => r.display === 'fewer_than_5')).toBe(true);
		// And the table itself refuses a small count, whoever writes it.
		await expect(
			db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
				tx.query(
					`update public.need_aggregates set rounded_count = 3, display = 'count' where area_code = $1`,
					[BUURT.X]
				)
			)
		).rejects.toMatchObject({ code: '23514' });
		await refused(
			null,
			`insert into public.need_aggregates (gemeente_code, window_months, area_level, area_code, theme_code, display, window_start, window_end)
			values ('${GEMEENTE}', 3, 'buurt', '${BUURT.X}', 'vervoer', 'hidden', now() - interval '1 day', now())`
		);
		await refused(as('residentA'), `delete from public.need_aggregates`);
	});

	it('count only reports before today, so a new report shows tomorrow at the earliest', async () => {
		const [{ window_end }] = await asOwner((tx) =>
			tx.query<{ window_end: Date }>(
				'select max(window_end) as window_end from public.need_aggregates'
			)
		);
		expect(new Date(window_end).getTime()).toBeLessThanOrEqual(Date.now());
		expect(Date.now() - new Date(window_end).getTime()).toBeLessThan(26 * 3600 * 1000);
	});
});
