import type { CbsImportPlan, SkippedFeature } from './cbs-types';

/** What the steps of one import share: the reports they add to and where each field came from. */
export class PlanContext {
	readonly skipped: SkippedFeature[] = [];
	readonly warnings: string[];
	readonly secretValues: CbsImportPlan['secretValues'] = {};
	/** Which property each column was read from (the first feature that has it decides). */
	readonly sources = new Map<string, string>();
	readonly gemeenteNames = new Map<string, string>();
	private readonly nameConflicts = new Set<string>();

	constructor(earlierWarnings: string[] = []) {
		this.warnings = [...earlierWarnings];
	}

	skip(file: SkippedFeature['file'], index: number, code: string | null, reason: string): void {
		this.skipped.push({ file, index, code, reason });
	}

	noteSource(field: string, found: { key: string } | undefined): void {
		if (found && !this.sources.has(field)) this.sources.set(field, found.key);
	}

	noteGemeente(code: string, name: string | null): void {
		if (name === null) return;
		const known = this.gemeenteNames.get(code);
		if (known === undefined) this.gemeenteNames.set(code, name);
		else if (known !== name && !this.nameConflicts.has(`${code}\u0000${name}`)) {
			this.nameConflicts.add(`${code}\u0000${name}`);
			this.warnings.push(`${code}: gemeente named both "${known}" and "${name}"; kept "${known}"`);
		}
	}

	name(name: string | null, placeholder: string, code: string): string {
		const chosen = name ?? placeholder;
		if (chosen.length <= 200) return chosen;
		this.warnings.push(`${code}: name longer than 200 characters, shortened`);
		return chosen.slice(0, 200);
	}
}
