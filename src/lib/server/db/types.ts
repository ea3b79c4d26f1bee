/** The Postgres roles a request can run as, exactly those of Supabase's API. */
export type ApiRole = 'anon' | 'authenticated' | 'service_role';

/**
 * JWT claims as Supabase issues them. Policies read them through auth.uid(), auth.role() and
 * auth.jwt(), so the embedded identity provider must produce the same shape.
 */
export interface Claims {
	role: ApiRole;
	sub?: string;
	email?: string;
	aud?: string | string[];
	exp?: number;
	app_metadata?: Record<string, unknown>;
	user_metadata?: Record<string, unknown>;
	[claim: string]: unknown;
}

/** One transaction's query interface; the same on PGlite and PostgreSQL. */
export interface Tx {
	/** One statement with $1…$n parameters. */
	query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
	/** Several statements without parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export interface Database {
	readonly kind: 'embedded' | 'postgres';
	/**
	 * Runs `fn` in one transaction as the claims' role with `request.jwt.claims` set, the way
	 * Supabase's API runs each request, so Row Level Security decides what it sees.
	 * `null` claims mean an anonymous visitor (role anon).
	 */
	withClaims<T>(claims: Claims | null, fn: (tx: Tx) => Promise<T>): Promise<T>;
	/**
	 * Runs `fn` in one transaction as the connecting role (the schema owner). Only for the
	 * migrator and tests: it is not reachable from request handlers.
	 */
	asOwner<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export const ANON_CLAIMS: Claims = Object.freeze({ role: 'anon' }) as Claims;
export const SERVICE_ROLE_CLAIMS: Claims = Object.freeze({ role: 'service_role' }) as Claims;

const API_ROLES: ReadonlySet<string> = new Set(['anon', 'authenticated', 'service_role']);

/** The role to `set local role` to. Only these three names ever reach SQL. */
export function roleOf(claims: Claims | null): ApiRole {
	const role = claims?.role ?? 'anon';
	if (!API_ROLES.has(role)) throw new Error(`Unknown API role in claims: ${String(role)}`);
	return role;
}
