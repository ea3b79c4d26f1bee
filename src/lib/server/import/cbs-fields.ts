// Field mapping: CBS property names (2015 uppercase and recent lowercase editions) → columns,
// and reading one property value (codes, names, key figures, the year) the way CBS writes it.
import type { CbsImportPlan, FieldMapping, KeyFigureColumn } from './cbs-types';

type FigureKind = 'count' | 'percent' | 'decimal1' | 'decimal2';

interface FigureSpec {
	column: KeyFigureColumn;
	kind: FigureKind;
	/** Property names, first the 2015 (uppercase) edition, then the PDOK/recent lowercase names. */
	sources: readonly string[];
}

/**
 * CBS key figures → buurten columns. Lowercase names are those of the Wijk- en Buurtkaart
 * 2022–2024 and the PDOK OGC API "CBS Wijken en Buurten" (see CBS "Toelichting Wijk- en
 * Buurtkaart 2022, 2023 en 2024"). CBS itself spells the household size
 * `gemiddelde_huishoudsgrootte`; the longer spelling is accepted too. Names match
 * case-insensitively, so `aant_inw` or `BUURTCODE` also work.
 */
export const KEY_FIGURES: readonly FigureSpec[] = [
	{ column: 'inhabitants', kind: 'count', sources: ['AANT_INW', 'aantal_inwoners'] },
	{ column: 'households', kind: 'count', sources: ['AANTAL_HH', 'aantal_huishoudens'] },
	{
		column: 'average_household_size',
		kind: 'decimal2',
		sources: ['GEM_HH_GR', 'gemiddelde_huishoudsgrootte', 'gemiddelde_huishoudensgrootte']
	},
	{
		column: 'pct_age_0_14',
		kind: 'percent',
		sources: ['P_00_14_JR', 'percentage_personen_0_tot_15_jaar']
	},
	{
		column: 'pct_age_15_24',
		kind: 'percent',
		sources: ['P_15_24_JR', 'percentage_personen_15_tot_25_jaar']
	},
	{
		column: 'pct_age_25_44',
		kind: 'percent',
		sources: ['P_25_44_JR', 'percentage_personen_25_tot_45_jaar']
	},
	{
		column: 'pct_age_45_64',
		kind: 'percent',
		sources: ['P_45_64_JR', 'percentage_personen_45_tot_65_jaar']
	},
	{
		column: 'pct_age_65_plus',
		kind: 'percent',
		sources: ['P_65_EO_JR', 'percentage_personen_65_jaar_en_ouder']
	},
	{
		column: 'pct_one_person_households',
		kind: 'percent',
		sources: ['P_EENP_HH', 'percentage_eenpersoonshuishoudens']
	},
	{
		column: 'pct_households_with_children',
		kind: 'percent',
		sources: ['P_HH_M_K', 'percentage_huishoudens_met_kinderen']
	},
	{
		column: 'social_assistance_benefits',
		kind: 'count',
		sources: ['WWB_UITTOT', 'aantal_personen_met_een_alg_bijstandsuitkering_tot']
	},
	{
		column: 'disability_benefits',
		kind: 'count',
		sources: ['AO_UIT_TOT', 'aantal_personen_met_een_ao_uitkering_totaal']
	},
	{
		column: 'unemployment_benefits',
		kind: 'count',
		sources: ['WW_UIT_TOT', 'aantal_personen_met_een_ww_uitkering_totaal']
	},
	{
		column: 'pension_benefits',
		kind: 'count',
		sources: ['A_SOZ_OW', 'aantal_personen_met_een_aow_uitkering_totaal']
	},
	{
		column: 'land_area_ha',
		kind: 'decimal1',
		sources: ['OPP_LAND', 'oppervlakte_land_in_ha', 'oppervlakte_land_in_hectare']
	}
];

/** Identity fields: codes and names, for buurten features and wijken features. */
export const IDENTITY_FIELDS = {
	buurtCode: ['BU_CODE', 'buurtcode'],
	buurtName: ['BU_NAAM', 'buurtnaam'],
	wijkCode: ['WK_CODE', 'wijkcode'],
	wijkName: ['WK_NAAM', 'wijknaam'],
	gemeenteCode: ['GM_CODE', 'gemeentecode'],
	gemeenteName: ['GM_NAAM', 'gemeentenaam'],
	/** Recent editions carry the statistics year per feature; --year overrides it. */
	year: ['jaar']
} as const;

export const BUURT_CODE = /^BU\d{8}$/;
export const WIJK_CODE = /^WK\d{6}$/;
export const GEMEENTE_CODE = /^GM\d{4}$/;

/** Limits of the column types (integer, numeric(4,2), numeric(10,1)). */
const MAX_BY_KIND: Record<FigureKind, number> = {
	count: 2_147_483_647,
	percent: 100,
	decimal2: 99.99,
	decimal1: 999_999_999.9
};
export type Props = Map<string, { key: string; value: unknown }>;

export function propsOf(properties: Record<string, unknown> | null | undefined): Props {
	const map: Props = new Map();
	for (const [key, value] of Object.entries(properties ?? {})) {
		map.set(key.toLowerCase(), { key, value });
	}
	return map;
}

export function pick(
	props: Props,
	names: readonly string[]
): { key: string; value: unknown } | undefined {
	for (const name of names) {
		const found = props.get(name.toLowerCase());
		if (found && found.value !== null && found.value !== undefined) return found;
	}
	return undefined;
}

export function pickText(props: Props, names: readonly string[]): string | null {
	const found = pick(props, names);
	if (found === undefined) return null;
	if (typeof found.value !== 'string' && typeof found.value !== 'number') return null;
	const text = String(found.value).trim();
	return text === '' ? null : text;
}

/** CBS marks a secret or not-applicable figure with -99999999, -99999997, -99997, -99995, … */
const SENTINEL_LIMIT = -99_990;
/** Symbols CBS uses in text exports for secret or missing figures. */
const SECRET_SYMBOLS = new Set(['', '.', 'x', '-', '?']);

type FigureResult = { value: number | null; secret?: true; problem?: string };

export function readFigure(raw: unknown, kind: FigureKind): FigureResult {
	if (raw === null || raw === undefined) return { value: null };
	let value: number;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string') {
		const text = raw.trim();
		if (SECRET_SYMBOLS.has(text.toLowerCase())) return { value: null, secret: true };
		value = Number(text);
		if (!Number.isFinite(value))
			return { value: null, problem: `"${text.slice(0, 20)}" is not a number` };
	} else return { value: null, problem: `${typeof raw} is not a number` };
	if (!Number.isFinite(value)) return { value: null, problem: `${value} is not a number` };
	if (value <= SENTINEL_LIMIT) return { value: null, secret: true };
	if (value < 0) return { value: null, problem: `${value} is negative` };
	if (kind === 'percent' && value > 100)
		return { value: null, problem: `${value} is outside 0..100` };
	if (value > MAX_BY_KIND[kind]) return { value: null, problem: `${value} is too large` };
	switch (kind) {
		// CBS publishes whole counts and whole percentages; the columns are integer and smallint.
		case 'count':
		case 'percent':
			return { value: Math.round(value) };
		case 'decimal1':
			return { value: Math.round(value * 10) / 10 };
		case 'decimal2':
			return { value: Math.round(value * 100) / 100 };
	}
}

export function readYear(raw: unknown): number | null {
	const year = typeof raw === 'string' ? Number(raw.trim()) : raw;
	return typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2100
		? year
		: null;
}

export function normaliseCode(text: string | null): string | null {
	return text === null ? null : text.toUpperCase().replace(/\s+/g, '');
}

/** Gemeente codes also appear as bare numbers (344 or "0344") in some CBS tables. */
export function normaliseGemeenteCode(text: string | null): string | null {
	const code = normaliseCode(text);
	if (code !== null && /^\d{1,4}$/.test(code)) return `GM${code.padStart(4, '0')}`;
	return code;
}

/** Source field → column for everything the import stores, and the columns left empty. */
export function mappingReport(
	sources: ReadonlyMap<string, string>,
	options: { wijkenFile: boolean; derived: boolean; yearOption: boolean }
): Pick<CbsImportPlan, 'fieldsMapped' | 'fieldsMissing'> {
	const fieldsMapped: FieldMapping[] = [];
	const fieldsMissing: string[] = [];
	const map = (field: string, column: string, suffix = '') => {
		const key = sources.get(field);
		if (key) fieldsMapped.push({ source: `${key}${suffix}`, column });
		else fieldsMissing.push(column);
	};
	map('buurtCode', 'buurten.code');
	map('buurtName', 'buurten.name');
	map('wijkCode', 'buurten.wijk_code');
	map('gemeenteCode', 'buurten.gemeente_code');
	map('gemeenteName', 'gemeenten.name');
	if (options.wijkenFile) {
		map('wijkenFile.code', 'wijken.code', ' (wijken file)');
		map('wijkenFile.name', 'wijken.name', ' (wijken file)');
		fieldsMapped.push({ source: 'geometry (wijken file)', column: 'wijken.boundary' });
	} else {
		map('wijkName', 'wijken.name', ' (buurten)');
	}
	if (options.derived) {
		fieldsMapped.push({ source: 'union of the buurten', column: 'wijken.boundary' });
	}
	for (const spec of KEY_FIGURES) map(spec.column, `buurten.${spec.column}`);
	if (options.yearOption) {
		fieldsMapped.push({ source: '--year', column: 'buurten.key_figures_year' });
	} else map('year', 'buurten.key_figures_year');
	return { fieldsMapped, fieldsMissing };
}
