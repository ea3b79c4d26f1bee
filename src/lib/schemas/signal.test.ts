import { describe, expect, it } from 'vitest';
import { parseAssignForm, parseBackForm, parseNoteForm } from './signal-change';
import { sentValues } from './signal-fields';
import { DEFAULT_WORKSPACE, parseWorkspaceQuery, workspaceQueryString } from './signal-filters';
import { parseClusterSignal, parseHandSignal } from './signal-new';
import { offerValue, parseStepForm } from './signal-step';

const TEAM = '00000000-0000-4000-8000-000000000005';
const OFFER = '00000000-0000-4000-8000-0000000000aa';

function formOf(entries: [string, string][]): FormData {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
}

describe('parseWorkspaceQuery', () => {
	it('fills in the defaults and reads what the form sends', () => {
		expect(parseWorkspaceQuery(new URLSearchParams())).toEqual({
			ok: true,
			value: { teamId: null, ...DEFAULT_WORKSPACE }
		});
		expect(
			parseWorkspaceQuery(new URLSearchParams({ team: TEAM, venster: '30', k: '8', fdr: '0,1' }))
		).toEqual({ ok: true, value: { teamId: TEAM, windowDays: 30, k: 8, fdr: 0.1 } });
	});

	it('refuses windows, k and rates the form does not offer, with a message each', () => {
		const parsed = parseWorkspaceQuery(
			new URLSearchParams({ venster: '45', k: '1', fdr: '0.5', team: 'x' })
		);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(Object.keys(parsed.error).sort()).toEqual(['fdr', 'k', 'team', 'venster']);
		expect(parseWorkspaceQuery(new URLSearchParams({ k: '5e1' })).ok).toBe(false);
		expect(parseWorkspaceQuery(new URLSearchParams({ k: '51' })).ok).toBe(false);
	});

	it('round-trips through the query string, defaults left out', () => {
		const value = { teamId: TEAM, windowDays: 180, k: 5, fdr: 0.01 };
		expect(workspaceQueryString(value)).toBe(`team=${TEAM}&venster=180&fdr=0.01`);
		const again = parseWorkspaceQuery(new URLSearchParams(workspaceQueryString(value)));
		expect(again).toEqual({ ok: true, value });
	});
});

describe('parseClusterSignal', () => {
	const base: [string, string][] = [
		['team', TEAM],
		['thema', 'geldzaken'],
		['buurten', 'BU90010103,BU90010102'],
		['venster', '90'],
		['k', '5'],
		['fdr', '0.05']
	];

	it('reads the cluster and its settings, buurten sorted', () => {
		expect(parseClusterSignal(formOf(base))).toEqual({
			ok: true,
			value: {
				teamId: TEAM,
				themeCode: 'geldzaken',
				buurtCodes: ['BU90010102', 'BU90010103'],
				windowDays: 90,
				k: 5,
				fdr: 0.05
			}
		});
	});

	it('calls any changed hidden field tampering', () => {
		for (const [name, value] of [
			['buurten', 'BU9001010X'],
			['buurten', 'BU90010102,BU90010102'],
			['buurten', ''],
			['team', 'not-a-uuid'],
			['thema', "geldzaken'; drop table"],
			['k', '999']
		]) {
			const parsed = parseClusterSignal(
				formOf(base.map(([n, v]) => [n, n === name ? value : v] as [string, string]))
			);
			expect(parsed.ok, `${name}=${value}`).toBe(false);
			if (!parsed.ok) expect(Object.keys(parsed.error)).toEqual(['form']);
		}
	});
});

describe('parseHandSignal', () => {
	it('reads several buurten and a count, and names each missing field', () => {
		const parsed = parseHandSignal(
			formOf([
				['team', TEAM],
				['thema', 'wonen'],
				['buurt', 'BU90010102'],
				['buurt', 'BU90010101'],
				['titel', '  Vocht in huurwoningen '],
				['huishoudens', '7'],
				['notitie', '']
			])
		);
		expect(parsed).toEqual({
			ok: true,
			value: {
				teamId: TEAM,
				themeCode: 'wonen',
				buurtCodes: ['BU90010101', 'BU90010102'],
				title: 'Vocht in huurwoningen',
				householdCount: 7,
				note: ''
			}
		});
		const empty = parseHandSignal(formOf([['team', TEAM]]));
		expect(empty.ok).toBe(false);
		if (!empty.ok) {
			expect(Object.keys(empty.error).sort()).toEqual(['buurt', 'huishoudens', 'thema', 'titel']);
		}
	});
});

describe('parseStepForm', () => {
	const header = (status: string, actie = 'verder'): [string, string][] => [
		['versie', '3'],
		['status', status],
		['actie', actie]
	];

	it('reads the assessment: urgency, leefgebieden and burgerkracht as answered', () => {
		const parsed = parseStepForm(
			formOf([
				...header('beoordelen'),
				['beoordeling', 'Veel achterstanden'],
				['urgentie', 'hoog'],
				['leefgebied', 'geldzaken'],
				['leefgebied', 'werk-en-dagbesteding'],
				['eigen_kracht', 'nee'],
				['netwerk', 'ja'],
				['burgerkracht_toelichting', '']
			])
		);
		expect(parsed).toEqual({
			ok: true,
			value: {
				version: 3,
				seenStatus: 'beoordelen',
				action: 'verder',
				input: {
					step: 'beoordelen',
					assessment: 'Veel achterstanden',
					urgency: 'hoog',
					leefgebieden: ['geldzaken', 'werk-en-dagbesteding'],
					burgerkracht: { eigen_kracht: false, netwerk: true }
				}
			}
		});
	});

	it('reads the chosen answer with the offer it links', () => {
		const parsed = parseStepForm(
			formOf([
				...header('interveniëren', 'opslaan'),
				['interventie', 'bestaand_aanbod'],
				['aanbod', `voorziening:${OFFER.toUpperCase()}`],
				['interventie_toelichting', '']
			])
		);
		expect(parsed.ok && parsed.value.input).toEqual({
			step: 'interveniëren',
			interventionKind: 'bestaand_aanbod',
			offer: { kind: 'provision', id: OFFER },
			interventionNote: ''
		});
		expect(offerValue({ kind: 'provision', id: OFFER })).toBe(`voorziening:${OFFER}`);
	});

	it('reads the evaluation; a blank count is "not filled in"', () => {
		const parsed = parseStepForm(
			formOf([...header('evalueren'), ['uitkomst', 'Spreekuur loopt'], ['bereikt', '']])
		);
		expect(parsed.ok && parsed.value.input).toEqual({
			step: 'evalueren',
			outcome: 'Spreekuur loopt',
			householdsReached: null
		});
	});

	it('calls a changed version, state or action tampering, and names bad fields', () => {
		for (const bad of [
			[
				['versie', 'abc'],
				['status', 'beoordelen'],
				['actie', 'verder']
			],
			[
				['versie', '3'],
				['status', 'klaar'],
				['actie', 'verder']
			],
			[
				['versie', '3'],
				['status', 'beoordelen'],
				['actie', 'overslaan']
			],
			[
				['versie', '3'],
				['status', 'afgesloten'],
				['actie', 'opslaan']
			]
		] as [string, string][][]) {
			const parsed = parseStepForm(formOf(bad));
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(Object.keys(parsed.error)).toEqual(['form']);
		}
		const badCount = parseStepForm(
			formOf([...header('evalueren'), ['uitkomst', 'x'], ['bereikt', '-3']])
		);
		expect(badCount.ok).toBe(false);
		if (!badCount.ok) expect(Object.keys(badCount.error)).toEqual(['bereikt']);
		const badUrgency = parseStepForm(formOf([...header('beoordelen'), ['urgentie', 'extreem']]));
		expect(badUrgency.ok).toBe(false);
	});
});

describe('the small forms', () => {
	it('needs a reason to go back', () => {
		expect(
			parseBackForm(
				formOf([
					['versie', '4'],
					['status', 'evalueren'],
					['naar', 'beoordelen'],
					['reden', 'Nieuwe feiten']
				])
			)
		).toEqual({
			ok: true,
			value: { version: 4, seenStatus: 'evalueren', to: 'beoordelen', reason: 'Nieuwe feiten' }
		});
		const noReason = parseBackForm(
			formOf([
				['versie', '4'],
				['status', 'evalueren'],
				['naar', 'beoordelen'],
				['reden', '   ']
			])
		);
		expect(noReason.ok).toBe(false);
		if (!noReason.ok) expect(Object.keys(noReason.error)).toEqual(['reden']);
	});

	it('assigns to a member or to nobody', () => {
		expect(
			parseAssignForm(
				formOf([
					['versie', '2'],
					['aan', TEAM]
				])
			)
		).toEqual({
			ok: true,
			value: { version: 2, assignee: TEAM }
		});
		expect(
			parseAssignForm(
				formOf([
					['versie', '2'],
					['aan', '']
				])
			)
		).toEqual({
			ok: true,
			value: { version: 2, assignee: null }
		});
		expect(
			parseAssignForm(
				formOf([
					['versie', '0'],
					['aan', '']
				])
			).ok
		).toBe(false);
	});

	it('needs text in a note, and keeps what was sent for the form', () => {
		expect(parseNoteForm(formOf([['notitie', ' ']])).ok).toBe(false);
		expect(
			sentValues(
				formOf([
					['leefgebied', 'a'],
					['leefgebied', 'b'],
					['titel', 'x']
				])
			)
		).toEqual({ leefgebied: 'a\nb', titel: 'x' });
	});
});
