// The project's map vocabulary: colours, symbols, the self-contained style and the extent and
// point helpers. Browser-only where it touches the DOM: every caller runs after mount.
import type { FeatureCollection, Point, Position } from 'geojson';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';

/** [west, south, east, north]. */
export type Extent = [number, number, number, number];

/**
 * The map's colours, read from CSS custom properties on the map's element so a theme (NL Design
 * System tokens) restyles the map and its legend together. The fallbacks are the app's own.
 */
export interface MapColours {
	background: string;
	buurtFill: string;
	buurtLine: string;
	initiative: string;
	provision: string;
	cluster: string;
	place: string;
	halo: string;
}

const FALLBACK: MapColours = {
	background: '#f3f1ec',
	buurtFill: '#dfe9f3',
	buurtLine: '#154273',
	initiative: '#1a7a3a',
	provision: '#b8450b',
	cluster: '#154273',
	place: '#000000',
	halo: '#ffffff'
};

export function mapColours(element: Element): MapColours {
	const style = getComputedStyle(element);
	const read = (name: string, fallback: string) =>
		style.getPropertyValue(`--buurtkracht-map-${name}`).trim() || fallback;
	return {
		background: read('background', FALLBACK.background),
		buurtFill: read('buurt-fill', FALLBACK.buurtFill),
		buurtLine: read('buurt-line', FALLBACK.buurtLine),
		initiative: read('initiative', FALLBACK.initiative),
		provision: read('provision', FALLBACK.provision),
		cluster: read('cluster', FALLBACK.cluster),
		place: read('place', FALLBACK.place),
		halo: read('halo', FALLBACK.halo)
	};
}

/**
 * The self-contained style: a background and nothing fetched from elsewhere (no tiles, glyphs or
 * sprites), so the map works on a closed network. A hosted basemap is configuration
 * (PUBLIC_BASEMAP_STYLE_URL); the app's layers are added on top of either.
 */
export function selfContainedStyle(colours: MapColours): StyleSpecification {
	return {
		version: 8,
		sources: {},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': colours.background } }
		]
	};
}

/** [west, south, east, north] of all coordinates in the collections, or null when empty. */
export function extentOf(...collections: FeatureCollection[]): Extent | null {
	let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (coords: unknown): void => {
		if (typeof (coords as Position)[0] === 'number') {
			const [lon, lat] = coords as Position;
			minLon = Math.min(minLon, lon);
			maxLon = Math.max(maxLon, lon);
			minLat = Math.min(minLat, lat);
			maxLat = Math.max(maxLat, lat);
		} else (coords as unknown[]).forEach(visit);
	};
	for (const collection of collections) {
		for (const feature of collection.features) {
			if (feature.geometry && 'coordinates' in feature.geometry)
				visit(feature.geometry.coordinates);
		}
	}
	return Number.isFinite(minLon) ? [minLon, minLat, maxLon, maxLat] : null;
}

/** Points as a collection, leaving out any without finite coordinates. */
export function pointCollection<P extends object = Record<string, never>>(
	points: readonly ({ lon: number; lat: number } & { properties?: P })[]
): FeatureCollection<Point, P> {
	return {
		type: 'FeatureCollection',
		features: points
			.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat))
			.map((p) => ({
				type: 'Feature',
				properties: p.properties ?? ({} as P),
				geometry: { type: 'Point', coordinates: [p.lon, p.lat] }
			}))
	};
}

/** A GeoJSON endpoint's collection; a failed response is an error (the map says it is unavailable). */
export async function fetchCollection<C extends FeatureCollection = FeatureCollection>(
	url: string
): Promise<C> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as C;
}

const PIXEL_RATIO = 2;

/** Draws a symbol at twice its size (sharp on high-density screens) and returns its pixels. */
function paint(size: number, draw: (context: CanvasRenderingContext2D, size: number) => void) {
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size * PIXEL_RATIO;
	const context = canvas.getContext('2d')!;
	context.scale(PIXEL_RATIO, PIXEL_RATIO);
	draw(context, size);
	return context.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * The symbols, drawn in the browser because there is no sprite server: shape and colour both
 * tell initiative (circle) from provision (square), so colour is never the only cue (WCAG 1.4.1).
 * A cluster is a circle with its count; the reference place a ring with a cross.
 */
export function drawSymbol(id: string, colours: MapColours): ImageData | null {
	if (id === 'find-initiative') {
		return paint(20, (c) => {
			c.beginPath();
			c.arc(10, 10, 7.5, 0, 2 * Math.PI);
			c.fillStyle = colours.initiative;
			c.fill();
			c.lineWidth = 2;
			c.strokeStyle = colours.halo;
			c.stroke();
		});
	}
	if (id === 'find-provision') {
		return paint(20, (c) => {
			c.fillStyle = colours.provision;
			c.fillRect(3, 3, 14, 14);
			c.lineWidth = 2;
			c.strokeStyle = colours.halo;
			c.strokeRect(3, 3, 14, 14);
		});
	}
	if (id === 'find-place') {
		return paint(28, (c) => {
			c.lineWidth = 5;
			c.strokeStyle = colours.halo;
			c.beginPath();
			c.arc(14, 14, 9, 0, 2 * Math.PI);
			c.stroke();
			c.lineWidth = 2.5;
			c.strokeStyle = colours.place;
			c.stroke();
			c.beginPath();
			c.moveTo(14, 2);
			c.lineTo(14, 26);
			c.moveTo(2, 14);
			c.lineTo(26, 14);
			c.stroke();
		});
	}
	const cluster = /^find-cluster-(\d+)$/.exec(id);
	if (cluster) {
		const label = cluster[1];
		const size = 24 + 5 * Math.min(3, label.length - 1);
		return paint(size, (c, s) => {
			c.beginPath();
			c.arc(s / 2, s / 2, s / 2 - 1.5, 0, 2 * Math.PI);
			c.fillStyle = colours.cluster;
			c.fill();
			c.lineWidth = 2;
			c.strokeStyle = colours.halo;
			c.stroke();
			c.fillStyle = colours.halo;
			c.font = 'bold 12px system-ui, sans-serif';
			c.textAlign = 'center';
			c.textBaseline = 'middle';
			c.fillText(label, s / 2, s / 2 + 0.5);
		});
	}
	return null;
}

/** Registers the symbols with the map, drawing each one the first time a layer asks for it. */
export function provideSymbols(map: MapLibreMap, colours: MapColours): void {
	map.setMissingStyleImageResolver((id) => {
		const image = drawSymbol(id, colours);
		if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
	});
}

/** Animations only for those who have not asked their system to reduce motion. */
export function animationMs(ms: number): number {
	return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}
