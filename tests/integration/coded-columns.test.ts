// Coded columns (values from a closed set in the code) are held to that set
// by the database: the schema's CHECK constraints are the migrations', every
// one refuses a value the code does not know, and a restore of a backup
// edited to hold one is refused with the database left as it was.
import { recordInvitation } from '../../src/domain/coordination/received-invitations.ts';
import { createContactSurface } from '../../src/domain/contact-surfaces/save.ts';
import { createNetwork } from '../../src/domain/coordination/networks.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDecisionBasis } from '../../src/domain/decisions/basis.ts';
import { openDatabase, queryRows, type Executor } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { writeBackup } from '../../src/db/backup.ts';
import { restoreBackup, RestoreError } from '../../src/db/restore.ts';
import * as schema from '../../src/db/schema.ts';
import { createActionPlan } from '../../src/domain/action-plans/create.ts';
import { createActivity } from '../../src/domain/activities/create.ts';
import { makeCalendarFeed } from '../../src/domain/reminders/feeds.ts';
import { addDiscrepancy } from '../../src/domain/agreements/add-evidence.ts';
import { ortsband } from '../support/cli.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { inviteUser } from '../../src/domain/accounts/invitations.ts';
import { attachDocument } from '../../src/domain/documents/attach.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { addFollowUpPoint } from '../../src/domain/follow-up/add-point.ts';
import { openTestDatabase, systemCtx, type TestDatabase } from '../support/database.ts';

// Every column whose values are a closed set in the code, or a code of a fixed form.
const CODED = [
  'users.role',
  'invitations.role',
  'api_tokens.scope',
  'oidc_flows.lang',
  'actors.kind',
  'actors.visibility',
  'actors.municipality_code',
  'actors.county_code',
  'actor_successions.kind',
  'counterparts.level',
  'counterparts.country_code',
  'counterparts.visibility',
  'agreements.current_status',
  'agreements.visibility',
  'agreement_county_entries.current_status',
  'agreement_county_entries.visibility',
  'agreement_parties.role',
  'status_events.type',
  'status_events.date_precision',
  'status_events.side',
  'status_events.mode',
  'status_events.visibility',
  'event_reasons.code',
  'event_reasons.stated_by',
  'agreement_status_periods.status',
  'status_day_deltas.status',
  'status_day_deltas.visibility',
  'sources.kind',
  'sources.language',
  'sources.visibility',
  'citations.subject_type',
  'quotations.language',
  'quotations.visibility',
  'discrepancies.visibility',
  'activities.kind',
  'activities.visibility',
  'activities.funding',
  'follow_up_points.state',
  'action_plans.visibility',
  'action_plan_goals.assessment',
  'documents.media_type',
  'calendar_feeds.scope',
  'reminders_sent.kind',
  'received_invitations.visibility',
  'contact_surfaces.kind',
  'contact_surfaces.visibility',
  'networks.kind',
  'networks.county_code',
  'networks.visibility',
  'decision_bases.risk_democracy_human_rights_level',
  'decision_bases.risk_security_level',
  'decision_bases.risk_personal_data_level',
  'decision_bases.risk_export_control_level',
  'decision_bases.risk_reputation_level',
  'decision_bases.risk_finances_level',
];

interface CheckConstraint {
  table: string;
  name: string;
  columns: string[];
  types: string[];
}

async function checkConstraints(db: Executor): Promise<CheckConstraint[]> {
  return queryRows<CheckConstraint>(
    db,
    sql`select c.conrelid::regclass::text as table, c.conname as name,
          array_agg(a.attname::text order by a.attnum) as columns, array_agg(format_type(a.atttypid, a.atttypmod) order by a.attnum) as types
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'c' and c.connamespace = 'public'::regnamespace
        group by 1, 2 order by 1, 2`,
  );
}

/** The SQLSTATE and message of a database error, through drizzle's wrapping. */
function databaseError(error: unknown): { code: string; message: string } {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return { code: String((inner as { code?: unknown }).code), message: (inner as Error).message };
}

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  // A row in every table that has a coded column, for the updates below to meet.
  const ctx = systemCtx(t);
  const [agreement] = await queryRows<{ id: number; organisation_id: number }>(t.database.db, sql`select id, organisation_id from agreements order by id limit 1`);
  const [source] = await queryRows<{ slug: string }>(t.database.db, sql`select slug from sources order by id limit 2`);
  const activity = await createActivity({ ctx, agreementId: agreement!.id, input: { kind: 'meeting', title: 'Ett möte', date: '2019', chinesePlaces: ['zhejiang'] } });
  await addUser({ ctx, input: { email: 'coded-columns-editor@ortsband.test', displayName: 'Redaktör', organisation: 'ortsband', role: 'editor' } });
  await addFollowUpPoint({ ctx, agreement: { id: agreement!.id, organisationId: agreement!.organisation_id }, activityId: activity.id, input: { text: 'Skicka protokollet', owner: 'coded-columns-editor@ortsband.test', dueOn: '2019-12-31' } });
  await createActionPlan({ ctx, agreementId: agreement!.id, input: { title: 'En plan', periodFrom: '2019', periodTo: '2020', budgetSek: 1000, goals: [{ theme: 'Kultur', goal: 'Ett mål' }] } });
  await addDiscrepancy({ ctx, agreementId: agreement!.id, input: { field: 'established', recorded: '2019', other: '2018', sv: 'Källorna skiljer sig.', en: 'The sources differ.', sources: [{ source: source!.slug }, { source: source!.slug }] } });
  await t.database.db.execute(sql`insert into users (organisation_id, email, subject, display_name) values (${agreement!.organisation_id}, 'coded-columns-test@ortsband.test', 'coded-columns-test', 'Test')`);
  const [user] = await queryRows<{ id: number }>(t.database.db, sql`select id from users where email = 'coded-columns-test@ortsband.test'`);
  await createApiToken(t.database.db, { userId: user!.id }, { name: 'k', scope: 'read', days: 30 });
  await inviteUser({ ctx, input: { email: 'invited@ortsband.test', organisation: 'ortsband', role: 'reader' } });
  await attachDocument({ ctx, agreementId: agreement!.id, input: { attachTo: 'agreement', file: { name: 'protokoll.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') } } });
  await t.database.db.execute(sql`insert into oidc_flows (state, code_verifier, nonce, lang, expires_at) values ('s', 'v', 'n', 'sv', now())`);
  await makeCalendarFeed(t.database.db, { userId: user!.id, principal: { kind: 'user', subject: 'coded-columns-test@ortsband.test', organisationId: agreement!.organisation_id, role: 'reader' } }, 'person');
  await t.database.db.execute(sql`insert into reminders_sent (kind, subject_id, occasion, recipient) values ('follow_up_due', 1, '2020-01-01', 'coded-columns-test@ortsband.test')`);
  await t.database.db.execute(
    sql`insert into delegation_warnings_sent (first_kind, first_id, second_kind, second_id, recipient) values ('activity', 1, 'invitation', 1, 'coded-columns-test@ortsband.test')`,
  );
  await recordInvitation({ ctx: { db: t.database.db, principal: { kind: 'system', label: 'coded-columns', organisationId: agreement!.organisation_id } }, input: { receivedOn: '2026-11-20', sender: 'Zhejiangs utrikesbyrå', subject: 'Ett forum', place: 'zhejiang' } });
  await createContactSurface({ ctx, organisationId: agreement!.organisation_id, input: { kind: 'trade', title: 'Ett bolag', places: ['zhejiang'], sources: [source!.slug] } });
  const [decision] = await queryRows<{ id: number; slug: string }>(t.database.db, sql`select e.id::int as id, a.slug from status_events e join agreements a on a.id = e.agreement_id where e.type = 'ended' order by e.id limit 1`);
  await saveDecisionBasis({ ctx, slug: decision!.slug, eventId: decision!.id, input: { purpose: 'Ett syfte', costsSoFarSek: 1000, securityAdviceSought: true, securityAdviceFrom: 'Säpo', expectedVersion: 0 }, today: '2026-12-07' });
  await createNetwork({ ctx: { db: t.database.db, principal: { kind: 'system', label: 'coded-columns', organisationId: agreement!.organisation_id } }, input: { name: 'Ett nätverk', kind: 'county', county: '12' } });
});
afterAll(async () => t?.close());

describe('coded columns', () => {
  it("the schema's CHECK constraints are the database's", async () => {
    const inSchema = (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .flatMap((table) => getTableConfig(table).checks.map((c) => `${getTableConfig(table).name}.${c.name}`))
      .sort();
    const inDatabase = (await checkConstraints(t.database.db)).map((c) => `${c.table}.${c.name}`).sort();
    expect(inDatabase).toEqual(inSchema);
  });

  it('every coded column has a CHECK constraint', async () => {
    const constrained = new Set((await checkConstraints(t.database.db)).flatMap((c) => c.columns.map((column) => `${c.table}.${column}`)));
    expect(CODED.filter((column) => !constrained.has(column))).toEqual([]);
  });

  it('every CHECK constraint refuses a value the code does not know, on a row that is there', async () => {
    const checks = await checkConstraints(t.database.db);
    expect(checks.length).toBeGreaterThanOrEqual(CODED.length);
    const refusedBy: Record<string, string> = {};
    for (const check of checks) {
      const [rows] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(`"${check.table}"`)}`);
      expect(rows!.n, `rows in ${check.table}`).toBeGreaterThan(0);
      // A bad value for each of the constraint's columns: a code nobody knows, another id, the pair that may not be.
      const set = check.columns.map((column, i) => {
        const type = check.types[i]!;
        // Upper case with a trailing blank: no closed set, format or lower-case rule takes it.
        // A byte string of one byte: its size is not the size column's 2 (documents_size).
        // Arrays of another length each: a rule that matches the lengths of two lists refuses them.
        // An amount, a budget or a count below zero (the checks named *_not_negative), a number below its range (*_range).
        const bad = type === 'text[]' ? `ARRAY[${Array(i + 2).fill(`'NOT-A-CODE '`).join(', ')}]::text[]` : type === 'text' ? `'NOT-A-CODE '` : type === 'integer' ? (check.name.endsWith('_not_negative') || check.name.endsWith('_range') ? '-1' : '2') : type === 'boolean' ? 'true' : type === 'bytea' ? `'\\x00'::bytea` : null;
        if (bad === null) throw new Error(`no bad value for ${check.table}.${column} (${type})`);
        // The confidential-source rule: confidential and public together.
        if (check.name === 'sources_confidential_not_public' && column === 'visibility') return `"${column}" = 'public'`;
        // A renewal or a notice without the term it needs (and a notice in one unit, so that only this rule is broken).
        if (check.name.endsWith('_needs_term') && column === 'term_months') return `"${column}" = null`;
        if (check.name === 'agreements_notice_needs_term' && column === 'notice_days') return `"${column}" = null`;
        // Whom security advice was sought from, where it was not sought.
        if (check.name === 'decision_bases_advice_from_when_sought' && column === 'security_advice_sought') return `"${column}" = false`;
        // A high risk with no justification.
        if (check.name === 'decision_bases_high_risk_justified') return `"${column}" = ${column.endsWith('_level') ? `'high'` : 'null'}`;
        return `"${column}" = ${bad}`;
      });
      // What else the row needs for this rule alone to be broken: a term, for the rules of a renewal and a notice.
      if (/^agreements_(renewal_months_range|notice_months_range|notice_days_range|notice_one_unit)$/.test(check.name)) set.push('"term_months" = 12');
      const error = await t.database.db
        .transaction(async (tx) => {
          await tx.execute(sql.raw(`update "${check.table}" set ${set.join(', ')}`));
        })
        .then(
          () => null,
          (e: unknown) => databaseError(e),
        );
      refusedBy[check.name] = error?.code === '23514' && error.message.includes(check.name) ? 'refused' : `accepted (${error?.message ?? 'no error'})`;
    }
    expect(Object.values(refusedBy).every((v) => v === 'refused'), JSON.stringify(refusedBy, null, 1)).toBe(true);
  });
});

describe('a restore of a backup holding a value the code does not know', () => {
  let dir: string;
  let lines: string[];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ortsband-coded-'));
    const file = path.join(dir, 'shipped.ndjson.gz');
    await writeBackup(t.database, file);
    lines = gunzipSync(await readFile(file)).toString('utf8').split('\n').filter((l) => l !== '');
  });
  let target: TestDatabase;
  beforeAll(async () => {
    target = await openTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await target?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The backup with `column` of the first row of `table` set to `value`. */
  async function edited(table: string, column: string, value: string): Promise<string> {
    const start = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
    const columns = (JSON.parse(lines[start]!) as { columns: string[] }).columns;
    const row = JSON.parse(lines[start + 1]!) as Array<string | null>;
    row[columns.indexOf(column)] = value;
    const file = path.join(dir, `${table}-${column}-${value}.ndjson.gz`);
    await writeFile(file, gzipSync(lines.with(start + 1, JSON.stringify(row)).join('\n') + '\n'));
    return file;
  }

  it.each([
    ['agreements', 'visibility', 'everyone', 'agreements_visibility_known'],
    ['agreements', 'current_status', 'exploded', 'agreements_current_status_known'],
    ['status_events', 'type', 'exploded', 'status_events_type_known'],
    ['sources', 'confidential', 'true', 'sources_confidential_not_public'],
  ])('%s.%s = %s is refused, and the database stays empty', async (table, column, value, constraint) => {
    const file = await edited(table, column, value);
    const error = await restoreBackup(target.database, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RestoreError);
    expect((error as RestoreError).problem).toBe('unreadable');
    expect((error as RestoreError).message).toContain(constraint);
    const [counts] = await queryRows<{ agreements: number; sources: number; events: number }>(
      target.database.db,
      sql`select (select count(*)::int from agreements) as agreements, (select count(*)::int from sources) as sources, (select count(*)::int from status_events) as events`,
    );
    expect(counts).toEqual({ agreements: 0, sources: 0, events: 0 });
  });

  it('the command line refuses it with exit code 3 and leaves the folder empty', { timeout: 120_000 }, async () => {
    const file = await edited('agreements', 'visibility', 'everyone');
    const folder = path.join(dir, 'cli-target');
    const restored = await ortsband('--database', folder, 'restore', file);
    expect(restored.code).toBe(3);
    expect(restored.stderr).toContain('agreements_visibility_known');
    // The folder holds no agreements (opened without loading the shipped data, as a first start would).
    const database = await openDatabase({ kind: 'pglite', dataDir: folder });
    try {
      await migrate(database);
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from agreements`);
      expect(row!.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
