// What the find and detail pages get from the server: plain data, shared with the components.
import type { Occurrence, ScheduleSlot } from './schedule';
import type { Law, OfferKind } from '$lib/schemas/find';

export interface ThemeOption {
	code: string;
	law: Law;
	nameNl: string;
	nameEn: string;
}

export interface BuurtOption {
	code: string;
	name: string;
	lon: number;
	lat: number;
}

export interface WijkOption {
	code: string;
	name: string;
	buurten: BuurtOption[];
}

/** What the filter form offers: only values that exist in the data. */
export interface FindOptions {
	themes: ThemeOption[];
	wijken: WijkOption[];
	/** Languages spoken somewhere in the published offer (ISO 639 codes). */
	languages: string[];
}

/** Where distances are measured from. */
export type Reference =
	| { kind: 'buurt'; code: string; name: string; lon: number; lat: number }
	| { kind: 'point'; lon: number; lat: number; buurtName: string | null };

/** One result, as the list shows it. */
export interface FindItem {
	kind: OfferKind;
	id: string;
	name: string;
	lon: number;
	lat: number;
	buurtName: string;
	wijkName: string;
	themes: string[];
	address: string | null;
	organisationName: string | null;
	/** Walking minutes from the reference, when there is one. */
	minutes: number | null;
	openNow: boolean;
	next: Occurrence | null;
}

export interface OfferDetail {
	kind: OfferKind;
	id: string;
	name: string;
	description: string;
	howToJoin: string;
	lon: number;
	lat: number;
	address: string | null;
	postcode: string | null;
	schedule: ScheduleSlot[];
	openNow: boolean;
	next: Occurrence[];
	contactEmail: string | null;
	contactPhone: string | null;
	website: string | null;
	accessibility: string[];
	languages: string[];
	themes: ThemeOption[];
	buurtCode: string;
	buurtName: string;
	wijkName: string;
	organisation: {
		name: string;
		website: string | null;
		email: string | null;
		phone: string | null;
	} | null;
	/** Provisions only: households per week, and how far it draws from. */
	weeklyCapacity: number | null;
	catchmentMinutes: number | null;
	/** Up to five others nearby that share a theme, nearest first. */
	nearby: FindItem[];
}
