import { createBuurtLookup } from '$lib/analysis/buurt-lookup';
import type { Rng } from '$lib/analysis/prng';
import { pointInBuurt } from './point-in-buurt';
import { INITIATIVE_KINDS, type InitiativeKind } from './initiative-kinds';
import { fictionalPhone, fictionalPostcode, slug, streetAddress } from './names';
import { ORGANISATIONS, PROVISION_KINDS, VENUE_NAMES, VENUE_TYPES } from './provision-kinds';
import type {
	BuurtContext,
	DemoAccount,
	DemoInitiative,
	DemoOfferBase,
	DemoOrganisation,
	DemoProvision,
	Geography
} from './types';

const DOMAIN = 'voorbeeldstad.example';
const DAY_MS = 86_400_000;

interface Venue {
	/** The building's own name ("De Schakel"), used in activity names. */
	name: string;
	/** What it is and its name ("Buurthuis De Schakel"), used in the address line. */
	building: string;
	context: BuurtContext;
	lon: number;
	lat: number;
	address: string;
	postcode: string;
}

function accessibility(rng: Rng): string[] {
	const options: [string, number][] = [
		['step_free', 0.75],
		['hearing_loop', 0.2],
		['accessible_toilet', 0.55],
		['quiet_space', 0.25],
		['guide_dogs_welcome', 0.4]
	];
	return options.filter(([, p]) => rng.chance(p)).map(([code]) => code);
}

function fillName(
	pattern: string,
	context: BuurtContext,
	wijkName: string,
	venue: Venue | null
): string {
	return pattern
		.replace('{buurt}', context.buurt.name)
		.replace('{wijk}', wijkName)
		.replace('{venue}', venue?.name ?? context.buurt.name);
}

/** A name not used before, from the kind's patterns in random order; null when all are taken. */
function uniqueName(
	rng: Rng,
	patterns: readonly string[],
	context: BuurtContext,
	wijkName: string,
	venue: Venue | null,
	taken: ReadonlySet<string>
): string | null {
	const shuffled = rng.shuffle(patterns);
	// Without a building, prefer the patterns that do not name one.
	const fitting = venue ? shuffled : shuffled.filter((p) => !p.includes('{venue}'));
	const candidates = (fitting.length > 0 ? fitting : shuffled).map((p) =>
		fillName(p, context, wijkName, venue)
	);
	return candidates.find((c) => !taken.has(c)) ?? null;
}

export interface Offer {
	organisations: DemoOrganisation[];
	initiatives: DemoInitiative[];
	provisions: DemoProvision[];
}

/**
 * Organisations, about 150 resident initiatives and 60 collective provisions. Community buildings
 * are placed where people live (weighted by inhabitants); most activities happen in one of them,
 * the rest (walks, gardens, home visits) at a point of their own in a buurt.
 */
export function generateOffer(
	rng: Rng,
	geography: Geography,
	accounts: readonly DemoAccount[],
	now: Date,
	counts = { initiatives: 150, venues: 28 }
): Offer {
	const lookup = createBuurtLookup(geography.buurten);
	const wijkName = new Map(geography.wijken.map((w) => [w.code, w.name]));
	const wijkOf = (c: BuurtContext) => wijkName.get(c.buurt.wijk_code)!;
	const people = geography.context.map((c) => c.buurt.inhabitants);

	const organisations: DemoOrganisation[] = ORGANISATIONS.map((o) => ({
		id: rng.uuid(),
		gemeente_code: geography.gemeente.code,
		name: o.name,
		kind: o.kind,
		website: `https://${o.key}.${DOMAIN}`,
		email: `info@${o.key}.${DOMAIN}`,
		phone: fictionalPhone(rng)
	}));
	// Residents' associations in the two wijken with the most buurten.
	const largest = [...geography.wijken]
		.map((w) => ({ w, n: geography.buurten.filter((b) => b.wijk_code === w.code).length }))
		.sort((a, b) => b.n - a.n || (a.w.code < b.w.code ? -1 : 1))
		.slice(0, 2);
	for (const { w } of largest) {
		const name = `Bewonersvereniging ${w.name}`;
		organisations.push({
			id: rng.uuid(),
			gemeente_code: geography.gemeente.code,
			name,
			kind: 'bewonersgroep',
			website: null,
			email: `bestuur@${slug(name)}.${DOMAIN}`,
			phone: null
		});
	}
	const orgByKey = new Map(ORGANISATIONS.map((o, i) => [o.key, organisations[i]]));
	const residentGroups = organisations.filter((o) => o.kind === 'bewonersgroep');

	const drawContext = () => geography.context[rng.weightedIndex(people)];
	const venues: Venue[] = [];
	const venueNames = rng.shuffle(VENUE_NAMES);
	while (venues.length < counts.venues) {
		const context = drawContext();
		if (venues.filter((v) => v.context === context).length >= 2) continue;
		const [lon, lat] = pointInBuurt(rng, context, lookup);
		const type =
			context.type === 'dorpskern' && rng.chance(0.5) ? 'Dorpshuis' : rng.pick(VENUE_TYPES);
		const name = venueNames[venues.length % venueNames.length];
		venues.push({
			name,
			building: `${type} ${name}`,
			context,
			lon,
			lat,
			address: `${type} ${name}, ${streetAddress(rng, context.stems)}`,
			postcode: fictionalPostcode(rng, context.wijkIndex)
		});
	}

	const taken = new Set<string>();
	/**
	 * Where an activity happens and what it is called: a buurt drawn by population, a building in
	 * its wijk when the kind meets indoors, and a name nobody uses yet; if the name is taken
	 * (a second "Wijkbus Molenwijk"), another buurt is drawn.
	 */
	const place = (patterns: readonly string[], atVenue: boolean): DemoOfferBase => {
		let at = drawContext();
		let venue: Venue | null = null;
		let name: string | null = null;
		for (let attempt = 0; attempt < 20 && !name; attempt++) {
			const context = attempt === 0 ? at : drawContext();
			const inWijk = venues.filter((v) => v.context.buurt.wijk_code === context.buurt.wijk_code);
			venue = atVenue && inWijk.length > 0 ? rng.pick(inWijk) : null;
			at = venue?.context ?? context;
			name = uniqueName(rng, patterns, at, wijkOf(at), venue, taken);
		}
		if (!name) {
			const base = fillName(patterns[0], at, wijkOf(at), venue);
			name = base;
			for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
		}
		taken.add(name);
		const [lon, lat] = venue ? [venue.lon, venue.lat] : pointInBuurt(rng, at, lookup);
		return {
			id: rng.uuid(),
			organisation_id: null,
			buurt_code: at.buurt.code,
			name,
			description: '',
			how_to_join: '',
			lon,
			lat,
			address: venue?.address ?? (rng.chance(0.6) ? streetAddress(rng, at.stems) : null),
			postcode: venue?.postcode ?? null,
			schedule: [],
			contact_email: `${slug(name)}@${DOMAIN}`,
			contact_phone: rng.chance(0.7) ? fictionalPhone(rng) : null,
			website: rng.chance(0.3) ? `https://${DOMAIN}/${slug(name)}` : null,
			accessibility: venue ? accessibility(rng) : rng.chance(0.5) ? ['step_free'] : [],
			languages: ['nl']
		};
	};

	const resident = accounts.find((a) => a.role === 'resident');
	const initiatives: DemoInitiative[] = [];
	const kindWeights = INITIATIVE_KINDS.map((k) => k.weight);
	for (let i = 0; i < counts.initiatives; i++) {
		const kind: InitiativeKind = INITIATIVE_KINDS[rng.weightedIndex(kindWeights)];
		const base = place(kind.names, kind.atVenue);
		const organisation = rng.chance(0.35)
			? rng.pick([...residentGroups, orgByKey.get('vrijwilligers')!, orgByKey.get('welzijn')!])
			: kind.key === 'taalcafe' && rng.chance(0.5)
				? orgByKey.get('taal')!
				: null;
		// Mostly published; a few wait for moderation, are drafts or have ended. The first two are
		// the demo resident's own: a draft and one waiting for moderation.
		const status: DemoInitiative['status'] =
			i === 0
				? 'draft'
				: i === 1
					? 'pending'
					: rng.weightedPick(['published', 'pending', 'draft', 'archived'], [90, 4, 3, 3]);
		const extra = rng.sample(kind.languages, rng.int(0, Math.min(3, kind.languages.length)));
		initiatives.push({
			...base,
			organisation_id: organisation?.id ?? null,
			description: kind.description,
			how_to_join: kind.howToJoin,
			schedule: kind.schedule(rng),
			languages: ['nl', ...extra.sort()],
			status,
			theme_codes: kind.themes,
			created_by: i < 2 && resident ? resident.id : null,
			published_at:
				status === 'published' || status === 'archived'
					? new Date(now.getTime() - rng.int(20, 900) * DAY_MS).toISOString()
					: null
		});
	}

	const provisions: DemoProvision[] = [];
	for (const kind of PROVISION_KINDS) {
		for (let n = 0; n < kind.count; n++) {
			const organisation = orgByKey.get(kind.organisation)!;
			const base = place(kind.names, true);
			provisions.push({
				...base,
				organisation_id: organisation.id,
				contact_email: organisation.email,
				description: kind.description,
				how_to_join: kind.howToJoin,
				schedule: kind.schedule(rng),
				languages: rng.chance(0.3) ? ['nl', 'en'] : ['nl'],
				status: rng.chance(0.95) ? 'published' : 'draft',
				theme_code: kind.theme,
				weekly_capacity: Math.round(rng.int(kind.capacity[0], kind.capacity[1]) / 5) * 5,
				catchment_minutes: kind.catchmentMinutes
			});
		}
	}
	return { organisations, initiatives, provisions };
}
