// Names of codes from the data (kinds, themes, laws, accessibility) in the reader's language.
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { KIND_PARAM_OF, type AccessibilityCode, type Law, type OfferKind } from '$lib/schemas/find';

export interface NamedTheme {
	code: string;
	law: Law;
	nameNl: string;
	nameEn: string;
}

/** The themes table has Dutch and English names; other locales fall back to English. */
export function themeName(theme: NamedTheme, locale: string = getLocale()): string {
	return locale === 'nl' ? theme.nameNl : theme.nameEn;
}

export function kindLabel(kind: OfferKind): string {
	return kind === 'initiative' ? m.find_kind_initiative() : m.find_kind_provision();
}

export function lawLabel(law: Law): string {
	return {
		wmo2015: m.filter_law_wmo2015,
		jeugdwet: m.filter_law_jeugdwet,
		participatiewet: m.filter_law_participatiewet,
		geen: m.filter_law_geen
	}[law]();
}

/** The short name of a law, or null for themes no particular law covers. */
export function lawShortName(law: Law): string | null {
	if (law === 'geen') return null;
	return {
		wmo2015: m.detail_law_wmo2015,
		jeugdwet: m.detail_law_jeugdwet,
		participatiewet: m.detail_law_participatiewet
	}[law]();
}

export function accessibilityLabel(code: AccessibilityCode | string): string {
	const labels: Record<AccessibilityCode, () => string> = {
		step_free: m.filter_access_step_free,
		hearing_loop: m.filter_access_hearing_loop,
		accessible_toilet: m.filter_access_accessible_toilet,
		quiet_space: m.filter_access_quiet_space,
		guide_dogs_welcome: m.filter_access_guide_dogs_welcome
	};
	return labels[code as AccessibilityCode]?.() ?? code;
}

/** The public page of an initiative or provision, in the current language. */
export function detailHref(kind: OfferKind, id: string): string {
	return localizeHref(`/aanbod/${KIND_PARAM_OF[kind]}/${id}`);
}

/** MapLibre's own control labels, in the current language. */
export function mapControlLabels(): Record<string, string> {
	return {
		'NavigationControl.ZoomIn': m.map_zoom_in(),
		'NavigationControl.ZoomOut': m.map_zoom_out(),
		'Popup.Close': m.map_popup_close(),
		'AttributionControl.ToggleAttribution': m.map_attribution_toggle()
	};
}
