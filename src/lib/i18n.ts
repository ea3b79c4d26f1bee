/**
 * Writing direction of a locale from the platform's own data, so a right-to-left language added
 * to project.inlang needs no code change.
 */
export function textDirection(locale: string): 'ltr' | 'rtl' {
	try {
		const info = new Intl.Locale(locale) as Intl.Locale & {
			getTextInfo?: () => { direction?: string };
			textInfo?: { direction?: string };
		};
		const direction = info.getTextInfo?.().direction ?? info.textInfo?.direction;
		return direction === 'rtl' ? 'rtl' : 'ltr';
	} catch {
		return 'ltr';
	}
}
