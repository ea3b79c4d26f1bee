// Words for the workspace and signal pages that depend on data: states, answers, reasons, and
// numbers (p and q values, rates) in the page's language.
import {
	dateFormat,
	dateWithTimeFormat,
	decimalFormat,
	integerFormat,
	percentFormat,
	significantFormat
} from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { InterventionKind, SignalStatus, Urgency } from './workflow';

export function stateName(status: SignalStatus): string {
	const names: Record<SignalStatus, () => string> = {
		signaleren: m.signal_state_signaleren,
		beoordelen: m.signal_state_beoordelen,
		interveniëren: m.signal_state_intervenieren,
		evalueren: m.signal_state_evalueren,
		afgesloten: m.signal_state_afgesloten
	};
	return names[status]();
}

export function interventionName(kind: InterventionKind): string {
	const names: Record<InterventionKind, () => string> = {
		bestaand_aanbod: m.signal_intervention_existing,
		nieuwe_voorziening: m.signal_intervention_new_provision,
		individuele_ondersteuning: m.signal_intervention_individual
	};
	return names[kind]();
}

export function urgencyName(urgency: Urgency): string {
	const names: Record<Urgency, () => string> = {
		laag: m.signal_urgency_low,
		middel: m.signal_urgency_medium,
		hoog: m.signal_urgency_high
	};
	return names[urgency]();
}

export function reasonName(reason: string): string {
	if (reason === 'threshold') return m.signal_reason_threshold();
	if (reason === 'significant') return m.signal_reason_significant();
	return reason;
}

/** The fields named in the audit trail ("gewijzigd: beoordeling, urgentie"). */
export function changedFieldName(field: string): string {
	const names: Record<string, () => string> = {
		title: m.signal_field_title,
		household_count: m.signal_field_households,
		assessment: m.signal_field_assessment,
		urgency: m.signal_field_urgency,
		leefgebieden: m.signal_field_leefgebieden,
		burgerkracht: m.signal_field_burgerkracht,
		intervention_kind: m.signal_field_intervention,
		linked_initiative_id: m.signal_field_offer,
		linked_provision_id: m.signal_field_offer,
		intervention_note: m.signal_field_intervention_note,
		outcome: m.signal_field_outcome,
		households_reached: m.signal_field_households_reached,
		team_id: m.signal_field_team
	};
	return names[field]?.() ?? field;
}

/** Distinct field names, in order (an initiative and a provision link are both "offer"). */
export function changedFieldNames(fields: readonly string[]): string {
	return [...new Set(fields.map(changedFieldName))].join(', ');
}

/** p and q values: two significant digits, and "< 0,0001" below that. */
export function formatProbability(value: number | null): string {
	if (value === null) return '–';
	if (value < 0.0001) {
		return `< ${decimalFormat(getLocale(), 4).format(0.0001)}`;
	}
	return significantFormat(getLocale(), 2).format(value);
}

/** Rates and expected counts: one decimal. */
export function formatDecimal(value: number | null): string {
	if (value === null) return '–';
	return decimalFormat(getLocale(), 1).format(value);
}

export function formatCount(value: number | null): string {
	if (value === null) return '–';
	return integerFormat(getLocale()).format(value);
}

/** FDR as a percentage: 0.05 → "5%". */
export function formatShare(value: number): string {
	return percentFormat(getLocale(), 1).format(value);
}

/** Dates and times on the wijkteam pages are Dutch time, on the server and in every browser. */
export function formatDateTime(iso: string): string {
	return dateWithTimeFormat(getLocale()).format(new Date(iso));
}

export function formatDate(iso: string): string {
	return dateFormat(getLocale()).format(new Date(iso));
}

/** The name of a signal form's input, for the "your input" box after a conflict. */
export function formFieldName(name: string): string {
	const names: Record<string, () => string> = {
		titel: m.signal_field_title,
		huishoudens: m.signal_field_households,
		beoordeling: m.signal_field_assessment,
		urgentie: m.signal_field_urgency,
		leefgebied: m.signal_field_leefgebieden,
		eigen_kracht: m.signal_burgerkracht_own,
		netwerk: m.signal_burgerkracht_network,
		buurtinitiatieven: m.signal_burgerkracht_initiatives,
		burgerkracht_toelichting: m.signal_field_burgerkracht_note,
		interventie: m.signal_field_intervention,
		aanbod: m.signal_field_offer,
		interventie_toelichting: m.signal_field_intervention_note,
		uitkomst: m.signal_field_outcome,
		bereikt: m.signal_field_households_reached,
		naar: m.signal_field_back_to,
		reden: m.signal_field_reason,
		aan: m.signal_field_assign_to,
		notitie: m.signal_field_note
	};
	return names[name]?.() ?? name;
}
