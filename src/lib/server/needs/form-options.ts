// The choices of the report form: themes (leefgebieden) and buurten grouped by wijk. Public data.
import type { Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';
import type { Locale } from './report';

export interface ReportFormOptions {
	themes: { code: string; name: string; description: string }[];
	/** Wijken with their buurten, by gemeente, wijk and buurt name. */
	wijken: {
		code: string;
		name: string;
		gemeenteName: string;
		buurten: { code: string; name: string }[];
	}[];
	/** More than one gemeente: the wijk groups name theirs. */
	severalGemeenten: boolean;
}

export async function reportFormOptions(tx: Tx, locale: Locale): Promise<ReportFormOptions> {
	const themes = await tx.query<ReportFormOptions['themes'][number]>(
		`select code, case when $1 = 'en' then name_en else name_nl end as name,
		        case when $1 = 'en' then description_en else description_nl end as description
		   from public.themes order by sort_order, code`,
		[locale]
	);
	const rows = await tx.query<{
		wijk_code: Row<'wijken'>['code'];
		wijk_name: Row<'wijken'>['name'];
		gemeente_name: Row<'gemeenten'>['name'];
		buurt_code: Row<'buurten'>['code'];
		buurt_name: Row<'buurten'>['name'];
	}>(
		`select w.code as wijk_code, w.name as wijk_name, g.name as gemeente_name,
		        b.code as buurt_code, b.name as buurt_name
		   from public.buurten b
		   join public.wijken w on w.code = b.wijk_code
		   join public.gemeenten g on g.code = b.gemeente_code
		  order by g.name, w.name, w.code, b.name, b.code`
	);
	const wijken: ReportFormOptions['wijken'] = [];
	for (const row of rows) {
		let wijk = wijken.at(-1);
		if (wijk?.code !== row.wijk_code) {
			wijk = {
				code: row.wijk_code,
				name: row.wijk_name,
				gemeenteName: row.gemeente_name,
				buurten: []
			};
			wijken.push(wijk);
		}
		wijk.buurten.push({ code: row.buurt_code, name: row.buurt_name });
	}
	return {
		themes,
		wijken,
		severalGemeenten: new Set(wijken.map((w) => w.gemeenteName)).size > 1
	};
}
