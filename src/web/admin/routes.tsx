// The administrators' pages of reference data: organisations, Swedish
// parties and their successions, Chinese places and their hierarchy, kinds of
// agreement. A form is a verb and a page: GET renders it, POST turns the
// fields into the verb's input and calls it, then redirects (post/redirect/
// get) or renders the same page with the verb's problems beside the fields
// and what was typed. Users are on /admin/anvandare (account/users-admin.tsx).
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import { addOrganisation } from '../../domain/accounts/add-organisation.ts';
import { listOrganisations } from '../../domain/accounts/list-organisations.ts';
import { changeActor } from '../../domain/actors/change.ts';
import { createActor, recordSuccession } from '../../domain/actors/create.ts';
import { actorChoices, getActorForEdit, listActorsForAdmin } from '../../domain/actors/for-edit.ts';
import { addAgreementKind } from '../../domain/agreement-kinds/add.ts';
import { listAgreementKinds } from '../../domain/agreement-kinds/list.ts';
import { renameAgreementKind } from '../../domain/agreement-kinds/rename.ts';
import type { Context } from '../../domain/context.ts';
import { listErrorReports } from '../../domain/error-reports/report.ts';
import { changeCounterpart } from '../../domain/counterparts/change.ts';
import { createCounterpart } from '../../domain/counterparts/create.ts';
import { getPlaceForEdit, listPlacesForAdmin, parentChoices } from '../../domain/counterparts/for-edit.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { requireFormToken, sameOriginOnly } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { href } from '../layout.tsx';
import { ACTOR_FORM_FIELDS, ActorFormPage, actorAsTyped, actorFieldLabels, ActorsAdminPage, SUCCESSION_FORM_FIELDS } from './actors.tsx';
import { PLACE_FORM_FIELDS, PlaceFormPage, placeAsTyped, placeFieldLabels, PlacesAdminPage } from './counterparts.tsx';
import { ErrorReportsPage } from './error-reports.tsx';
import { AdminHomePage, KIND_FORM_FIELDS, KindsPage, RENAME_FORM_FIELDS, RenameKindPage } from './kinds.tsx';
import { ORGANISATION_FORM_FIELDS, OrganisationsPage } from './organisations.tsx';
import { adminOf, differences, linesOf, numberOrText, orNull, problemsFor, slugFrom, typedOf, type Posted } from './shared.tsx';
import { readForm } from '../../http/form-body.ts';

/** A verb's refusal that the form shows (bad input, a stale version, a taken name); anything else is the error page's. */
const formError = (error: unknown): error is DomainError => error instanceof DomainError && (error.code === 'VALIDATION' || error.code === 'CONFLICT');

const orUndefined = (value: string) => orNull(value) ?? undefined;

/** The actor form's fields as the verbs' input. */
const actorInput = (typed: Record<string, string>) => ({
  name: typed.name,
  otherNames: linesOf(typed.otherNames ?? ''),
  kind: typed.kind,
  municipalityCode: orNull(typed.municipalityCode ?? ''),
  countyCode: orNull(typed.countyCode ?? ''),
  existedFrom: orNull(typed.existedFrom ?? ''),
  existedTo: orNull(typed.existedTo ?? ''),
  seatLat: numberOrText(typed.seatLat ?? ''),
  seatLon: numberOrText(typed.seatLon ?? ''),
  note: orNull(typed.note ?? ''),
  noteEn: orNull(typed.noteEn ?? ''),
  visibility: typed.visibility || undefined,
  comment: orUndefined(typed.comment ?? ''),
});

/** The place form's fields as the verbs' input. */
const placeInput = (typed: Record<string, string>) => ({
  nameLatin: typed.nameLatin,
  nameNative: orNull(typed.nameNative ?? ''),
  namePinyin: orNull(typed.namePinyin ?? ''),
  otherNames: linesOf(typed.otherNames ?? ''),
  level: typed.level,
  parent: orNull(typed.parent ?? ''),
  lat: numberOrText(typed.lat ?? ''),
  lon: numberOrText(typed.lon ?? ''),
  note: orNull(typed.note ?? ''),
  noteEn: orNull(typed.noteEn ?? ''),
  visibility: typed.visibility || undefined,
  comment: orUndefined(typed.comment ?? ''),
});

/**
 * The slug a new record gets: the one typed, else one made from its name.
 * A made one's problem is the name's when the name has one.
 */
function withSlug(typed: Record<string, string>, nameField: string): { slug: string; made: boolean } {
  const given = (typed.slug ?? '').trim();
  return given ? { slug: given, made: false } : { slug: slugFrom(typed[nameField] ?? ''), made: true };
}

export function adminRoutes(database: Database) {
  const web = new Hono();

  // Only administrators (adminOf); pages for one person, never kept by a shared cache.
  const gate = async (c: HonoContext, next: () => Promise<void>) => {
    adminOf(c, database);
    await next();
    c.res.headers.set('cache-control', 'no-store');
  };
  web.use('/admin', sameOriginOnly(), gate);
  web.use('/admin/*', sameOriginOnly(), gate);

  /** The posted form, its token checked, and what was typed in `fields`. */
  const posted = async (c: HonoContext, fields: readonly string[]) => {
    const form = (await readForm(c)) as Posted;
    requireFormToken(c, form);
    return { form, typed: typedOf(form, fields) };
  };

  web.get('/admin', (c) => {
    const { signedIn, lang } = adminOf(c, database);
    return c.html(<AdminHomePage lang={lang} account={signedIn.displayName} />);
  });

  // ---- Reported errors (the public form /om/fel) -----------------------

  web.get('/admin/felrapporter', async (c) => {
    const { signedIn, ctx, lang } = adminOf(c, database);
    const reports = await listErrorReports({ ctx });
    return c.html(<ErrorReportsPage lang={lang} account={signedIn.displayName} reports={reports} />);
  });

  // ---- Organisations ----------------------------------------------------

  const organisationsPage = async (c: HonoContext, ctx: Context, extra: { typed?: Record<string, string>; problems?: ReturnType<typeof problemsFor>; added?: string } = {}) => {
    const { signedIn, lang } = adminOf(c, database);
    const [organisations, actors] = await Promise.all([listOrganisations({ ctx }), actorChoices({ ctx })]);
    return c.html(
      <OrganisationsPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} organisations={organisations} actorNames={actors.map((a) => a.name)} typed={extra.typed ?? {}} problems={extra.problems} added={extra.added} />,
    );
  };
  web.get('/admin/organisationer', (c) => {
    const { ctx } = adminOf(c, database);
    return organisationsPage(c, ctx, { added: c.req.query('tillagd') });
  });
  web.post('/admin/organisationer', async (c) => {
    const { ctx, lang } = adminOf(c, database);
    const { typed } = await posted(c, ORGANISATION_FORM_FIELDS);
    const { slug, made } = withSlug(typed, 'name');
    try {
      const row = await addOrganisation({ ctx, input: { slug, name: typed.name ?? "", actor: orUndefined(typed.actor ?? ''), comment: orUndefined(typed.comment ?? '') } });
      return c.redirect(href(lang, '/admin/organisationer', { tillagd: row.name }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      c.status(HTTP_STATUS[error.code]);
      // A taken slug or body is a conflict without a field: it belongs to the slug, or to the body when one was named.
      const fallback = error.code === 'CONFLICT' && /is the organisation/.test(error.message) ? 'actor' : 'slug';
      let problems = problemsFor(lang, error, ORGANISATION_FORM_FIELDS, fallback);
      if (made && problems.some((p) => p.field === 'name')) problems = problems.filter((p) => p.field !== 'slug');
      return organisationsPage(c, ctx, { typed: made && problems.some((p) => p.field === 'slug') ? { ...typed, slug } : typed, problems });
    }
  });

  // ---- Swedish parties (actors) ------------------------------------------

  web.get('/admin/parter', async (c) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const q = c.req.query('q') ?? '';
    return c.html(<ActorsAdminPage lang={lang} account={signedIn.displayName} rows={await listActorsForAdmin({ ctx, input: q ? { q } : {} })} q={q} />);
  });

  web.get('/admin/parter/ny', (c) => {
    const { signedIn, lang } = adminOf(c, database);
    return c.html(<ActorFormPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} typed={{ kind: 'kommun', visibility: 'public' }} />);
  });
  web.post('/admin/parter/ny', async (c) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const { typed } = await posted(c, ACTOR_FORM_FIELDS);
    const { slug, made } = withSlug(typed, 'name');
    try {
      const row = await createActor({ ctx, organisationId: signedIn.organisationId, input: { slug, ...actorInput(typed) } });
      return c.redirect(href(lang, `/admin/parter/${row.slug}/andra`, { sparat: '1' }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      c.status(HTTP_STATUS[error.code]);
      let problems = problemsFor(lang, error, ACTOR_FORM_FIELDS, 'slug');
      if (made && problems.some((p) => p.field === 'name')) problems = problems.filter((p) => p.field !== 'slug');
      return c.html(<ActorFormPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} typed={made && problems.some((p) => p.field === 'slug') ? { ...typed, slug } : typed} problems={problems} />);
    }
  });

  const actorPage = async (c: HonoContext, status: 200 | 400 | 409, extra: { typed?: Record<string, string>; problems?: ReturnType<typeof problemsFor>; conflict?: boolean; succession?: { typed: Record<string, string>; problems?: ReturnType<typeof problemsFor>; saved?: boolean } } = {}) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const [{ actor, successions }, choices] = await Promise.all([getActorForEdit({ ctx, slug: c.req.param('slug')! }), actorChoices({ ctx })]);
    const saved = actorAsTyped(actor);
    const typed = extra.typed ?? saved;
    c.status(status);
    return c.html(
      <ActorFormPage
        lang={lang}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        existing={{ slug: actor.slug, name: actor.name, version: actor.version, successions, choices }}
        typed={typed}
        problems={extra.problems}
        conflict={extra.conflict ? differences(saved, typed, actorFieldLabels(lang)) : undefined}
        saved={c.req.query('sparat') === '1'}
        succession={extra.succession ?? (c.req.query('efterfoljd') === '1' ? { typed: { direction: 'predecessor' }, saved: true } : undefined)}
      />,
    );
  };
  web.get('/admin/parter/:slug/andra', (c) => actorPage(c, 200));
  web.post('/admin/parter/:slug/andra', async (c) => {
    const { ctx, lang } = adminOf(c, database);
    const { form, typed } = await posted(c, ACTOR_FORM_FIELDS);
    const slug = c.req.param('slug');
    try {
      await changeActor({ ctx, slug, input: { ...actorInput(typed), version: form.version } });
      return c.redirect(href(lang, `/admin/parter/${slug}/andra`, { sparat: '1' }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      // A stale version: the page shows what was saved meanwhile beside what was typed, and the form now carries the new version.
      if (error.code === 'CONFLICT') return actorPage(c, 409, { typed, conflict: true });
      return actorPage(c, 400, { typed, problems: problemsFor(lang, error, ACTOR_FORM_FIELDS, 'name') });
    }
  });
  web.post('/admin/parter/:slug/efterfoljd', async (c) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const { typed } = await posted(c, SUCCESSION_FORM_FIELDS);
    const slug = c.req.param('slug');
    await getActorForEdit({ ctx, slug });
    const other = typed.other ?? '';
    const [predecessor, successor] = typed.direction === 'successor' ? [other, slug] : [slug, other];
    try {
      await recordSuccession({
        ctx,
        organisationId: signedIn.organisationId,
        input: { predecessor, successor, kind: typed.kind, date: orNull(typed.date ?? ''), note: orNull(typed.note ?? ''), comment: orUndefined(typed.comment ?? '') },
      });
      return c.redirect(`${href(lang, `/admin/parter/${slug}/andra`, { efterfoljd: '1' })}#record-succession`, 303);
    } catch (error) {
      if (!formError(error)) throw error;
      // The verb names the predecessor or the successor; on this page one of them is this party, the other the field "other".
      const named = new DomainError(error.code, error.message, error.problems.map((p) => (p.field === 'predecessor' || p.field === 'successor' ? { ...p, field: 'other' } : p)));
      return actorPage(c, 400, { succession: { typed, problems: problemsFor(lang, named, SUCCESSION_FORM_FIELDS, 'other') } });
    }
  });

  // ---- Counterparts (places) ---------------------------------------------

  web.get('/admin/motparter', async (c) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const q = c.req.query('q') ?? '';
    return c.html(<PlacesAdminPage lang={lang} account={signedIn.displayName} rows={await listPlacesForAdmin({ ctx, input: q ? { q } : {} })} q={q} />);
  });

  web.get('/admin/motparter/ny', async (c) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    return c.html(<PlaceFormPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} parents={await parentChoices({ ctx })} typed={{ level: 'prefecture_city', visibility: 'public' }} />);
  });
  web.post('/admin/motparter/ny', async (c) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const { typed } = await posted(c, PLACE_FORM_FIELDS);
    const { slug, made } = withSlug(typed, 'nameLatin');
    try {
      const row = await createCounterpart({ ctx, organisationId: signedIn.organisationId, input: { slug, ...placeInput(typed) } });
      return c.redirect(href(lang, `/admin/motparter/${row.slug}/andra`, { sparat: '1' }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      c.status(HTTP_STATUS[error.code]);
      let problems = problemsFor(lang, error, PLACE_FORM_FIELDS, 'slug');
      if (made && problems.some((p) => p.field === 'nameLatin')) problems = problems.filter((p) => p.field !== 'slug');
      return c.html(
        <PlaceFormPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} parents={await parentChoices({ ctx })} typed={made && problems.some((p) => p.field === 'slug') ? { ...typed, slug } : typed} problems={problems} />,
      );
    }
  });

  const placePage = async (c: HonoContext, status: 200 | 400 | 409, extra: { typed?: Record<string, string>; problems?: ReturnType<typeof problemsFor>; conflict?: boolean } = {}) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const [{ place, parentSlug }, parents] = await Promise.all([getPlaceForEdit({ ctx, slug: c.req.param('slug')! }), parentChoices({ ctx })]);
    const saved = placeAsTyped(place, parentSlug);
    const typed = extra.typed ?? saved;
    c.status(status);
    return c.html(
      <PlaceFormPage
        lang={lang}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        existing={{ slug: place.slug, nameLatin: place.nameLatin, version: place.version }}
        parents={parents}
        typed={typed}
        problems={extra.problems}
        conflict={extra.conflict ? differences(saved, typed, placeFieldLabels(lang)) : undefined}
        saved={c.req.query('sparat') === '1'}
      />,
    );
  };
  web.get('/admin/motparter/:slug/andra', (c) => placePage(c, 200));
  web.post('/admin/motparter/:slug/andra', async (c) => {
    const { ctx, lang } = adminOf(c, database);
    const { form, typed } = await posted(c, PLACE_FORM_FIELDS);
    const slug = c.req.param('slug');
    try {
      await changeCounterpart({ ctx, slug, input: { ...placeInput(typed), version: form.version } });
      return c.redirect(href(lang, `/admin/motparter/${slug}/andra`, { sparat: '1' }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      if (error.code === 'CONFLICT') return placePage(c, 409, { typed, conflict: true });
      return placePage(c, 400, { typed, problems: problemsFor(lang, error, PLACE_FORM_FIELDS, 'nameLatin') });
    }
  });

  // ---- Kinds of agreement ------------------------------------------------

  const kindsPage = async (c: HonoContext, extra: { typed?: Record<string, string>; problems?: ReturnType<typeof problemsFor>; saved?: string } = {}) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    return c.html(<KindsPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} kinds={await listAgreementKinds({ ctx })} typed={extra.typed ?? {}} problems={extra.problems} saved={extra.saved} />);
  };
  web.get('/admin/avtalstyper', (c) => kindsPage(c, { saved: c.req.query('sparat') }));
  web.post('/admin/avtalstyper', async (c) => {
    const { ctx, lang } = adminOf(c, database);
    const { typed } = await posted(c, KIND_FORM_FIELDS);
    try {
      const timeLimited = typed.timeLimited === 'yes' ? true : typed.timeLimited === 'no' ? false : undefined;
      const row = await addAgreementKind({ ctx, input: { code: typed.code, nameSv: typed.nameSv, nameEn: typed.nameEn, timeLimited, comment: orUndefined(typed.comment ?? '') } });
      return c.redirect(href(lang, '/admin/avtalstyper', { sparat: row.code }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      c.status(HTTP_STATUS[error.code]);
      return kindsPage(c, { typed, problems: problemsFor(lang, error, KIND_FORM_FIELDS, 'code') });
    }
  });

  const renamePage = async (c: HonoContext, extra: { typed?: Record<string, string>; problems?: ReturnType<typeof problemsFor> } = {}) => {
    const { ctx, signedIn, lang } = adminOf(c, database);
    const kind = (await listAgreementKinds({ ctx })).find((k) => k.code === c.req.param('code'));
    if (!kind) throw notFound('agreement kind');
    return c.html(<RenameKindPage lang={lang} account={signedIn.displayName} csrf={signedIn.csrfToken} kind={kind} typed={extra.typed ?? { nameSv: kind.nameSv, nameEn: kind.nameEn }} problems={extra.problems} />);
  };
  web.get('/admin/avtalstyper/:code/andra', (c) => renamePage(c));
  web.post('/admin/avtalstyper/:code/andra', async (c) => {
    const { ctx, lang } = adminOf(c, database);
    const { typed } = await posted(c, RENAME_FORM_FIELDS);
    try {
      const row = await renameAgreementKind({ ctx, code: c.req.param('code'), input: { nameSv: typed.nameSv, nameEn: typed.nameEn, comment: orUndefined(typed.comment ?? '') } });
      return c.redirect(href(lang, '/admin/avtalstyper', { sparat: row.code }), 303);
    } catch (error) {
      if (!formError(error)) throw error;
      c.status(HTTP_STATUS[error.code]);
      return renamePage(c, { typed, problems: problemsFor(lang, error, RENAME_FORM_FIELDS, 'nameSv') });
    }
  });

  return web;
}
