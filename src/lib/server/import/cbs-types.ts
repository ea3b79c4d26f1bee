// The rows, plan and input of a CBS import (see cbs-plan.ts for what it does). Shared by the
// reading, checking, planning, writing and summary steps.
import type { Boundary } from '$lib/server/geo/polygon';

export type { Boundary };

/** A problem with the input as a whole: the import stops and writes nothing. */
export class CbsImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CbsImportError';
	}
}

export type KeyFigureColumn =
	| 'inhabitants'
	| 'households'
	| 'average_household_size'
	| 'pct_age_0_14'
	| 'pct_age_15_24'
	| 'pct_age_25_44'
	| 'pct_age_45_64'
	| 'pct_age_65_plus'
	| 'pct_one_person_households'
	| 'pct_households_with_children'
	| 'social_assistance_benefits'
	| 'disability_benefits'
	| 'unemployment_benefits'
	| 'pension_benefits'
	| 'land_area_ha';

export interface GemeenteRow {
	code: string;
	name: string;
	/** True when no file named the gemeente: an existing name is then kept. */
	name_is_placeholder: boolean;
	source: string;
}

export interface WijkRow {
	code: string;
	gemeente_code: string;
	name: string;
	/** True for "Wijk WK034401": an existing (real) name is then kept on re-import. */
	name_is_placeholder: boolean;
	boundary: Boundary | null;
	centroid_lon: number | null;
	centroid_lat: number | null;
}

export type BuurtRow = {
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
	key_figures_year: number | null;
} & Record<KeyFigureColumn, number | null>;

export interface SkippedFeature {
	file: 'buurten' | 'wijken';
	/** 1-based position in the file's features array. */
	index: number;
	code: string | null;
	reason: string;
}

export interface FieldMapping {
	/** The property name as it appears in the file, or an option such as --year. */
	source: string;
	/** table.column */
	column: string;
}

export interface CbsImportPlan {
	source: string;
	gemeenten: GemeenteRow[];
	wijken: WijkRow[];
	buurten: BuurtRow[];
	skipped: SkippedFeature[];
	warnings: string[];
	fieldsMapped: FieldMapping[];
	/** table.column names no source field was found for (left null). */
	fieldsMissing: string[];
	/** Per column: how many values CBS marked secret or not applicable (stored as null). */
	secretValues: Partial<Record<KeyFigureColumn, number>>;
	/** Wijken whose boundary was derived from their buurten. */
	derivedWijken: string[];
}

export interface CbsImportInput {
	/** The parsed buurten GeoJSON (any JSON value; it is checked here). */
	buurten: unknown;
	/** The parsed wijken GeoJSON: names and boundaries of the wijken. */
	wijken?: unknown;
	/** key_figures_year for every buurt; overrides a `jaar` property. */
	year?: number;
	/** Shown in the summary and stored in gemeenten.source. */
	source?: string;
	/** Labels for messages, e.g. the file names. */
	buurtenLabel?: string;
	wijkenLabel?: string;
	/** Warnings of an earlier step (e.g. the PDOK download), listed first. */
	warnings?: string[];
}
