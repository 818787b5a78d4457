// Editing agreements in the browser: make one, change one, record a status
// event, read the history. A form is a verb and a page: GET renders it, POST
// calls the verb and redirects to the agreement (post/redirect/get), or
// renders the same form again with what was typed and the verb's problems.
// A "Sök" button in the same form re-renders it with the matches to tick,
// so that nothing here needs JavaScript.
//
// Who may: an anonymous visitor is sent to sign in and back (requireSignedIn); a signed-in person who
// may not change the agreement gets the verb's FORBIDDEN (403), and one who
// may not read it NOT_FOUND (404), from the app's error page.
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../../db/client.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import { canReadDecisionBasis, canWrite, requireWrite } from '../../domain/access.ts';
import { decisionKindOf } from '../../domain/decisions/kinds.ts';
import { changeAgreement, type SavedAgreement } from '../../domain/agreements/change.ts';
import {
  actorsBySlug,
  findActors,
  findPlaces,
  findSources,
  listAgreementKinds,
  placesBySlug,
  sourcesBySlug,
  type ActorChoice,
  type PlaceChoice,
  type SourceChoice,
} from '../../domain/agreements/choices.ts';
import { createAgreement } from '../../domain/agreements/create.ts';
import type { ChangeAgreementInput, CreateAgreementInput } from '../../domain/agreements/schemas.ts';
import type { RecordEventInput } from '../../domain/status/schemas.ts';
import { AGREEMENT_FIELDS, agreementForEditing, sameValue, type AgreementFields } from '../../domain/agreements/editable.ts';
import { freeAgreementSlug } from '../../domain/agreements/slug.ts';
import type { Context } from '../../domain/context.ts';
import { DomainError, type FieldProblem } from '../../domain/errors.ts';
import { agreementHistory, type HistoryEntry } from '../../domain/history/agreement-history.ts';
import { recordStatusEvent } from '../../domain/status/record-event.ts';
import { requireFormToken, sameOriginOnly } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import type { Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { AgreementFormPage, type ConflictView } from './agreement-form.tsx';
import type { RenewalDates } from '../../domain/agreements/renewal-dates.ts';
import { storedRenewalDates } from '../../domain/agreements/stored-renewal.ts';
import { todayInStockholm } from '../format.ts';
import type { PartyRow, PlaceRow, SearchNote, SourceRow } from './choices.tsx';
import { EventFormPage } from './event-form.tsx';
import { emptyEvent, eventFieldId, eventInput, eventTyped, type EventTyped } from './event-state.ts';
import { agreementInput, agreementTyped, agreementTypedFrom, versionOf, type AgreementTyped, type Body } from './form-state.ts';
import { HistoryPage } from './history-page.tsx';
import { titleOf } from './title.ts';
import { sayProblem } from './messages.ts';
import { readForm } from '../../http/form-body.ts';
import { articlesOnTopic } from '../../domain/knowledge/articles.ts';

// Any slug: the verbs find the agreement or answer NOT_FOUND.
const SLUG = ':slug';

/** Pages for one person: never kept by a shared cache. */
const forOnePerson = (response: Response) => {
  response.headers.set('cache-control', 'no-store');
  return response;
};

const translate = (lang: Lang, problems: FieldProblem[]) => problems.map((p) => ({ ...p, message: sayProblem(lang, p.message) }));

/** Rows kept after a search: the ticked ones, then what was found that is not among them (unticked). */
function withFound<R>(rows: R[], keep: (r: R) => boolean, key: (r: R) => string, found: string[], make: (slug: string) => R): R[] {
  const kept = rows.filter(keep);
  const have = new Set(kept.map(key));
  return [...kept, ...found.filter((s) => !have.has(s)).map(make)];
}

async function search<T extends { slug: string }>(lang: Lang, query: string, find: (q: string) => Promise<{ found: T[]; more: boolean }>): Promise<{ found: T[]; note?: SearchNote }> {
  const q = query.trim().slice(0, 200);
  if (!q) return { found: [], note: { message: sayProblem(lang, 'write something to search for') } };
  const { found, more } = await find(q);
  if (!found.length) return { found, note: { message: sayProblem(lang, `nothing found for '${q}'`) } };
  const sv = lang === 'sv';
  return { found, note: { message: sv ? `${found.length} träffar för ”${q}”, tillagda utan kryss nedan i listan.` : `${found.length} matches for “${q}”, added unticked to the list above.`, more } };
}

export function editingRoutes(database: Database) {
  const web = new Hono();
  web.use('/avtal/*', sameOriginOnly());
  const contextOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  // ---- The agreement form (create and change) ----

  async function renderAgreementForm(
    c: HonoContext,
    signedIn: SignedIn,
    state: { typed: AgreementTyped; agreement?: { slug: string; title: string }; version?: number; problems?: FieldProblem[]; actorNote?: SearchNote; placeNote?: SearchNote; conflict?: ConflictView; extraActors?: ActorChoice[]; extraPlaces?: PlaceChoice[]; renewal?: { dates: RenewalDates; today: string } },
    status: 200 | 400 | 403 | 404 | 409 = 200,
  ) {
    const ctx = contextOf(c);
    const lang = langOf(c);
    const { typed } = state;
    const [kinds, actors, places, guidance] = await Promise.all([
      listAgreementKinds(ctx),
      actorsBySlug(ctx, typed.parties.map((p) => p.actor)),
      placesBySlug(ctx, typed.places.map((p) => p.slug)),
      state.agreement ? [] : articlesOnTopic(ctx, 'new_agreement'),
    ]);
    c.status(status);
    return forOnePerson(
      await c.html(
        <AgreementFormPage
          lang={lang}
          account={signedIn.displayName}
          csrf={signedIn.csrfToken}
          agreement={state.agreement}
          guidance={guidance}
          version={state.version}
          typed={typed}
          kinds={kinds}
          actors={new Map([...actors, ...(state.extraActors ?? [])].map((a) => [a.slug, a]))}
          places={new Map([...places, ...(state.extraPlaces ?? [])].map((p) => [p.slug, p]))}
          problems={translate(lang, state.problems ?? [])}
          actorNote={state.actorNote}
          placeNote={state.placeNote}
          conflict={state.conflict}
          renewal={state.renewal}
        />,
      ),
    );
  }

  /** A "Sök" in the agreement form: the matches of each search field that has text, added to its list. */
  async function searchAgreementChoices(c: HonoContext, typed: AgreementTyped) {
    const ctx = contextOf(c);
    const lang = langOf(c);
    const out: { typed: AgreementTyped; actorNote?: SearchNote; placeNote?: SearchNote } = { typed: { ...typed } };
    if (typed.actorQuery.trim()) {
      const { found, note } = await search(lang, typed.actorQuery, (q) => findActors(ctx, q));
      out.typed.parties = withFound<PartyRow>(typed.parties, (p) => p.keep, (p) => p.actor, found.map((a) => a.slug), (actor) => ({ actor, role: typed.parties.some((p) => p.keep && p.role === 'party') ? 'original_signatory' : 'party', note: '', noteEn: '', keep: false }));
      out.actorNote = note;
    } else out.typed.parties = typed.parties.filter((p) => p.keep);
    if (typed.placeQuery.trim()) {
      const { found, note } = await search(lang, typed.placeQuery, (q) => findPlaces(ctx, q));
      out.typed.places = withFound<PlaceRow>(typed.places, (p) => p.keep, (p) => p.slug, found.map((p) => p.slug), (slug) => ({ slug, keep: false }));
      out.placeNote = note;
    } else out.typed.places = typed.places.filter((p) => p.keep);
    if (!typed.actorQuery.trim() && !typed.placeQuery.trim()) out.actorNote = { message: sayProblem(lang, 'write something to search for') };
    return out;
  }

  web.get('/avtal/ny', async (c) => {
    const signedIn = requireSignedIn(c);
    requireWrite(contextOf(c), signedIn.organisationId);
    return renderAgreementForm(c, signedIn, { typed: { ...agreementTypedFrom(emptyAgreement()), visibility: 'public' } });
  });

  web.post('/avtal/ny', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = (await readForm(c)) as Body;
    requireFormToken(c, form);
    const ctx = contextOf(c);
    requireWrite(ctx, signedIn.organisationId);
    const typed = agreementTyped(form);
    if (form.action !== 'save') return renderAgreementForm(c, signedIn, await searchAgreementChoices(c, typed));
    const input = agreementInput(typed);
    try {
      const slug = typed.slug.trim() || (await freeAgreementSlug(ctx, input));
      // As typed: the verb's schema checks every value (a role or kind not in its list is a problem named by field).
      const row = await createAgreement({ ctx, organisationId: signedIn.organisationId, input: { ...input, slug } as CreateAgreementInput });
      return forOnePerson(c.redirect(href(langOf(c), `/avtal/${row.slug}`, { sparat: '1' }), 303));
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      const problems = error.problems.length ? error.problems : [{ field: 'slug', message: error.message }];
      return renderAgreementForm(c, signedIn, { typed: { ...typed, parties: typed.parties.filter((p) => p.keep), places: typed.places.filter((p) => p.keep) }, problems }, error.code === 'CONFLICT' ? 409 : 400);
    }
  });

  web.get(`/avtal/${SLUG}/andra`, async (c) => {
    const signedIn = requireSignedIn(c);
    const ctx = contextOf(c);
    const editing = await agreementForEditing({ ctx, slug: c.req.param('slug') });
    const today = todayInStockholm();
    const renewal = { dates: await storedRenewalDates(ctx, editing.id, today), today };
    return renderAgreementForm(c, signedIn, { typed: agreementTypedFrom(editing.fields), agreement: { slug: editing.slug, title: titleOf(editing) }, version: editing.version, renewal });
  });

  web.post(`/avtal/${SLUG}/andra`, async (c) => {
    const signedIn = requireSignedIn(c);
    const form = (await readForm(c)) as Body;
    requireFormToken(c, form);
    const ctx = contextOf(c);
    const slug = c.req.param('slug');
    // Read first: not readable is 404 and not the writer's is 403 before anything typed is looked at.
    const editing = await agreementForEditing({ ctx, slug });
    const agreement = { slug: editing.slug, title: titleOf(editing) };
    const typed = agreementTyped(form);
    const version = versionOf(form);
    const shownVersion = typeof version === 'number' ? version : editing.version;
    if (form.action !== 'save') return renderAgreementForm(c, signedIn, { ...(await searchAgreementChoices(c, typed)), agreement, version: shownVersion });
    const input = agreementInput(typed);
    const keptTyped = { ...typed, parties: typed.parties.filter((p) => p.keep), places: typed.places.filter((p) => p.keep) };
    try {
      await changeAgreement({ ctx, slug, input: { ...input, expectedVersion: version } as ChangeAgreementInput });
      return forOnePerson(c.redirect(href(langOf(c), `/avtal/${slug}`, { sparat: '1' }), 303));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'CONFLICT' && error.current) {
        const saved = error.current as SavedAgreement;
        const conflict = await conflictView(ctx, slug, typeof version === 'number' ? version : 0, input, saved.fields);
        // The form now carries the version saved: sending it again saves what it holds, knowingly.
        return renderAgreementForm(c, signedIn, { typed: keptTyped, agreement, version: saved.version, conflict, extraActors: await actorsBySlug(ctx, saved.fields.parties.map((p) => p.actor)), extraPlaces: await placesBySlug(ctx, saved.fields.counterparts) }, 409);
      }
      if (error.code !== 'VALIDATION') throw error;
      return renderAgreementForm(c, signedIn, { typed: keptTyped, agreement, version: shownVersion, problems: error.problems }, 400);
    }
  });

  /** Who saved after `seen`, and each field where what was typed and what they saved differ. */
  async function conflictView(ctx: Context, slug: string, seen: number, typed: Record<string, unknown> | null, saved: AgreementFields | null): Promise<ConflictView> {
    const { entries } = await agreementHistory({ ctx, slug, limit: 50 });
    const newer = entries.filter((e) => e.version === null || e.version > seen);
    const last: HistoryEntry | undefined = newer[0] ?? entries[0];
    const rows =
      typed && saved
        ? AGREEMENT_FIELDS.filter((f) => typed[f] !== undefined && !sameValue(f, typed[f], saved[f])).map((field) => ({ field, yours: typed[field], theirs: saved[field] }))
        : newer.flatMap((e) => e.changes.map((ch) => ({ field: ch.field, yours: null, theirs: ch.after })));
    return { who: last ? (last.name ?? last.who) : '?', at: last?.at ?? null, comment: last?.comment ?? null, rows };
  }

  // ---- The status event form ----

  async function renderEventForm(
    c: HonoContext,
    signedIn: SignedIn,
    state: { editing: Awaited<ReturnType<typeof agreementForEditing>>; typed: EventTyped; version: number; problems?: Array<FieldProblem & { id: string }>; sourceNote?: SearchNote; conflict?: ConflictView; reasonRows?: number; extraSources?: SourceChoice[] },
    status: 200 | 400 | 409 = 200,
  ) {
    const ctx = contextOf(c);
    const lang = langOf(c);
    const sources = await sourcesBySlug(ctx, state.typed.sources.map((s) => s.slug));
    const filledReasons = state.typed.reasons.filter((r) => r.code || r.text.trim()).length;
    c.status(status);
    return forOnePerson(
      await c.html(
        <EventFormPage
          lang={lang}
          account={signedIn.displayName}
          csrf={signedIn.csrfToken}
          agreement={{ slug: state.editing.slug, title: titleOf(state.editing), status: state.editing.currentStatus }}
          version={state.version}
          typed={state.typed}
          sources={new Map([...sources, ...(state.extraSources ?? [])].map((s) => [s.slug, s]))}
          problems={(state.problems ?? []).map((p) => ({ ...p, message: sayProblem(lang, p.message) }))}
          sourceNote={state.sourceNote}
          conflict={state.conflict}
          reasonRows={Math.min(20, Math.max(state.reasonRows ?? 0, state.typed.reasons.length, filledReasons + 1, 2))}
        />,
      ),
    );
  }

  web.get(`/avtal/${SLUG}/handelse`, async (c) => {
    const signedIn = requireSignedIn(c);
    const editing = await agreementForEditing({ ctx: contextOf(c), slug: c.req.param('slug') });
    return renderEventForm(c, signedIn, { editing, typed: emptyEvent(), version: editing.version });
  });

  web.post(`/avtal/${SLUG}/handelse`, async (c) => {
    const signedIn = requireSignedIn(c);
    const form = (await readForm(c)) as Body;
    requireFormToken(c, form);
    const ctx = contextOf(c);
    const lang = langOf(c);
    const slug = c.req.param('slug');
    const editing = await agreementForEditing({ ctx, slug });
    const typed = eventTyped(form);
    const version = versionOf(form);
    const shownVersion = typeof version === 'number' ? version : editing.version;
    if (form.action !== 'save') {
      const next: EventTyped = { ...typed, sources: typed.sources.filter((s) => s.keep) };
      let sourceNote: SearchNote | undefined;
      if (typed.sourceQuery.trim() || form.action === 'find-sources') {
        const { found, note } = await search(lang, typed.sourceQuery, (q) => findSources(ctx, q));
        next.sources = withFound<SourceRow>(typed.sources, (s) => s.keep, (s) => s.slug, found.map((s) => s.slug), (s) => ({ slug: s, passage: '', keep: false }));
        sourceNote = note;
      }
      return renderEventForm(c, signedIn, { editing, typed: next, version: shownVersion, sourceNote, reasonRows: form.action === 'more-reasons' ? typed.reasons.length + 1 : undefined });
    }
    const { input, reasonRow, sourceRow } = eventInput(typed, version);
    const keptTyped = { ...typed, sources: typed.sources.filter((s) => s.keep) };
    // Rows of sources after the unticked ones are dropped: where each kept one is now.
    const keptSourceRow = sourceRow.map((_, k) => k);
    try {
      const event = await recordStatusEvent({ ctx, agreementId: editing.id, input: { ...input, expectedVersion: version } as RecordEventInput });
      // Recording a decision opens its basis, for the organisation that may read it.
      if (decisionKindOf(event.type) && canReadDecisionBasis(ctx.principal, editing)) return forOnePerson(c.redirect(href(lang, `/avtal/${slug}/beslut/${event.id}`, { ny: '1' }), 303));
      return forOnePerson(c.redirect(`${href(lang, `/avtal/${slug}`, { sparat: '1' })}#timeline`, 303));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'CONFLICT' && error.current) {
        const saved = error.current as { version: number };
        const conflict = await conflictView(ctx, slug, typeof version === 'number' ? version : 0, null, null);
        const fresh = await agreementForEditing({ ctx, slug });
        return renderEventForm(c, signedIn, { editing: fresh, typed: keptTyped, version: saved.version, conflict }, 409);
      }
      if (error.code !== 'VALIDATION' && error.code !== 'CONFLICT') throw error;
      const problems = (error.problems.length ? error.problems : [{ field: 'type', message: error.message }]).map((p) => ({ ...p, id: eventFieldId(p, reasonRow, keptSourceRow) }));
      return renderEventForm(c, signedIn, { editing, typed: keptTyped, version: shownVersion, problems }, error.code === 'CONFLICT' ? 409 : 400);
    }
  });

  // ---- History ----

  web.get(`/avtal/${SLUG}/historik`, async (c) => {
    const signedIn = requireSignedIn(c);
    const ctx = contextOf(c);
    const history = await agreementHistory({ ctx, slug: c.req.param('slug') });
    const mayEdit = canWrite(ctx.principal, history.agreement.organisationId);
    return forOnePerson(await c.html(<HistoryPage lang={langOf(c)} account={signedIn.displayName} history={history} mayEdit={mayEdit} />));
  });

  return web;
}

const emptyAgreement = (): AgreementFields => ({
  kind: 'vanort',
  officialTitle: null,
  officialTitleLanguage: null,
  officialTitleEn: null,
  signedOn: null,
  term: null,
  renewalRule: null,
  termMonths: null,
  renewalMonths: null,
  noticeMonths: null,
  noticeDays: null,
  endsOn: null,
  themes: [],
  themesEn: [],
  funding: null,
  fundingEn: null,
  responsibleUnit: null,
  parent: null,
  summary: null,
  summaryEn: null,
  parties: [],
  counterparts: [],
  visibility: 'public',
});
