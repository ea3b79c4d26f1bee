import { createBuurtLookup } from '$lib/analysis/buurt-lookup';
import type { Rng } from '$lib/analysis/prng';
import { pointInBuurt } from './point-in-buurt';
import { NEED_DESCRIPTIONS } from './need-descriptions';
import { fictionalPhone } from './names';
import type {
	BuurtContext,
	DemoAccount,
	DemoBuurt,
	DemoHotSpot,
	DemoNeed,
	DemoTeam,
	Geography
} from './types';

const DAY_MS = 86_400_000;
/** The window in which hot spots are planted and counted: the wijkteam's default look-back. */
export const HOT_SPOT_WINDOW_DAYS = 90;

/** Share of all reported needs per theme, before the buurt's own make-up shifts it. */
const THEME_SHARE: Record<string, number> = {
	'sociaal-netwerk': 0.18,
	geldzaken: 0.15,
	'opvoeden-en-opgroeien': 0.11,
	gezondheid: 0.1,
	mantelzorg: 0.08,
	wonen: 0.09,
	'taal-en-digitaal': 0.09,
	'werk-en-dagbesteding': 0.08,
	vervoer: 0.05,
	voeding: 0.07
};

const THEMES = Object.keys(THEME_SHARE);

/** Household-weighted town averages, so the proxies below are ratios around 1. */
function townAverage(
	buurten: readonly DemoBuurt[],
	value: (b: DemoBuurt) => number | null
): number {
	let sum = 0;
	let weight = 0;
	for (const b of buurten) {
		const v = value(b);
		if (v === null || b.households === 0) continue;
		sum += v * b.households;
		weight += b.households;
	}
	return sum / weight;
}

/**
 * How much more (or less) than average a buurt reports each theme, from the CBS proxies the
 * design names: loneliness with 65+ and one-person households, money with social assistance,
 * parenting with households with children, informal care with 65+, and so on.
 */
function proxies(geography: Geography): (c: BuurtContext, theme: string) => number {
	const { buurten } = geography;
	const perHousehold = (n: number | null, b: DemoBuurt) =>
		n === null || b.households === 0 ? null : n / b.households;
	const avg = {
		old: townAverage(buurten, (b) => b.pct_age_65_plus),
		alone: townAverage(buurten, (b) => b.pct_one_person_households),
		children: townAverage(buurten, (b) => b.pct_households_with_children),
		assistance: townAverage(buurten, (b) => perHousehold(b.social_assistance_benefits, b)),
		disability: townAverage(buurten, (b) => perHousehold(b.disability_benefits, b)),
		jobless: townAverage(buurten, (b) => perHousehold(b.unemployment_benefits, b))
	};
	return ({ buurt: b, centrality }, theme) => {
		if (b.pct_age_65_plus === null) return 1; // figures withheld: assume the town average
		const old = b.pct_age_65_plus / avg.old;
		const alone = b.pct_one_person_households! / avg.alone;
		const children = b.pct_households_with_children! / avg.children;
		const assistance = perHousehold(b.social_assistance_benefits, b)! / avg.assistance;
		const disability = perHousehold(b.disability_benefits, b)! / avg.disability;
		const jobless = perHousehold(b.unemployment_benefits, b)! / avg.jobless;
		switch (theme) {
			case 'sociaal-netwerk':
				return old ** 0.8 * alone;
			case 'geldzaken':
				return assistance;
			case 'opvoeden-en-opgroeien':
				return children ** 1.2;
			case 'gezondheid':
				return 0.5 * old + 0.5 * disability;
			case 'mantelzorg':
				return old ** 1.2;
			case 'wonen':
				return 0.5 + 0.5 * assistance;
			case 'taal-en-digitaal':
				return 0.6 * assistance + 0.4 * old;
			case 'werk-en-dagbesteding':
				return 0.6 * jobless + 0.4 * assistance;
			case 'vervoer':
				return old * (1.4 - centrality);
			default:
				return assistance; // voeding
		}
	};
}

function statusFor(rng: Rng, ageDays: number): DemoNeed['status'] {
	const statuses: DemoNeed['status'][] = ['open', 'in_behandeling', 'afgehandeld', 'ingetrokken'];
	if (ageDays < 30) return rng.weightedPick(statuses, [85, 12, 0, 3]);
	if (ageDays < HOT_SPOT_WINDOW_DAYS) return rng.weightedPick(statuses, [60, 25, 12, 3]);
	return rng.weightedPick(statuses, [25, 15, 55, 5]);
}

export interface Needs {
	needs: DemoNeed[];
	hotSpots: DemoHotSpot[];
}

/**
 * About 3,000 needs over the twelve months before `now`, spread by the proxies above, plus four
 * planted hot spots: a buurt × theme where many distinct households reported an open need in the
 * last 90 days. At least one lies in each demo wijkteam account's area.
 */
export function generateNeeds(
	rng: Rng,
	geography: Geography,
	accounts: readonly DemoAccount[],
	teams: readonly DemoTeam[],
	now: Date,
	total = 3000
): Needs {
	const lookup = createBuurtLookup(geography.buurten);
	const proxy = proxies(geography);
	const cells = geography.context.flatMap((context) => THEMES.map((theme) => ({ context, theme })));
	const weights = cells.map(
		({ context, theme }) => context.buurt.households * THEME_SHARE[theme] * proxy(context, theme)
	);
	const households = new Map<string, { key: string; size: number }[]>();

	const newHousehold = (b: DemoBuurt) => {
		const alone = (b.pct_one_person_households ?? 40) / 100;
		const size = rng.chance(alone)
			? 1
			: Math.min(9, 2 + rng.poisson(Math.max(0.1, (b.average_household_size ?? 2.1) - 1.6)));
		const household = { key: `hh-${rng.uuid().slice(0, 18)}`, size };
		households.set(b.code, [...(households.get(b.code) ?? []), household]);
		return household;
	};
	const makeNeed = (
		context: BuurtContext,
		theme: string,
		ageDays: number,
		household = newHousehold(context.buurt)
	): DemoNeed => {
		const reported = new Date(now.getTime() - Math.round((ageDays * DAY_MS) / 1000) * 1000);
		const expires = new Date(reported);
		expires.setUTCMonth(expires.getUTCMonth() + 12);
		const consent = rng.chance(0.3);
		const method = consent ? rng.pick(['email', 'phone'] as const) : null;
		const point = rng.chance(0.35) ? pointInBuurt(rng, context, lookup) : null;
		return {
			id: rng.uuid(),
			theme_code: theme,
			buurt_code: context.buurt.code,
			reporter_id: null,
			household_key: household.key,
			description: rng.chance(0.65) ? rng.pick(NEED_DESCRIPTIONS[theme]) : null,
			point_lon: point?.[0] ?? null,
			point_lat: point?.[1] ?? null,
			household_size: household.size,
			contact_consent: consent,
			contact_method: method,
			contact_value:
				method === 'email'
					? `${household.key}@post.example`
					: method === 'phone'
						? fictionalPhone(rng)
						: null,
			status: statusFor(rng, ageDays),
			reported_at: reported.toISOString(),
			expires_at: expires.toISOString()
		};
	};

	// Hot spots first, so their buurten are known, then the background.
	const inArea = (team: DemoTeam) =>
		geography.context.filter(
			(c) => team.buurt_codes.includes(c.buurt.code) && c.buurt.inhabitants >= 500
		);
	const centreTeam =
		teams.find((t) => t.name === accounts.find((a) => a.role === 'wijkteam')?.team_name) ??
		teams[0];
	const otherTeam = teams.find((t) => t !== centreTeam)!;
	const rest = geography.context.filter(
		(c) =>
			!centreTeam.buurt_codes.includes(c.buurt.code) &&
			!otherTeam.buurt_codes.includes(c.buurt.code) &&
			c.buurt.inhabitants >= 500
	);
	const plans: { pool: BuurtContext[]; theme: string }[] = [
		{ pool: inArea(centreTeam), theme: 'geldzaken' },
		{ pool: inArea(otherTeam), theme: 'sociaal-netwerk' },
		{ pool: rest, theme: 'opvoeden-en-opgroeien' },
		{ pool: rest, theme: 'taal-en-digitaal' }
	];
	const spots: { buurtCode: string; themeCode: string }[] = [];
	const needs: DemoNeed[] = [];
	for (const { pool, theme } of plans) {
		// The buurt where the theme's proxy is strongest makes the story believable.
		const candidates = pool.filter((c) => !spots.some((s) => s.buurtCode === c.buurt.code));
		const context = candidates.reduce((best, c) =>
			proxy(c, theme) > proxy(best, theme) ? c : best
		);
		spots.push({ buurtCode: context.buurt.code, themeCode: theme });
		const planted: DemoNeed[] = [];
		for (let n = rng.int(14, 22); n > 0; n--)
			planted.push({ ...makeNeed(context, theme, rng.float(0.5, 75)), status: 'open' });
		// A few households report the same thing twice: they must still count once.
		for (const twice of rng.sample(planted, 3)) {
			const household = { key: twice.household_key, size: twice.household_size };
			planted.push({ ...makeNeed(context, theme, rng.float(0.5, 75), household), status: 'open' });
		}
		needs.push(...planted);
	}

	// Residents' own reports: their account id is their household key.
	const residents = accounts.filter((a) => a.role === 'resident');
	residents.forEach((account, i) => {
		const context =
			geography.context[rng.weightedIndex(geography.context.map((c) => c.buurt.inhabitants))];
		const themes =
			i === 0 ? ['sociaal-netwerk', 'geldzaken', 'vervoer'] : ['opvoeden-en-opgroeien', 'wonen'];
		const household = { key: account.id, size: i === 0 ? 1 : 4 };
		for (const theme of themes)
			needs.push({
				...makeNeed(context, theme, rng.float(2, 120), household),
				reporter_id: account.id
			});
	});

	while (needs.length < total) {
		const { context, theme } = cells[rng.weightedIndex(weights)];
		const known = households.get(context.buurt.code) ?? [];
		// About one in five needs comes from a household that reported something before.
		const household =
			known.length > 0 && rng.chance(0.2) ? rng.pick(known) : newHousehold(context.buurt);
		needs.push(makeNeed(context, theme, rng.float(0.02, 364), household));
	}
	needs.sort((a, b) =>
		a.reported_at < b.reported_at ? -1 : a.reported_at > b.reported_at ? 1 : a.id < b.id ? -1 : 1
	);

	const since = now.getTime() - HOT_SPOT_WINDOW_DAYS * DAY_MS;
	const hotSpots = spots.map(({ buurtCode, themeCode }) => {
		const distinct = new Set(
			needs
				.filter(
					(n) =>
						n.buurt_code === buurtCode &&
						n.theme_code === themeCode &&
						n.status === 'open' &&
						Date.parse(n.reported_at) >= since
				)
				.map((n) => n.household_key)
		);
		return {
			buurtCode,
			themeCode,
			households: distinct.size,
			windowDays: HOT_SPOT_WINDOW_DAYS
		};
	});
	return { needs, hotSpots };
}
