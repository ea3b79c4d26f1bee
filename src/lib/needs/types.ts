// Shapes the needs pages share between server and browser (no server code here).

export type NeedStatus = 'open' | 'in_behandeling' | 'afgehandeld' | 'ingetrokken';

/** What the resident sees of one stored need: every field, with names for the codes. */
export interface NeedReceipt {
	id: string;
	/** A short reference to quote to the gemeente: the first 8 characters of the id. */
	reference: string;
	theme: { code: string; name: string };
	buurt: { code: string; name: string; wijkName: string };
	description: string | null;
	point: { lon: number; lat: number } | null;
	householdSize: number | null;
	contact: { method: 'email' | 'phone'; value: string } | null;
	status: NeedStatus;
	reportedAt: string;
	expiresAt: string;
	/** Linked to the resident's account (and so listed under "My reports"). */
	signedIn: boolean;
}

/** One published figure of the public needs table. */
export interface FigureView {
	display: 'count' | 'fewer_than_5' | 'hidden';
	/** Rounded to 5; null unless display is 'count'. */
	count: number | null;
	ratePer1000: number | null;
	households: number | null;
}

/** The properties of a buurt on the public needs map. */
export interface NeedFigureProperties {
	code: string;
	name: string;
	display: FigureView['display'] | 'none';
	count: number | null;
	ratePer1000: number | null;
}

/** A need as the wijkteam sees it: never who reported it. */
export interface WijkteamNeed {
	id: string;
	theme: string;
	buurt: string;
	description: string | null;
	householdSize: number | null;
	status: NeedStatus;
	reportedAt: string;
	contact: { method: 'email' | 'phone'; value: string } | null;
	point: { lon: number; lat: number } | null;
}
