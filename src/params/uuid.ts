import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/schemas/form';

/** A uuid route parameter; anything else is a 404 before any code runs. */
export const match: ParamMatcher = (param) => isUuid(param);
