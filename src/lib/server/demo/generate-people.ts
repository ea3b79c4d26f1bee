import type { Rng } from '$lib/analysis/prng';
import { personName } from './names';
import type { AppRole, DemoAccount, DemoTeam, DemoVolunteer, Geography } from './types';

/**
 * The one password of every demo account. It is public on purpose (README, login page hint):
 * the demo city holds no real data. A real deployment seeds no demo accounts.
 */
export const DEMO_PASSWORD = 'buurtkracht-demo';

/** Which team a demo wijkteam account joins: the one serving the centre, or another one. */
type TeamChoice = 'centre' | 'other' | null;

export interface DemoAccountSpec {
	email: string;
	display_name: string;
	role: AppRole;
	team: TeamChoice;
	role_in_team: 'lid' | 'coordinator' | null;
	/** What the account is for, for the README. */
	purpose: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
	{
		email: 'bewoner@voorbeeldstad.example',
		display_name: 'Bea Bewoner',
		role: 'resident',
		team: null,
		role_in_team: null,
		purpose: 'resident: has reported needs and has a draft and a pending initiative'
	},
	{
		email: 'bewoner2@voorbeeldstad.example',
		display_name: 'Bas Buurman',
		role: 'resident',
		team: null,
		role_in_team: null,
		purpose: 'second resident: has reported needs and is a volunteer'
	},
	{
		email: 'wijkteam@voorbeeldstad.example',
		display_name: 'Wies Wijkteam',
		role: 'wijkteam',
		team: 'centre',
		role_in_team: 'coordinator',
		purpose: 'coordinator of the wijkteam serving the town centre'
	},
	{
		email: 'wijkteam2@voorbeeldstad.example',
		display_name: 'Wout Wijkteam',
		role: 'wijkteam',
		team: 'other',
		role_in_team: 'lid',
		purpose: 'member of another wijkteam (sees other buurten)'
	},
	{
		email: 'gemeente@voorbeeldstad.example',
		display_name: 'Gea Gemeente',
		role: 'council',
		team: null,
		role_in_team: null,
		purpose: 'council planner'
	},
	{
		email: 'beheer@voorbeeldstad.example',
		display_name: 'Ben Beheer',
		role: 'admin',
		team: null,
		role_in_team: null,
		purpose: 'administrator'
	}
];

const COMPASS = ['Noord', 'Noordoost', 'Oost', 'Zuidoost', 'Zuid', 'Zuidwest', 'West', 'Noordwest'];

/**
 * Four wijkteams covering every wijk once: one for the centre wijk and the inner-ring wijk with
 * the fewest inhabitants, and three for the remaining wijken split by compass bearing.
 */
function makeTeams(rng: Rng, geography: Geography): DemoTeam[] {
	const { wijken, buurten, gemeente } = geography;
	const people = (code: string) =>
		buurten.filter((b) => b.wijk_code === code).reduce((sum, b) => sum + b.inhabitants, 0);
	const [centre, ...rest] = wijken;
	const bearingOf = (w: (typeof wijken)[number]) =>
		(Math.atan2(
			w.centroid_lon - centre.centroid_lon,
			(w.centroid_lat - centre.centroid_lat) * 1.62
		) +
			2 * Math.PI) %
		(2 * Math.PI);
	// Wijken 2–5 are the inner ring (see generateGeography's numbering).
	const partner = rest
		.slice(0, 4)
		.reduce((best, w) => (people(w.code) < people(best.code) ? w : best));
	const others = rest.filter((w) => w !== partner).sort((a, b) => bearingOf(a) - bearingOf(b));
	// Three sectors of consecutive bearings; of all ways to cut the circle, the one whose busiest
	// team serves the fewest inhabitants.
	let groups: (typeof wijken)[] = [];
	let busiest = Infinity;
	for (let start = 0; start < others.length; start++) {
		const turned = [...others.slice(start), ...others.slice(0, start)];
		for (let a = 1; a < turned.length - 1; a++) {
			for (let b = a + 1; b < turned.length; b++) {
				const sectors = [turned.slice(0, a), turned.slice(a, b), turned.slice(b)];
				const load = Math.max(...sectors.map((s) => s.reduce((sum, w) => sum + people(w.code), 0)));
				if (load < busiest) {
					busiest = load;
					groups = sectors;
				}
			}
		}
	}
	groups = [[centre, partner], ...groups];
	const used = new Set<string>();
	return groups.map((group, i) => {
		let name = 'Wijkteam Centrum';
		if (i > 0) {
			const x = group.reduce((s, w) => s + Math.sin(bearingOf(w)), 0);
			const y = group.reduce((s, w) => s + Math.cos(bearingOf(w)), 0);
			const sector =
				Math.round(((Math.atan2(x, y) + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 4)) % 8;
			name = `Wijkteam ${COMPASS[sector]}`;
			if (used.has(name)) name = `${name} ${i}`;
		}
		used.add(name);
		const wijkCodes = group.map((w) => w.code).sort();
		return {
			id: rng.uuid(),
			gemeente_code: gemeente.code,
			name,
			wijk_codes: wijkCodes,
			buurt_codes: buurten.filter((b) => wijkCodes.includes(b.wijk_code)).map((b) => b.code)
		};
	});
}

/** Skills volunteers offer, each with the leefgebieden it helps in. */
const SKILLS: Record<string, string[]> = {
	gezelschap: ['sociaal-netwerk', 'mantelzorg'],
	koken: ['voeding', 'sociaal-netwerk'],
	administratie: ['geldzaken'],
	budgetcoaching: ['geldzaken'],
	taalcoaching: ['taal-en-digitaal'],
	computerhulp: ['taal-en-digitaal'],
	huiswerkbegeleiding: ['opvoeden-en-opgroeien', 'taal-en-digitaal'],
	klussen: ['wonen'],
	tuinieren: ['wonen', 'gezondheid'],
	autorijden: ['vervoer'],
	wandelen: ['gezondheid', 'sociaal-netwerk'],
	'sport en bewegen': ['gezondheid'],
	kinderactiviteiten: ['opvoeden-en-opgroeien'],
	respijtzorg: ['mantelzorg'],
	sollicitatietraining: ['werk-en-dagbesteding'],
	'activiteiten organiseren': ['sociaal-netwerk', 'werk-en-dagbesteding'],
	tolken: ['taal-en-digitaal']
};
const PARTS = ['morning', 'afternoon', 'evening'] as const;

function volunteer(
	rng: Rng,
	geography: Geography,
	userId: string | null,
	name: string
): DemoVolunteer {
	const weights = geography.context.map((c) => c.buurt.inhabitants);
	const home = geography.context[rng.weightedIndex(weights)].buurt.code;
	const skills = rng.sample(Object.keys(SKILLS), rng.int(1, 4)).sort();
	const themes = [...new Set(skills.flatMap((s) => SKILLS[s]))].sort();
	const slots = new Map<string, DemoVolunteer['availability'][number]>();
	for (let i = rng.int(1, 4); i > 0; i--) {
		const entry = { day: rng.int(1, 7), part: rng.pick(PARTS) };
		slots.set(`${entry.day}${entry.part}`, entry);
	}
	return {
		id: rng.uuid(),
		user_id: userId,
		display_name: name,
		home_buurt_code: home,
		skills,
		availability: [...slots.values()].sort(
			(a, b) => a.day - b.day || PARTS.indexOf(a.part) - PARTS.indexOf(b.part)
		),
		hours_per_week: rng.int(1, 8),
		active: rng.chance(0.9),
		theme_codes: rng.sample(themes, rng.int(1, Math.min(3, themes.length))).sort()
	};
}

export interface People {
	accounts: DemoAccount[];
	teams: DemoTeam[];
	volunteers: DemoVolunteer[];
}

export function generatePeople(rng: Rng, geography: Geography, volunteerCount = 300): People {
	const teams = makeTeams(rng, geography);
	const accounts: DemoAccount[] = DEMO_ACCOUNTS.map((spec) => ({
		id: rng.uuid(),
		email: spec.email,
		display_name: spec.display_name,
		role: spec.role,
		locale: 'nl',
		team_name:
			spec.team === 'centre' ? teams[0].name : spec.team === 'other' ? teams[1].name : null,
		role_in_team: spec.role_in_team
	}));
	const secondResident = accounts.find((a) => a.email === 'bewoner2@voorbeeldstad.example')!;
	const volunteers = [volunteer(rng, geography, secondResident.id, secondResident.display_name)];
	while (volunteers.length < volunteerCount)
		volunteers.push(volunteer(rng, geography, null, personName(rng)));
	return { accounts, teams, volunteers };
}
