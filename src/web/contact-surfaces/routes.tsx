// The forms that add, change and remove a contact surface, for editors.
// A form is a verb and a page: GET renders it, POST parses the body into the
// verb's input, calls the verb and redirects (post/redirect/get), or renders
// the same page with the verb's problems and what was typed; who may do what
// is the verbs' (access.ts). The list and each surface's page are public
// pages (web/routes.tsx).
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import { canWrite, requireEditor, requireWrite } from '../../domain/access.ts';
import { bodyNames } from '../../domain/coordination/received-invitations.ts';
import { getContactSurface } from '../../domain/contact-surfaces/read.ts';
import { changeContactSurface, createContactSurface, removeContactSurface } from '../../domain/contact-surfaces/save.ts';
import type { Context } from '../../domain/context.ts';
import { listPlaceOptions } from '../../domain/counterparts/list.ts';
import { DomainError, notFound, type FieldProblem } from '../../domain/errors.ts';
import { forOnePerson, requireFormToken } from '../../http/csrf.ts';
import { readForm } from '../../http/form-body.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { href } from '../layout.tsx';
import { sayRecords } from '../records/words.ts';
import { ContactSurfaceFormPage, SURFACE_TEXT_FIELDS, type ContactSurfaceFormProps } from './pages.tsx';

const LISTS = ['actors', 'places', 'sources'] as const;
/** A surface's id in a path; 0 (no surface has it) for anything else. */
const idOf = (raw: string | undefined) => (raw && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 0);

/** What a posted form holds, by field, '' for what was not sent; the boxes of each list as `actors.0` … */
function typedOf(form: Record<string, unknown>): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    if (typeof value !== 'string') continue;
    if ((SURFACE_TEXT_FIELDS as readonly string[]).includes(key) || /^(actors|places|sources)\.([0-9]|1[0-9])$/.test(key)) typed[key] = value;
  }
  return typed;
}

/** The verb's input from what was typed, and a way to name a list's problem by the box it was written in. */
function inputOf(typed: Record<string, string>) {
  const boxes = Object.fromEntries(
    LISTS.map((list) => [list, Object.keys(typed).filter((k) => k.startsWith(`${list}.`) && typed[k]!.trim() !== '').sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))]),
  ) as Record<(typeof LISTS)[number], string[]>;
  const input = {
    kind: (typed.kind ?? '') as never,
    title: typed.title ?? '',
    titleEn: typed.titleEn ?? '',
    description: typed.description ?? '',
    descriptionEn: typed.descriptionEn ?? '',
    date: typed.date ?? '',
    endDate: typed.endDate ?? '',
    actors: boxes.actors.map((k) => typed[k]!.trim()),
    places: boxes.places.map((k) => typed[k]!.trim()),
    sources: boxes.sources.map((k) => typed[k]!.trim()),
    visibility: (typed.visibility || 'shared') as never,
  };
  const rename = (problems: FieldProblem[]) => {
    for (const problem of problems) {
      const at = /^(actors|places|sources)\.(\d+)/.exec(problem.field);
      if (at) problem.field = boxes[at[1] as (typeof LISTS)[number]][Number(at[2])] ?? problem.field;
    }
  };
  return { input, rename };
}

export function contactSurfaceRoutes(database: Database) {
  const web = new Hono();
  for (const path of ['/kontaktytor/ny', '/kontaktytor/:id/andra', '/kontaktytor/:id/ta-bort']) web.use(path, forOnePerson());
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  const renderForm = async (c: HonoContext, extra: Omit<ContactSurfaceFormProps, 'lang' | 'account' | 'csrf' | 'bodies' | 'places'>, status = 200) => {
    const signedIn = requireSignedIn(c);
    const ctx = ctxOf(c);
    const [bodies, places] = await Promise.all([bodyNames(ctx), listPlaceOptions({ ctx, maxDepth: 1, limit: 3000 })]);
    c.status(status as 200);
    return c.html(<ContactSurfaceFormPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} bodies={bodies} places={places} {...extra} />);
  };
  /** The form posted: who sent it (an editor), its token checked, what was typed. */
  const posted = async (c: HonoContext) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    requireEditor(ctx); // before the input: who may not write is told so, whatever they sent
    return { signedIn, ctx, typed: typedOf(form) };
  };
  const refused = (c: HonoContext, error: unknown, rename: (p: FieldProblem[]) => void, extra: Omit<ContactSurfaceFormProps, 'lang' | 'account' | 'csrf' | 'bodies' | 'places' | 'problems'>) => {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
    rename(error.problems);
    return renderForm(c, { ...extra, problems: error.problems }, HTTP_STATUS.VALIDATION);
  };

  web.get('/kontaktytor/ny', async (c) => {
    const signedIn = requireSignedIn(c);
    requireWrite(ctxOf(c), signedIn.organisationId);
    return renderForm(c, { typed: { visibility: 'shared' } });
  });
  web.post('/kontaktytor/ny', async (c) => {
    const { ctx, typed, signedIn } = await posted(c);
    requireWrite(ctx, signedIn.organisationId);
    const { input, rename } = inputOf(typed);
    try {
      const row = await createContactSurface({ ctx, input });
      return c.redirect(href(langOf(c), `/kontaktytor/${row.id}`, { klart: 'tillagd' }), 303);
    } catch (error) {
      return refused(c, error, rename, { typed });
    }
  });

  /** The surface to change, as its form shows it. */
  const changeable = async (c: HonoContext) => {
    const ctx = ctxOf(c);
    const surface = await getContactSurface({ ctx, id: idOf(c.req.param('id')) });
    if (!canWrite(ctx.principal, surface.organisationId)) throw new DomainError('FORBIDDEN', 'You may not change records of this organisation');
    return surface;
  };
  web.get('/kontaktytor/:id/andra', async (c) => {
    requireSignedIn(c);
    requireEditor(ctxOf(c));
    const s = await changeable(c);
    const typed: Record<string, string> = {
      kind: s.kind,
      title: s.title,
      titleEn: s.titleEn ?? '',
      description: s.description ?? '',
      descriptionEn: s.descriptionEn ?? '',
      date: s.date ?? '',
      endDate: s.endDate ?? '',
      visibility: s.visibility,
      ...Object.fromEntries(s.actors.map((a, i) => [`actors.${i}`, a.slug])),
      ...Object.fromEntries(s.places.map((p, i) => [`places.${i}`, p.slug])),
      ...Object.fromEntries(s.sources.map((src, i) => [`sources.${i}`, src.slug])),
    };
    return renderForm(c, { surface: { id: s.id, version: s.version }, typed });
  });
  web.post('/kontaktytor/:id/andra', async (c) => {
    const { ctx, typed } = await posted(c);
    const id = idOf(c.req.param('id'));
    const { input, rename } = inputOf(typed);
    const version = Number(typed.expectedVersion) || 0;
    try {
      await changeContactSurface({ ctx, id, input: { ...input, reason: typed.reason ?? '', expectedVersion: typed.expectedVersion ?? '' } });
      return c.redirect(href(langOf(c), `/kontaktytor/${id}`, { klart: 'andrad' }), 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') {
        const now = await getContactSurface({ ctx, id });
        const lang = langOf(c);
        return renderForm(c, { surface: { id, version: now.version }, typed, conflict: sayRecords(lang, error.message) }, HTTP_STATUS.CONFLICT);
      }
      return refused(c, error, rename, { surface: { id, version }, typed });
    }
  });
  web.post('/kontaktytor/:id/ta-bort', async (c) => {
    const { ctx, typed } = await posted(c);
    const id = idOf(c.req.param('id'));
    if (!id) throw notFound('contact surface');
    await removeContactSurface({ ctx, id, input: { expectedVersion: typed.expectedVersion ?? '' } });
    return c.redirect(href(langOf(c), '/kontaktytor', { klart: 'borttagen' }), 303);
  });
  return web;
}
