import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getOfferDetail } from '$lib/server/offer/detail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const offer = await locals.db.run((tx) => getOfferDetail(tx, 'provision', params.id, new Date()));
	if (!offer) error(404, { message: m.detail_not_found() });
	return { offer, meta: { title: offer.name } };
};
