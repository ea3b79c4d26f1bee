// One shape for "worked, here is the value" or "did not, here is why", so every caller checks
// `ok` and reads `value` or `error` the same way. Loads and actions map `error` to fail().

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
	return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
	return { ok: false, error };
}
