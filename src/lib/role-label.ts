import { m } from '$lib/paraglide/messages';

export type RoleName = 'resident' | 'wijkteam' | 'council' | 'admin';

const labels: Record<RoleName, () => string> = {
	resident: m.role_resident,
	wijkteam: m.role_wijkteam,
	council: m.role_council,
	admin: m.role_admin
};

/** The role's name in the current language. */
export function roleLabel(role: RoleName): string {
	return labels[role]();
}
