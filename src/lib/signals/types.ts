// Shapes the wijkteam workspace and signal pages share between server and browser (no server
// code here).
import type { CandidateReason } from '$lib/analysis/shared-needs';
import type { NeedStatus } from '$lib/needs/types';
import type { InterventionKind, SignalStatus, SignalStepFields } from './workflow';

export interface ClusterRow {
	/** 1, 2, …: the same number on the map. */
	number: number;
	themeCode: string;
	themeName: string;
	buurten: { code: string; name: string }[];
	/** Households with a need (the sum of the cells' counts). */
	count: number;
	/** CBS households of the cluster's buurten with known households; null when none known. */
	households: number | null;
	ratePer1000: number | null;
	/** The smallest q of the cluster's cells (null when none was tested). */
	minQ: number | null;
	reasons: CandidateReason[];
	/** An open signal of the team that already covers it. */
	signal: { id: string; title: string } | null;
	/** Where the map puts its number: inside the buurt with the most households with a need. */
	marker: { lon: number; lat: number };
}

export interface CellRow {
	clusterNumber: number;
	themeName: string;
	buurtName: string;
	count: number;
	households: number | null;
	ratePer1000: number | null;
	expected: number | null;
	p: number | null;
	q: number | null;
	reasons: CandidateReason[];
}

export interface ThemeRateRow {
	themeCode: string;
	themeName: string;
	count: number;
	households: number;
	ratePer1000: number | null;
	candidates: number;
}

export interface AreaNeed {
	id: string;
	themeName: string;
	buurtName: string;
	description: string | null;
	householdSize: number | null;
	status: NeedStatus;
	reportedAt: string;
	contact: { method: 'email' | 'phone'; value: string } | null;
	isNew: boolean;
}

export interface SignalListItem {
	id: string;
	title: string;
	themeCode: string;
	themeName: string;
	buurtCodes: string[];
	status: SignalStatus;
	householdCount: number;
	interventionKind: InterventionKind | null;
	assignedTo: string | null;
	updatedAt: string;
}

export interface SignalEventView {
	id: string;
	kind: 'aangemaakt' | 'overgang' | 'notitie' | 'toegewezen' | 'gewijzigd';
	at: string;
	/** null: no actor (a privileged process, or an account since erased). */
	actorId: string | null;
	actorName: string | null;
	from: SignalStatus | null;
	to: SignalStatus | null;
	note: string | null;
	/** gewijzigd/overgang: the fields that changed; toegewezen: the new assignee's name. */
	fields: string[];
	assignedToName: string | null;
}

export interface OfferOption {
	kind: 'initiative' | 'provision';
	id: string;
	name: string;
	buurtName: string;
}

export interface SignalView {
	id: string;
	teamId: string;
	teamName: string;
	gemeenteCode: string;
	theme: { code: string; name: string };
	buurten: { code: string; name: string }[];
	title: string;
	status: SignalStatus;
	householdCount: number;
	source: 'hand' | 'cluster';
	detection: DetectionSnapshot | null;
	fields: SignalStepFields;
	linkedOfferName: string | null;
	assignedTo: { id: string; name: string } | null;
	createdByName: string | null;
	createdAt: string;
	updatedAt: string;
	version: number;
	events: SignalEventView[];
	members: { id: string; name: string }[];
	themes: { code: string; name: string }[];
	offers: OfferOption[];
}

export interface DetectionSnapshot {
	parameters: { windowDays: number; k: number; fdr: number };
	window: { from: string; to: string };
	baseline: { count: number; households: number; ratePer1000: number | null } | null;
	cells: {
		buurtCode: string;
		count: number;
		households: number | null;
		ratePer1000: number | null;
		expected: number | null;
		p: number | null;
		q: number | null;
		reasons: string[];
	}[];
}
