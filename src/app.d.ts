import type { SupabaseClient } from '@supabase/supabase-js';
import type { CurrentUser } from '$lib/server/auth/current-user';
import type { PageMeta } from '$lib/page-title';
import type { SessionProblem } from '$lib/server/auth/jwt';
import type { Claims } from '$lib/server/db/types';
import type { RequestDatabase } from '$lib/server/request-database';

declare global {
	namespace App {
		interface Locals {
			/** The caller's verified JWT claims; null for an anonymous visitor. */
			claims: Claims | null;
			/** The database, bound to the caller's claims: Row Level Security decides what it sees. */
			db: RequestDatabase;
			/** The signed-in user (role and teams read through `db`); null when signed out. */
			user: CurrentUser | null;
			/** A session cookie came with the request but did not count (expired or invalid). */
			sessionProblem: SessionProblem | null;
			/**
			 * The guard handle refused this page to a signed-in user without the role: the area's
			 * layout answers 404 (see guardRequest in $lib/server/auth/guards).
			 */
			denied: boolean;
			/** Supabase mode: this request's Supabase client (auth calls only); null in embedded mode. */
			supabase: SupabaseClient | null;
		}
		interface PageData {
			/** The page's title (and later more of its head), rendered once by the root layout. */
			meta?: PageMeta;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
