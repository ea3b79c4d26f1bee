/**
 * The wijkteam workspace on a real database (PGlite here, PostgreSQL 15 in the PostgreSQL tier):
 * shared-need detection through the member's own data path on the demo city, the signal
 * workflow as the database enforces it (transitions, required fields, the audit trail, optimistic
 * locking), what another team and the council see, last visits, live updates and the digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GEMEENTE_CODE } from '../../src/lib/server/demo/generate-city';
import { seedDemoCity, type SeedSummary } from '../../src/lib/server/demo/seed';
import {
	SERVICE_ROLE_CLAIMS,
	type Claims,
	type Database,
	type Tx
} from '../../src/lib/server/db/types';
import { bindToClaims } from '../../src/lib/server/request-database';
import { DEFAULT_WORKSPACE } from '../../src/lib/schemas/signal-filters';
import type { StepForm } from '../../src/lib/schemas/signal-step';
import { loadProvisionSignals } from '../../src/lib/server/planning/data';
import { gapAnalysis } from '../../src/lib/server/planning/service';
import { runSignalDigest } from '../../src/lib/server/signals/digest';
import {
	allTeamAreas,
	detectForTeam,
	teamAreasOfMember,
	type TeamArea
} from '../../src/lib/server/signals/detection';
import { addNote, assign, moveBack, saveStep } from '../../src/lib/server/signals/commands';
import { loadSignal } from '../../src/lib/server/signals/reads';
import type { ChangeOutcome } from '../../src/lib/server/signals/signal-row';
import { newNeedsSince } from '../../src/lib/server/signals/updates';
import {
	recordVisit,
	signalByHand,
	signalFromCluster,
	workspacePage
} from '../../src/lib/server/workspace/workspace';
import { migratedDatabase } from './harness';

let db: Database;
let seed: SeedSummary;
const who: Record<'centrum' | 'centrum2' | 'oost' | 'council' | 'resident' | 'admin', Claims> =
	{} as never;
let centrum: TeamArea;
let oost: TeamArea;

const title = (theme: string, names: string[]) => `${theme} in ${names.join(', ')}`;
const as = <T>(claims: Claims, fn: (tx: Tx) => Promise<T>) => db.withClaims(claims, fn);

/** The SQLSTATE and message a statement raises as `claims`, or 'ok'. */
async function attempt(claims: Claims, sql: string, params: unknown[] = []) {
	try {
		const rows = await as(claims, (tx) => tx.query(sql, params));
		return { code: 'ok', message: '', rows: rows.length };
	} catch (error) {
		const e = error as { code?: string; message?: string };
		return { code: e.code ?? '?', message: e.message ?? '', rows: 0 };
	}
}

async function signalState(id: string) {
	const [row] = await as(SERVICE_ROLE_CLAIMS, (tx) =>
		tx.query<{ status: string; version: number; assessment: string | null }>(
			'select status::text as status, version, assessment from public.signals where id = $1',
			[id]
		)
	);
	return row;
}

async function eventsOf(id: string) {
	return as(SERVICE_ROLE_CLAIMS, (tx) =>
		tx.query<{
			kind: string;
			from_status: string | null;
			to_status: string | null;
			note: string | null;
			actor_id: string | null;
		}>(
			`select kind, from_status::text as from_status, to_status::text as to_status, note, actor_id::text as actor_id
			   from public.signal_events where signal_id = $1 order by id`,
			[id]
		)
	);
}

const step = (
	version: number,
	seenStatus: StepForm['seenStatus'],
	action: StepForm['action'],
	input: StepForm['input']
): StepForm => ({ version, seenStatus, action, input });

beforeAll(async () => {
	db = await migratedDatabase();
	seed = await seedDemoCity(db, { now: new Date() });
	const users = await db.asOwner(async (tx) => {
		// A second member of Wijkteam Centrum, for two people changing one signal.
		await tx.query(`insert into auth.users (email) values ('collega@voorbeeldstad.example')`);
		return tx.query<{ id: string; email: string }>('select id::text as id, email from auth.users');
	});
	const id = (email: string) => users.find((u) => u.email === email)!.id;
	const claims = (email: string): Claims => ({ role: 'authenticated', sub: id(email) });
	who.centrum = claims('wijkteam@voorbeeldstad.example');
	who.centrum2 = claims('collega@voorbeeldstad.example');
	who.oost = claims('wijkteam2@voorbeeldstad.example');
	who.council = claims('gemeente@voorbeeldstad.example');
	who.resident = claims('bewoner@voorbeeldstad.example');
	who.admin = claims('beheer@voorbeeldstad.example');
	await as(SERVICE_ROLE_CLAIMS, async (tx) => {
		await tx.query(
			`insert into public.team_members (team_id, user_id)
			 select t.id, $1 from public.teams t where t.name = 'Wijkteam Centrum'`,
			[who.centrum2.sub]
		);
		await tx.query(`update public.profiles set display_name = 'Cas Collega' where id = $1`, [
			who.centrum2.sub
		]);
	});
	[centrum] = await as(who.centrum, teamAreasOfMember);
	[oost] = await as(who.oost, teamAreasOfMember);
}, 120_000);

afterAll(async () => {
	await db?.close();
});

// ============================================================================================
// Detection wired to the data
// ============================================================================================

describe('shared-need detection on the demo city, through the workspace data path', () => {
	it('stores the adjacency of the buurten when the demo city is seeded', async () => {
		const [{ pairs }] = await as(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ pairs: number }>('select count(*)::int as pairs from public.buurt_adjacency')
		);
		// The generator's Voronoi tiling: 100 buurten with about five neighbours each.
		expect(pairs).toBeGreaterThan(200);
		expect(pairs).toBeLessThan(325);
		// Anyone reads it, like the geography.
		const anon = await db.withClaims(null, (tx) =>
			tx.query('select 1 from public.buurt_adjacency limit 1')
		);
		expect(anon).toHaveLength(1);
	});

	it('finds the seeded hot spot of Wijkteam Centrum (geldzaken in BU90010102) as its member', async () => {
		expect(centrum.name).toBe('Wijkteam Centrum');
		const page = await as(who.centrum, (tx) =>
			workspacePage(tx, { teamId: null, ...DEFAULT_WORKSPACE }, 'nl')
		);
		expect(page.ok).toBe(true);
		if (!page.ok) return;
		const { value: data } = page;
		const spots = seed.hotSpots.filter((s) => centrum.buurten.some((b) => b.code === s.buurtCode));
		expect(spots.map((s) => `${s.themeCode} ${s.buurtCode}`)).toEqual(['geldzaken BU90010102']);
		const cluster = data.clusters.find(
			(c) => c.themeCode === 'geldzaken' && c.buurten.some((b) => b.code === 'BU90010102')
		);
		expect(cluster).toBeDefined();
		expect(cluster!.count).toBeGreaterThanOrEqual(spots[0].households);
		expect(cluster!.reasons).toContain('threshold');
		expect(cluster!.reasons).toContain('significant');
		// Only the team's own buurten are tested: its buurten × every theme.
		expect(data.testedCells).toBeLessThanOrEqual(centrum.buurten.length * 10);
		expect(data.map!.features).toHaveLength(centrum.buurten.length);
		expect(data.adjacencyStored).toBe(true);
		console.log(
			`demo city, Wijkteam Centrum (${centrum.buurten.length} buurten, defaults ${JSON.stringify(DEFAULT_WORKSPACE)}): ` +
				`${data.cells.length} candidate cells in ${data.clusters.length} clusters; ` +
				`hot spot geldzaken BU90010102 in cluster ${cluster!.number} with ${cluster!.count} households, q ${cluster!.minQ?.toExponential(2)}`
		);
	});

	it('counts households, not reports, without the household key: the same as service_role', async () => {
		const viaMember = await as(who.centrum, (tx) =>
			detectForTeam(tx, centrum, DEFAULT_WORKSPACE, 'member')
		);
		const viaService = await as(SERVICE_ROLE_CLAIMS, (tx) =>
			detectForTeam(tx, centrum, DEFAULT_WORKSPACE, 'service')
		);
		const cells = (r: typeof viaMember) =>
			r.result.cells.map((c) => `${c.themeCode} ${c.buurtCode} ${c.count} ${c.q?.toPrecision(8)}`);
		expect(cells(viaMember)).toEqual(cells(viaService));
		// The demo plants households that report the same need twice: fewer households than reports.
		const hot = viaMember.result.cells.find(
			(c) => c.themeCode === 'geldzaken' && c.buurtCode === 'BU90010102'
		)!;
		const [{ reports }] = await as(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ reports: number }>(
				`select count(*)::int as reports from public.needs
				  where theme_code = 'geldzaken' and buurt_code = 'BU90010102'
				    and status in ('open', 'in_behandeling') and reported_at >= now() - interval '90 days'`
			)
		);
		expect(hot.count).toBeLessThan(reports);
	});

	it('finds every seeded hot spot, each through its own team', async () => {
		const teams = await as(SERVICE_ROLE_CLAIMS, allTeamAreas);
		const found: string[] = [];
		for (const team of teams) {
			const { result } = await as(SERVICE_ROLE_CLAIMS, (tx) =>
				detectForTeam(tx, team, DEFAULT_WORKSPACE, 'service')
			);
			for (const spot of seed.hotSpots.filter((s) =>
				team.buurten.some((b) => b.code === s.buurtCode)
			)) {
				const hit = result.clusters.some(
					(c) => c.themeCode === spot.themeCode && c.buurtCodes.includes(spot.buurtCode)
				);
				if (hit) found.push(`${spot.themeCode} ${spot.buurtCode} (${team.name})`);
			}
			console.log(
				`demo city, ${team.name}: ${team.buurten.length} buurten, ${result.testedCells} tested cells, ` +
					`${result.candidates.length} candidate cells in ${result.clusters.length} clusters`
			);
		}
		console.log(`hot spots found: ${found.length} of ${seed.hotSpots.length}: ${found.join('; ')}`);
		expect(found).toHaveLength(seed.hotSpots.length);
	});

	it('gives a member the municipal totals per theme, and nobody outside the gemeente', async () => {
		const sql = 'select * from private.theme_household_totals($1, 90)';
		const rows = await as(who.centrum, (tx) =>
			tx.query<{ theme_code: string; households_with_need: number; households: number }>(sql, [
				DEMO_GEMEENTE_CODE
			])
		);
		expect(rows).toHaveLength(10);
		expect(Object.keys(rows[0]).sort()).toEqual([
			'households',
			'households_with_need',
			'theme_code'
		]);
		expect((await attempt(who.centrum, sql, ['GM0344'])).code).toBe('42501');
		expect((await attempt(who.resident, sql, [DEMO_GEMEENTE_CODE])).code).toBe('42501');
		expect((await attempt(who.council, sql, [DEMO_GEMEENTE_CODE])).code).toBe('42501');
		expect(
			(
				await attempt(who.centrum, 'select * from private.theme_household_totals($1, 0)', [
					DEMO_GEMEENTE_CODE
				])
			).code
		).toBe('22023');
	});

	it('shows another team none of Centrum’s buurten, needs or clusters', async () => {
		const page = await as(who.oost, (tx) =>
			workspacePage(tx, { teamId: null, ...DEFAULT_WORKSPACE }, 'nl')
		);
		expect(page.ok).toBe(true);
		if (!page.ok) return;
		const centrumCodes = new Set(centrum.buurten.map((b) => b.code));
		expect(page.value.map!.features.some((f) => centrumCodes.has(String(f.properties?.code)))).toBe(
			false
		);
		expect(page.value.clusters.some((c) => c.buurten.some((b) => centrumCodes.has(b.code)))).toBe(
			false
		);
		expect(page.value.clusters.some((c) => c.themeCode === 'sociaal-netwerk')).toBe(true);
		// Asking for Centrum's team by id: not one of theirs.
		const other = await as(who.oost, (tx) =>
			workspacePage(tx, { teamId: centrum.id, ...DEFAULT_WORKSPACE }, 'nl')
		);
		expect(other).toEqual({ ok: false, error: 'unknown_team' });
	});
});

// ============================================================================================
// The workflow
// ============================================================================================

describe('a signal from a cluster through every step', () => {
	let id = '';
	const cluster = { teamId: '', themeCode: 'geldzaken', buurtCodes: [] as string[] };

	it('is made from the cluster, once; a changed cluster is refused', async () => {
		const { result } = await as(who.centrum, (tx) =>
			detectForTeam(tx, centrum, DEFAULT_WORKSPACE, 'member')
		);
		const hot = result.clusters.find(
			(c) => c.themeCode === 'geldzaken' && c.buurtCodes.includes('BU90010102')
		)!;
		Object.assign(cluster, { teamId: centrum.id, buurtCodes: hot.buurtCodes });
		const made = await as(who.centrum, (tx) =>
			signalFromCluster(tx, { ...cluster, ...DEFAULT_WORKSPACE }, 'nl', title)
		);
		expect(made.kind).toBe('created');
		id = (made as { id: string }).id;
		const again = await as(who.centrum, (tx) =>
			signalFromCluster(tx, { ...cluster, ...DEFAULT_WORKSPACE }, 'nl', title)
		);
		expect(again).toMatchObject({ kind: 'exists', id });
		// A form whose buurten were changed (or a cluster that no longer exists).
		const tampered = await as(who.centrum, (tx) =>
			signalFromCluster(
				tx,
				{
					...cluster,
					buurtCodes: ['BU90010101', 'BU90010102', 'BU90010199'],
					...DEFAULT_WORKSPACE
				},
				'nl',
				title
			)
		);
		expect(tampered).toEqual({ kind: 'gone' });
		// Another team's id in the form.
		const foreign = await as(who.oost, (tx) =>
			signalFromCluster(tx, { ...cluster, ...DEFAULT_WORKSPACE }, 'nl', title)
		);
		expect(foreign).toEqual({ kind: 'unknown_team' });

		const view = await as(who.centrum, (tx) => loadSignal(tx, id, 'nl'));
		expect(view).toMatchObject({
			status: 'signaleren',
			version: 1,
			source: 'cluster',
			householdCount: hot.households,
			theme: { code: 'geldzaken' }
		});
		expect(view!.detection!.cells.map((c) => c.buurtCode)).toEqual(hot.buurtCodes);
		expect(view!.events).toMatchObject([
			{ kind: 'aangemaakt', to: 'signaleren', actorId: who.centrum.sub, actorName: 'Wies Wijkteam' }
		]);
	});

	it('moves forward one step; the database refuses a skipped step, whoever asks', async () => {
		expect(
			await as(who.centrum, (tx) =>
				saveStep(
					tx,
					id,
					step(1, 'signaleren', 'verder', {
						step: 'signaleren',
						title: 'Geldzorgen',
						householdCount: 18
					})
				)
			)
		).toEqual({ ok: true, value: null });
		expect(await signalState(id)).toMatchObject({ status: 'beoordelen', version: 2 });
		for (const claims of [who.centrum, SERVICE_ROLE_CLAIMS]) {
			const skip = await attempt(
				claims,
				`update public.signals set status = 'evalueren' where id = $1`,
				[id]
			);
			expect(skip.code).toBe('23514');
			expect(skip.message).toMatch(/^signal_skip:/);
		}
	});

	it('asks for the assessment before interveniëren, in the app and in the database', async () => {
		const missing = await as(who.centrum, (tx) =>
			saveStep(
				tx,
				id,
				step(2, 'beoordelen', 'verder', {
					step: 'beoordelen',
					assessment: '',
					urgency: null,
					leefgebieden: ['geldzaken'],
					burgerkracht: { netwerk: true }
				})
			)
		);
		expect(missing).toEqual({
			ok: false,
			error: {
				kind: 'invalid',
				fields: [
					{ field: 'beoordeling', problem: 'assessment' },
					{ field: 'urgentie', problem: 'urgency' },
					{ field: 'burgerkracht', problem: 'burgerkracht' }
				]
			}
		});
		expect(await signalState(id)).toMatchObject({ status: 'beoordelen', version: 2 });
		const direct = await attempt(
			who.centrum,
			`update public.signals set status = 'interveniëren', urgency = 'hoog' where id = $1`,
			[id]
		);
		expect(direct.message).toMatch(/^signal_requires_assessment:/);
		// Saving half an assessment is fine: it stays in beoordelen, nothing is lost.
		expect(
			await as(who.centrum, (tx) =>
				saveStep(
					tx,
					id,
					step(2, 'beoordelen', 'opslaan', {
						step: 'beoordelen',
						assessment: 'Veel huishoudens met betalingsachterstanden.',
						urgency: null,
						leefgebieden: ['geldzaken'],
						burgerkracht: { netwerk: true }
					})
				)
			)
		).toEqual({ ok: true, value: null });
		expect(await signalState(id)).toMatchObject({
			status: 'beoordelen',
			version: 3,
			assessment: 'Veel huishoudens met betalingsachterstanden.'
		});
	});

	it('keeps the second of two members from overwriting the first: a conflict, nothing lost', async () => {
		// Both opened version 3.
		const first = await as(who.centrum2, (tx) =>
			saveStep(
				tx,
				id,
				step(3, 'beoordelen', 'verder', {
					step: 'beoordelen',
					assessment: 'Achterstanden bij energie en huur; veel alleenstaanden.',
					urgency: 'hoog',
					leefgebieden: ['geldzaken', 'wonen'],
					burgerkracht: { eigen_kracht: false, netwerk: true, buurtinitiatieven: false }
				})
			)
		);
		expect(first).toEqual({ ok: true, value: null });
		const second = await as(who.centrum, (tx) =>
			saveStep(
				tx,
				id,
				step(3, 'beoordelen', 'opslaan', {
					step: 'beoordelen',
					assessment: 'Iets anders',
					urgency: 'laag',
					leefgebieden: ['geldzaken'],
					burgerkracht: null
				})
			)
		);
		expect(second).toEqual({ ok: false, error: { kind: 'conflict' } });
		expect(await signalState(id)).toMatchObject({
			status: 'interveniëren',
			version: 4,
			assessment: 'Achterstanden bij energie en huur; veel alleenstaanden.'
		});
		// The raw statement the service uses: a stale version touches nothing.
		const stale = await attempt(
			who.centrum,
			`update public.signals set urgency = 'laag' where id = $1 and version = 3 returning version`,
			[id]
		);
		expect(stale).toMatchObject({ code: 'ok', rows: 0 });
	});

	it('needs a reason to go back, and records it', async () => {
		const noReason = await attempt(
			who.centrum,
			`update public.signals set status = 'beoordelen' where id = $1`,
			[id]
		);
		expect(noReason.message).toMatch(/^signal_back_without_reason:/);
		expect(
			await as(who.centrum, (tx) =>
				moveBack(tx, id, { version: 4, seenStatus: 'interveniëren', to: 'beoordelen', reason: '' })
			)
		).toMatchObject({ ok: false, error: { kind: 'invalid' } });
		expect(
			await as(who.centrum, (tx) =>
				moveBack(tx, id, {
					version: 4,
					seenStatus: 'interveniëren',
					to: 'beoordelen',
					reason: 'Eerst met de woningcorporatie praten.'
				})
			)
		).toEqual({ ok: true, value: null });
		const events = await eventsOf(id);
		expect(events.at(-1)).toMatchObject({
			kind: 'overgang',
			from_status: 'interveniëren',
			to_status: 'beoordelen',
			note: 'Eerst met de woningcorporatie praten.',
			actor_id: who.centrum.sub
		});
		// The reason travels with one update only: it is never stored on the signal.
		const [row] = await as(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ change_note: string | null }>(
				'select change_note from public.signals where id = $1',
				[id]
			)
		);
		expect(row.change_note).toBeNull();
		expect(
			await as(who.centrum, (tx) =>
				saveStep(
					tx,
					id,
					step(5, 'beoordelen', 'verder', {
						step: 'beoordelen',
						assessment: 'Achterstanden bij energie en huur; veel alleenstaanden.',
						urgency: 'hoog',
						leefgebieden: ['geldzaken', 'wonen'],
						burgerkracht: { eigen_kracht: false, netwerk: true, buurtinitiatieven: false }
					})
				)
			)
		).toEqual({ ok: true, value: null });
	});

	it('asks for the chosen answer: a new collective provision needs its description', async () => {
		const bare = await as(who.centrum, (tx) =>
			saveStep(
				tx,
				id,
				step(6, 'interveniëren', 'verder', {
					step: 'interveniëren',
					interventionKind: 'nieuwe_voorziening',
					offer: null,
					interventionNote: ''
				})
			)
		);
		expect(bare).toEqual({
			ok: false,
			error: {
				kind: 'invalid',
				fields: [{ field: 'interventie_toelichting', problem: 'interventionNote' }]
			}
		});
		const unknownOffer = await as(who.centrum, (tx) =>
			saveStep(
				tx,
				id,
				step(6, 'interveniëren', 'opslaan', {
					step: 'interveniëren',
					interventionKind: 'bestaand_aanbod',
					offer: { kind: 'initiative', id: '00000000-0000-4000-8000-00000000dead' },
					interventionNote: ''
				})
			)
		);
		expect(unknownOffer).toMatchObject({
			ok: false,
			error: { kind: 'invalid', fields: [{ field: 'aanbod' }] }
		});
		expect(
			await as(who.centrum, (tx) =>
				saveStep(
					tx,
					id,
					step(6, 'interveniëren', 'verder', {
						step: 'interveniëren',
						interventionKind: 'nieuwe_voorziening',
						offer: null,
						interventionNote: 'Een wekelijks spreekuur geldzaken in het buurthuis.'
					})
				)
			)
		).toEqual({ ok: true, value: null });
	});

	it('reaches the council as demand for a new collective provision', async () => {
		const seen = await as(who.council, loadProvisionSignals);
		expect(seen).toContainEqual({
			themeCode: 'geldzaken',
			buurtCodes: cluster.buurtCodes,
			householdCount: 18
		});
		const gaps = await as(who.council, (tx) =>
			gapAnalysis(tx, {
				gemeente: null,
				subject: { kind: 'theme', theme: 'geldzaken' },
				windowDays: 365,
				includeExpected: false
			})
		);
		expect(gaps.ok && gaps.value.signalsUsed).toBe(1);
	});

	it('needs the outcome to close, then shows the whole trail', async () => {
		const open = await as(who.centrum, (tx) =>
			saveStep(
				tx,
				id,
				step(7, 'evalueren', 'verder', { step: 'evalueren', outcome: ' ', householdsReached: null })
			)
		);
		expect(open).toEqual({
			ok: false,
			error: {
				kind: 'invalid',
				fields: [
					{ field: 'uitkomst', problem: 'outcome' },
					{ field: 'bereikt', problem: 'householdsReached' }
				]
			}
		});
		expect(
			await as(who.centrum, (tx) =>
				saveStep(
					tx,
					id,
					step(7, 'evalueren', 'verder', {
						step: 'evalueren',
						outcome: 'Spreekuur loopt sinds maart; wachtlijst schuldhulp korter.',
						householdsReached: 14
					})
				)
			)
		).toEqual({ ok: true, value: null });
		const view = await as(who.centrum, (tx) => loadSignal(tx, id, 'nl'));
		expect(view!.status).toBe('afgesloten');
		expect(
			view!.events
				.filter((e) => e.kind === 'overgang')
				.map((e) => `${e.from}→${e.to}${e.note ? ' (reason)' : ''}`)
		).toEqual([
			'signaleren→beoordelen',
			'beoordelen→interveniëren',
			'interveniëren→beoordelen (reason)',
			'beoordelen→interveniëren',
			'interveniëren→evalueren',
			'evalueren→afgesloten'
		]);
		expect(view!.events.map((e) => e.actorName)).toContain('Cas Collega');
		// A closed signal no longer asks the council for anything.
		expect(await as(who.council, loadProvisionSignals)).toEqual([]);
	});

	it('keeps the trail append-only, and members write notes only', async () => {
		const update = await attempt(
			who.centrum,
			`update public.signal_events set note = 'x' where signal_id = $1`,
			[id]
		);
		// No update policy: the member's update reaches no row; service_role's is refused.
		expect(update).toMatchObject({ code: 'ok', rows: 0 });
		const serviceUpdate = await attempt(
			SERVICE_ROLE_CLAIMS,
			`update public.signal_events set note = 'x' where signal_id = $1`,
			[id]
		);
		expect(serviceUpdate.code).toBe('P0001');
		const remove = await attempt(
			SERVICE_ROLE_CLAIMS,
			`delete from public.signal_events where signal_id = $1`,
			[id]
		);
		expect(remove.message).toMatch(/append-only/);
		const forged = await attempt(
			who.centrum,
			`insert into public.signal_events (signal_id, actor_id, kind, from_status, to_status)
			 values ($1, $2, 'overgang', 'signaleren', 'afgesloten')`,
			[id, who.centrum.sub]
		);
		expect(forged.code).toBe('42501');
		const direct = await attempt(
			who.centrum,
			`select private.append_signal_event($1, 'overgang', null, null, null, '{}'::jsonb)`,
			[id]
		);
		expect(direct.code).toBe('42501');
		expect(
			await as(who.centrum, (tx) => addNote(tx, id, 'Terugkoppeling aan de gemeente gedaan.'))
		).toEqual({ ok: true, value: null });
		expect((await eventsOf(id)).at(-1)).toMatchObject({
			kind: 'notitie',
			actor_id: who.centrum.sub
		});
	});
});

describe('another team, the council and the other roles', () => {
	let id = '';
	let provisionSignal = '';

	beforeAll(async () => {
		const made = await as(who.centrum, (tx) =>
			signalByHand(tx, {
				teamId: centrum.id,
				themeCode: 'wonen',
				buurtCodes: [centrum.buurten[0].code],
				title: 'Vocht in huurwoningen',
				householdCount: 6,
				note: 'Gezien bij huisbezoeken.'
			})
		);
		id = (made as { id: string }).id;
		const other = await as(who.centrum, (tx) =>
			signalByHand(tx, {
				teamId: centrum.id,
				themeCode: 'voeding',
				buurtCodes: [centrum.buurten[1].code],
				title: 'Geen plek om samen te eten',
				householdCount: 9,
				note: ''
			})
		);
		provisionSignal = (other as { id: string }).id;
		// Through the steps to a request for a new provision, as service_role (the workflow still holds).
		await as(SERVICE_ROLE_CLAIMS, async (tx) => {
			await tx.query(`update public.signals set status = 'beoordelen' where id = $1`, [
				provisionSignal
			]);
			await tx.query(
				`update public.signals set assessment = 'Eenzaamheid bij ouderen', urgency = 'middel',
				   leefgebieden = '{voeding,sociaal-netwerk}',
				   burgerkracht = '{"eigen_kracht":true,"netwerk":false,"buurtinitiatieven":false}',
				   status = 'interveniëren' where id = $1`,
				[provisionSignal]
			);
			await tx.query(
				`update public.signals set intervention_kind = 'nieuwe_voorziening',
				   intervention_note = 'Een buurtmaaltijd' where id = $1`,
				[provisionSignal]
			);
		});
	});

	it('a member of another team cannot read or change the signal: it does not exist for them', async () => {
		expect(await as(who.oost, (tx) => loadSignal(tx, id, 'nl'))).toBeNull();
		const outcomes: ChangeOutcome[] = [
			await as(who.oost, (tx) =>
				saveStep(
					tx,
					id,
					step(1, 'signaleren', 'verder', { step: 'signaleren', title: 'x', householdCount: 1 })
				)
			),
			await as(who.oost, (tx) =>
				moveBack(tx, id, { version: 1, seenStatus: 'signaleren', to: 'signaleren', reason: 'x' })
			),
			await as(who.oost, (tx) => assign(tx, id, { version: 1, assignee: null })),
			await as(who.oost, (tx) => addNote(tx, id, 'x'))
		];
		expect(outcomes).toEqual(Array(4).fill({ ok: false, error: { kind: 'not_found' } }));
		expect(
			(await attempt(who.oost, 'select id from public.signals where id = $1', [id])).rows
		).toBe(0);
		expect(
			(
				await attempt(who.oost, `update public.signals set title = 'overgenomen' where id = $1`, [
					id
				])
			).rows
		).toBe(0);
		expect(
			(await attempt(who.oost, 'select id from public.signal_events where signal_id = $1', [id]))
				.rows
		).toBe(0);
		const note = await attempt(
			who.oost,
			`insert into public.signal_events (signal_id, actor_id, kind, note) values ($1, $2, 'notitie', 'x')`,
			[id, who.oost.sub]
		);
		expect(note.code).toBe('42501');
		expect((await signalState(id)).version).toBe(1);
	});

	it('a member cannot move a signal to another team, theme or buurt, nor make one outside the area', async () => {
		for (const sql of [
			`update public.signals set team_id = (select id from public.teams where name = 'Wijkteam Oost') where id = $1`,
			`update public.signals set theme_code = 'geldzaken' where id = $1`,
			`update public.signals set buurt_codes = '{BU90010304}' where id = $1`
		]) {
			expect((await attempt(who.centrum, sql, [id])).code).toBe('42501');
		}
		const outside = await attempt(
			who.centrum,
			`insert into public.signals (team_id, theme_code, buurt_codes, title, created_by)
			 values ($1, 'wonen', '{BU90010304}', 'Buiten het gebied', $2)`,
			[centrum.id, who.centrum.sub]
		);
		expect(outside).toMatchObject({ code: '42501' });
		expect(outside.message).toMatch(/^signal_outside_area:/);
		const skipStart = await attempt(
			who.centrum,
			`insert into public.signals (team_id, theme_code, buurt_codes, title, created_by, status)
			 values ($1, 'wonen', $2::text[], 'Meteen afgesloten', $3, 'afgesloten')`,
			[centrum.id, [centrum.buurten[0].code], who.centrum.sub]
		);
		expect(skipStart.message).toMatch(/^signal_starts_at_signaleren:/);
	});

	it('assigns to members of the team only', async () => {
		expect(
			await as(who.centrum, (tx) => assign(tx, id, { version: 1, assignee: who.oost.sub! }))
		).toEqual({
			ok: false,
			error: {
				kind: 'invalid',
				fields: [{ field: 'aan', problem: 'not_a_member' }]
			}
		});
		const direct = await attempt(
			who.centrum,
			`update public.signals set assigned_to = $2 where id = $1`,
			[id, who.oost.sub]
		);
		expect(direct.message).toMatch(/^signal_assignee_not_in_team:/);
		expect(
			await as(who.centrum, (tx) => assign(tx, id, { version: 1, assignee: who.centrum2.sub! }))
		).toEqual({ ok: true, value: null });
		const view = await as(who.centrum2, (tx) => loadSignal(tx, id, 'nl'));
		expect(view!.assignedTo).toEqual({ id: who.centrum2.sub, name: 'Cas Collega' });
		expect(view!.events.map((e) => e.kind)).toEqual(['aangemaakt', 'notitie', 'toegewezen']);
	});

	it('two members saving the same version at the same moment: one wins, the other is told', async () => {
		const { version } = await signalState(id);
		const save = (claims: Claims, title: string) =>
			as(claims, (tx) =>
				saveStep(
					tx,
					id,
					step(version, 'signaleren', 'opslaan', { step: 'signaleren', title, householdCount: 6 })
				)
			);
		// On PostgreSQL these run on two connections at once; PGlite runs them one after the other.
		const outcomes = await Promise.all([
			save(who.centrum, 'Vocht in huurwoningen (Wies)'),
			save(who.centrum2, 'Vocht in huurwoningen (Cas)')
		]);
		expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.kind)).sort()).toEqual(['conflict', 'ok']);
		const winner = outcomes[0].ok ? '(Wies)' : '(Cas)';
		const [row] = await as(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ title: string; version: number }>(
				'select title, version from public.signals where id = $1',
				[id]
			)
		);
		expect(row).toEqual({ title: `Vocht in huurwoningen ${winner}`, version: version + 1 });
	});

	it('the council reads the signals that ask for a new provision, and only those', async () => {
		const rows = await as(who.council, (tx) =>
			tx.query<{ id: string; intervention_kind: string }>(
				'select id, intervention_kind from public.signals'
			)
		);
		const asking = await as(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ id: string }>(
				`select id from public.signals where intervention_kind = 'nieuwe_voorziening' order by id`
			)
		);
		// The closed signal of the first walk-through, and this one; never the other signals.
		expect(asking).toHaveLength(2);
		expect(rows.map((r) => r.id).sort()).toEqual(asking.map((r) => r.id));
		expect(rows.map((r) => r.id)).toContain(provisionSignal);
		expect(rows.map((r) => r.id)).not.toContain(id);
		expect(rows.every((r) => r.intervention_kind === 'nieuwe_voorziening')).toBe(true);
		expect(await as(who.council, (tx) => loadSignal(tx, provisionSignal, 'nl'))).toBeNull();
		expect(
			(
				await attempt(who.council, `update public.signals set title = 'x' where id = $1`, [
					provisionSignal
				])
			).rows
		).toBe(0);
		expect((await attempt(who.council, 'select id from public.signal_events')).rows).toBe(0);
		const demand = await as(who.council, loadProvisionSignals);
		expect(demand).toEqual([
			{ themeCode: 'voeding', buurtCodes: [centrum.buurten[1].code], householdCount: 9 }
		]);
	});

	it('residents and admins see no signal at all', async () => {
		for (const claims of [who.resident, who.admin]) {
			expect((await attempt(claims, 'select id from public.signals')).rows).toBe(0);
			expect((await attempt(claims, 'select id from public.signal_events')).rows).toBe(0);
		}
	});
});

// ============================================================================================
// Keeping up
// ============================================================================================

describe('new since the last visit, live updates and the digest', () => {
	it('remembers the previous visit, per member', async () => {
		// The earlier tests opened the workspace already: start from a clean slate.
		await as(SERVICE_ROLE_CLAIMS, (tx) => tx.query('delete from public.workspace_visits'));
		expect(await as(who.centrum, recordVisit)).toBeNull();
		// Within half an hour it is the same visit.
		expect(await as(who.centrum, recordVisit)).toBeNull();
		await as(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query(`update public.workspace_visits set last_visit_at = now() - interval '2 hours'`)
		);
		const previous = await as(who.centrum, recordVisit);
		expect(previous).toBeInstanceOf(Date);
		expect(Date.now() - previous!.getTime()).toBeGreaterThan(100 * 60 * 1000);
		// Nobody reads or writes another member's visits.
		expect((await attempt(who.oost, 'select 1 from public.workspace_visits')).rows).toBe(0);
		const page = await as(who.centrum, (tx) =>
			workspacePage(tx, { teamId: null, ...DEFAULT_WORKSPACE }, 'nl')
		);
		expect(page.ok && page.value.previousVisit).toBe(previous!.toISOString());
	});

	it('tells a member of new needs in their buurten, and nobody else', async () => {
		const since = new Date(Date.now() - 1000);
		const centrumDb = bindToClaims(db, who.centrum);
		const oostDb = bindToClaims(db, who.oost);
		expect(await newNeedsSince(centrumDb, centrum.id, since)).toBeNull();
		await as(who.resident, (tx) =>
			tx.query(
				`insert into public.needs (theme_code, buurt_code, reporter_id, household_key)
				 values ('geldzaken', $1, $2, 'x')`,
				[centrum.buurten[0].code, who.resident.sub]
			)
		);
		expect(await newNeedsSince(centrumDb, centrum.id, since)).toMatchObject({ count: 1 });
		expect(await newNeedsSince(oostDb, oost.id, since)).toBeNull();
		// Another team's id gives nothing either: the view shows only the member's buurten.
		expect(await newNeedsSince(oostDb, centrum.id, since)).toBeNull();
		const page = await as(who.centrum, (tx) =>
			workspacePage(tx, { teamId: null, ...DEFAULT_WORKSPACE }, 'nl')
		);
		expect(page.ok && page.value.newNeedCount).toBeGreaterThanOrEqual(1);
		expect(page.ok && page.value.needs[0].isNew).toBe(true);
	});

	it('mails each team its new candidates once a day, and only what is new', async () => {
		const lines: string[] = [];
		const first = await runSignalDigest(db, {
			origin: 'https://buurtkracht.example',
			log: (l) => lines.push(l)
		});
		expect(first.teams).toHaveLength(4);
		expect(first.teams.every((t) => t.fresh > 0)).toBe(true);
		const centrumDigest = first.teams.find((t) => t.teamName === 'Wijkteam Centrum')!;
		// Two members of Centrum now (the demo coordinator and the colleague).
		expect(centrumDigest.recipients).toBe(2);
		expect(centrumDigest.lines.length).toBeGreaterThan(0);
		const outbox = await db.asOwner((tx) =>
			tx.query<{ recipient: string; subject: string; body: string; link: string }>(
				`select recipient, subject, body, link from auth.outbox where kind = 'signal_digest' order by id`
			)
		);
		expect(outbox.length).toBe(first.mails);
		const mail = outbox.find((o) => o.recipient === 'wijkteam@voorbeeldstad.example')!;
		expect(mail.subject).toMatch(/^Wijkteam Centrum: \d+ nieuwe gedeelde behoefte/);
		expect(mail.link).toBe(`https://buurtkracht.example/wijkteam/signalen?team=${centrum.id}`);
		// The digest never names a household or a reporter: themes, buurten and counts only.
		expect(mail.body).not.toMatch(/bewoner|@/);
		// Nothing new the second time.
		const second = await runSignalDigest(db, { log: () => {} });
		expect(second.mails).toBe(0);
		const [state] = await as(who.centrum, (tx) =>
			tx.query<{ candidate_keys: string[] }>('select candidate_keys from public.workspace_digests')
		);
		expect(state.candidate_keys).toContain('geldzaken|BU90010102');
	});
});
