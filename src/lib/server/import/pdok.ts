/**
 * Downloads one gemeente's buurten and wijken from PDOK's "CBS Wijken en Buurten" OGC API
 * Features service and imports them like a file (cbs-write.ts).
 *
 * Assumptions, checked against PDOK's service list and CBS's field description (not against
 * the live service: this was written offline):
 * - One service per edition: https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1
 *   (2023, 2024 and 2025 exist), with collections `buurten`, `wijken` and `gemeenten`.
 * - Items are filtered by property with `?gemeentecode=GM0344`, paged with `limit` (PDOK allows
 *   up to 1000) and a `links` entry with rel "next"; `f=json` gives GeoJSON in CRS84 (WGS84).
 * - Properties use the lowercase names (buurtcode, wijkcode, gemeentecode, aantal_inwoners, …)
 *   that cbs-fields.ts maps.
 * Should PDOK ignore the gemeentecode filter, features of other gemeenten are dropped here and
 * the page limit stops a download of the whole country.
 */
import type { Database } from '$lib/server/db/types';
import type { CbsImportSummary } from './cbs-summary';
import { CbsImportError, type CbsImportInput } from './cbs-types';
import { importCbs } from './cbs-write';

export const PDOK_DEFAULT_YEAR = 2024;
export const PDOK_BASE_URL_TEMPLATE = 'https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1';
const PAGE_SIZE = 1000;
const DEFAULT_PAGE_LIMIT = 50;
const DEFAULT_TIMEOUT_MS = 60_000;

/** A download problem: offline, an HTTP error, an unexpected answer or the page limit. */
export class PdokError extends CbsImportError {
	constructor(message: string) {
		super(message);
		this.name = 'PdokError';
	}
}

export interface PdokOptions {
	/** GM0344, or 0344 / 344. */
	gemeenteCode: string;
	/** Edition of the Wijk- en Buurtkaart, and the key_figures_year stored. */
	year?: number;
	/** The OGC API root; `{year}` in it is replaced. Default: PDOK's, see PDOK_BASE_URL_TEMPLATE. */
	baseUrl?: string;
	/** Safety stop per collection. */
	pageLimit?: number;
	/** Per request (connect and body). */
	timeoutMs?: number;
	/** Progress lines such as "Buurten: page 2, 1500 features". */
	log?: (line: string) => void;
}

/** GM0344 from "GM0344", "gm0344", "0344" or "344"; a clear error for anything else. */
export function normaliseGemeenteCode(input: string): string {
	const text = input.trim().toUpperCase();
	const digits = /^(?:GM)?(\d{1,4})$/.exec(text);
	if (!digits) {
		throw new CbsImportError(
			`"${input}" is not a gemeente code; expected GM followed by 4 digits, e.g. GM0344 (Utrecht).`
		);
	}
	return `GM${digits[1].padStart(4, '0')}`;
}

export function pdokBaseUrl(year: number, baseUrl: string = PDOK_BASE_URL_TEMPLATE): string {
	return baseUrl.replaceAll('{year}', String(year)).replace(/\/+$/, '');
}

/** The system error code inside fetch's TypeError("fetch failed") chain, if any. */
function networkReason(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const { name, code } = current as { name?: unknown; code?: unknown };
		if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
		if (typeof code === 'string') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return error instanceof Error ? error.message : String(error);
}

function unreachable(base: string, error: unknown): PdokError {
	return new PdokError(
		`Cannot reach PDOK at ${base} (${networkReason(error)}); check the network or download ` +
			'the GeoJSON yourself and pass the file.'
	);
}

async function getPage(url: URL, base: string, timeoutMs: number): Promise<unknown> {
	let response: Response;
	let text: string;
	try {
		response = await fetch(url, {
			headers: { accept: 'application/geo+json, application/json' },
			signal: AbortSignal.timeout(timeoutMs)
		});
		text = await response.text();
	} catch (error) {
		throw unreachable(base, error);
	}
	if (!response.ok) {
		// OGC API errors are JSON problem details; their title/detail say what was wrong.
		let detail = '';
		try {
			const body = JSON.parse(text) as { detail?: unknown; title?: unknown; description?: unknown };
			const said = body.detail ?? body.description ?? body.title;
			if (typeof said === 'string') detail = `: ${said.slice(0, 200)}`;
		} catch {
			detail = '';
		}
		throw new PdokError(
			`PDOK answered HTTP ${response.status} ${response.statusText} for ${url.href}${detail}`
		);
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new PdokError(`PDOK sent something that is not JSON for ${url.href}.`);
	}
}

interface Page {
	type?: unknown;
	features?: unknown;
	links?: unknown;
}

function nextLink(page: Page): string | null {
	if (!Array.isArray(page.links)) return null;
	const next = page.links.find((link) => (link as { rel?: unknown } | null)?.rel === 'next') as
		{ href?: unknown } | undefined;
	return typeof next?.href === 'string' ? next.href : null;
}

/** The code of the gemeente a PDOK feature belongs to (its property, else its own code). */
function gemeenteOf(feature: unknown): string | null {
	const props = (feature as { properties?: Record<string, unknown> } | null)?.properties ?? {};
	const gm = props.gemeentecode ?? props.GM_CODE;
	if (typeof gm === 'string') return gm.trim().toUpperCase();
	const own = props.buurtcode ?? props.wijkcode;
	return typeof own === 'string' ? `GM${own.trim().slice(2, 6)}` : null;
}

export interface CollectionDownload {
	features: unknown[];
	pages: number;
	/** Features of other gemeenten that the service returned anyway (dropped). */
	dropped: number;
}

/**
 * Fetches every page of one collection for one gemeente, following rel "next" links. Links to
 * another origin or back to a page already fetched are refused: both would mean a broken
 * service, and the first could send the import anywhere.
 */
export async function downloadCollection(
	collection: 'buurten' | 'wijken',
	gemeenteCode: string,
	base: string,
	options: Pick<PdokOptions, 'pageLimit' | 'timeoutMs' | 'log'> = {}
): Promise<CollectionDownload> {
	const pageLimit = options.pageLimit ?? DEFAULT_PAGE_LIMIT;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const label = collection === 'buurten' ? 'Buurten' : 'Wijken';
	let url: URL;
	try {
		url = new URL(`${base}/collections/${collection}/items`);
	} catch {
		throw new PdokError(`The PDOK base URL ${base} is not a valid URL.`);
	}
	url.searchParams.set('f', 'json');
	url.searchParams.set('gemeentecode', gemeenteCode);
	url.searchParams.set('limit', String(PAGE_SIZE));
	const origin = url.origin;
	const seen = new Set<string>();
	const features: unknown[] = [];
	let dropped = 0;
	let pages = 0;
	for (;;) {
		if (pages >= pageLimit) {
			throw new PdokError(
				`Stopped after ${pageLimit} pages of ${collection} (${features.length} features so far; ` +
					`safety limit) and nothing was written. Is ${gemeenteCode} right? If so, raise the page limit.`
			);
		}
		seen.add(url.href);
		const page = (await getPage(url, base, timeoutMs)) as Page;
		if (page?.type !== 'FeatureCollection' || !Array.isArray(page.features)) {
			throw new PdokError(`PDOK did not send a GeoJSON FeatureCollection for ${url.href}.`);
		}
		pages += 1;
		for (const feature of page.features) {
			if (gemeenteOf(feature) === gemeenteCode) features.push(feature);
			else dropped += 1;
		}
		options.log?.(`${label}: page ${pages}, ${features.length} features`);
		const href = nextLink(page);
		if (href === null || page.features.length === 0) break;
		const next = new URL(href, url);
		if (next.origin !== origin) {
			throw new PdokError(`PDOK's next link points to another site (${next.origin}); stopped.`);
		}
		if (seen.has(next.href)) {
			throw new PdokError(
				`PDOK's next link repeats a page already fetched (${next.href}); stopped.`
			);
		}
		url = next;
	}
	return { features, pages, dropped };
}

export interface PdokDownload {
	gemeenteCode: string;
	year: number;
	baseUrl: string;
	buurten: { type: 'FeatureCollection'; features: unknown[] };
	wijken: { type: 'FeatureCollection'; features: unknown[] };
	dropped: number;
}

/** Downloads the buurten and wijken of one gemeente (nothing is written). */
export async function downloadFromPdok(options: PdokOptions): Promise<PdokDownload> {
	const gemeenteCode = normaliseGemeenteCode(options.gemeenteCode);
	const year = options.year ?? PDOK_DEFAULT_YEAR;
	const base = pdokBaseUrl(year, options.baseUrl);
	const buurten = await downloadCollection('buurten', gemeenteCode, base, options);
	if (buurten.features.length === 0) {
		throw new PdokError(
			`PDOK has no buurten for ${gemeenteCode} in the ${year} edition (${base}); ` +
				'check the gemeente code (e.g. GM0344 for Utrecht) and the year.'
		);
	}
	const wijken = await downloadCollection('wijken', gemeenteCode, base, options);
	return {
		gemeenteCode,
		year,
		baseUrl: base,
		buurten: { type: 'FeatureCollection', features: buurten.features },
		wijken: { type: 'FeatureCollection', features: wijken.features },
		dropped: buurten.dropped + wijken.dropped
	};
}

/** The import input for a download: PDOK's wijken give the wijk names and boundaries. */
export function pdokImportInput(download: PdokDownload): CbsImportInput {
	return {
		buurten: download.buurten,
		// Without wijken (an edition that lacks the collection) they are derived from the buurten.
		wijken: download.wijken.features.length > 0 ? download.wijken : undefined,
		year: download.year,
		source: `PDOK CBS Wijken en Buurten ${download.year} (${download.baseUrl})`,
		buurtenLabel: `PDOK buurten of ${download.gemeenteCode}`,
		wijkenLabel: `PDOK wijken of ${download.gemeenteCode}`,
		warnings:
			download.dropped > 0
				? [`PDOK returned ${download.dropped} features of other gemeenten; they were ignored`]
				: []
	};
}

/** Downloads one gemeente from PDOK and imports it; nothing is written when a download fails. */
export async function importFromPdok(
	db: Database,
	options: PdokOptions
): Promise<CbsImportSummary> {
	return importCbs(db, pdokImportInput(await downloadFromPdok(options)));
}
