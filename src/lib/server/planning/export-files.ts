// The export files of the gap analysis in the request's language: names, headers, footer lines.
import { classLabels, subjectName } from '$lib/planning/labels';
import { m } from '$lib/paraglide/messages';
import type { Tx } from '$lib/server/db/types';
import { loadBoundaries } from './data';
import { gapCsv, gapGeoJson } from './export';
import type { GapAnalysis } from './service';

const plain = (n: number) => String(n);

function fileName(analysis: GapAnalysis, extension: string, now: Date): string {
	const subject = analysis.setting.subjectParam.replace(/[^a-z0-9-]+/g, '-');
	const date = now.toISOString().slice(0, 10);
	return `onvervulde-vraag-${analysis.setting.gemeente.code}-${subject}-${date}.${extension}`;
}

function describe(analysis: GapAnalysis) {
	const { setting } = analysis;
	return {
		subject: subjectName(setting.subjectParam, setting.themes),
		classes: classLabels(analysis.view.breaks, plain)
	};
}

export function csvFile(analysis: GapAnalysis, now: Date): { name: string; body: string } {
	const { setting } = analysis;
	const { subject, classes } = describe(analysis);
	const body = gapCsv(analysis.view, {
		headers: {
			rank: m.plan_col_rank(),
			code: m.plan_col_code(),
			name: m.plan_col_buurt(),
			wijk: m.plan_col_wijk(),
			reported: m.plan_col_reported(),
			expected: m.plan_col_expected(),
			demand: m.plan_col_demand(),
			accessibility: m.plan_col_access(),
			coverage: m.plan_col_coverage_pct(),
			unmet: m.plan_col_unmet(),
			class: m.plan_col_class()
		},
		small: m.plan_small_count(),
		derivedSmall: setting.includeExpected ? m.plan_hidden() : m.plan_small_count(),
		classLabels: classes,
		footer: [
			`${setting.gemeente.name}: ${m.plan_export_subject({ subject })}`,
			m.plan_export_window({ days: setting.windowDays }),
			setting.includeExpected ? m.plan_export_expected_on() : m.plan_export_expected_off(),
			m.plan_table_note_small(),
			...(setting.includeExpected ? [m.plan_table_note_hidden()] : []),
			m.attribution_cbs()
		]
	});
	return { name: fileName(analysis, 'csv', now), body };
}

export async function geoJsonFile(
	tx: Tx,
	analysis: GapAnalysis,
	now: Date
): Promise<{ name: string; body: string }> {
	const { setting } = analysis;
	const { subject, classes } = describe(analysis);
	const boundaries = await loadBoundaries(tx, setting.gemeente.code);
	const collection = gapGeoJson(analysis.view, boundaries, {
		title: `${m.plan_export_title()}: ${setting.gemeente.name}, ${subject}`,
		attribution: m.attribution_cbs(),
		subject: setting.subjectParam,
		windowDays: setting.windowDays,
		includeExpected: setting.includeExpected,
		generatedAt: now.toISOString(),
		classLabels: classes
	});
	return { name: fileName(analysis, 'geojson', now), body: JSON.stringify(collection) };
}
