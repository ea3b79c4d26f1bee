// Live updates of the workspace: a server-sent event stream that tells a member's page when new
// needs arrive in their team's buurten, so it can reload its figures.
//
// It polls rather than listens: every few seconds one small query through the member's own
// handle (their claims, so RLS and the view decide what counts), the same in embedded mode and
// against PostgreSQL with several app instances behind a load balancer — no event bus to share
// between processes. In a Supabase project, Realtime is the alternative (see the README): the
// browser subscribes itself, with its own JWT, instead of holding a connection to the app server.
//
// Bounded: at most MAX_STREAMS per process (503 beyond), each closes after MAX_AGE_MS or when the
// session's token expires (the browser's EventSource reconnects, with Last-Event-ID), and on
// disconnect the timer stops at once.
import type { RequestDatabase } from '$lib/server/request-database';

export const POLL_MS = 3_000;
export const MAX_AGE_MS = 10 * 60 * 1000;
export const HEARTBEAT_MS = 25_000;
export const MAX_STREAMS = 200;

let open = 0;

export function openStreams(): number {
	return open;
}

export interface NeedUpdate {
	/** New needs since the last event (or since `since`). */
	count: number;
	/** reported_at of the newest one: the next poll starts there. */
	latest: string;
}

/** Needs in the team's buurten reported after `since`, through the member's handle. */
export async function newNeedsSince(
	db: RequestDatabase,
	teamId: string,
	since: Date
): Promise<NeedUpdate | null> {
	const [row] = await db.run((tx) =>
		tx.query<{ count: number; latest: Date | string | null }>(
			`select count(*)::int as count, max(v.reported_at) as latest
			   from public.needs_for_wijkteam v
			  where v.reported_at > $2
			    and v.buurt_code in (select ta.buurt_code from public.team_areas ta where ta.team_id = $1)`,
			[teamId, since]
		)
	);
	if (!row || row.count === 0 || row.latest === null) return null;
	return { count: row.count, latest: new Date(row.latest).toISOString() };
}

export interface StreamOptions {
	pollMs?: number;
	maxAgeMs?: number;
	/** When the session's token expires (ms since epoch): the stream ends then. */
	expiresAt?: number;
	signal?: AbortSignal;
}

/**
 * The event stream: `event: need` with {count, latest} as data and `latest` as the event id,
 * a comment as heartbeat, and `retry` so the browser reconnects after the stream ends.
 * Returns null when the process already serves MAX_STREAMS streams.
 */
export function needUpdatesStream(
	db: RequestDatabase,
	teamId: string,
	since: Date,
	options: StreamOptions = {}
): ReadableStream<Uint8Array> | null {
	if (open >= MAX_STREAMS) return null;
	open++;
	const pollMs = options.pollMs ?? POLL_MS;
	const endAt = Math.min(
		Date.now() + (options.maxAgeMs ?? MAX_AGE_MS),
		options.expiresAt ?? Infinity
	);
	const encoder = new TextEncoder();
	let cursor = since;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let lastWrite = Date.now();
	let closed = false;

	const finish = () => {
		if (closed) return;
		closed = true;
		open--;
		if (timer) clearTimeout(timer);
	};

	return new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				if (closed) return;
				controller.enqueue(encoder.encode(text));
				lastWrite = Date.now();
			};
			const end = () => {
				if (closed) return;
				finish();
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			};
			options.signal?.addEventListener('abort', end, { once: true });
			send(`retry: ${pollMs * 2}\n: connected\n\n`);
			const poll = async () => {
				if (closed) return;
				if (Date.now() >= endAt) return end();
				try {
					const update = await newNeedsSince(db, teamId, cursor);
					if (update) {
						cursor = new Date(update.latest);
						send(`id: ${update.latest}\nevent: need\ndata: ${JSON.stringify(update)}\n\n`);
					} else if (Date.now() - lastWrite >= HEARTBEAT_MS) {
						send(': heartbeat\n\n');
					}
				} catch (error) {
					// A failing database ends the stream; the browser tries again after `retry`.
					console.error('[buurtkracht] Workspace updates stopped:', error);
					return end();
				}
				if (!closed) timer = setTimeout(poll, pollMs);
			};
			timer = setTimeout(poll, pollMs);
		},
		cancel() {
			finish();
		}
	});
}
