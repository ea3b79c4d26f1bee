// One published initiative or provision for its public page, with what is nearby.
import { isOpenAt, nextOccurrences, parseSchedule } from '$lib/offer/schedule';
import type { OfferDetail, ThemeOption } from '$lib/offer/types';
import { NO_FILTERS, type OfferKind } from '$lib/schemas/find';
import type { Tx } from '$lib/server/db/types';
import { offerCandidates, refine } from './find';

export type { OfferDetail } from '$lib/offer/types';

interface DetailRow {
	id: string;
	name: string;
	description: string;
	howToJoin: string;
	lon: number;
	lat: number;
	address: string | null;
	postcode: string | null;
	schedule: unknown;
	contactEmail: string | null;
	contactPhone: string | null;
	website: string | null;
	accessibility: string[];
	languages: string[];
	themeCodes: string[];
	buurtCode: string;
	buurtName: string;
	wijkName: string;
	organisationName: string | null;
	organisationWebsite: string | null;
	organisationEmail: string | null;
	organisationPhone: string | null;
	weeklyCapacity: number | null;
	catchmentMinutes: number | null;
}

const COMMON = `o.id, o.name, o.description, o.how_to_join as "howToJoin", o.lon, o.lat, o.address,
	o.postcode, o.schedule, o.contact_email as "contactEmail", o.contact_phone as "contactPhone",
	o.website, o.accessibility, o.languages, o.buurt_code as "buurtCode", b.name as "buurtName",
	w.name as "wijkName", org.name as "organisationName", org.website as "organisationWebsite",
	org.email as "organisationEmail", org.phone as "organisationPhone"`;
const JOINS = `join public.buurten b on b.code = o.buurt_code
	join public.wijken w on w.code = b.wijk_code
	left join public.organisations org on org.id = o.organisation_id`;

// Published only, whoever asks: this is the public page (an admin reads drafts through RLS).
const QUERIES: Record<OfferKind, string> = {
	initiative: `select ${COMMON},
		array(select it.theme_code from public.initiative_themes it
		        join public.themes th on th.code = it.theme_code
		       where it.initiative_id = o.id order by th.sort_order, th.code) as "themeCodes",
		null::int as "weeklyCapacity", null::int as "catchmentMinutes"
		from public.initiatives o ${JOINS}
		where o.id = $1::uuid and o.status = 'published'`,
	provision: `select ${COMMON}, array[o.theme_code] as "themeCodes",
		o.weekly_capacity as "weeklyCapacity", o.catchment_minutes::int as "catchmentMinutes"
		from public.provisions o ${JOINS}
		where o.id = $1::uuid and o.status = 'published'`
};

const NEARBY = 5;

/** The published item, or null when there is none with this id (or it is not public). */
export async function getOfferDetail(
	tx: Tx,
	kind: OfferKind,
	id: string,
	now: Date
): Promise<OfferDetail | null> {
	const [row] = await tx.query<DetailRow>(QUERIES[kind], [id]);
	if (!row) return null;
	const themes = await tx.query<ThemeOption>(
		`select code, law, name_nl as "nameNl", name_en as "nameEn" from public.themes
		  where code = any(string_to_array($1::text, ',')) order by sort_order, code`,
		[row.themeCodes.join(',')]
	);
	const schedule = parseSchedule(row.schedule);
	const shared = new Set(row.themeCodes);
	const nearby = refine(await offerCandidates(tx, NO_FILTERS), NO_FILTERS, row, now)
		.filter((item) => item.id !== row.id && item.themes.some((code) => shared.has(code)))
		.slice(0, NEARBY);
	return {
		kind,
		id: row.id,
		name: row.name,
		description: row.description,
		howToJoin: row.howToJoin,
		lon: row.lon,
		lat: row.lat,
		address: row.address,
		postcode: row.postcode,
		schedule,
		openNow: isOpenAt(schedule, now),
		next: nextOccurrences(schedule, now, 4),
		contactEmail: row.contactEmail,
		contactPhone: row.contactPhone,
		website: row.website,
		accessibility: row.accessibility,
		languages: row.languages,
		themes,
		buurtCode: row.buurtCode,
		buurtName: row.buurtName,
		wijkName: row.wijkName,
		organisation: row.organisationName
			? {
					name: row.organisationName,
					website: row.organisationWebsite,
					email: row.organisationEmail,
					phone: row.organisationPhone
				}
			: null,
		weeklyCapacity: row.weeklyCapacity,
		catchmentMinutes: row.catchmentMinutes,
		nearby
	};
}
