// The whole domain of SPEC.md as tables. Later work (accounts, editing,
// activities, action plans, contact surfaces) adds tables; these stay.
//
// Invariants kept by the domain verbs, not by callers:
// - status_events is append-only; agreements.current_status and the
//   agreement_status_periods rows are caches derived from the events in the
//   same transaction (src/domain/status/derive-status.ts).
// - every change writes an audit_log row in the same transaction.
// - every record has an owning organisation and a visibility.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  doublePrecision,
  customType,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const VISIBILITIES = ['public', 'shared', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

// Coded columns, whose values are a closed set in the code, are held to that
// set by the database too (migration 0018): a restored backup, an import or
// any later write path cannot store a value the code does not know. The
// lists are the same constants the code validates with, written into the
// CHECK as literals, so the schema and the migration say the same.
const literals = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));
/** CHECK that `column` holds one of `values` (a null passes: whether it may be null is the column's own rule). */
const oneOf = (table: string, column: AnyPgColumn, values: readonly string[]) => check(`${table}_${column.name}_known`, sql`${column} in (${literals(values)})`);
/** The visibility every owned record carries. */
const knownVisibility = (table: string, column: AnyPgColumn) => oneOf(table, column, VISIBILITIES);
/** A language as two lower-case letters (ISO 639-1), as languageSchema asks. */
const knownLanguage = (table: string, column: AnyPgColumn) => check(`${table}_${column.name}_known`, sql`${column} ~ '^[a-z]{2}$'`);

const visibility = () => text('visibility').$type<Visibility>().notNull().default('public');
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
// What every editable register record carries: its owner, who may see it, and
// a version for detecting concurrent edits.
const ownedRecord = () => ({
  organisationId: integer('organisation_id').notNull().references(() => organisations.id),
  visibility: visibility(),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// An organisation is a Swedish body of the register (a kommun's office: its
// actor) or a national body without one (SKR, the national China centre, a
// ministry, the register's own editorial organisation). Every record belongs
// to one, and every user works for one.
export const organisations = pgTable('organisations', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  // The Swedish party this organisation is, when it is one (a kommun's office).
  actorId: integer('actor_id').unique(),
  // An agreement in force with no sign of life (an activity, or an event that
  // says the tie lives) for this many months needs a decision (reminders/).
  quietAfterMonths: integer('quiet_after_months').notNull().default(24),
  createdAt: createdAt(),
}, (t) => [check('organisations_quiet_after_months_range', sql`${t.quietAfterMonths} between 1 and 120`)]);

// A user's role in their organisation (issue "Accounts, roles and editing"):
// reader < editor (changes their organisation's records) ; coordinator reads
// shared records everywhere; admin manages organisations, users and reference data.
export const ROLES = ['reader', 'editor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    // Lower case, trimmed: the address is how a person is known, invited and matched at sign-in.
    email: text('email').notNull().unique(),
    // The OpenID Connect subject, set at the first sign-in through the provider.
    subject: text('subject').unique(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull().default('reader'),
    // argon2id (PHC string); null for someone who signs in only through OpenID Connect.
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // An organisation's people: whom to contact about another body's visit, for each overlap (coordination/delegations.ts).
    index('users_organisation_idx').on(t.organisationId),
    check('users_email_lower_case', sql`${t.email} = lower(btrim(${t.email}))`),
    oneOf('users', t.role, ROLES),
  ],
);

// A signed-in browser. The cookie holds a random id (256 bits); only its
// SHA-256 is kept, so a copy of the database signs nobody in. A session ends
// at sign-out, at its expiry (sliding: each use within the last half of its
// life extends it) and when its user's version moves (a role or password
// change, disabling).
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    userVersion: integer('user_version').notNull(),
    // The synchronizer token that every state-changing form carries while the sign-in lasts.
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// An administrator's invitation of a person, by e-mail address, to an
// organisation and a role: a one-time link (its token kept as SHA-256) that
// expires. Accepting it makes the user.
export const invitations = pgTable(
  'invitations',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    role: text('role').$type<Role>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    index('invitations_email_idx').on(t.email),
    check('invitations_email_lower_case', sql`${t.email} = lower(btrim(${t.email}))`),
    oneOf('invitations', t.role, ROLES),
  ],
);

// Personal access tokens for the API: made and revoked by their user, shown
// once, kept as their SHA-256 only; read or write; each expires, and all of a
// user's end when the user's version moves on (as sessions do).
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    userVersion: integer('user_version').notNull(),
    name: text('name').notNull(),
    scope: text('scope').$type<TokenScope>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId), oneOf('api_tokens', t.scope, TOKEN_SCOPES)],
);

// A calendar feed of reminders at a secret address (/kalender/<token>.ics)
// that calendar programs subscribe to: a person's own (their follow-up
// points and their organisation's agreements) or their organisation's (every
// open point). The token is kept as its SHA-256 only and shown once; the
// feed ends when it is revoked or its maker is disabled.
export const CALENDAR_SCOPES = ['person', 'organisation'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    scope: text('scope').$type<CalendarScope>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_user_idx').on(t.userId), oneOf('calendar_feeds', t.scope, CALENDAR_SCOPES)],
);

// Each reminder e-mailed: what it was about (kind and record), the day it
// was for, and to whom. The unique key is what makes a reminder go once: the
// sender inserts its row and sends in one transaction (reminders/send.ts).
export const REMINDER_KINDS = ['follow_up_due', 'agreement_expires', 'quiet_agreement', 'notice_due', 'action_plan_review', 'article_review'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<ReminderKind>().notNull(),
    subjectId: integer('subject_id').notNull(),
    occasion: date('occasion').notNull(),
    recipient: text('recipient').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('reminders_sent_once').on(t.kind, t.subjectId, t.occasion, t.recipient), oneOf('reminders_sent', t.kind, REMINDER_KINDS)],
);

// A sign-in through the OpenID Connect provider under way: what the callback
// checks the provider's answer against (PKCE verifier, nonce), found by the
// state the browser brings back and also holds in a cookie. One use; gone
// after ten minutes.
export const oidcFlows = pgTable('oidc_flows', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  lang: text('lang').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [oneOf('oidc_flows', t.lang, ['sv', 'en'])]);

// Errors in the register reported by its readers (the page "Rapportera ett
// fel", web/pages/report-error.tsx), read by administrators. Who sent one is
// kept only as a hash of their address, for the limit on reports.
export const errorReports = pgTable(
  'error_reports',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    page: text('page'),
    message: text('message').notNull(),
    email: text('email'),
    senderHash: text('sender_hash').notNull(),
  },
  (t) => [index('error_reports_sender_at_idx').on(t.senderHash, t.at), index('error_reports_at_idx').on(t.at)],
);

// Failed sign-ins, by account ('account:<email>') and by client address
// ('address:<ip>'): the limit on attempts counts these rows in a window, so
// that every server process sees the same count.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
);

export const ACTOR_KINDS = [
  'kommun',
  'region',
  'lansstyrelse',
  'regionforbund',
  'municipal_company',
  'university',
  'business_organisation',
  'friendship_association',
  'other',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const actors = pgTable(
  'actors',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    // Names the body is also known by, searched like its name: exonyms
    // ("Gothenburg" for Göteborgs Stad).
    otherNames: text('other_names').array().notNull().default(sql`'{}'::text[]`),
    kind: text('kind').$type<ActorKind>().notNull(),
    // SCB kommunkod (4 digits) for kommuner; länskod (2 digits) of the county it sits in.
    municipalityCode: text('municipality_code'),
    countyCode: text('county_code'),
    // EDTF dates: the body existed from/to (renamed and merged bodies end).
    existedFrom: text('existed_from'),
    existedTo: text('existed_to'),
    seatLat: doublePrecision('seat_lat'),
    seatLon: doublePrecision('seat_lon'),
    // An editorial note in Swedish, and its English (migration 0011).
    note: text('note'),
    noteEn: text('note_en'),
    searchText: text('search_text').notNull().default(''),
    ...ownedRecord(),
  },
  (t) => [
    uniqueIndex('actors_municipality_code_key').on(t.municipalityCode),
    index('actors_county_idx').on(t.countyCode),
    index('actors_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('actors_search_bigrams').using('gin', sql`search_bigrams(${t.searchText})`),
    check('actors_municipality_code_format', sql`${t.municipalityCode} ~ '^[0-9]{4}$'`),
    check('actors_county_code_format', sql`${t.countyCode} ~ '^[0-9]{2}$'`),
    oneOf('actors', t.kind, ACTOR_KINDS),
    knownVisibility('actors', t.visibility),
  ],
);

// Renames and mergers (regionförbund → region): the predecessor keeps its
// history; the successor is linked, never overwritten.
export const SUCCESSION_KINDS = ['renamed', 'merged', 'took_over'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

export const actorSuccessions = pgTable(
  'actor_successions',
  {
    id: serial('id').primaryKey(),
    predecessorId: integer('predecessor_id').notNull().references(() => actors.id),
    successorId: integer('successor_id').notNull().references(() => actors.id),
    kind: text('kind').$type<SuccessionKind>().notNull(),
    date: text('date'), // EDTF
    note: text('note'),
    noteEn: text('note_en'),
    createdAt: createdAt(),
  },
  (t) => [oneOf('actor_successions', t.kind, SUCCESSION_KINDS)],
);

export const COUNTERPART_LEVELS = [
  'country',
  'province',
  'autonomous_region',
  'municipality', // directly administered municipality (直辖市)
  'sar',
  'prefecture_city',
  'autonomous_prefecture',
  'county',
  'county_city',
  'district',
  'other',
] as const;
export type CounterpartLevel = (typeof COUNTERPART_LEVELS)[number];

export const counterparts = pgTable(
  'counterparts',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    countryCode: text('country_code').notNull(), // ISO 3166-1 alpha-2
    nameLatin: text('name_latin').notNull(),
    nameNative: text('name_native'),
    namePinyin: text('name_pinyin'), // with tone marks, e.g. Sūzhōu
    // Other names, searched like the rest: exonyms and older romanisations (Kanton, Canton, Kwangchou).
    otherNames: text('other_names').array().notNull().default(sql`'{}'::text[]`),
    level: text('level').$type<CounterpartLevel>().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => counterparts.id),
    // Ids of every ancestor, root first: "inside Zhejiang" is `ancestor_ids @> {zhejiang}`.
    ancestorIds: integer('ancestor_ids').array().notNull().default(sql`'{}'::integer[]`),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    // An editorial note in Swedish, and its English (migration 0011).
    note: text('note'),
    noteEn: text('note_en'),
    searchText: text('search_text').notNull().default(''),
    ...ownedRecord(),
  },
  (t) => [
    index('counterparts_parent_idx').on(t.parentId),
    index('counterparts_ancestors_gin').using('gin', t.ancestorIds),
    index('counterparts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('counterparts_search_bigrams').using('gin', sql`search_bigrams(${t.searchText})`),
    oneOf('counterparts', t.level, COUNTERPART_LEVELS),
    check('counterparts_country_code_known', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    knownVisibility('counterparts', t.visibility),
  ],
);

// Kinds an administrator can extend; the two of the report are seeded.
export const agreementKinds = pgTable('agreement_kinds', {
  code: text('code').primaryKey(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  timeLimited: boolean('time_limited').notNull(),
});

export const STATUSES = ['planned', 'active', 'dormant', 'paused', 'partly_ended', 'ended'] as const;
export type Status = (typeof STATUSES)[number];

export const agreements = pgTable(
  'agreements',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').notNull().references(() => agreementKinds.code),
    officialTitle: text('official_title'),
    // The official title is in its own language (two letters; null where not
    // recorded), and may have an English rendering (migration 0027).
    officialTitleLanguage: text('official_title_language'),
    officialTitleEn: text('official_title_en'),
    signedOn: text('signed_on'), // EDTF
    term: text('term'), // e.g. "two years", as the sources write it
    renewalRule: text('renewal_rule'),
    // The term and renewal rule as numbers, where a source states them exactly
    // (migration 0031): the first term in months from the start, the months
    // each automatic renewal adds unless someone gives notice, and the notice
    // before a renewal, in months or in days (agreements/renewal-dates.ts).
    termMonths: integer('term_months'),
    renewalMonths: integer('renewal_months'),
    noticeMonths: integer('notice_months'),
    noticeDays: integer('notice_days'),
    endsOn: text('ends_on'), // EDTF, for time-limited agreements
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    // The themes in English, one for each theme in the same order, or none (migration 0027).
    themesEn: text('themes_en').array().notNull().default(sql`'{}'::text[]`),
    funding: text('funding'),
    fundingEn: text('funding_en'),
    responsibleUnit: text('responsible_unit'),
    parentId: integer('parent_id').references((): AnyPgColumn => agreements.id),
    summary: text('summary'),
    // English beside each Swedish free text (an English reader's page shows it;
    // the Swedish stays the record). Null where none has been written.
    summaryEn: text('summary_en'),
    // Caches, recomputed from status_events in the same transaction.
    currentStatus: text('current_status').$type<Status>().notNull().default('planned'),
    establishedMin: date('established_min'),
    establishedYear: integer('established_year'),
    lastEventOn: date('last_event_on'),
    // What the list shows and filters on without joins (refresh-caches.ts).
    partyLabel: text('party_label').notNull().default(''),
    counterpartLabel: text('counterpart_label').notNull().default(''),
    partyKinds: text('party_kinds').array().notNull().default(sql`'{}'::text[]`),
    partyCounties: text('party_counties').array().notNull().default(sql`'{}'::text[]`),
    // The counterparts and every place they lie in: "inside Zhejiang" is `place_ids @> {zhejiang}`.
    placeIds: integer('place_ids').array().notNull().default(sql`'{}'::integer[]`),
    searchText: text('search_text').notNull().default(''),
    // The latest sign of life as the system reads it (every activity and life event, whatever
    // its visibility), kept by triggers (migration 0048): `life_sign_day` its latest possible
    // day and `life_sign_written` its date as written, among the signs that count from
    // `life_signs_as_of` on; `life_sign_pending_from` the earliest day a sign not yet counted
    // (a planned activity) starts to count. Valid for a day from `life_signs_as_of` up to the
    // day before `life_sign_pending_from` (reminders/due.ts quietAgreements).
    lifeSignDay: date('life_sign_day'),
    lifeSignWritten: text('life_sign_written'),
    lifeSignPendingFrom: date('life_sign_pending_from'),
    lifeSignsAsOf: date('life_signs_as_of'),
    ...ownedRecord(),
  },
  (t) => [
    index('agreements_status_idx').on(t.currentStatus),
    index('agreements_kind_idx').on(t.kind),
    index('agreements_established_idx').on(t.establishedMin),
    index('agreements_parent_idx').on(t.parentId),
    index('agreements_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('agreements_search_bigrams').using('gin', sql`search_bigrams(${t.searchText})`),
    index('agreements_place_ids_gin').using('gin', t.placeIds),
    index('agreements_party_kinds_gin').using('gin', t.partyKinds),
    index('agreements_party_counties_gin').using('gin', t.partyCounties),
    index('agreements_party_label_idx').on(t.partyLabel),
    // An organisation's agreements: its overview's reminders (ending, quiet) and its yearly report read them by owner (migration 0030),
    // in one status without a bitmap of every agreement in that status (migration 0049).
    index('agreements_organisation_status_idx').on(t.organisationId, t.currentStatus),
    // An organisation's agreements with an end day or a term: the overview's expiry and notice reminders.
    index('agreements_organisation_ending_idx').on(t.organisationId).where(sql`${t.endsOn} is not null or ${t.termMonths} is not null`),
    // An organisation's internal agreements, whose visits the calendar reads per request (calendar/visits.ts).
    index('agreements_internal_idx').on(t.organisationId).where(sql`${t.visibility} = 'internal'`),
    oneOf('agreements', t.currentStatus, STATUSES),
    knownVisibility('agreements', t.visibility),
    knownLanguage('agreements', t.officialTitleLanguage),
    check('agreements_themes_en_match', sql`cardinality(${t.themesEn}) in (0, cardinality(${t.themes}))`),
    check('agreements_term_months_range', sql`${t.termMonths} between 1 and 1200`),
    check('agreements_renewal_months_range', sql`${t.renewalMonths} between 1 and 1200`),
    check('agreements_notice_months_range', sql`${t.noticeMonths} between 0 and 1200`),
    check('agreements_notice_days_range', sql`${t.noticeDays} between 0 and 36500`),
    // A renewal and a notice run from the end of a term; a notice is given in months or in days, not both.
    check('agreements_renewal_needs_term', sql`${t.renewalMonths} is null or ${t.termMonths} is not null`),
    check('agreements_notice_needs_term', sql`(${t.noticeMonths} is null and ${t.noticeDays} is null) or ${t.termMonths} is not null`),
    check('agreements_notice_one_unit', sql`${t.noticeMonths} is null or ${t.noticeDays} is null`),
  ],
);

// The agreement list's columns once per agreement and county of its holders,
// kept by refresh-caches.ts with the other caches (the SQL function
// refresh_agreement_county_entries of migration 0006 writes them). A list
// narrowed by county reads these: the county's rows, written together, and a
// GIN index on county and search text (btree_gin) that finds a text query's
// matches inside one county. From agreements, the same list read the
// county's agreements scattered over the whole table (at the bench's scale
// 4,800 agreements on 2,950 pages) and tested each against the text.
export const agreementCountyEntries = pgTable(
  'agreement_county_entries',
  {
    countyCode: text('county_code').notNull(),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    kind: text('kind').notNull(),
    officialTitle: text('official_title'),
    partyLabel: text('party_label').notNull(),
    counterpartLabel: text('counterpart_label').notNull(),
    establishedMin: date('established_min'),
    establishedYear: integer('established_year'),
    currentStatus: text('current_status').$type<Status>().notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    organisationId: integer('organisation_id').notNull(),
    partyKinds: text('party_kinds').array().notNull(),
    placeIds: integer('place_ids').array().notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyCode, t.agreementId] }),
    index('agreement_county_entries_agreement_idx').on(t.agreementId),
    index('agreement_county_entries_search').using('gin', t.countyCode, sql`${t.searchText} gin_trgm_ops`),
    index('agreement_county_entries_search_bigrams').using('gin', t.countyCode, sql`search_bigrams(${t.searchText})`),
    oneOf('agreement_county_entries', t.currentStatus, STATUSES),
    knownVisibility('agreement_county_entries', t.visibility),
  ],
);

export const PARTY_ROLES = ['party', 'original_signatory', 'co_financier', 'participant'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

// "party" is the Swedish body that holds the agreement now (the one the
// report's appendix lists); other roles keep who signed or paid earlier.
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').notNull().references(() => actors.id),
    role: text('role').$type<PartyRole>().notNull().default('party'),
    // An editorial note in Swedish on this party's part, and its English (migration 0015).
    note: text('note'),
    noteEn: text('note_en'),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.actorId, t.role] }),
    index('agreement_parties_actor_idx').on(t.actorId),
    oneOf('agreement_parties', t.role, PARTY_ROLES),
  ],
);

export const agreementCounterparts = pgTable(
  'agreement_counterparts',
  {
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    counterpartId: integer('counterpart_id').notNull().references(() => counterparts.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.counterpartId] }),
    index('agreement_counterparts_counterpart_idx').on(t.counterpartId),
  ],
);

export const EVENT_TYPES = [
  'planned',
  'established',
  'renewed',
  'activity_observed',
  'dormant',
  'paused',
  'resumed',
  'partly_ended',
  'ended',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const SIDES = ['swedish', 'counterpart', 'both'] as const;
export type Side = (typeof SIDES)[number];
export const END_MODES = ['decision', 'non_renewal', 'expiry', 'faded_out'] as const;
export type EndMode = (typeof END_MODES)[number];
export const DATE_PRECISIONS = ['day', 'month', 'year', 'interval', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const statusEvents = pgTable(
  'status_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(), // also the insertion order (tie-break)
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    type: text('type').$type<EventType>().notNull(),
    date: text('date').notNull(), // EDTF as the source gives it: 2019, 2019-12, 2019-12-10, 2002/2022, XXXX
    dateMin: date('date_min'), // earliest day the event can have happened; null when unknown
    dateMax: date('date_max'), // latest day; the event is certain from this day
    datePrecision: text('date_precision').$type<DatePrecision>().notNull(),
    side: text('side').$type<Side>(),
    mode: text('mode').$type<EndMode>(),
    decidingBody: text('deciding_body'),
    reference: text('reference'), // § number, protocol
    caseNumber: text('case_number'), // diarienummer
    note: text('note'),
    noteEn: text('note_en'),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
    createdAt: createdAt(),
  },
  (t) => [
    index('status_events_agreement_idx').on(t.agreementId, t.dateMax, t.id),
    index('status_events_type_idx').on(t.type, t.dateMax),
    // The endings and pauses of given agreements (what peers decided, decisions/peer-decisions.ts), without a bitmap of every such event.
    index('status_events_endings_idx').on(t.agreementId).where(sql`${t.type} in ('ended', 'partly_ended', 'paused')`),
    oneOf('status_events', t.type, EVENT_TYPES),
    oneOf('status_events', t.datePrecision, DATE_PRECISIONS),
    oneOf('status_events', t.side, SIDES),
    oneOf('status_events', t.mode, END_MODES),
    knownVisibility('status_events', t.visibility),
  ],
);

export const REASON_CODES = ['democracy_human_rights', 'chinese_state_actions', 'lack_of_activity', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export const REASON_STATED_BY = ['decision_maker', 'representative', 'opposition'] as const;
export type ReasonStatedBy = (typeof REASON_STATED_BY)[number];

export const eventReasons = pgTable(
  'event_reasons',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id').notNull().references(() => statusEvents.id, { onDelete: 'cascade' }),
    code: text('code').$type<ReasonCode>().notNull(),
    statedBy: text('stated_by').$type<ReasonStatedBy>().notNull().default('decision_maker'),
    text: text('text'),
    textEn: text('text_en'),
  },
  (t) => [
    index('event_reasons_event_idx').on(t.eventId),
    oneOf('event_reasons', t.code, REASON_CODES),
    oneOf('event_reasons', t.statedBy, REASON_STATED_BY),
  ],
);

export const agreementStatusPeriods = pgTable(
  'agreement_status_periods',
  {
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    status: text('status').$type<Status>().notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'), // exclusive; null = still so
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.validFrom] }),
    // "In force on a day" is `daterange(valid_from, valid_to) @> day`.
    index('status_periods_range_gist').using('gist', sql`daterange(${t.validFrom}, ${t.validTo}, '[)')`),
    oneOf('agreement_status_periods', t.status, STATUSES),
  ],
);

// How many agreements enter (+1) and leave (-1) each status on each day, by
// visibility: the number in a status on day d is the sum of the deltas up to
// d. Kept by refresh-caches.ts beside the periods; it makes "how many were in
// force on 2016-12-31" a sum over days instead of a count over agreements.
// A day may have several rows: a change appends its own (migration 0023).
export const statusDayDeltas = pgTable(
  'status_day_deltas',
  {
    day: date('day').notNull(),
    status: text('status').$type<Status>().notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    delta: integer('delta').notNull(),
  },
  (t) => [
    // Not unique: a change appends its deltas, readers sum them (refresh-caches.ts).
    index('status_day_deltas_idx').on(t.visibility, t.status, t.day),
    oneOf('status_day_deltas', t.status, STATUSES),
    knownVisibility('status_day_deltas', t.visibility),
  ],
);

export const SOURCE_KINDS = [
  'report',
  'decision_protocol',
  'agreement_text',
  'motion',
  'media_article',
  'email',
  'interview',
  'web_page',
  'strategy_document',
  'blog_post',
  'case_study',
  'reference_data',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sources = pgTable(
  'sources',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').$type<SourceKind>().notNull(),
    title: text('title').notNull(),
    // The title in English, where the source is not English (migration 0027).
    titleEn: text('title_en'),
    // The language the source is written in (two letters): a page in another
    // language marks its title as that language, for screen readers.
    language: text('language').notNull().default('sv'),
    author: text('author'),
    publisher: text('publisher'),
    published: text('published'), // EDTF
    url: text('url'),
    archiveReference: text('archive_reference'), // diarienummer etc.
    retrievedOn: text('retrieved_on'),
    // Which shipped seed document states it, and where (for the shipped data).
    seedFile: text('seed_file'),
    seedPassage: text('seed_passage'),
    confidential: boolean('confidential').notNull().default(false),
    // An editorial note in Swedish, and its English (migration 0016).
    note: text('note'),
    noteEn: text('note_en'),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
    // Moves with each change in the browser or the API (sources/change.ts, migration 0021).
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    oneOf('sources', t.kind, SOURCE_KINDS),
    knownLanguage('sources', t.language),
    knownVisibility('sources', t.visibility),
    // A confidential source (an interview given in confidence) is never public (sources/create.ts).
    check('sources_confidential_not_public', sql`not (${t.confidential} and ${t.visibility} = 'public')`),
  ],
);

export const SUBJECT_TYPES = ['agreement', 'event', 'actor', 'counterpart', 'quotation', 'discrepancy', 'activity', 'action_plan', 'succession', 'contact_surface'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

// Any fact can cite any number of sources.
export const citations = pgTable(
  'citations',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id').notNull().references(() => sources.id),
    subjectType: text('subject_type').$type<SubjectType>().notNull(),
    subjectId: integer('subject_id').notNull(),
    passage: text('passage'),
    // Ortsband's English of a passage in another language; the passage stays the source's words (migration 0027).
    passageEn: text('passage_en'),
  },
  (t) => [
    index('citations_subject_idx').on(t.subjectType, t.subjectId),
    index('citations_source_idx').on(t.sourceId),
    oneOf('citations', t.subjectType, SUBJECT_TYPES),
  ],
);

// A document itself (a scanned protocol, the agreement's text as a PDF),
// attached to a source, an agreement or a network's meeting (exactly one;
// a meeting's agenda and minutes as files, migration 0044), and kept in the
// database: several server processes share one PostgreSQL database, not a
// data folder (migration 0020). It is read with the record it belongs to,
// and an anonymous visitor gets it only when that record is public and an
// editor marked the document public too (documents/read.ts,
// docs/visibility.md).
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** The largest document kept: a scanned protocol of many pages fits. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    sourceId: integer('source_id').references(() => sources.id),
    agreementId: integer('agreement_id').references(() => agreements.id),
    // A meeting's documents are read by the network's members only, never the public (documents/read.ts).
    networkMeetingId: integer('network_meeting_id').references((): AnyPgColumn => networkMeetings.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').$type<DocumentType>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    // Public only when an editor says so, and then only while its record is public.
    public: boolean('public').notNull().default(false),
    // The owner of the record it belongs to, and who added it (their e-mail address, as the audit log names them).
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    addedBy: text('added_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('documents_source_idx').on(t.sourceId),
    index('documents_agreement_idx').on(t.agreementId),
    index('documents_network_meeting_idx').on(t.networkMeetingId),
    oneOf('documents', t.mediaType, DOCUMENT_TYPES),
    check('documents_one_record', sql`num_nonnulls(${t.sourceId}, ${t.agreementId}, ${t.networkMeetingId}) = 1`),
    // The public never reads a meeting's document: it is not marked public.
    check('documents_meeting_not_public', sql`${t.networkMeetingId} is null or not ${t.public}`),
    check('documents_size', sql`${t.sizeBytes} = octet_length(${t.content}) and ${t.sizeBytes} between 1 and ${sql.raw(String(DOCUMENT_MAX_BYTES))}`),
    check('documents_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

// The people to contact about an agreement at the body that holds it.
// Personal data: never public, never exported, never in the API; read only by
// the owning organisation's signed-in people and administrators
// (contacts/list.ts, docs/visibility.md).
export const contactPersons = pgTable(
  'contact_persons',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contact_persons_agreement_idx').on(t.agreementId)],
);

export const quotations = pgTable(
  'quotations',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => statusEvents.id),
    text: text('text').notNull(),
    language: text('language').notNull().default('sv'),
    textEn: text('text_en'), // Ortsband's English translation; the quotation is `text`
    speakerRole: text('speaker_role'), // public: "kommunfullmäktige", "a local politician"
    speakerRoleEn: text('speaker_role_en'),
    speakerName: text('speaker_name'), // personal data: never on public pages or the public API
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
    createdAt: createdAt(),
  },
  (t) => [
    index('quotations_agreement_idx').on(t.agreementId),
    knownLanguage('quotations', t.language),
    knownVisibility('quotations', t.visibility),
  ],
);

// Where sources disagree (the report's text and its table), both values are
// kept here with their citations, and shown on the record's page.
export const discrepancies = pgTable(
  'discrepancies',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    field: text('field').notNull(), // e.g. "established", "deciding_body"
    recordedValue: text('recorded_value').notNull(), // the value the register uses
    otherValue: text('other_value').notNull(),
    // The two values in English where they are words (migration 0027).
    recordedValueEn: text('recorded_value_en'),
    otherValueEn: text('other_value_en'),
    explanationSv: text('explanation_sv').notNull(),
    explanationEn: text('explanation_en').notNull(),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
  },
  (t) => [index('discrepancies_agreement_idx').on(t.agreementId), knownVisibility('discrepancies', t.visibility)],
);

export const ACTIVITY_KINDS = ['visit_outgoing', 'visit_incoming', 'meeting', 'meeting_digital', 'project', 'exchange', 'event'] as const;
// What an activity cost, by category, and who paid (issue: follow-up, point 1).
export const COST_CATEGORIES = ['travel', 'hospitality', 'project', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const FUNDING_SOURCES = ['own_budget', 'icld_sida', 'eu', 'counterpart', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
// Who took part, by group, as counts (names stay in `participants`, for signed-in readers).
export const PARTICIPANT_GROUPS = ['politicians', 'officials', 'companies', 'education', 'students'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * The latest day an activity can have taken place, from its date as written
 * (EDTF) and its earliest day: the day itself, the end of its month, the end
 * of its year; for any other form (an interval, an approximate date) its
 * earliest day, as no later day is known without parsing it.
 */
export const latestDayOf = (date: SQL | AnyPgColumn, dateMin: SQL | AnyPgColumn) =>
  sql`(case when ${date} ~ '^[0-9]{4}-[0-9]{2}$' then (${dateMin} + interval '1 month' - interval '1 day')::date when ${date} ~ '^[0-9]{4}$' then (${dateMin} + interval '1 year' - interval '1 day')::date else ${dateMin} end)`;
/** An activity's days from the earliest to the latest, as a range: the expression of activities_visits_period_idx. */
export const visitPeriodOf = (date: SQL | AnyPgColumn, dateMin: SQL | AnyPgColumn) => sql`daterange(${dateMin}, ${latestDayOf(date, dateMin)}, '[]')`;

export const activities = pgTable(
  'activities',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ActivityKind>().notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    date: text('date').notNull(), // EDTF
    dateMin: date('date_min'),
    participants: text('participants'),
    participantsEn: text('participants_en'),
    purpose: text('purpose'),
    purposeEn: text('purpose_en'),
    outcome: text('outcome'),
    outcomeEn: text('outcome_en'),
    // The whole cost; with a breakdown, the sum of its categories (activities/create.ts).
    costSek: integer('cost_sek'),
    costTravelSek: integer('cost_travel_sek'),
    costHospitalitySek: integer('cost_hospitality_sek'),
    costProjectSek: integer('cost_project_sek'),
    costOtherSek: integer('cost_other_sek'),
    funding: text('funding').array().$type<FundingSource[]>().notNull().default(sql`'{}'::text[]`),
    participantsPoliticians: integer('participants_politicians'),
    participantsOfficials: integer('participants_officials'),
    participantsCompanies: integer('participants_companies'),
    participantsEducation: integer('participants_education'),
    participantsStudents: integer('participants_students'),
    // An incoming delegation's own name and its leading persons (personal data, like `participants`:
    // signed-in readers only), and both normalised (coordination/delegation-names.ts) for the delegation
    // warnings, which find others' activities naming the same by the GIN index (migration 0038).
    delegationName: text('delegation_name'),
    delegationPersons: text('delegation_persons').array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    delegationKeys: text('delegation_keys').array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    // Every place the activity concerns: its agreement's places (agreements.place_ids) and its own Chinese
    // places with every place they lie in. Kept by triggers on activities, activity_places, agreements and
    // counterparts (migration 0042), whatever writes them (a verb, an import, a restore); the delegation
    // warnings find others' activities in the same places by its GIN index (coordination/delegations.ts).
    placeIds: integer('place_ids').array().$type<number[]>().notNull().default(sql`'{}'::int[]`),
    // Each of those places with the month of the earliest day, as one number (place_month_keys in migration 0042),
    // kept with them: a GIN lookup of a few places × a few months finds the activities near a visit in place and time.
    placeMonths: bigint('place_months', { mode: 'number' }).array().$type<number[]>().notNull().default(sql`'{}'::bigint[]`),
    // The action-plan goal the activity serves: a goal of a plan that serves the activity's agreement (action-plans/link.ts).
    actionPlanGoalId: integer('action_plan_goal_id').references((): AnyPgColumn => actionPlanGoals.id, { onDelete: 'set null' }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
    // Moves with every change, so that a form opened before another's change is refused (migration 0032).
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_agreement_idx').on(t.agreementId, t.dateMin),
    // The visits of a kind in a period, for the calendar and the coordinators' overviews (migration 0040).
    index('activities_kind_day_idx').on(t.kind, t.dateMin),
    // The visits whose days overlap a period (the calendar's month: calendar/visits.ts), by their days as a range.
    index('activities_visits_period_idx').using('gist', visitPeriodOf(t.date, t.dateMin)).where(sql`${t.kind} in ('visit_outgoing', 'visit_incoming')`),
    // An organisation's internal visits, which the calendar reads per request beside the kept common part (calendar/visits.ts).
    index('activities_internal_visits_idx')
      .on(t.organisationId, t.dateMin)
      .where(sql`${t.visibility} = 'internal' and ${t.kind} in ('visit_outgoing', 'visit_incoming')`),
    index('activities_action_plan_goal_idx').on(t.actionPlanGoalId),
    index('activities_delegation_keys_idx').using('gin', t.delegationKeys),
    index('activities_place_months_idx').using('gin', t.placeMonths),
    oneOf('activities', t.kind, ACTIVITY_KINDS),
    check('activities_funding_known', sql`${t.funding} <@ array[${literals(FUNDING_SOURCES)}]::text[]`),
    check(
      'activities_amounts_not_negative',
      sql`least(${t.costSek}, ${t.costTravelSek}, ${t.costHospitalitySek}, ${t.costProjectSek}, ${t.costOtherSek}, ${t.participantsPoliticians}, ${t.participantsOfficials}, ${t.participantsCompanies}, ${t.participantsEducation}, ${t.participantsStudents}) >= 0`,
    ),
    knownVisibility('activities', t.visibility),
  ],
);

// The further agreements an activity serves beside its own (agreement_id,
// under which it is recorded and whose organisation keeps it): one trip, one
// record, on every agreement's page (migration 0031).
export const activityAgreements = pgTable(
  'activity_agreements',
  {
    activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.agreementId] }), index('activity_agreements_agreement_idx').on(t.agreementId)],
);

// Where an activity took place, from the register: Swedish bodies (actors,
// a municipality or region standing for its place) and Chinese places
// (counterparts), each row exactly one of the two (migration 0031). Read
// only where the reader may read the actor or place itself.
export const activityPlaces = pgTable(
  'activity_places',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => actors.id),
    counterpartId: integer('counterpart_id').references(() => counterparts.id),
  },
  (t) => [
    index('activity_places_activity_idx').on(t.activityId),
    // Others' activities at a place, for the delegation warnings (coordination/delegations.ts; migration 0033).
    index('activity_places_counterpart_idx').on(t.counterpartId),
    uniqueIndex('activity_places_actor_key').on(t.activityId, t.actorId),
    uniqueIndex('activity_places_counterpart_key').on(t.activityId, t.counterpartId),
    check('activity_places_one_place', sql`num_nonnulls(${t.actorId}, ${t.counterpartId}) = 1`),
  ],
);

// An invitation a body received from China (to a fair, a forum, a visit):
// the same one often reaches many bodies, who may not know of each other.
// Recorded with who sent it, the Chinese place it comes from, what and when
// it invites to, and the Swedish bodies known to have received it too
// (received_invitation_recipients); others' invitations near it in sender, place and
// time are shown beside it (coordination/received-invitations.ts; migration 0035).
export const receivedInvitations = pgTable(
  'received_invitations',
  {
    id: serial('id').primaryKey(),
    receivedOn: date('received_on').notNull(),
    sender: text('sender').notNull(),
    counterpartId: integer('counterpart_id').references(() => counterparts.id),
    subject: text('subject').notNull(),
    // What it invites to happens then (EDTF), or is not known.
    eventDate: text('event_date'),
    eventDateMin: date('event_date_min'),
    eventDateMax: date('event_date_max'),
    note: text('note'),
    // The delegation it announces and its leading persons, as on an activity (migration 0038).
    delegationName: text('delegation_name'),
    delegationPersons: text('delegation_persons').array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    delegationKeys: text('delegation_keys').array().$type<string[]>().notNull().default(sql`'{}'::text[]`),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
    createdAt: createdAt(),
  },
  (t) => [
    index('received_invitations_organisation_idx').on(t.organisationId, t.receivedOn),
    index('received_invitations_counterpart_idx').on(t.counterpartId),
    index('received_invitations_delegation_keys_idx').using('gin', t.delegationKeys),
    index('received_invitations_day_idx').on(sql`coalesce(${t.eventDateMin}, ${t.receivedOn})`),
    knownVisibility('received_invitations', t.visibility),
  ],
);

export const receivedInvitationRecipients = pgTable(
  'received_invitation_recipients',
  {
    invitationId: integer('invitation_id').notNull().references(() => receivedInvitations.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').notNull().references(() => actors.id),
  },
  (t) => [primaryKey({ columns: [t.invitationId, t.actorId] }), index('received_invitation_recipients_actor_idx').on(t.actorId)],
);

// Contact surfaces: ties with China beyond agreements that the report asks
// to map (issue 21, part 3): Chinese investment and ownership in Swedish
// companies and property, Chinese firms in public procurement, local firms
// trading with China, university, school and research cooperation, Confucius
// institutes and classrooms, incidents of information influence or pressure.
// Each is linked to Swedish bodies (contact_surface_actors) and Chinese
// places (contact_surface_places) and cites sources (citations of subject
// type contact_surface). The map and the statistics count them per county
// and province in the database (contact-surfaces/counts.ts), by the link
// tables' indexes; no surface is read one by one for them.
export const CONTACT_SURFACE_KINDS = ['investment', 'procurement', 'trade', 'academic', 'confucius', 'influence'] as const;
export type ContactSurfaceKind = (typeof CONTACT_SURFACE_KINDS)[number];

export const contactSurfaces = pgTable(
  'contact_surfaces',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<ContactSurfaceKind>().notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    description: text('description'),
    descriptionEn: text('description_en'),
    // When it began or happened (EDTF), and when it ended, if it did.
    date: text('date'),
    dateMin: date('date_min'),
    endDate: text('end_date'),
    // Caches of the links, for counting per county and province without
    // joining them (contact-surfaces/refresh-areas.ts): the counties of its
    // Swedish bodies and the top-level places (provinces) of its Chinese
    // places, made only of links that everyone who may read the surface may
    // read, as an agreement's caches are (docs/visibility.md).
    countyCodes: text('county_codes').array().notNull().default(sql`'{}'::text[]`),
    provinceIds: integer('province_ids').array().notNull().default(sql`'{}'::integer[]`),
    ...ownedRecord(),
  },
  (t) => [
    index('contact_surfaces_kind_idx').on(t.kind, t.visibility),
    // The list's order, newest first (contact-surfaces/read.ts).
    index('contact_surfaces_date_idx').on(t.dateMin.desc().nullsLast(), t.id.desc()),
    index('contact_surfaces_organisation_idx').on(t.organisationId),
    oneOf('contact_surfaces', t.kind, CONTACT_SURFACE_KINDS),
    knownVisibility('contact_surfaces', t.visibility),
  ],
);

export const contactSurfaceActors = pgTable(
  'contact_surface_actors',
  {
    surfaceId: integer('surface_id').notNull().references(() => contactSurfaces.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').notNull().references(() => actors.id),
  },
  // (actor, surface): an actor's page and the count per county read the links by actor.
  (t) => [primaryKey({ columns: [t.surfaceId, t.actorId] }), index('contact_surface_actors_actor_idx').on(t.actorId, t.surfaceId)],
);

export const contactSurfacePlaces = pgTable(
  'contact_surface_places',
  {
    surfaceId: integer('surface_id').notNull().references(() => contactSurfaces.id, { onDelete: 'cascade' }),
    counterpartId: integer('counterpart_id').notNull().references(() => counterparts.id),
  },
  (t) => [primaryKey({ columns: [t.surfaceId, t.counterpartId] }), index('contact_surface_places_counterpart_idx').on(t.counterpartId, t.surfaceId)],
);

// Delegation warnings by e-mail (coordination/warn-by-mail.ts). A visit or
// an invitation saved waits in `delegation_checks` until the mail job has
// looked for its overlaps; each overlap (the two records, in a fixed order)
// is mailed to each recipient once: the unique key of
// `delegation_warnings_sent`, written in the transaction that sends.
export const DELEGATION_RECORD_KINDS = ['activity', 'invitation'] as const;
export type DelegationRecordKind = (typeof DELEGATION_RECORD_KINDS)[number];

export const delegationChecks = pgTable(
  'delegation_checks',
  {
    recordKind: text('record_kind').$type<DelegationRecordKind>().notNull(),
    recordId: integer('record_id').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recordKind, t.recordId] }), oneOf('delegation_checks', t.recordKind, DELEGATION_RECORD_KINDS)],
);

export const delegationWarningsSent = pgTable(
  'delegation_warnings_sent',
  {
    id: serial('id').primaryKey(),
    // The overlap: two records, the lesser key ('activity:12' < 'invitation:3') first.
    firstKind: text('first_kind').$type<DelegationRecordKind>().notNull(),
    firstId: integer('first_id').notNull(),
    secondKind: text('second_kind').$type<DelegationRecordKind>().notNull(),
    secondId: integer('second_id').notNull(),
    recipient: text('recipient').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('delegation_warnings_sent_once').on(t.firstKind, t.firstId, t.secondKind, t.secondId, t.recipient),
    oneOf('delegation_warnings_sent', t.firstKind, DELEGATION_RECORD_KINDS),
    oneOf('delegation_warnings_sent', t.secondKind, DELEGATION_RECORD_KINDS),
  ],
);

// The basis of a decision to start, renew, pause or end an agreement, kept
// with the status event that records the decision: one row per version (an
// earlier version is never changed), each with what the register said when
// it was saved (`register`: the agreement's activity by year, the other
// Swedish agreements with the same counterpart or province, their statuses
// and the reasons given for ending them), frozen so that the annex prints
// what the decision stood on. Read only by the owning organisation's people
// (canReadDecisionBasis in access.ts; migration 0039).
// The levels of a decision basis's risk grading (migration 0047): each area
// (domain/decisions/schemas.ts, RISK_AREAS) is graded at one of them with a
// short justification, and a high level is never left unjustified.
export const RISK_LEVELS = ['not_assessed', 'low', 'moderate', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const decisionBases = pgTable(
  'decision_bases',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id').notNull().references(() => statusEvents.id, { onDelete: 'cascade' }),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    purpose: text('purpose').notNull(),
    expectedBenefit: text('expected_benefit'),
    costsSoFarSek: integer('costs_so_far_sek'),
    costsPlannedSek: integer('costs_planned_sek'),
    costsNote: text('costs_note'),
    counterpartDescription: text('counterpart_description'),
    democracyHumanRights: text('democracy_human_rights'),
    securityAdviceSought: boolean('security_advice_sought').notNull(),
    securityAdviceFrom: text('security_advice_from'),
    personalData: text('personal_data'),
    exportControl: text('export_control'),
    riskDemocracyHumanRightsLevel: text('risk_democracy_human_rights_level').$type<RiskLevel>().notNull().default('not_assessed'),
    riskDemocracyHumanRightsJustification: text('risk_democracy_human_rights_justification'),
    riskSecurityLevel: text('risk_security_level').$type<RiskLevel>().notNull().default('not_assessed'),
    riskSecurityJustification: text('risk_security_justification'),
    riskPersonalDataLevel: text('risk_personal_data_level').$type<RiskLevel>().notNull().default('not_assessed'),
    riskPersonalDataJustification: text('risk_personal_data_justification'),
    riskExportControlLevel: text('risk_export_control_level').$type<RiskLevel>().notNull().default('not_assessed'),
    riskExportControlJustification: text('risk_export_control_justification'),
    riskReputationLevel: text('risk_reputation_level').$type<RiskLevel>().notNull().default('not_assessed'),
    riskReputationJustification: text('risk_reputation_justification'),
    riskFinancesLevel: text('risk_finances_level').$type<RiskLevel>().notNull().default('not_assessed'),
    riskFinancesJustification: text('risk_finances_justification'),
    register: jsonb('register').notNull(),
    savedBy: text('saved_by').notNull(),
    comment: text('comment'),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('decision_bases_event_version').on(t.eventId, t.version),
    index('decision_bases_agreement_idx').on(t.agreementId),
    check('decision_bases_costs_not_negative', sql`least(${t.costsSoFarSek}, ${t.costsPlannedSek}) >= 0`),
    check('decision_bases_advice_from_when_sought', sql`${t.securityAdviceSought} or ${t.securityAdviceFrom} is null`),
    oneOf('decision_bases', t.riskDemocracyHumanRightsLevel, RISK_LEVELS),
    oneOf('decision_bases', t.riskSecurityLevel, RISK_LEVELS),
    oneOf('decision_bases', t.riskPersonalDataLevel, RISK_LEVELS),
    oneOf('decision_bases', t.riskExportControlLevel, RISK_LEVELS),
    oneOf('decision_bases', t.riskReputationLevel, RISK_LEVELS),
    oneOf('decision_bases', t.riskFinancesLevel, RISK_LEVELS),
    check(
      'decision_bases_high_risk_justified',
      sql`(${t.riskDemocracyHumanRightsLevel} <> 'high' or ${t.riskDemocracyHumanRightsJustification} is not null)
        and (${t.riskSecurityLevel} <> 'high' or ${t.riskSecurityJustification} is not null)
        and (${t.riskPersonalDataLevel} <> 'high' or ${t.riskPersonalDataJustification} is not null)
        and (${t.riskExportControlLevel} <> 'high' or ${t.riskExportControlJustification} is not null)
        and (${t.riskReputationLevel} <> 'high' or ${t.riskReputationJustification} is not null)
        and (${t.riskFinancesLevel} <> 'high' or ${t.riskFinancesJustification} is not null)`,
    ),
  ],
);

// The knowledge base: guidance articles in Swedish and English, public, each
// with an owner (a user who keeps it; none for the articles shipped with the
// product until someone takes them over), the day it is next to be
// reviewed, and every earlier version in knowledge_article_versions (a save
// copies the article as it was before changing it; migration 0039). The
// topics say which forms link to it (web/knowledge/guidance-links.tsx); a
// withdrawn article keeps its page and history but leaves the list, the
// forms' links and the reminders (migration 0043).
export const KNOWLEDGE_TOPICS = ['decision_basis', 'delegation_warning', 'new_agreement'] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];

export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en').notNull(),
    bodySv: text('body_sv').notNull(),
    bodyEn: text('body_en').notNull(),
    // Where its content comes from (a seed document, a law), as the reader may check it.
    sourceNote: text('source_note'),
    ownerId: integer('owner_id').references(() => users.id),
    // The organisation that keeps it: the owner's when a person is named
    // (the verbs set it so), or one an import named without a person (the
    // exchange files name an organisation, never a person; migration 0050).
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id),
    reviewOn: date('review_on').notNull(),
    topics: text('topics').array().$type<KnowledgeTopic[]>().notNull().default(sql`'{}'::text[]`),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('knowledge_articles_topics_known', sql`${t.topics} <@ array[${literals(KNOWLEDGE_TOPICS)}]::text[]`)],
);

export const knowledgeArticleVersions = pgTable(
  'knowledge_article_versions',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id').notNull().references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en').notNull(),
    bodySv: text('body_sv').notNull(),
    bodyEn: text('body_en').notNull(),
    sourceNote: text('source_note'),
    ownerId: integer('owner_id').references(() => users.id),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id),
    reviewOn: date('review_on').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('knowledge_article_versions_article_version').on(t.articleId, t.version)],
);

export const FOLLOW_UP_STATES = ['open', 'done', 'dropped'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

// What an activity left to do: raised at a visit or a meeting, owned by an
// editor of the organisation, due on a day, and open until it is done or
// dropped (with a comment). Internal to the organisation: never public,
// never exported to open data; read by its signed-in people and
// administrators (follow-up/list.ts, docs/visibility.md).
export const followUpPoints = pgTable(
  'follow_up_points',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerId: integer('owner_id').notNull().references(() => users.id),
    dueOn: date('due_on').notNull(),
    state: text('state').$type<FollowUpState>().notNull().default('open'),
    stateComment: text('state_comment'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('follow_up_points_activity_idx').on(t.activityId),
    // An agreement's points, on its activities page (migration 0030).
    index('follow_up_points_agreement_idx').on(t.agreementId),
    index('follow_up_points_owner_idx').on(t.ownerId, t.state, t.dueOn),
    index('follow_up_points_organisation_idx').on(t.organisationId, t.state, t.dueOn),
    oneOf('follow_up_points', t.state, FOLLOW_UP_STATES),
  ],
);

// An action plan: what an agreement's organisation means to do in a period,
// per thematic area, and at its review what came of it. It serves its
// agreement (agreement_id) and may serve further ones
// (action_plan_agreements); `version` moves with every change to the plan or
// its goals, so a review form opened before another change is stale.
export const actionPlans = pgTable(
  'action_plans',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    periodFrom: text('period_from').notNull(), // EDTF
    periodTo: text('period_to').notNull(),
    note: text('note'),
    noteEn: text('note_en'),
    responsibleUnit: text('responsible_unit'),
    budgetSek: integer('budget_sek'),
    // The review: the day it was made and what it concluded; each goal's outcome is the goal's.
    reviewedOn: date('reviewed_on'),
    reviewNote: text('review_note'),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    visibility: visibility(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // An agreement's plans, on its page (migration 0030: the page read all the register's plans without it).
  (t) => [
    index('action_plans_agreement_idx').on(t.agreementId),
    // An organisation's plans not yet reviewed: the overview's review reminders (reminders/due.ts), without reading every plan.
    index('action_plans_unreviewed_idx').on(t.organisationId).where(sql`${t.reviewedOn} is null`),
    knownVisibility('action_plans', t.visibility), check('action_plans_budget_sek_not_negative', sql`${t.budgetSek} >= 0`)],
);

// The further agreements a plan serves, besides its own (action_plans.agreement_id).
export const actionPlanAgreements = pgTable(
  'action_plan_agreements',
  {
    actionPlanId: integer('action_plan_id').notNull().references(() => actionPlans.id, { onDelete: 'cascade' }),
    agreementId: integer('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actionPlanId, t.agreementId] }), index('action_plan_agreements_agreement_idx').on(t.agreementId)],
);

/** How a goal was judged at the plan's review; 'not_assessed' until then. */
export const GOAL_ASSESSMENTS = ['met', 'partly_met', 'not_met', 'not_assessed'] as const;
export type GoalAssessment = (typeof GOAL_ASSESSMENTS)[number];

export const actionPlanGoals = pgTable(
  'action_plan_goals',
  {
    id: serial('id').primaryKey(),
    actionPlanId: integer('action_plan_id').notNull().references(() => actionPlans.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
    themeEn: text('theme_en'),
    goal: text('goal').notNull(),
    goalEn: text('goal_en'),
    followUp: text('follow_up'),
    indicator: text('indicator'),
    plannedActivities: text('planned_activities'),
    outcome: text('outcome'),
    assessment: text('assessment').$type<GoalAssessment>().notNull().default('not_assessed'),
    assessmentNote: text('assessment_note'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('action_plan_goals_plan_idx').on(t.actionPlanId, t.sortOrder), oneOf('action_plan_goals', t.assessment, GOAL_ASSESSMENTS)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorLabel: text('actor_label').notNull(), // user subject or "seed", "import"
    organisationId: integer('organisation_id'),
    action: text('action').notNull(), // "agreement.create", "status.record"
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    // The data version this change made (audit.ts bumps it first, so it is
    // unique to the transaction and in commit order): what a cache that read
    // the register at version v re-reads is every entry after v.
    dataVersion: bigint('data_version', { mode: 'number' }),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_data_version_idx').on(t.dataVersion),
    // A removed activity's or plan's entries, by the agreement it was under (history/agreement-history.ts; migration 0034).
    index('audit_log_removed_idx')
      .on(sql`(coalesce(${t.before}->>'agreementId', ${t.before}->'plan'->>'agreementId'))`)
      .where(sql`${t.action} in ('activity.remove', 'action_plan.remove')`),
  ],
);

// One row, bumped in the transaction of every change (audit.ts): whatever was
// read at one version is still true while the version is the same.
export const dataVersion = pgTable('data_version', {
  id: integer('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
}, (t) => [check('data_version_single_row', sql`${t.id} = 1`)]);

export const NETWORK_KINDS = ['county', 'regional', 'national', 'other'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

// A network of bodies (Region Skåne's China network, a county's network, a
// national one): convened by one organisation, with member organisations,
// meetings (about two a year) and notes. The network, its members and its
// meetings' dates, places and agendas are read by its visibility, and by its
// members whatever it is; minutes and notes by its members only
// (access.ts canReadNetworkInside; docs/coordination.md).
export const networks = pgTable(
  'networks',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').$type<NetworkKind>().notNull(),
    // The county (länskod) a county's or a region's network serves, if any.
    countyCode: text('county_code'),
    // The day the network ended, if it has: it stays, read as before, but takes no new members, meetings or notes.
    endedOn: date('ended_on'),
    // organisation_id: the convening organisation, whose coordinators keep the network.
    ...ownedRecord(),
  },
  (t) => [
    index('networks_organisation_idx').on(t.organisationId),
    index('networks_county_idx').on(t.countyCode),
    oneOf('networks', t.kind, NETWORK_KINDS),
    check('networks_county_code_format', sql`${t.countyCode} ~ '^[0-9]{2}$'`),
    knownVisibility('networks', t.visibility),
  ],
);

// The member organisations of a network; the convening one is a member without a row.
export const networkMembers = pgTable(
  'network_members',
  {
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.organisationId] }), index('network_members_organisation_idx').on(t.organisationId)],
);

// A meeting of a network: when (EDTF, at the precision known), where, its
// agenda (read with the network) and its minutes (members only).
export const networkMeetings = pgTable(
  'network_meetings',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    heldOn: text('held_on').notNull(),
    heldMin: date('held_min').notNull(),
    heldMax: date('held_max').notNull(),
    place: text('place'),
    agenda: text('agenda'),
    minutes: text('minutes'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('network_meetings_network_idx').on(t.networkId, t.heldMin)],
);

// A note shared inside a network: read by its members only, written by their
// editors and coordinators; organisation_id is the writer's organisation.
export const networkNotes = pgTable(
  'network_notes',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id').notNull().references(() => networks.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').notNull().references(() => organisations.id),
    // Who wrote it, as the audit log names them (their e-mail address).
    writtenBy: text('written_by').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('network_notes_network_idx').on(t.networkId, t.createdAt)],
);
