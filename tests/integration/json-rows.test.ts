// Rows built as JSON by the database (src/db/json-rows.ts) read back exactly
// as drizzle reads the same rows from the driver, for every table the
// agreement page reads that way.
import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { rowFromJson, rowJson } from '../../src/db/json-rows.ts';
import {
  actionPlanGoals,
  actionPlans,
  activities,
  agreementKinds,
  agreements,
  counterparts,
  discrepancies,
  eventReasons,
  quotations,
  statusEvents,
} from '../../src/db/schema.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t?.close());

const TABLES: PgTable[] = [agreements, agreementKinds, counterparts, statusEvents, eventReasons, quotations, discrepancies, activities, actionPlans, actionPlanGoals];

it.each(TABLES.map((table) => [getTableName(table), table] as const))('%s: every shipped row read as JSON equals drizzle\'s select of it', async (name, table) => {
  const direct = await t.database.db.select().from(table as never);
  const viaJson = await queryRows<{ row: string }>(t.database.db, sql`select ${rowJson(table, 'x')}::text as row from ${sql.raw(`"${name}"`)} x`);
  expect(direct.length).toBeGreaterThan(0);
  const byId = (rows: Array<Record<string, unknown>>) => [...rows].sort((a, b) => String(a.id ?? a.code).localeCompare(String(b.id ?? b.code)));
  expect(byId(viaJson.map((r) => rowFromJson(table, JSON.parse(r.row) as Record<string, unknown>)))).toEqual(byId(direct as Array<Record<string, unknown>>));
});
