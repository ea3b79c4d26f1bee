// What the council's planning reads, always with the caller's claims: geography and themes
// (public), provisions (council reads all; the analysis uses the published ones), signals asking
// for a new provision (readable by council under RLS) and need aggregates through the
// security-definer functions of 20261128190000_council_planning.sql. Never a need row.
import type { MultiPolygon, Polygon } from 'geojson';
import type { ProvisionPoint } from '$lib/analysis/gaps';
import type { PlanLaw, PlanSubject } from '$lib/schemas/plan';
import type { Tx } from '$lib/server/db/types';
import type { PlanBuurt } from './analysis';
import type { NeedCount, SignalDemand } from './demand';
import type { BuurtKeyFigures } from './expected-need';
import type { FunctionReturns } from '$lib/server/db/rows';

export interface PlanTheme {
	code: string;
	law: PlanLaw;
	nameNl: string;
	nameEn: string;
}

export interface PlanGemeente {
	code: string;
	name: string;
}

export interface PlanningBuurt extends PlanBuurt {
	figures: BuurtKeyFigures;
}

export interface PlanProvision extends ProvisionPoint {
	name: string;
	buurtCode: string;
	themeCode: string;
}

/** Gemeenten that have buurten, by name. */
export async function loadGemeenten(tx: Tx): Promise<PlanGemeente[]> {
	return tx.query<PlanGemeente>(
		`select g.code, g.name from public.gemeenten g
		  where exists (select 1 from public.buurten b where b.gemeente_code = g.code)
		  order by g.name, g.code`
	);
}

/** The caller's own gemeente (profile), if set. */
export async function ownGemeente(tx: Tx): Promise<string | null> {
	const [row] = await tx.query<{ code: string | null }>(
		`select p.gemeente_code as code from public.profiles p where p.id = (select auth.uid())`
	);
	return row?.code ?? null;
}

export async function loadThemes(tx: Tx): Promise<PlanTheme[]> {
	return tx.query<PlanTheme>(
		`select code, law::text as law, name_nl as "nameNl", name_en as "nameEn"
		   from public.themes order by sort_order, code`
	);
}

/** The theme codes a subject covers (empty when the theme does not exist). */
export function subjectThemes(subject: PlanSubject, themes: readonly PlanTheme[]): string[] {
	return themes
		.filter((t) => (subject.kind === 'theme' ? t.code === subject.theme : t.law === subject.law))
		.map((t) => t.code);
}

export async function loadBuurten(tx: Tx, gemeente: string): Promise<PlanningBuurt[]> {
	const rows = await tx.query<{
		code: string;
		name: string;
		wijk_name: string;
		lon: number;
		lat: number;
		inhabitants: number | null;
		households: number | null;
		pct_age_65_plus: number | null;
		pct_one_person_households: number | null;
		pct_households_with_children: number | null;
		social_assistance_benefits: number | null;
		disability_benefits: number | null;
		unemployment_benefits: number | null;
	}>(
		`select b.code, b.name, w.name as wijk_name, b.centroid_lon as lon, b.centroid_lat as lat,
		        b.inhabitants, b.households, b.pct_age_65_plus, b.pct_one_person_households,
		        b.pct_households_with_children, b.social_assistance_benefits, b.disability_benefits,
		        b.unemployment_benefits
		   from public.buurten b
		   join public.wijken w on w.code = b.wijk_code
		  where b.gemeente_code = $1
		  order by b.code`,
		[gemeente]
	);
	return rows.map((r) => ({
		code: r.code,
		name: r.name,
		wijkName: r.wijk_name,
		lon: Number(r.lon),
		lat: Number(r.lat),
		figures: {
			inhabitants: r.inhabitants,
			households: r.households,
			pctAge65Plus: r.pct_age_65_plus,
			pctOnePersonHouseholds: r.pct_one_person_households,
			pctHouseholdsWithChildren: r.pct_households_with_children,
			socialAssistanceBenefits: r.social_assistance_benefits,
			disabilityBenefits: r.disability_benefits,
			unemploymentBenefits: r.unemployment_benefits
		}
	}));
}

/** Buurt outlines of a gemeente (point-in-municipality checks and the GeoJSON export). */
export async function loadBoundaries(
	tx: Tx,
	gemeente: string
): Promise<{ code: string; boundary: Polygon | MultiPolygon }[]> {
	return tx.query(
		`select code, boundary from public.buurten where gemeente_code = $1 order by code`,
		[gemeente]
	);
}

/** Published provisions of the given themes in the gemeente: the supply S_j. */
export async function loadProvisions(
	tx: Tx,
	gemeente: string,
	themeCodes: readonly string[]
): Promise<PlanProvision[]> {
	if (themeCodes.length === 0) return [];
	const rows = await tx.query<{
		id: string;
		name: string;
		buurt_code: string;
		theme_code: string;
		lon: number;
		lat: number;
		weekly_capacity: number;
		catchment_minutes: number;
	}>(
		`select p.id, p.name, p.buurt_code, p.theme_code, p.lon, p.lat, p.weekly_capacity,
		        p.catchment_minutes
		   from public.provisions p
		   join public.buurten b on b.code = p.buurt_code
		  where b.gemeente_code = $1 and p.status = 'published'
		    and p.theme_code in (select jsonb_array_elements_text($2::text::jsonb))
		  order by p.name, p.id`,
		// A JSON parameter (cast via text) works the same on PGlite and postgres.js.
		[gemeente, JSON.stringify(themeCodes)]
	);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		buurtCode: r.buurt_code,
		themeCode: r.theme_code,
		lon: Number(r.lon),
		lat: Number(r.lat),
		capacity: Number(r.weekly_capacity),
		catchmentMinutes: Number(r.catchment_minutes)
	}));
}

/** Open needs per buurt × theme (distinct households) through the council function. */
export async function loadNeedCounts(
	tx: Tx,
	gemeente: string,
	windowDays: number
): Promise<NeedCount[]> {
	const rows = await tx.query<FunctionReturns<'private', 'council_need_demand'>[number]>(
		`select buurt_code, theme_code, households from private.council_need_demand($1, $2)`,
		[gemeente, windowDays]
	);
	return rows.map((r) => ({
		buurtCode: r.buurt_code,
		themeCode: r.theme_code,
		households: Number(r.households)
	}));
}

/**
 * Signals asking for a new collective provision that are not closed. RLS shows council exactly
 * these; the filter says so again, so an admin or a team member never plans on other signals.
 */
export async function loadProvisionSignals(tx: Tx): Promise<SignalDemand[]> {
	const rows = await tx.query<{
		theme_code: string;
		buurt_codes: string[];
		household_count: number;
	}>(
		`select theme_code, buurt_codes, household_count from public.signals
		  where intervention_kind = 'nieuwe_voorziening' and status <> 'afgesloten'`
	);
	return rows.map((r) => ({
		themeCode: r.theme_code,
		buurtCodes: r.buurt_codes,
		householdCount: Number(r.household_count)
	}));
}

export interface MonthCount {
	/** First day of the month, YYYY-MM-DD. */
	month: string;
	themeCode: string;
	/** null: 1 to 4 households (suppressed by the database function). */
	households: number | null;
}

export async function loadNeedMonths(
	tx: Tx,
	gemeente: string,
	months: number
): Promise<MonthCount[]> {
	const rows = await tx.query<{ month: string; theme_code: string; households: number | null }>(
		`select to_char(month, 'YYYY-MM-DD') as month, theme_code, households
		   from private.council_need_months($1, $2)`,
		[gemeente, months]
	);
	return rows.map((r) => ({
		month: r.month,
		themeCode: r.theme_code,
		households: r.households === null ? null : Number(r.households)
	}));
}

export interface ThemeCapacity {
	themeCode: string;
	published: number;
	publishedCapacity: number;
	draft: number;
	draftCapacity: number;
}

/** Provisions and weekly capacity per theme (council reads drafts too: plans in the making). */
export async function loadCapacity(tx: Tx, gemeente: string): Promise<ThemeCapacity[]> {
	const rows = await tx.query<{
		theme_code: string;
		published: number;
		published_capacity: number;
		draft: number;
		draft_capacity: number;
	}>(
		`select p.theme_code,
		        count(*) filter (where p.status = 'published')::int as published,
		        coalesce(sum(p.weekly_capacity) filter (where p.status = 'published'), 0)::int
		          as published_capacity,
		        count(*) filter (where p.status = 'draft')::int as draft,
		        coalesce(sum(p.weekly_capacity) filter (where p.status = 'draft'), 0)::int
		          as draft_capacity
		   from public.provisions p
		   join public.buurten b on b.code = p.buurt_code
		  where b.gemeente_code = $1
		  group by p.theme_code`,
		[gemeente]
	);
	return rows.map((r) => ({
		themeCode: r.theme_code,
		published: Number(r.published),
		publishedCapacity: Number(r.published_capacity),
		draft: Number(r.draft),
		draftCapacity: Number(r.draft_capacity)
	}));
}
