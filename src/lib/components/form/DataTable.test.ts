import { cleanup, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DataTable from './DataTable.svelte';

afterEach(cleanup);

const rows = [
	{ buurt: 'Binnenstad', huishoudens: 1200 },
	{ buurt: 'Havenkwartier', huishoudens: 850 }
];
const columns = [
	{ label: 'Buurt', key: 'buurt' as const },
	{ label: 'Huishoudens', key: 'huishoudens' as const, numeric: true }
];

describe('DataTable', () => {
	it('renders plain rows with a row header and right-aligned numeric columns', () => {
		render(DataTable, { id: 'tabel', caption: 'Huishoudens per buurt', columns, rows });
		const table = screen.getByRole('table', { name: 'Huishoudens per buurt' });
		const header = within(table).getByRole('columnheader', { name: 'Huishoudens' });
		expect(header.className).toContain('utrecht-table__header-cell--numeric-column');
		expect(header.getAttribute('scope')).toBe('col');
		const buurt = within(table).getByRole('columnheader', { name: 'Buurt' });
		expect(buurt.className).not.toContain('numeric');
		expect(within(table).getByRole('rowheader', { name: 'Havenkwartier' })).toBeTruthy();
		const cell = within(table).getByRole('cell', { name: '850' });
		expect(cell.className).toContain('utrecht-table__cell--numeric-column');
		expect(screen.queryByRole('region')).toBeNull();
	});

	it('puts a wide table in a focusable region named by the caption', () => {
		render(DataTable, {
			id: 'tabel',
			caption: 'Huishoudens per buurt',
			columns,
			rows,
			scroll: true
		});
		const region = screen.getByRole('region', { name: 'Huishoudens per buurt' });
		expect(region.getAttribute('tabindex')).toBe('0');
		expect(within(region).getByRole('table')).toBeTruthy();
	});

	it('renders rows through a snippet and formats values', () => {
		const row = createRawSnippet((get: () => Record<string, unknown>) => ({
			render: () => `<tr><td>${String(get().buurt).toUpperCase()}</td><td>x</td></tr>`
		}));
		render(DataTable, { id: 't', caption: 'Eigen rijen', columns, rows, row });
		expect(screen.getByRole('cell', { name: 'BINNENSTAD' })).toBeTruthy();
		cleanup();
		render(DataTable, {
			id: 't',
			caption: 'Opgemaakt',
			rows,
			columns: [
				columns[0],
				{ ...columns[1], format: (value: unknown) => `${Number(value) / 100} honderd` }
			]
		});
		expect(screen.getByRole('cell', { name: '12 honderd' })).toBeTruthy();
	});
});
