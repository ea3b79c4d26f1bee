// The report form's view model (melden): its choices and what it fills in again after a problem.
// Plain data so the route stays markup; the choices come from the server's ReportFormOptions.
import type { Choice, ChoiceGroup } from '$lib/components/form/options';
import { m } from '$lib/paraglide/messages';

interface FormTheme {
	code: string;
	name: string;
}
interface FormWijk {
	code: string;
	name: string;
	gemeenteName: string;
	buurten: { code: string; name: string }[];
}

/** The fields the error summary links to, in the order of the form. */
export const REPORT_ERROR_FIELDS = {
	thema: 'thema',
	beschrijving: 'beschrijving',
	buurt: 'buurt',
	huishouden: 'huishouden',
	contact_email: 'contact_email',
	contact_telefoon: 'contact_telefoon',
	toestemming: 'toestemming'
} as const;

export const themeChoices = (themes: readonly FormTheme[]): Choice[] =>
	themes.map((theme) => ({ value: theme.code, label: theme.name }));

/** Buurten grouped by wijk; with several gemeenten the group names the gemeente too. */
export const buurtChoices = (
	wijken: readonly FormWijk[],
	severalGemeenten: boolean
): ChoiceGroup[] =>
	wijken.map((wijk) => ({
		group: severalGemeenten ? `${wijk.name} (${wijk.gemeenteName})` : wijk.name,
		options: wijk.buurten.map((buurt) => ({ value: buurt.code, label: buurt.name }))
	}));

export const contactChoices = (): Choice[] => [
	{ value: 'nee', label: m.need_contact_no() },
	{ value: 'email', label: m.need_contact_email() },
	{ value: 'telefoon', label: m.need_contact_phone() }
];

/** The contact detail fields; with JavaScript only the chosen method's field shows. */
export const contactFields = () =>
	[
		{
			id: 'contact_email',
			type: 'email',
			label: m.need_contact_email_label(),
			method: 'email',
			autocomplete: 'email'
		},
		{
			id: 'contact_telefoon',
			type: 'tel',
			label: m.need_contact_phone_label(),
			method: 'telefoon',
			autocomplete: 'tel'
		}
	] as const;
