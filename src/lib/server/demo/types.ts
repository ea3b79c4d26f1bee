import type { Boundary } from '$lib/server/geo/polygon';

// Rows of the demo city, named and shaped like the columns of supabase/migrations/*_core_schema.sql
// so the seeder can hand them to jsonb_to_recordset unchanged.

export type { Boundary };

/** The kind of neighbourhood a wijk is, which drives its name and its CBS key figures. */
export type WijkType =
	'binnenstad' | 'vooroorlogs' | 'naoorlogs' | 'bloemkool' | 'vinex' | 'villawijk' | 'dorpskern';

/** A wijk's type, or the one industrial estate a big wijk at the edge may have. */
export type BuurtType = WijkType | 'bedrijventerrein';

export interface ScheduleSlot {
	/** ISO weekday, 1 = Monday. */
	day: number;
	opens: string;
	closes: string;
	every: 'week' | 'two_weeks' | 'month';
}

export interface DemoGemeente {
	code: string;
	name: string;
	is_fictional: true;
	source: string;
}

export interface DemoWijk {
	code: string;
	gemeente_code: string;
	name: string;
	boundary: Boundary;
	centroid_lon: number;
	centroid_lat: number;
}

export interface DemoBuurt {
	code: string;
	wijk_code: string;
	gemeente_code: string;
	name: string;
	boundary: Boundary;
	centroid_lon: number;
	centroid_lat: number;
	min_lon: number;
	min_lat: number;
	max_lon: number;
	max_lat: number;
	inhabitants: number;
	households: number;
	average_household_size: number | null;
	pct_age_0_14: number | null;
	pct_age_15_24: number | null;
	pct_age_25_44: number | null;
	pct_age_45_64: number | null;
	pct_age_65_plus: number | null;
	pct_one_person_households: number | null;
	pct_households_with_children: number | null;
	social_assistance_benefits: number | null;
	disability_benefits: number | null;
	unemployment_benefits: number | null;
	pension_benefits: number | null;
	land_area_ha: number;
	key_figures_year: number;
}

export interface DemoOrganisation {
	id: string;
	gemeente_code: string;
	name: string;
	kind: 'bewonersgroep' | 'vrijwilligersorganisatie' | 'welzijn' | 'zorg' | 'gemeente' | 'overig';
	website: string | null;
	email: string | null;
	phone: string | null;
}

/** Columns initiatives and provisions share. */
export interface DemoOfferBase {
	id: string;
	organisation_id: string | null;
	buurt_code: string;
	name: string;
	description: string;
	how_to_join: string;
	lon: number;
	lat: number;
	address: string | null;
	postcode: string | null;
	schedule: ScheduleSlot[];
	contact_email: string | null;
	contact_phone: string | null;
	website: string | null;
	accessibility: string[];
	languages: string[];
}

export interface DemoInitiative extends DemoOfferBase {
	status: 'draft' | 'pending' | 'published' | 'archived';
	/** Rows of initiative_themes. */
	theme_codes: string[];
	created_by: string | null;
	published_at: string | null;
}

export interface DemoProvision extends DemoOfferBase {
	status: 'draft' | 'published' | 'archived';
	theme_code: string;
	weekly_capacity: number;
	catchment_minutes: number;
}

export type AppRole = 'resident' | 'wijkteam' | 'council' | 'admin';

export interface DemoAccount {
	id: string;
	email: string;
	display_name: string;
	role: AppRole;
	locale: 'nl' | 'en';
	/** The team a wijkteam account belongs to, by team name. */
	team_name: string | null;
	role_in_team: 'lid' | 'coordinator' | null;
}

export interface DemoTeam {
	id: string;
	gemeente_code: string;
	name: string;
	wijk_codes: string[];
	/** Rows of team_areas: every buurt of the wijken the team serves. */
	buurt_codes: string[];
}

export interface DemoVolunteer {
	id: string;
	user_id: string | null;
	display_name: string;
	home_buurt_code: string;
	skills: string[];
	availability: { day: number; part: 'morning' | 'afternoon' | 'evening' }[];
	hours_per_week: number;
	active: boolean;
	theme_codes: string[];
}

export interface DemoNeed {
	id: string;
	theme_code: string;
	buurt_code: string;
	reporter_id: string | null;
	household_key: string;
	description: string | null;
	point_lon: number | null;
	point_lat: number | null;
	household_size: number;
	contact_consent: boolean;
	contact_method: 'email' | 'phone' | null;
	contact_value: string | null;
	status: 'open' | 'in_behandeling' | 'afgehandeld' | 'ingetrokken';
	reported_at: string;
	expires_at: string;
}

/** A buurt × theme where the generator planted many distinct households with recent open needs. */
export interface DemoHotSpot {
	buurtCode: string;
	themeCode: string;
	/** Distinct households with an open need of this theme in this buurt in the window. */
	households: number;
	windowDays: number;
}

export interface DemoCity {
	seed: number;
	/** The reference date every relative date was computed from (ISO 8601). */
	now: string;
	gemeente: DemoGemeente;
	wijken: DemoWijk[];
	buurten: DemoBuurt[];
	organisations: DemoOrganisation[];
	initiatives: DemoInitiative[];
	provisions: DemoProvision[];
	accounts: DemoAccount[];
	teams: DemoTeam[];
	volunteers: DemoVolunteer[];
	needs: DemoNeed[];
	hotSpots: DemoHotSpot[];
}

/** What the offer, people and needs generators need to know about a buurt beyond its row. */
export interface BuurtContext {
	buurt: DemoBuurt;
	type: BuurtType;
	/** 0 for the first wijk (the centre). */
	wijkIndex: number;
	/** Stems for street names in this wijk's theme. */
	stems: string[];
	/** 1 in the town centre, towards 0 at the edge. */
	centrality: number;
}

export interface Geography {
	gemeente: DemoGemeente;
	wijken: DemoWijk[];
	buurten: DemoBuurt[];
	context: BuurtContext[];
}
