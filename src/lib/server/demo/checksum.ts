import { createHash } from 'node:crypto';

/**
 * JSON with object keys in sorted order at every level, so the same data always gives the same
 * text whatever order its properties were created in.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
		return sorted;
	});
}

/** SHA-256 (hex) of the canonical JSON of generated demo data: equal data, equal checksum. */
export function demoChecksum(data: unknown): string {
	return createHash('sha256').update(canonicalJson(data)).digest('hex');
}
