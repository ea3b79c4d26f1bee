/**
 * Expected need from CBS key figures: an optional addition to the reported demand D_i of the gap
 * analysis, for the households that need a provision but never report it (older residents,
 * people with little Dutch or few digital skills are known to under-report).
 *
 * It is a planning aid, not a forecast. For each theme a proxy counts the residents or
 * households of a buurt who are most likely to need it (table below). The municipality's
 * reported demand for the theme, T_t, is then spread over the buurten in proportion to the proxy:
 *
 *   E_i,t = T_t × p_i,t / Σ_k p_k,t
 *
 * So switching it on adds as many households again as were reported, placed where the CBS
 * figures say need is likely rather than where people happened to report. Buurten with many
 * reports and a low proxy lose weight relative to the rest; buurten without reports but with a
 * high proxy appear on the map. Unknown (secret) CBS figures count as 0.
 */

export interface BuurtKeyFigures {
	inhabitants: number | null;
	households: number | null;
	pctAge65Plus: number | null;
	pctOnePersonHouseholds: number | null;
	pctHouseholdsWithChildren: number | null;
	socialAssistanceBenefits: number | null;
	disabilityBenefits: number | null;
	unemploymentBenefits: number | null;
}

const known = (value: number | null): number =>
	value !== null && Number.isFinite(value) && value > 0 ? value : 0;

const share = (total: number | null, pct: number | null): number =>
	(known(total) * Math.min(100, known(pct))) / 100;

const elderly = (f: BuurtKeyFigures) => share(f.inhabitants, f.pctAge65Plus);
const onePerson = (f: BuurtKeyFigures) => share(f.households, f.pctOnePersonHouseholds);
const families = (f: BuurtKeyFigures) => share(f.households, f.pctHouseholdsWithChildren);
const benefits = (f: BuurtKeyFigures) =>
	known(f.socialAssistanceBenefits) + known(f.unemploymentBenefits);

/**
 * The proxy per theme (the leefgebieden of the seed migration). A theme added later without an
 * entry here uses the number of households: need spread evenly over households.
 */
export const EXPECTED_NEED_PROXIES: Record<string, (f: BuurtKeyFigures) => number> = {
	// Loneliness: people living alone.
	'sociaal-netwerk': onePerson,
	// Money and debts: social assistance (bijstand) and unemployment (WW) benefits.
	geldzaken: benefits,
	// Work and daytime activity: the same, plus disability benefits (WAO/WIA/Wajong).
	'werk-en-dagbesteding': (f) => benefits(f) + known(f.disabilityBenefits),
	// Parenting: households with children.
	'opvoeden-en-opgroeien': families,
	// Health and informal care: residents aged 65 and over.
	gezondheid: elderly,
	mantelzorg: elderly,
	// Housing: every household alike.
	wonen: (f) => known(f.households),
	// Language and digital skills: older residents and people on social assistance.
	'taal-en-digitaal': (f) => elderly(f) + known(f.socialAssistanceBenefits),
	// Mobility: older residents and people with a disability benefit.
	vervoer: (f) => elderly(f) + known(f.disabilityBenefits),
	// Food: social assistance.
	voeding: (f) => known(f.socialAssistanceBenefits)
};

export function expectedNeedProxy(themeCode: string, figures: BuurtKeyFigures): number {
	const proxy = EXPECTED_NEED_PROXIES[themeCode] ?? ((f: BuurtKeyFigures) => known(f.households));
	const value = proxy(figures);
	return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * E_i = total × p_i / Σ p: the reported total for one theme spread over the buurten by the
 * proxy. All zero when the total or every proxy is zero.
 */
export function spreadExpectedNeed(
	total: number,
	proxies: ReadonlyMap<string, number>
): Map<string, number> {
	let sum = 0;
	for (const value of proxies.values()) sum += value;
	const result = new Map<string, number>();
	for (const [code, value] of proxies) {
		result.set(code, total > 0 && sum > 0 ? (total * value) / sum : 0);
	}
	return result;
}
