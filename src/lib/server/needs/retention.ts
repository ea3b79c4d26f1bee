// Retention: a need is deleted, with every private field in its row (description, point,
// contact details, receipt hash), once its expires_at has passed. The expiry is set when the need
// is reported (NEED_RETENTION_MONTHS, at most 24; the database refuses more). A privileged
// maintenance task: it runs as service_role, never inside a request.
import { SERVICE_ROLE_CLAIMS, type Database } from '$lib/server/db/types';

/** Deletes every expired need; returns how many were deleted. */
export async function purgeExpiredNeeds(db: Database): Promise<number> {
	const [{ deleted }] = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
		tx.query<{ deleted: number }>(
			`with gone as (delete from public.needs where expires_at <= now() returning 1)
			 select count(*)::int as deleted from gone`
		)
	);
	return deleted;
}
