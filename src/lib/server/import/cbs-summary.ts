// The import's summary as the command line prints it.
import type { CbsImportPlan, FieldMapping, SkippedFeature } from './cbs-types';

export interface LevelCounts {
	inserted: number;
	updated: number;
	unchanged: number;
}

export interface CbsImportSummary {
	source: string;
	counts: { gemeenten: LevelCounts; wijken: LevelCounts; buurten: LevelCounts };
	/** Rows of the imported gemeenten that exist in the database but not in this input. */
	notInInput: { wijken: number; buurten: number };
	fieldsMapped: FieldMapping[];
	fieldsMissing: string[];
	secretValues: CbsImportPlan['secretValues'];
	derivedWijken: string[];
	skipped: SkippedFeature[];
	warnings: string[];
}

/** How many warnings the printed summary lists before it counts the rest. */
const WARNINGS_SHOWN = 25;

/** The summary as printable lines (every skipped feature; warnings up to a limit). */
export function formatSummary(summary: CbsImportSummary): string[] {
	const lines: string[] = [`Source: ${summary.source}`];
	const pad = (text: string | number, width: number) => String(text).padStart(width);
	lines.push(
		`${'level'.padEnd(10)}${pad('inserted', 10)}${pad('updated', 10)}${pad('unchanged', 11)}`
	);
	for (const level of ['gemeenten', 'wijken', 'buurten'] as const) {
		const c = summary.counts[level];
		lines.push(
			`${level.padEnd(10)}${pad(c.inserted, 10)}${pad(c.updated, 10)}${pad(c.unchanged, 11)}`
		);
	}
	if (summary.notInInput.buurten > 0 || summary.notInInput.wijken > 0) {
		lines.push(
			`Already in the database but not in this input (left as they are): ` +
				`${summary.notInInput.wijken} wijken, ${summary.notInInput.buurten} buurten`
		);
	}
	lines.push('Fields mapped (source → column):');
	for (const m of summary.fieldsMapped) lines.push(`  ${m.source} → ${m.column}`);
	lines.push(
		`Fields missing (stored as null): ${summary.fieldsMissing.length ? summary.fieldsMissing.join(', ') : 'none'}`
	);
	const secret = Object.entries(summary.secretValues);
	if (secret.length > 0) {
		lines.push(
			`Values CBS keeps secret or not applicable (stored as null): ${secret.map(([c, n]) => `${c} ${n}`).join(', ')}`
		);
	}
	if (summary.derivedWijken.length > 0) {
		lines.push(
			`Wijken derived from their buurten: ${summary.derivedWijken.length} (${summary.derivedWijken.join(', ')})`
		);
	}
	lines.push(`Skipped features: ${summary.skipped.length === 0 ? 'none' : summary.skipped.length}`);
	for (const s of summary.skipped) {
		lines.push(`  ${s.file} feature #${s.index}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
	}
	lines.push(`Warnings: ${summary.warnings.length === 0 ? 'none' : summary.warnings.length}`);
	for (const w of summary.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  ${w}`);
	if (summary.warnings.length > WARNINGS_SHOWN) {
		lines.push(`  … and ${summary.warnings.length - WARNINGS_SHOWN} more`);
	}
	return lines;
}
