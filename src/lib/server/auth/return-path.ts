/**
 * Where to go after signing in: only a path on this site. Anything else — another origin,
 * a protocol-relative `//host`, a backslash trick, control characters — falls back.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 500) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	try {
		const url = new URL(value, 'http://buurtkracht.invalid');
		if (url.origin !== 'http://buurtkracht.invalid') return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
