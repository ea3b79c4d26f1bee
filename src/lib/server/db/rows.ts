/**
 * Row types from the generated src/lib/server/db/database.types.ts (`npm run db:types`), as our
 * drivers return them. postgres-meta writes what PostgREST sends as JSON, so timestamptz columns
 * are `string` there; PGlite and postgres.js give a `Date`. Every timestamptz column in the schema
 * is named `…_at` or `window_start`/`window_end` (tests/db/database-types.test.ts checks this),
 * so those names become `Date`. numeric and int8 are numbers in both drivers, as generated.
 */
import type { Database } from './database.types';

type Schema = Database['public'];
type Relations = Schema['Tables'] & Schema['Views'];

/** Columns the drivers return as a Date. Keep in step with TIMESTAMP_COLUMN. */
type TimestampName = `${string}_at` | 'window_start' | 'window_end';
/** The same rule at run time, for the test that holds the schema to it. */
export const TIMESTAMP_COLUMN = /(_at|^window_start|^window_end)$/;

type AsDriverReturns<R> = {
	[K in keyof R]: K extends TimestampName ? (null extends R[K] ? Date | null : Date) : R[K];
};

/** A row of a public table or view, e.g. `Row<'buurten'>`; pick columns with `Pick<Row<'x'>, …>`. */
export type Row<Name extends keyof Relations> = AsDriverReturns<Relations[Name]['Row']>;

/** A public enum's values, e.g. `Enum<'need_status'>`. */
export type Enum<Name extends keyof Schema['Enums']> = Schema['Enums'][Name];

/** What a function returns, e.g. `FunctionRow<'private', 'council_need_demand'>[number]`. */
export type FunctionReturns<
	S extends 'public' | 'private',
	Name extends keyof Database[S]['Functions']
> = Database[S]['Functions'][Name] extends { Returns: infer R } ? R : never;
