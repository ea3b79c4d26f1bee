/**
 * Cell classes of an NL Design System table. Numeric columns are right-aligned: @utrecht 9 calls
 * them `--numeric-column`; the `--numeric` names are the ones this app's tables used before.
 */
export const headerCellClass = (numeric = false) =>
	numeric
		? 'utrecht-table__header-cell utrecht-table__header-cell--numeric utrecht-table__header-cell--numeric-column'
		: 'utrecht-table__header-cell';

export const cellClass = (numeric = false) =>
	numeric
		? 'utrecht-table__cell utrecht-table__cell--numeric utrecht-table__cell--numeric-column'
		: 'utrecht-table__cell';
