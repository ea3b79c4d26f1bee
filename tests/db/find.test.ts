import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, type FindFilters } from '../../src/lib/schemas/find';
import { getOfferDetail } from '../../src/lib/server/offer/detail';
import { findOffer, findPage, type FindResult } from '../../src/lib/server/offer/find';
import { findGeoJson } from '../../src/lib/server/offer/geojson';
import { SERVICE_ROLE_CLAIMS, type Claims, type Database } from '../../src/lib/server/db/types';
import { migratedDatabase } from './harness';

// A tiny town: three buurten in a row along a parallel, each 0.05° of longitude (about 3.4 km)
// apart, with published, draft, pending and archived offer at known distances.
// Tuesday 1 December 2026, 19:30 in Amsterdam: the taalcafé (Tuesdays 19–21) is open.
const NOW = new Date('2026-12-01T18:30:00Z');

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const square = (lon: number, lat: number) => ({
	type: 'Polygon',
	coordinates: [
		[
			[lon - 0.02, lat - 0.012],
			[lon + 0.02, lat - 0.012],
			[lon + 0.02, lat + 0.012],
			[lon - 0.02, lat + 0.012],
			[lon - 0.02, lat - 0.012]
		]
	]
});
const BUURTEN = [
	{ code: 'BU99990101', wijk: 'WK999901', name: 'Noordhoek', lon: 5.0, lat: 52.0 },
	{ code: 'BU99990201', wijk: 'WK999902', name: 'Zuidrand', lon: 5.05, lat: 52.0 },
	{ code: 'BU99990202', wijk: 'WK999902', name: 'Oosteinde', lon: 5.1, lat: 52.0 }
];

const weekly = (day: number, opens: string, closes: string) => [
	{ day, opens, closes, every: 'week' }
];

const TAALCAFE = id(1);
const KOFFIE = id(2);
const DRAFT_INITIATIVE = id(3);
const VOEDSELBANK = id(11);
const OPVOED = id(12);
const DRAFT_PROVISION = id(13);

const INITIATIVES = [
	{
		id: TAALCAFE,
		name: 'Taalcafé De Brug',
		description: 'Samen Nederlands oefenen met vrijwilligers.',
		status: 'published',
		buurt_code: 'BU99990101',
		lon: 5.00300049, // more than six decimals: the map gets 5.003
		lat: 52.0,
		schedule: weekly(2, '19:00', '21:00'),
		languages: ['nl', 'ar'],
		accessibility: ['step_free', 'hearing_loop'],
		themes: ['taal-en-digitaal', 'sociaal-netwerk']
	},
	{
		id: KOFFIE,
		name: 'Koffieochtend Zuidrand',
		description: 'Koffie en een praatje met buurtgenoten.',
		status: 'published',
		buurt_code: 'BU99990201',
		lon: 5.05,
		lat: 52.0,
		schedule: weekly(1, '10:00', '12:00'),
		languages: ['nl'],
		accessibility: ['step_free'],
		themes: ['sociaal-netwerk']
	},
	// Not public, whatever they match: a draft, one waiting for moderation, one that has ended.
	...[
		[DRAFT_INITIATIVE, 'Geheim concept taalcafé', 'draft'],
		[id(4), 'Wachtende buurtkamer', 'pending'],
		[id(5), 'Oud repaircafé', 'archived']
	].map(([key, name, status]) => ({
		id: key,
		name,
		description: 'Samen Nederlands oefenen.',
		status,
		buurt_code: 'BU99990101',
		lon: 5.001,
		lat: 52.0,
		schedule: weekly(2, '19:00', '21:00'),
		languages: ['nl', 'ar'],
		accessibility: ['step_free', 'hearing_loop'],
		themes: ['taal-en-digitaal', 'sociaal-netwerk']
	}))
];

const PROVISIONS = [
	{
		id: VOEDSELBANK,
		name: 'Voedselbank-uitgiftepunt Oosteinde',
		description: 'Een wekelijks pakket voor huishoudens met een verwijzing.',
		status: 'published',
		buurt_code: 'BU99990202',
		theme_code: 'voeding',
		lon: 5.1,
		lat: 52.0,
		schedule: weekly(5, '14:00', '16:00'),
		languages: ['nl', 'en'],
		accessibility: []
	},
	{
		id: OPVOED,
		name: 'Opvoedspreekuur Noordhoek',
		description: 'Vragen over opvoeden en opgroeien.',
		status: 'published',
		buurt_code: 'BU99990101',
		theme_code: 'opvoeden-en-opgroeien',
		lon: 5.006,
		lat: 52.0,
		schedule: weekly(3, '09:00', '11:00'),
		languages: ['nl'],
		accessibility: ['step_free', 'accessible_toilet']
	},
	{
		id: DRAFT_PROVISION,
		name: 'Concept voedselpunt',
		description: 'Nog niet open.',
		status: 'draft',
		buurt_code: 'BU99990101',
		theme_code: 'voeding',
		lon: 5.002,
		lat: 52.0,
		schedule: weekly(2, '19:00', '21:00'),
		languages: ['nl', 'en'],
		accessibility: ['step_free']
	}
];

const ALL_PUBLISHED = [
	'Koffieochtend Zuidrand',
	'Opvoedspreekuur Noordhoek',
	'Taalcafé De Brug',
	'Voedselbank-uitgiftepunt Oosteinde'
];

let db: Database;

beforeAll(async () => {
	db = await migratedDatabase();
	await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		await tx.query(`insert into public.gemeenten (code, name) values ('GM9999', 'Proefstad')`);
		await tx.query(
			`insert into public.wijken (code, gemeente_code, name)
			 values ('WK999901', 'GM9999', 'Noord'), ('WK999902', 'GM9999', 'Zuid')`
		);
		for (const b of BUURTEN) {
			await tx.query(
				`insert into public.buurten (code, wijk_code, gemeente_code, name, boundary, centroid_lon,
				   centroid_lat, min_lon, min_lat, max_lon, max_lat)
				 values ($1, $2, 'GM9999', $3, $4::text::jsonb, $5::float8, $6::float8, $5::float8 - 0.02,
				   $6::float8 - 0.012, $5::float8 + 0.02, $6::float8 + 0.012)`,
				[b.code, b.wijk, b.name, JSON.stringify(square(b.lon, b.lat)), b.lon, b.lat]
			);
		}
		for (const i of INITIATIVES) {
			await tx.query(
				`insert into public.initiatives (id, name, description, status, buurt_code, lon, lat,
				   schedule, languages, accessibility)
				 values ($1, $2, $3, $4::public.initiative_status, $5, $6, $7, $8::text::jsonb,
				   string_to_array($9, ','), string_to_array($10, ','))`,
				[
					i.id,
					i.name,
					i.description,
					i.status,
					i.buurt_code,
					i.lon,
					i.lat,
					JSON.stringify(i.schedule),
					i.languages.join(','),
					i.accessibility.join(',')
				]
			);
			for (const theme of i.themes) {
				await tx.query(
					'insert into public.initiative_themes (initiative_id, theme_code) values ($1, $2)',
					[i.id, theme]
				);
			}
		}
		for (const p of PROVISIONS) {
			await tx.query(
				`insert into public.provisions (id, name, description, status, buurt_code, theme_code, lon,
				   lat, schedule, languages, accessibility, weekly_capacity)
				 values ($1, $2, $3, $4::public.provision_status, $5, $6, $7, $8, $9::text::jsonb,
				   string_to_array($10, ','), string_to_array($11, ','), 40)`,
				[
					p.id,
					p.name,
					p.description,
					p.status,
					p.buurt_code,
					p.theme_code,
					p.lon,
					p.lat,
					JSON.stringify(p.schedule),
					p.languages.join(','),
					p.accessibility.join(',')
				]
			);
		}
	});
});

afterAll(async () => {
	await db?.close();
});

/** Anonymous visitors, and service_role, which RLS lets read every draft. */
const READERS: [string, Claims | null][] = [
	['anon', null],
	['service_role', SERVICE_ROLE_CLAIMS]
];

async function find(
	filters: Partial<FindFilters>,
	claims: Claims | null = null,
	now = NOW
): Promise<FindResult> {
	return db.withClaims(claims, (tx) => findOffer(tx, { ...NO_FILTERS, ...filters }, now));
}

async function names(filters: Partial<FindFilters>, claims: Claims | null = null) {
	const result = await find(filters, claims);
	if (!result.ok) throw new Error(result.problem);
	return result.items.map((item) => item.name);
}

describe('findOffer', () => {
	it.each(READERS)('shows %s every published item and never a draft', async (_, claims) => {
		expect(await names({}, claims)).toEqual(ALL_PUBLISHED);
		expect(await names({ text: 'geheim' }, claims)).toEqual([]);
		expect(await names({ text: 'concept voedselpunt' }, claims)).toEqual([]);
		expect(await names({ text: 'wachtende' }, claims)).toEqual([]);
		expect(await names({ text: 'repaircafe' }, claims)).toEqual([]);
	});

	it('matches free text Dutch-aware: accents, compounds, case and small typos', async () => {
		for (const text of ['taal cafe', 'Taalcafé', 'TAALCAFE', 'taalcfe', 'cafe de brug']) {
			expect(await names({ text })).toEqual(['Taalcafé De Brug']);
		}
		expect(await names({ text: 'voedselbank' })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
		// The buurt, the wijk and the theme's name count as well.
		expect(await names({ text: 'oosteinde' })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
		expect(await names({ text: 'eten' })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
		expect(await names({ text: 'loneliness' })).toEqual([
			'Koffieochtend Zuidrand',
			'Taalcafé De Brug'
		]);
		expect(await names({ text: 'zwembad' })).toEqual([]);
	});

	it('narrows by kind', async () => {
		expect(await names({ kind: 'initiative' })).toEqual([
			'Koffieochtend Zuidrand',
			'Taalcafé De Brug'
		]);
		expect(await names({ kind: 'provision' })).toEqual([
			'Opvoedspreekuur Noordhoek',
			'Voedselbank-uitgiftepunt Oosteinde'
		]);
	});

	it('narrows by theme, and reports a theme that does not exist', async () => {
		expect(await names({ theme: 'sociaal-netwerk' })).toEqual([
			'Koffieochtend Zuidrand',
			'Taalcafé De Brug'
		]);
		expect(await names({ theme: 'voeding' })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
		expect(await find({ theme: 'bestaat-niet' })).toEqual({ ok: false, problem: 'unknown_theme' });
	});

	it('narrows by the law of the themes', async () => {
		expect(await names({ law: 'jeugdwet' })).toEqual(['Opvoedspreekuur Noordhoek']);
		expect(await names({ law: 'participatiewet' })).toEqual(['Taalcafé De Brug']);
		expect(await names({ law: 'wmo2015' })).toEqual(['Koffieochtend Zuidrand', 'Taalcafé De Brug']);
		expect(await names({ law: 'geen' })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
	});

	it('narrows by wijk or buurt, and reports an area that does not exist', async () => {
		expect(await names({ area: 'WK999902' })).toEqual([
			'Koffieochtend Zuidrand',
			'Voedselbank-uitgiftepunt Oosteinde'
		]);
		expect(await names({ area: 'BU99990101' })).toEqual([
			'Opvoedspreekuur Noordhoek',
			'Taalcafé De Brug'
		]);
		expect(await find({ area: 'WK999909' })).toEqual({ ok: false, problem: 'unknown_area' });
	});

	it('narrows by language spoken', async () => {
		expect(await names({ language: 'ar' })).toEqual(['Taalcafé De Brug']);
		expect(await names({ language: 'en' })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
		expect(await names({ language: 'de' })).toEqual([]);
	});

	it('narrows by accessibility: every feature asked for', async () => {
		expect(await names({ accessibility: ['step_free'] })).toEqual([
			'Koffieochtend Zuidrand',
			'Opvoedspreekuur Noordhoek',
			'Taalcafé De Brug'
		]);
		expect(await names({ accessibility: ['step_free', 'hearing_loop'] })).toEqual([
			'Taalcafé De Brug'
		]);
		expect(await names({ accessibility: ['quiet_space'] })).toEqual([]);
	});

	it('orders by walking minutes from a buurt, and narrows by a walking distance', async () => {
		const all = await find({ nearBuurt: 'BU99990101' });
		if (!all.ok) throw new Error(all.problem);
		expect(all.reference).toMatchObject({ kind: 'buurt', code: 'BU99990101', name: 'Noordhoek' });
		// 205 m, 411 m, 3.4 km and 6.8 km, × 1.3 at 75 m a minute, rounded up.
		expect(all.items.map((item) => [item.name, item.minutes])).toEqual([
			['Taalcafé De Brug', 4],
			['Opvoedspreekuur Noordhoek', 8],
			['Koffieochtend Zuidrand', 60],
			['Voedselbank-uitgiftepunt Oosteinde', 119]
		]);
		expect(await names({ nearBuurt: 'BU99990101', maxMinutes: 5 })).toEqual(['Taalcafé De Brug']);
		expect(await names({ nearBuurt: 'BU99990101', maxMinutes: 10 })).toEqual([
			'Taalcafé De Brug',
			'Opvoedspreekuur Noordhoek'
		]);
		expect(await find({ nearBuurt: 'BU99990909' })).toEqual({ ok: false, problem: 'unknown_near' });
	});

	it('measures from a point, names its buurt, and lets a buurt win over a point', async () => {
		const result = await find({ point: { lon: 5.099, lat: 52.001 }, maxMinutes: 15 });
		if (!result.ok) throw new Error(result.problem);
		expect(result.reference).toMatchObject({ kind: 'point', buurtName: 'Oosteinde' });
		expect(result.items.map((item) => item.name)).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);

		const outside = await find({ point: { lon: 4.0, lat: 51.0 } });
		expect(outside.ok && outside.reference).toMatchObject({ kind: 'point', buurtName: null });

		expect(
			await names({ point: { lon: 5.1, lat: 52.0 }, nearBuurt: 'BU99990101', maxMinutes: 5 })
		).toEqual(['Taalcafé De Brug']);
	});

	it('ignores a walking distance without a place, and says so', async () => {
		const result = await find({ maxMinutes: 5 });
		expect(result.ok && result.distanceIgnored).toBe(true);
		expect(result.ok && result.items.length).toBe(4);
	});

	it('narrows by weekday and by "open now" on Dutch clocks', async () => {
		expect(await names({ day: 2 })).toEqual(['Taalcafé De Brug']);
		expect(await names({ day: 5 })).toEqual(['Voedselbank-uitgiftepunt Oosteinde']);
		expect(await names({ day: 7 })).toEqual([]);
		expect(await names({ openNow: true })).toEqual(['Taalcafé De Brug']);
		// Wednesday 2 December, 10:00 CET.
		const wednesday = await find({ openNow: true }, null, new Date('2026-12-02T09:00:00Z'));
		expect(wednesday.ok && wednesday.items.map((item) => item.name)).toEqual([
			'Opvoedspreekuur Noordhoek'
		]);
		const all = await find({});
		expect(all.ok && all.items.find((item) => item.id === TAALCAFE)?.next).toEqual({
			date: '2026-12-01',
			opens: '19:00',
			closes: '21:00',
			every: 'week'
		});
	});

	it('combines filters (all of them must hold)', async () => {
		expect(await names({ kind: 'initiative', language: 'ar', openNow: true })).toEqual([
			'Taalcafé De Brug'
		]);
		expect(await names({ kind: 'provision', language: 'ar' })).toEqual([]);
	});

	it('offers only values that exist: themes, wijken with their buurten, languages spoken', async () => {
		const result = await find({});
		if (!result.ok) throw new Error(result.problem);
		expect(result.options.themes.map((t) => t.code)).toContain('voeding');
		expect(result.options.wijken.map((w) => [w.name, w.buurten.map((b) => b.name)])).toEqual([
			['Noord', ['Noordhoek']],
			['Zuid', ['Oosteinde', 'Zuidrand']]
		]);
		// Arabic comes from the published taalcafé; drafts do not add languages.
		expect(result.options.languages).toEqual(['ar', 'en', 'nl']);
	});
});

describe('findPage and findGeoJson', () => {
	it('pages the list; a page past the end does not exist', async () => {
		const page = await db.withClaims(null, (tx) => findPage(tx, NO_FILTERS, NOW));
		expect(page.ok && [page.total, page.pages, page.items.length]).toEqual([4, 1, 4]);
		expect(page.ok && page.query).toBe('');
		const beyond = await db.withClaims(null, (tx) => findPage(tx, { ...NO_FILTERS, page: 2 }, NOW));
		expect(beyond).toEqual({ ok: false, problem: 'no_such_page', pages: 1 });
	});

	it('gives the map the same items in the same order, with only what it draws', async () => {
		const filters: FindFilters = { ...NO_FILTERS, nearBuurt: 'BU99990101', maxMinutes: 60 };
		const [list, map] = await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => [
			await findOffer(tx, filters, NOW),
			await findGeoJson(tx, filters, NOW)
		]);
		if (!list.ok || !map.ok) throw new Error('unexpected problem');
		expect(map.collection.features.map((f) => f.properties.id)).toEqual(
			list.items.map((item) => item.id)
		);
		for (const feature of map.collection.features) {
			expect(Object.keys(feature.properties).sort()).toEqual(['id', 'kind', 'name']);
		}
		expect(map.collection.features[0].geometry.coordinates).toEqual([5.003, 52]);
	});
});

describe('getOfferDetail', () => {
	const detail = (kind: 'initiative' | 'provision', key: string, claims: Claims | null = null) =>
		db.withClaims(claims, (tx) => getOfferDetail(tx, kind, key, NOW));

	it('gives a published item with its themes in order, next dates and related places nearby', async () => {
		const offer = await detail('initiative', TAALCAFE);
		expect(offer).toMatchObject({
			name: 'Taalcafé De Brug',
			buurtName: 'Noordhoek',
			wijkName: 'Noord',
			openNow: true,
			languages: ['nl', 'ar'],
			weeklyCapacity: null
		});
		expect(offer!.themes.map((t) => t.code)).toEqual(['sociaal-netwerk', 'taal-en-digitaal']);
		expect(offer!.next.map((o) => o.date)).toEqual([
			'2026-12-01',
			'2026-12-08',
			'2026-12-15',
			'2026-12-22'
		]);
		// Shares "sociaal-netwerk"; never itself, never a draft.
		expect(offer!.nearby.map((item) => [item.name, item.minutes])).toEqual([
			['Koffieochtend Zuidrand', 56]
		]);
		const provision = await detail('provision', VOEDSELBANK);
		expect(provision).toMatchObject({ weeklyCapacity: 40, catchmentMinutes: 15 });
	});

	it.each(READERS)(
		'gives %s nothing for a draft, an unknown id or the wrong kind',
		async (_, claims) => {
			expect(await detail('initiative', DRAFT_INITIATIVE, claims)).toBeNull();
			expect(await detail('provision', DRAFT_PROVISION, claims)).toBeNull();
			expect(await detail('initiative', id(999), claims)).toBeNull();
			expect(await detail('provision', TAALCAFE, claims)).toBeNull();
		}
	);
});
