// src/lib/server/db/rows.ts turns generated timestamp columns (string there) into Date by name;
// this holds the migrated schema to that naming rule, so a new column cannot slip through typed wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMESTAMP_COLUMN } from '../../src/lib/server/db/rows';
import type { Database } from '../../src/lib/server/db/types';
import { migratedDatabase } from './harness';

let db: Database;
beforeAll(async () => {
	db = await migratedDatabase();
});
afterAll(async () => {
	await db?.close();
});

describe('timestamp column names', () => {
	it('every public timestamptz column, and only those, matches TIMESTAMP_COLUMN', async () => {
		const columns = await db.asOwner((tx) =>
			tx.query<{ name: string; is_timestamp: boolean }>(
				`select table_name || '.' || column_name as name,
				        data_type like 'timestamp%' as is_timestamp
				   from information_schema.columns where table_schema = 'public'`
			)
		);
		expect(columns.filter((c) => c.is_timestamp).length).toBeGreaterThan(10);
		const wrong = columns
			.filter((c) => c.is_timestamp !== TIMESTAMP_COLUMN.test(c.name.split('.')[1]))
			.map((c) => c.name);
		expect(wrong).toEqual([]);
	});
});
