import { notFoundWhenDenied } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// The guard handle (hooks.server.ts) has already sent a signed-out visitor to the sign-in page;
// a refused page gets its 404 here, so it shows the app's own error page.
export const load: LayoutServerLoad = ({ locals }) => notFoundWhenDenied(locals);
