import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export const APP_ROLES = ['resident', 'wijkteam', 'council', 'admin'] as const;

const uuid = z.uuid({ error: () => m.form_invalid_choice() });

export const changeRoleSchema = z.object({
	user_id: uuid,
	role: z.enum(APP_ROLES, { error: () => m.form_invalid_choice() })
});

const teamName = z
	.string({ error: () => m.admin_team_name_required() })
	.trim()
	.min(1, { error: () => m.admin_team_name_required() })
	.max(200, { error: () => m.admin_team_name_too_long({ max: 200 }) });

export const createTeamSchema = z.object({
	name: teamName,
	gemeente_code: z
		.string({ error: () => m.form_invalid_choice() })
		.regex(/^GM[0-9]{4}$/, { error: () => m.form_invalid_choice() })
});

export const renameTeamSchema = z.object({ name: teamName });

export const addMemberSchema = z.object({
	email: z
		.string({ error: () => m.form_email_required() })
		.trim()
		.min(1, { error: () => m.form_email_required() })
		.max(254, { error: () => m.form_email_invalid() })
		.pipe(z.email({ error: () => m.form_email_invalid() })),
	role_in_team: z
		.enum(['lid', 'coordinator'], { error: () => m.form_invalid_choice() })
		.default('lid')
});

export const memberSchema = z.object({ user_id: uuid });

export const areaSchema = z.object({
	buurt_code: z
		.string({ error: () => m.form_invalid_choice() })
		.regex(/^BU[0-9]{8}$/, { error: () => m.form_invalid_choice() })
});
