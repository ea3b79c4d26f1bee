import type { Claims } from '$lib/server/db/types';
import type { RequestDatabase } from '$lib/server/request-database';

declare global {
	namespace App {
		interface Locals {
			/** The caller's JWT claims; null for an anonymous visitor. */
			claims: Claims | null;
			/** The database, bound to the caller's claims: Row Level Security decides what it sees. */
			db: RequestDatabase;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
