import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ meta: { title: m.beheer_title() } });
