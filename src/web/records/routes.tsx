// An agreement's sources, documents, contact persons, activities and
// follow-up points in the browser, and a person's own follow-up.
// A form is a verb and a page: GET renders it, POST parses the body into the
// verb's input, calls the verb and redirects (post/redirect/get), or renders
// the same page with the verb's problems and what was typed. Who may do what
// is the verbs' (access.ts); these routes only send a visitor who is not
// signed in to the sign-in page first (requireSignedIn, which comes back).
import { randomBytes } from 'node:crypto';
import { organisationName } from '../../domain/accounts/list-organisations.ts';
import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import { DOCUMENT_MAX_BYTES, FUNDING_SOURCES } from '../../db/schema.ts';
import { canReadFollowUp, canWrite, requireAdmin, requireWrite } from '../../domain/access.ts';
import { createActivity } from '../../domain/activities/create.ts';
import { addActionPlanGoal } from '../../domain/action-plans/add-goal.ts';
import { createActionPlan } from '../../domain/action-plans/create.ts';
import { linkActivityToGoal } from '../../domain/action-plans/link.ts';
import { actionPlansOfAgreement, goalChoices } from '../../domain/action-plans/list.ts';
import { furtherAgreementChoices } from '../../domain/agreements/further.ts';
import { placeChoices } from '../../domain/activities/place-choices.ts';
import { reviewActionPlan } from '../../domain/action-plans/review.ts';
import { organisationIdOf } from '../../domain/accounts/list-organisations.ts';
import { setQuietPeriod } from '../../domain/accounts/set-quiet-period.ts';
import { findAgreementBySlug } from '../../domain/agreements/find-by-slug.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import { addContact } from '../../domain/contacts/add.ts';
import { changeContact } from '../../domain/contacts/change.ts';
import { listContacts } from '../../domain/contacts/list.ts';
import { removeContact } from '../../domain/contacts/remove.ts';
import type { Context } from '../../domain/context.ts';
import { attachDocument } from '../../domain/documents/attach.ts';
import { listDocuments, readDocument } from '../../domain/documents/read.ts';
import { removeDocument } from '../../domain/documents/remove.ts';
import { DomainError, notFound, type FieldProblem } from '../../domain/errors.ts';
import { addFollowUpPoint } from '../../domain/follow-up/add-point.ts';
import { setFollowUpState } from '../../domain/follow-up/close-point.ts';
import { activitiesOfAgreement } from '../../domain/follow-up/list.ts';
import { organisationOverview, OVERVIEW_ROWS, personalOverview } from '../../domain/follow-up/overview.ts';
import { DELEGATION_WINDOW_DAYS, delegationOverlaps, delegationWindowSchema, NEAR_VISIT_KINDS, peerBodies, soonestActivities, visitsNearActivities } from '../../domain/coordination/delegations.ts';
import { invitationsNearActivities } from '../../domain/coordination/invitations-near-visit.ts';
import { bodyNames, invitationsOf, recordInvitation } from '../../domain/coordination/received-invitations.ts';
import { INVITATION_FIELDS, InvitationsPage, type InvitationsPageProps } from './invitations-page.tsx';
import { DelegationsPage } from './delegation-warnings.tsx';
import { articlesOnTopic } from '../../domain/knowledge/articles.ts';
import { makeCalendarFeed, readCalendarFeed, revokeCalendarFeed } from '../../domain/reminders/feeds.ts';
import { calendarOf } from './calendar-feed.ts';
import { listPlaceOptions } from '../../domain/counterparts/list.ts';
import { parseInput } from '../../domain/validate.ts';
import { yearlyReport } from '../../domain/reports/yearly.ts';
import { w, YearlyReportPage } from './yearly-report-page.tsx';
import { yearlyReportPdf } from './yearly-report-pdf.ts';
import { yearlyReportXlsx } from './yearly-report-xlsx.ts';
import { todayInStockholm } from '../format.ts';
import { changeCitation, removeCitation } from '../../domain/sources/change-citation.ts';
import { changeSource } from '../../domain/sources/change.ts';
import { citeSource } from '../../domain/sources/cite-source.ts';
import { getSource } from '../../domain/sources/get.ts';
import { createSource } from '../../domain/sources/create.ts';
import { listSourcesForAgreement } from '../../domain/sources/list-for-agreement.ts';
import { forOnePerson, requireFormToken } from '../../http/csrf.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { href } from '../layout.tsx';
import { ActivitiesPage, POINT_FIELDS, STATE_FIELDS, type ActivitiesPageProps } from './activities-page.tsx';
import { ACTIVITY_FIELDS, ACTIVITY_NUMBER_FIELDS } from './activity-form.tsx';
import { ACTIVITY_CITE_FIELDS, ActivityEditPage, type ActivityEditPageProps } from './activity-edit-page.tsx';
import { changeActivity, removeActivity } from '../../domain/activities/change.ts';
import { changeActionPlan, changeActionPlanGoal, removeActionPlan, removeActionPlanGoal } from '../../domain/action-plans/change.ts';
import { ActionPlansPage, PLAN_CITE_FIELDS, GOAL_FIELDS, PLAN_FIELDS, REVIEW_FIELDS, type ActionPlansPageProps } from './action-plans-page.tsx';
import { citePlanSource, removePlanCitation } from '../../domain/action-plans/cite.ts';
import { citeActivitySource, removeActivityCitation } from '../../domain/activities/cite.ts';
import { ContactsPage, type ContactsPageProps } from './contacts-page.tsx';
import { OverviewPage } from './overview-page.tsx';
import { SOURCE_FORM_FIELDS, SourceEditPage, type SourceEditPageProps } from './source-edit-page.tsx';
import { SourcesPage, type SourcesPageProps } from './sources-page.tsx';
import { documentDownload } from '../../http/document-download.ts';
import { readForm } from '../../http/form-body.ts';
import { wholeNumberOf } from '../editing/form-state.ts';
import { personsOf } from './delegation-fields.tsx';
import { sayRecords } from './words.ts';

/** The text fields of a posted form, '' for those not sent. */
export const strings = <K extends string>(form: Record<string, unknown>, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, typeof form[k] === 'string' ? (form[k] as string) : ''])) as Record<K, string>;

/**
 * The ticked boxes of a list the form sends as `name.0` … `name.49`: their
 * values in order (what the verb takes), what was typed (to tick them
 * again), and `rename`, which turns a verb's problem `name.<n>` (the n-th
 * ticked value) into the field of its box.
 */
function tickedList(form: Record<string, unknown>, name: string) {
  const ticked = Object.entries(strings(form, Array.from({ length: 50 }, (_, i) => `${name}.${i}`))).filter(([, v]) => v !== '');
  return {
    values: ticked.map(([, value]) => value),
    typed: Object.fromEntries(ticked),
    rename(error: unknown) {
      if (!(error instanceof DomainError)) return;
      for (const problem of error.problems) {
        const at = new RegExp(`^${name}\\.(\\d+)$`).exec(problem.field);
        if (at) problem.field = ticked[Number(at[1])]?.[0] ?? problem.field;
      }
    },
  };
}
/** An optional field left empty is not given. */
const given = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
/** Whole kronor as a number; anything else goes to the verb as written, which names the field. */
const kronorOf = wholeNumberOf;
/** A record's id chosen in a select: none for '', a number for digits; anything else as written, for the verb to name. */
const chosenId = (raw: string) => (raw === '' ? null : /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : (raw as never));
/** A record's id in a path; 0 (no record has it) for anything else. */
export const idOf = (raw: string) => (/^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 0);

/** A slug for a source added in the browser: its title's letters, and six random ones that keep it unique. */
export function sourceSlug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'kalla'}-${randomBytes(4).readUInt32BE().toString(36).padStart(6, '0').slice(-6)}`;
}

const SOURCE_FIELDS = ['kind', 'title', 'author', 'publisher', 'published', 'url', 'archiveReference', 'visibility', 'confidential', 'note', 'reason'] as const;
const CITE_FIELDS = ['source', 'on', 'passage', 'reason', 'expectedVersion'] as const;
const CONTACT_FIELDS = ['name', 'role', 'email', 'phone', 'reason', 'expectedVersion'] as const;

/** The lists of boxes an activity form sends: the further agreements and the places. */
const activityLists = (form: Record<string, unknown>) => ({
  alsoServes: tickedList(form, 'alsoServes'),
  swedishPlaces: tickedList(form, 'swedishPlaces'),
  chinesePlaces: tickedList(form, 'chinesePlaces'),
});

/** An activity form's fields as the verbs take them: a whole number is a number; anything else goes as written, for the verb to name the field. */
function activityInput(fields: Record<(typeof ACTIVITY_FIELDS)[number], string>, lists: ReturnType<typeof activityLists>) {
  return {
    kind: fields.kind as never,
    title: fields.title,
    titleEn: fields.titleEn,
    date: fields.date.trim(),
    participants: fields.participants,
    delegationName: fields.delegationName,
    delegationPersons: personsOf(fields.delegationPersons),
    purpose: fields.purpose,
    purposeEn: fields.purposeEn,
    outcome: fields.outcome,
    outcomeEn: fields.outcomeEn,
    ...Object.fromEntries(ACTIVITY_NUMBER_FIELDS.map((field) => [field, kronorOf(fields[field])])),
    funding: FUNDING_SOURCES.filter((f) => fields[`funding.${f}`] !== ''),
    actionPlanGoalId: chosenId(fields.actionPlanGoalId),
    visibility: fields.visibility as never,
    alsoServes: lists.alsoServes.values,
    swedishPlaces: lists.swedishPlaces.values,
    chinesePlaces: lists.chinesePlaces.values,
  };
}

export function recordsRoutes(database: Database, { origin }: { origin: (c: HonoContext) => string }) {
  const web = new Hono();
  // On these routes only (the router lists them apart from the public pages):
  // posts from this site only, and pages for one person that no shared cache
  // keeps (a public document says otherwise itself).
  for (const path of [
    '/avtal/:slug/kallor',
    '/avtal/:slug/kallor/*',
    '/avtal/:slug/dokument',
    '/avtal/:slug/kontakter',
    '/avtal/:slug/kontakter/*',
    '/avtal/:slug/aktiviteter',
    '/avtal/:slug/aktiviteter/*',
    '/avtal/:slug/punkter/*',
    '/avtal/:slug/handlingsplaner',
    '/avtal/:slug/handlingsplaner/*',
    '/oversikt',
    '/oversikt/*',
    '/kalender/*',
    '/inbjudningar',
    '/delegationer',
    '/dokument/*',
    '/kallor/:source/andra',
  ]) {
    web.use(path, forOnePerson());
  }

  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });
  /** A form posted about the agreement the path names: who sent it, its fields (the token checked), the agreement, and the record's id where the path has one. */
  const posted = async <K extends string>(c: HonoContext, fields: readonly K[]) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    return { signedIn, form, typed: strings(form, fields), ctx, agreement, id: idOf(c.req.param('id') ?? '') };
  };

  // Sources and documents.
  const renderSources = async (c: HonoContext, signedIn: SignedIn, extra: Partial<SourcesPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    requireWrite(ctx, agreement.organisationId);
    const listing = await listSourcesForAgreement({ ctx, agreementId: agreement.id });
    const documents = await listDocuments({ ctx, agreementId: agreement.id, sourceIds: [...new Set(listing.cited.map((x) => x.sourceId))] });
    const changeable = [...new Set(listing.cited.filter((x) => canWrite(ctx.principal, x.organisationId)).map((x) => x.sourceId))];
    c.status(status as 200);
    return c.html(<SourcesPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} agreement={agreement} listing={listing} documents={documents} changeable={changeable} {...extra} />);
  };
  const sourcesPath = (c: HonoContext, params: Record<string, string>, fragment: string) => `${href(langOf(c), `/avtal/${c.req.param('slug')}/kallor`, params)}#${fragment}`;
  /** A verb's refusal on a form: the page again with its problems (or a notice), and what was typed. */
  const refused = (c: HonoContext, signedIn: SignedIn, error: unknown, form: NonNullable<SourcesPageProps['failed']>['form'], typed: Record<string, string>) => {
    if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
    if (error.code === 'CONFLICT') {
      const notice =
        langOf(c) === 'sv'
          ? 'Någon annan ändrade avtalet medan du hade sidan öppen. Sidan visar det som det är nu; det du skrev står kvar. Skicka igen.'
          : 'Someone else changed the agreement while you had the page open. The page shows it as it is now; what you wrote is kept. Send it again.';
      // The form now carries the version the page shows, so that sending it again is a decision made on what is there.
      const { expectedVersion: _stale, ...kept } = typed;
      return renderSources(c, signedIn, { failed: { form, problems: [], typed: kept }, notice }, 409);
    }
    return renderSources(c, signedIn, { failed: { form, problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
  };

  web.get('/avtal/:slug/kallor', async (c) => {
    const signedIn = requireSignedIn(c);
    const done = c.req.query('klart');
    return renderSources(c, signedIn, { done, chosen: c.req.query('kalla') });
  });

  web.post('/avtal/:slug/kallor', async (c) => {
    const { signedIn, typed, ctx, agreement } = await posted(c, SOURCE_FIELDS);
    try {
      const source = await createSource({
        ctx,
        organisationId: agreement.organisationId,
        input: {
          slug: sourceSlug(typed.title!),
          kind: typed.kind as never,
          title: typed.title,
          author: given(typed.author),
          publisher: given(typed.publisher),
          published: given(typed.published),
          url: given(typed.url),
          archiveReference: given(typed.archiveReference),
          visibility: (given(typed.visibility) ?? 'public') as never,
          confidential: typed.confidential === '1',
          note: given(typed.note),
          reason: given(typed.reason),
        },
      });
      return c.redirect(sourcesPath(c, { klart: 'source', kalla: source.slug }, 'citera'), 303);
    } catch (error) {
      return refused(c, signedIn, error, 'source', typed);
    }
  });

  web.post('/avtal/:slug/kallor/citera', async (c) => {
    const { signedIn, typed, ctx, agreement } = await posted(c, CITE_FIELDS);
    try {
      await citeSource({ ctx, agreementId: agreement.id, input: { source: typed.source!, on: typed.on!, passage: typed.passage, reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(sourcesPath(c, { klart: 'cite' }, 'citera'), 303);
    } catch (error) {
      return refused(c, signedIn, error, 'cite', typed);
    }
  });

  // A citation's passage changed, or the citation removed; the form is the citation's own row (`citat-<id>`).
  web.post('/avtal/:slug/kallor/citat/:id', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, CITE_FIELDS);
    try {
      await changeCitation({ ctx, agreement, id, input: { passage: typed.passage, reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(sourcesPath(c, { klart: 'citationChanged' }, 'citerade'), 303);
    } catch (error) {
      return refused(c, signedIn, error, `citation-${id}`, typed);
    }
  });

  web.post('/avtal/:slug/kallor/citat/:id/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['reason', 'expectedVersion']);
    try {
      await removeCitation({ ctx, agreement, id, input: { reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(sourcesPath(c, { klart: 'citationRemoved' }, 'citerade'), 303);
    } catch (error) {
      return refused(c, signedIn, error, `citation-${id}`, typed);
    }
  });

  // A source changed after it was made; `?avtal=` is the agreement whose sources page it was opened from.
  const backTo = (c: HonoContext) => {
    const slug = c.req.query('avtal') ?? '';
    return /^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/.test(slug) && slug.length <= 120 ? slug : undefined;
  };
  const renderSourceEdit = async (c: HonoContext, signedIn: SignedIn, extra: Partial<SourceEditPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const source = await getSource({ ctx, slug: c.req.param('source')! });
    requireWrite(ctx, source.organisationId);
    c.status(status as 200);
    return c.html(<SourceEditPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} source={source} back={backTo(c)} {...extra} />);
  };
  web.get('/kallor/:source/andra', async (c) => renderSourceEdit(c, requireSignedIn(c), { done: c.req.query('klart') === 'sparad' }));
  web.post('/kallor/:source/andra', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const typed = strings(form, [...SOURCE_FORM_FIELDS, 'reason', 'expectedVersion']);
    const ctx = ctxOf(c);
    try {
      await changeSource({
        ctx,
        slug: c.req.param('source'),
        input: {
          kind: typed.kind as never,
          title: typed.title,
          language: typed.language,
          author: given(typed.author),
          publisher: given(typed.publisher),
          published: given(typed.published),
          url: given(typed.url),
          archiveReference: given(typed.archiveReference),
          visibility: typed.visibility as never,
          confidential: typed.confidential === '1',
          note: given(typed.note),
          reason: given(typed.reason),
          expectedVersion: given(typed.expectedVersion),
        },
      });
      const back = backTo(c);
      const to = back ? `${href(langOf(c), `/avtal/${back}/kallor`, { klart: 'sourceChanged' })}#citerade` : href(langOf(c), `/kallor/${c.req.param('source')}/andra`, { klart: 'sparad' });
      return c.redirect(to, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      const failed = { problems: error.code === 'VALIDATION' ? error.problems : [], typed };
      return renderSourceEdit(c, signedIn, { failed, conflict: error.code === 'CONFLICT' }, error.code === 'CONFLICT' ? 409 : HTTP_STATUS.VALIDATION);
    }
  });

  // The request may be a little larger than the document: the form's other fields and the multipart framing.
  const tooLarge = bodyLimit({
    maxSize: DOCUMENT_MAX_BYTES + 64 * 1024,
    onError: async (c) => {
      const signedIn = requireSignedIn(c);
      const problems = [{ field: 'file', message: `is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB` }];
      return renderSources(c, signedIn, { failed: { form: 'document', problems, typed: {} } }, 413);
    },
  });
  web.post('/avtal/:slug/dokument', tooLarge, async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c, { files: true });
    requireFormToken(c, form);
    const typed = strings(form, ['attachTo', 'public', 'reason']);
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug'));
    const file = form.file instanceof File && form.file.name !== '' ? form.file : undefined;
    try {
      await attachDocument({
        ctx,
        agreementId: agreement.id,
        input: {
          attachTo: typed.attachTo || 'agreement',
          file: file ? { name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } : (undefined as never),
          public: typed.public === '1',
          reason: typed.reason,
        },
      });
      return c.redirect(sourcesPath(c, { klart: 'document' }, 'nytt-dokument'), 303);
    } catch (error) {
      return refused(c, signedIn, error, 'document', typed);
    }
  });

  web.get('/dokument/:id', async (c) => {
    const document = await readDocument({ ctx: ctxOf(c), id: idOf(c.req.param('id')) });
    return documentDownload(c, document, document.public && document.recordVisibility === 'public');
  });

  web.post('/dokument/:id/ta-bort', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const { tillbaka, reason } = strings(form, ['tillbaka', 'reason']);
    await removeDocument({ ctx: ctxOf(c), id: idOf(c.req.param('id')), input: { reason } });
    const back = /^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/.test(tillbaka!) ? `/avtal/${tillbaka}/kallor` : '/';
    return c.redirect(`${href(langOf(c), back, back === '/' ? {} : { klart: 'removed' })}`, 303);
  });

  // Contact persons.
  const renderContacts = async (c: HonoContext, signedIn: SignedIn, extra: Partial<ContactsPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    const contacts = await listContacts({ ctx, agreement });
    c.status(status as 200);
    return c.html(
      <ContactsPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} agreement={agreement} contacts={contacts} mayChange={canWrite(ctx.principal, agreement.organisationId)} {...extra} />,
    );
  };
  const contactsPath = (c: HonoContext, done: string) => href(langOf(c), `/avtal/${c.req.param('slug')}/kontakter`, { klart: done });
  /** `typed`: what the refused form held (none for a removal: the contact's own form keeps its values). */
  const contactRefused = async (c: HonoContext, signedIn: SignedIn, error: unknown, form: string, typed?: Record<string, string>) => {
    if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
    if (error.code === 'CONFLICT') {
      const contacts = await listContacts({ ctx: ctxOf(c), agreement: await findAgreementBySlug(ctxOf(c), c.req.param('slug')!) });
      const current = contacts.find((x) => String(x.id) === form);
      if (!current) throw notFound('contact person');
      return renderContacts(c, signedIn, { ...(typed ? { failed: { form, problems: [], typed } } : {}), conflict: { form, current } }, 409);
    }
    return renderContacts(c, signedIn, { failed: { form, problems: error.problems, typed: typed ?? {} } }, HTTP_STATUS.VALIDATION);
  };

  web.get('/avtal/:slug/kontakter', async (c) => {
    const signedIn = requireSignedIn(c);
    return renderContacts(c, signedIn, { done: c.req.query('klart') });
  });

  web.post('/avtal/:slug/kontakter', async (c) => {
    const { signedIn, typed, ctx, agreement } = await posted(c, CONTACT_FIELDS);
    try {
      await addContact({ ctx, agreementId: agreement.id, input: typed });
      return c.redirect(contactsPath(c, 'added'), 303);
    } catch (error) {
      return contactRefused(c, signedIn, error, 'new', typed);
    }
  });

  web.post('/avtal/:slug/kontakter/:id', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, CONTACT_FIELDS);
    try {
      await changeContact({ ctx, agreement, id, input: { ...typed, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(contactsPath(c, 'changed'), 303);
    } catch (error) {
      return contactRefused(c, signedIn, error, String(id), typed);
    }
  });

  web.post('/avtal/:slug/kontakter/:id/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['reason', 'expectedVersion']);
    try {
      await removeContact({ ctx, agreement, id, input: { reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(contactsPath(c, 'removed'), 303);
    } catch (error) {
      return contactRefused(c, signedIn, error, String(id));
    }
  });

  // Activities and their follow-up points.
  const renderActivities = async (c: HonoContext, signedIn: SignedIn, extra: Partial<ActivitiesPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    const mayChange = canWrite(ctx.principal, agreement.organisationId);
    const [activities, goals, furtherChoices, places, keeper] = await Promise.all([
      activitiesOfAgreement(ctx, agreement),
      goalChoices(ctx, agreement),
      furtherAgreementChoices(ctx, agreement),
      placeChoices(ctx, agreement),
      mayChange ? undefined : organisationName(ctx.db, agreement.organisationId),
    ]);
    // Other bodies near its incoming visits, and other bodies' incoming visits near its meetings, events, exchanges and
    // outgoing visits: for the organisation's own people, who would get in touch.
    const recordedHere = activities.filter((a) => a.agreements[0]?.slug === agreement.slug);
    const visits = recordedHere.filter((a) => a.kind === 'visit_incoming').map((a) => a.id);
    const others = recordedHere.filter((a) => NEAR_VISIT_KINDS.includes(a.kind) && !/^[0-9]{4}$/.test(a.date)).map((a) => a.id);
    const near = { organisationId: agreement.organisationId, today: todayInStockholm(), only: visits };
    const [delegations, nearVisits, invitations, peers, guidance] =
      (visits.length || others.length) && canReadFollowUp(ctx.principal, agreement)
        ? await Promise.all([
            visits.length ? delegationOverlaps(ctx, near) : [],
            visitsNearActivities(ctx, { ...near, only: others }),
            invitationsNearActivities(ctx, [...visits, ...others], { today: near.today }),
            visits.length ? peerBodies(ctx, near) : [],
            articlesOnTopic(ctx, 'delegation_warning'),
          ])
        : [[], [], [], [], []];
    c.status(status as 200);
    return c.html(
      <ActivitiesPage
        goals={goals}
        furtherChoices={furtherChoices}
        placeChoices={places}
        delegations={[...delegations, ...nearVisits]}
        invitations={invitations}
        peers={peers}
        guidance={guidance}
        lang={langOf(c)}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        agreement={agreement}
        activities={activities}
        mayChange={mayChange}
        keeper={keeper}
        mayReadPoints={canReadFollowUp(ctx.principal, agreement)}
        today={todayInStockholm()}
        {...extra}
      />,
    );
  };
  const activitiesPath = (c: HonoContext, done: string, fragment = '') => `${href(langOf(c), `/avtal/${c.req.param('slug')}/aktiviteter`, { klart: done })}${fragment}`;
  const activityRefused = (c: HonoContext, signedIn: SignedIn, error: unknown, form: string, typed: Record<string, string>) => {
    if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
    if (error.code === 'CONFLICT') {
      const notice =
        langOf(c) === 'sv'
          ? 'Någon annan ändrade uppföljningspunkten medan du hade sidan öppen. Sidan visar den som den är nu; skicka igen om du vill ändra den.'
          : 'Someone else changed the follow-up point while you had the page open. The page shows it as it is now; send again to change it.';
      return renderActivities(c, signedIn, { notice }, 409);
    }
    return renderActivities(c, signedIn, { failed: { form, problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
  };

  web.get('/avtal/:slug/aktiviteter', async (c) => {
    const signedIn = requireSignedIn(c);
    return renderActivities(c, signedIn, { done: c.req.query('klart') });
  });

  web.post('/avtal/:slug/aktiviteter', async (c) => {
    const { signedIn, form, typed: fields, ctx, agreement } = await posted(c, ACTIVITY_FIELDS);
    requireWrite(ctx, agreement.organisationId); // before the input: who may not write is told so, whatever they sent
    const lists = activityLists(form);
    const typed: Record<string, string> = { ...fields, ...lists.alsoServes.typed, ...lists.swedishPlaces.typed, ...lists.chinesePlaces.typed };
    try {
      const activity = await createActivity({ ctx, agreementId: agreement.id, input: activityInput(fields, lists) });
      return c.redirect(activitiesPath(c, 'activity', `#aktivitet-${activity.id}`), 303);
    } catch (error) {
      for (const list of Object.values(lists)) list.rename(error);
      return activityRefused(c, signedIn, error, 'activity', typed);
    }
  });

  // Changing and removing an activity recorded under the agreement.
  const renderActivityEdit = async (c: HonoContext, signedIn: SignedIn, extra: Partial<ActivityEditPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    requireWrite(ctx, agreement.organisationId);
    const id = idOf(c.req.param('id') ?? '');
    const [activity] = id ? await activitiesOfAgreement(ctx, agreement, id) : [];
    // Changed where it is recorded: on a further agreement's page it is only shown.
    if (!activity || activity.agreements[0]?.slug !== agreement.slug) throw notFound('activity');
    const [goals, further, places, citable] = await Promise.all([
      goalChoices(ctx, agreement),
      furtherAgreementChoices(ctx, agreement),
      placeChoices(ctx, agreement),
      listSourcesForAgreement({ ctx, agreementId: agreement.id }).then((l) => l.citable),
    ]);
    // What it names already stays a choice, also where the API chose it beyond the agreement's own.
    const byValue = <T extends { slug: string }>(list: T[]) => [...new Map(list.map((x) => [x.slug, x])).values()];
    const own = (kind: 'swedish' | 'chinese') => activity.places.filter((x) => x.kind === kind).map((x) => ({ slug: x.slug, name: [x.name, x.nameNative].filter(Boolean).join(' ') }));
    const servedBesides = activity.agreements.slice(1);
    c.status(status as 200);
    return c.html(
      <ActivityEditPage
        lang={langOf(c)}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        agreement={agreement}
        activity={activity}
        goals={goals}
        furtherChoices={byValue([...servedBesides, ...further])}
        placeChoices={{ swedish: byValue([...own('swedish'), ...places.swedish]), chinese: byValue([...own('chinese'), ...places.chinese]) }}
        citable={citable}
        {...extra}
      />,
    );
  };

  web.get('/avtal/:slug/aktiviteter/:id/andra', async (c) => renderActivityEdit(c, requireSignedIn(c), { done: c.req.query('klart') }));

  web.post('/avtal/:slug/aktiviteter/:id/andra', async (c) => {
    const { signedIn, form, typed: fields, ctx, agreement, id } = await posted(c, [...ACTIVITY_FIELDS, 'reason', 'expectedVersion']);
    requireWrite(ctx, agreement.organisationId);
    const lists = activityLists(form);
    const typed: Record<string, string> = { ...fields, ...lists.alsoServes.typed, ...lists.swedishPlaces.typed, ...lists.chinesePlaces.typed };
    try {
      if (!id) throw notFound('activity');
      await changeActivity({ ctx, agreement, id, input: { ...activityInput(fields, lists), reason: fields.reason, expectedVersion: given(fields.expectedVersion) } });
      return c.redirect(activitiesPath(c, 'changed', `#aktivitet-${id}`), 303);
    } catch (error) {
      for (const list of Object.values(lists)) list.rename(error);
      if (error instanceof DomainError && error.code === 'CONFLICT') {
        // What was typed stays; the form now carries the version that is there, so sending again is a choice made on it.
        const { expectedVersion: _stale, ...kept } = typed;
        return renderActivityEdit(c, signedIn, { notice: activityChangedMeanwhile(c), failed: { form: 'change', problems: [], typed: kept } }, 409);
      }
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      return renderActivityEdit(c, signedIn, { failed: { form: 'change', problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
    }
  });

  web.post('/avtal/:slug/aktiviteter/:id/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['reason', 'expectedVersion']);
    try {
      if (!id) throw notFound('activity');
      await removeActivity({ ctx, agreement, id, input: { reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(activitiesPath(c, 'removed'), 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return renderActivityEdit(c, signedIn, { notice: activityChangedMeanwhile(c) }, 409);
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      return renderActivityEdit(c, signedIn, { failed: { form: 'remove', problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
    }
  });

  // An activity's sources, cited and removed one at a time at its version, on its edit page.
  const activityEditPath = (c: HonoContext, done: string) => `${href(langOf(c), `/avtal/${c.req.param('slug')}/aktiviteter/${c.req.param('id')}/andra`, { klart: done })}#kallor`;
  const citationRefused = (c: HonoContext, signedIn: SignedIn, error: unknown, form: string, typed: Record<string, string>) => {
    if (error instanceof DomainError && error.code === 'CONFLICT') {
      // The form carries the version the page now shows: sending again is a decision made on what is there.
      const { expectedVersion: _stale, ...kept } = typed;
      return renderActivityEdit(c, signedIn, { notice: activityChangedMeanwhile(c), failed: { form, problems: [], typed: kept } }, 409);
    }
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
    return renderActivityEdit(c, signedIn, { failed: { form, problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
  };

  web.post('/avtal/:slug/aktiviteter/:id/kallor', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ACTIVITY_CITE_FIELDS);
    requireWrite(ctx, agreement.organisationId); // before the input: who may not write is told so, whatever they sent
    try {
      if (!id) throw notFound('activity');
      const { expectedVersion, ...citation } = typed;
      await citeActivitySource({ ctx, agreement, activityId: id, input: { ...citation, expectedVersion: given(expectedVersion) } });
      return c.redirect(activityEditPath(c, 'cited'), 303);
    } catch (error) {
      return citationRefused(c, signedIn, error, 'cite', typed);
    }
  });

  web.post('/avtal/:slug/aktiviteter/:id/kallor/:citation/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['expectedVersion']);
    requireWrite(ctx, agreement.organisationId);
    const citationId = idOf(c.req.param('citation') ?? '');
    try {
      if (!id || !citationId) throw notFound('citation');
      await removeActivityCitation({ ctx, agreement, activityId: id, citationId, input: { expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(activityEditPath(c, 'uncited'), 303);
    } catch (error) {
      return citationRefused(c, signedIn, error, `uncite-${citationId}`, typed);
    }
  });

  const activityChangedMeanwhile = (c: HonoContext) =>
    langOf(c) === 'sv'
      ? 'Någon annan ändrade aktiviteten medan du hade sidan öppen. Formuläret visar det du skrev; aktiviteten som den är nu syns på aktivitetssidan. Skicka igen om du vill spara det du skrev.'
      : 'Someone else changed the activity while you had the page open. The form shows what you wrote; the activity as it is now is on the activities page. Send again to save what you wrote.';

  web.post('/avtal/:slug/aktiviteter/:id/punkter', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, POINT_FIELDS);
    try {
      const point = await addFollowUpPoint({ ctx, agreement, activityId: id, input: typed });
      return c.redirect(activitiesPath(c, 'point', `#punkt-${point.id}`), 303);
    } catch (error) {
      return activityRefused(c, signedIn, error, `point-${id}`, typed);
    }
  });

  // The action-plan goal an activity serves, chosen after it was recorded.
  web.post('/avtal/:slug/aktiviteter/:id/mal', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['actionPlanGoalId']);
    try {
      await linkActivityToGoal({ ctx, agreement, activityId: id, input: { actionPlanGoalId: chosenId(typed.actionPlanGoalId) } });
      return c.redirect(activitiesPath(c, 'goal', `#aktivitet-${id}`), 303);
    } catch (error) {
      return activityRefused(c, signedIn, error, `goal-${id}`, typed);
    }
  });

  web.post('/avtal/:slug/punkter/:id', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, STATE_FIELDS);
    try {
      await setFollowUpState({ ctx, agreement, id, input: { state: typed.state as never, comment: typed.comment, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(activitiesPath(c, 'state', `#punkt-${id}`), 303);
    } catch (error) {
      return activityRefused(c, signedIn, error, `state-${id}`, typed);
    }
  });

  // Action plans: their goals, progress and reviews.
  const renderPlans = async (c: HonoContext, signedIn: SignedIn, extra: Partial<ActionPlansPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    const mayChange = canWrite(ctx.principal, agreement.organisationId);
    const [plans, furtherChoices, citable] = await Promise.all([
      actionPlansOfAgreement(ctx, agreement),
      furtherAgreementChoices(ctx, agreement),
      mayChange ? listSourcesForAgreement({ ctx, agreementId: agreement.id }).then((l) => l.citable) : [],
    ]);
    c.status(status as 200);
    return c.html(
      <ActionPlansPage
        lang={langOf(c)}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        agreement={agreement}
        plans={plans}
        furtherChoices={furtherChoices}
        citable={citable}
        mayChange={mayChange}
        {...extra}
      />,
    );
  };
  const plansPath = (c: HonoContext, done: string, fragment: string) => `${href(langOf(c), `/avtal/${c.req.param('slug')}/handlingsplaner`, { klart: done })}${fragment}`;
  const planRefused = (c: HonoContext, signedIn: SignedIn, error: unknown, form: string, typed: Record<string, string>) => {
    if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
    if (error.code === 'CONFLICT') {
      const notice =
        langOf(c) === 'sv'
          ? 'Någon annan ändrade handlingsplanen medan du hade sidan öppen. Sidan visar den som den är nu; det du skrev står kvar. Skicka igen.'
          : 'Someone else changed the action plan while you had the page open. The page shows it as it is now; what you wrote is kept. Send it again.';
      // The form carries the version the page now shows: sending again is a decision made on what is there.
      const { expectedVersion: _stale, ...kept } = typed;
      return renderPlans(c, signedIn, { failed: { form, problems: [], typed: kept }, notice }, 409);
    }
    return renderPlans(c, signedIn, { failed: { form, problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
  };

  web.get('/avtal/:slug/handlingsplaner', async (c) => renderPlans(c, requireSignedIn(c), { done: c.req.query('klart') }));

  web.post('/avtal/:slug/handlingsplaner', async (c) => {
    const { signedIn, form, typed: fields, ctx, agreement } = await posted(c, PLAN_FIELDS);
    requireWrite(ctx, agreement.organisationId); // before the input: who may not write is told so, whatever they sent
    const alsoServes = tickedList(form, 'alsoServes');
    const typed: Record<string, string> = { ...fields, ...alsoServes.typed };
    try {
      const plan = await createActionPlan({
        ctx,
        agreementId: agreement.id,
        input: {
          title: fields.title,
          titleEn: fields.titleEn,
          periodFrom: fields.periodFrom.trim(),
          periodTo: fields.periodTo.trim(),
          responsibleUnit: fields.responsibleUnit,
          budgetSek: kronorOf(fields.budgetSek),
          note: fields.note,
          noteEn: fields.noteEn,
          alsoServes: alsoServes.values,
          visibility: fields.visibility as never,
        },
      });
      return c.redirect(plansPath(c, 'plan', `#plan-${plan.id}`), 303);
    } catch (error) {
      alsoServes.rename(error);
      return planRefused(c, signedIn, error, 'plan', typed);
    }
  });

  // Changing and removing a plan made for the agreement, and its goals, at the version the page showed.
  web.post('/avtal/:slug/handlingsplaner/:id/andra', async (c) => {
    const { signedIn, form, typed: fields, ctx, agreement, id } = await posted(c, [...PLAN_FIELDS, 'reason', 'expectedVersion']);
    requireWrite(ctx, agreement.organisationId);
    const alsoServes = tickedList(form, 'alsoServes');
    const typed: Record<string, string> = { ...fields, ...alsoServes.typed };
    try {
      if (!id) throw notFound('action plan');
      await changeActionPlan({
        ctx,
        agreement,
        planId: id,
        input: {
          title: fields.title,
          titleEn: fields.titleEn,
          periodFrom: fields.periodFrom.trim(),
          periodTo: fields.periodTo.trim(),
          responsibleUnit: fields.responsibleUnit,
          budgetSek: kronorOf(fields.budgetSek),
          note: fields.note,
          noteEn: fields.noteEn,
          alsoServes: alsoServes.values,
          visibility: fields.visibility as never,
          reason: fields.reason,
          expectedVersion: given(fields.expectedVersion),
        },
      });
      return c.redirect(plansPath(c, 'changed', `#plan-${id}`), 303);
    } catch (error) {
      alsoServes.rename(error);
      return planRefused(c, signedIn, error, `change-${id}`, typed);
    }
  });

  web.post('/avtal/:slug/handlingsplaner/:id/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['reason', 'expectedVersion']);
    try {
      if (!id) throw notFound('action plan');
      await removeActionPlan({ ctx, agreement, planId: id, input: { reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(plansPath(c, 'removed', ''), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `remove-${id}`, typed);
    }
  });

  web.post('/avtal/:slug/handlingsplaner/:id/mal/:goal/andra', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, [...GOAL_FIELDS, 'expectedVersion']);
    const goalId = idOf(c.req.param('goal') ?? '');
    try {
      if (!id || !goalId) throw notFound('goal');
      const { expectedVersion, ...goal } = typed;
      await changeActionPlanGoal({ ctx, agreement, planId: id, goalId, input: { ...goal, expectedVersion: given(expectedVersion) } });
      return c.redirect(plansPath(c, 'goal-changed', `#mal-${goalId}`), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `goal-change-${goalId}`, typed);
    }
  });

  web.post('/avtal/:slug/handlingsplaner/:id/mal/:goal/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['reason', 'expectedVersion']);
    const goalId = idOf(c.req.param('goal') ?? '');
    try {
      if (!id || !goalId) throw notFound('goal');
      await removeActionPlanGoal({ ctx, agreement, planId: id, goalId, input: { reason: typed.reason, expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(plansPath(c, 'goal-removed', `#plan-${id}`), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `goal-remove-${goalId}`, typed);
    }
  });

  web.post('/avtal/:slug/handlingsplaner/:id/mal', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, GOAL_FIELDS);
    try {
      const goal = await addActionPlanGoal({ ctx, agreement, planId: id, input: typed });
      return c.redirect(plansPath(c, 'goal', `#mal-${goal.id}`), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `goal-${id}`, typed);
    }
  });

  // A plan's sources, cited and removed one at a time at the plan's version.
  web.post('/avtal/:slug/handlingsplaner/:id/kallor', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, PLAN_CITE_FIELDS);
    try {
      if (!id) throw notFound('action plan');
      const { expectedVersion, ...citation } = typed;
      await citePlanSource({ ctx, agreement, planId: id, input: { ...citation, expectedVersion: given(expectedVersion) } });
      return c.redirect(plansPath(c, 'cited', `#plan-${id}`), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `cite-${id}`, typed);
    }
  });

  web.post('/avtal/:slug/handlingsplaner/:id/kallor/:citation/ta-bort', async (c) => {
    const { signedIn, typed, ctx, agreement, id } = await posted(c, ['expectedVersion']);
    const citationId = idOf(c.req.param('citation') ?? '');
    try {
      if (!id || !citationId) throw notFound('citation');
      await removePlanCitation({ ctx, agreement, planId: id, citationId, input: { expectedVersion: given(typed.expectedVersion) } });
      return c.redirect(plansPath(c, 'uncited', `#plan-${id}`), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `uncite-${citationId}`, typed);
    }
  });

  web.post('/avtal/:slug/handlingsplaner/:id/uppfoljning', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    const agreement = await findAgreementBySlug(ctx, c.req.param('slug')!);
    const id = idOf(c.req.param('id'));
    const goalKeys = Object.keys(form).filter((k) => /^goals\.[1-9][0-9]{0,8}\.(outcome|assessment|assessmentNote)$/.test(k));
    const typed = strings(form, [...REVIEW_FIELDS, ...goalKeys]);
    const goals: Record<string, Record<string, string>> = {};
    for (const key of goalKeys) {
      const [, goalId, field] = key.split('.') as [string, string, string];
      (goals[goalId] ??= {})[field] = typed[key]!;
    }
    try {
      await reviewActionPlan({
        ctx,
        agreement,
        planId: id,
        input: { reviewedOn: typed.reviewedOn!, reviewNote: typed.reviewNote, goals: goals as never, expectedVersion: given(typed.expectedVersion) },
      });
      return c.redirect(plansPath(c, 'review', `#plan-${id}`), 303);
    } catch (error) {
      return planRefused(c, signedIn, error, `review-${id}`, typed);
    }
  });

  // Delegation warnings of the organisation's soonest incoming visits (their own page: they cost more than the overview may).
  web.get('/delegationer', async (c) => {
    const signedIn = requireSignedIn(c);
    const ctx = ctxOf(c);
    // The window the reader chose (`?dagar=`), else the default; a bad one is named beside its field and the default shown.
    let days = DELEGATION_WINDOW_DAYS;
    let problem: { message: string; typed: string } | undefined;
    try {
      ({ days } = parseInput(delegationWindowSchema, { days: c.req.query('dagar') }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      problem = { message: sayRecords(langOf(c), error.problems[0]?.message ?? error.message), typed: c.req.query('dagar') ?? '' };
    }
    const near = { organisationId: signedIn.organisationId, today: todayInStockholm(), days };
    const [delegations, visitsNear, invitations, peers, guidance] = await Promise.all([
      delegationOverlaps(ctx, near),
      visitsNearActivities(ctx, near),
      invitationsNearActivities(ctx, soonestActivities(ctx, near), { days, today: near.today }),
      peerBodies(ctx, near),
      articlesOnTopic(ctx, 'delegation_warning'),
    ]);
    if (problem) c.status(HTTP_STATUS.VALIDATION);
    return c.html(
      <DelegationsPage
        lang={langOf(c)}
        account={signedIn.displayName}
        organisationName={signedIn.organisationName}
        guidance={guidance}
        delegations={delegations}
        visitsNear={visitsNear}
        invitations={invitations}
        peers={peers}
        days={days}
        problem={problem}
      />,
    );
  });

  // Invitations received from China: the organisation's, with the others' like them.
  const renderInvitations = async (c: HonoContext, signedIn: SignedIn, extra: Partial<InvitationsPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const [invitations, provinces, bodies] = await Promise.all([invitationsOf(ctx, signedIn.organisationId), listPlaceOptions({ ctx, maxDepth: 0 }), bodyNames(ctx)]);
    c.status(status as 200);
    return c.html(
      <InvitationsPage
        lang={langOf(c)}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        organisationName={signedIn.organisationName}
        invitations={invitations}
        provinces={provinces}
        bodies={bodies}
        mayRecord={canWrite(ctx.principal, signedIn.organisationId)}
        {...extra}
      />,
    );
  };
  web.get('/inbjudningar', async (c) => renderInvitations(c, requireSignedIn(c), { done: c.req.query('klart') === 'inbjudan' }));
  web.post('/inbjudningar', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    requireWrite(ctx, signedIn.organisationId); // before the input: who may not write is told so, whatever they sent
    const typed = strings(form, INVITATION_FIELDS);
    // The recipients written, by the field each was written in (so that a problem names its box).
    const recipients = (['recipients.0', 'recipients.1', 'recipients.2'] as const).filter((f) => typed[f].trim() !== '');
    try {
      await recordInvitation({
        ctx,
        input: {
          receivedOn: typed.receivedOn.trim(),
          sender: typed.sender,
          place: typed.place || null,
          subject: typed.subject,
          eventDate: typed.eventDate.trim() || null,
          recipients: recipients.map((f) => typed[f].trim()),
          note: typed.note,
          delegationName: typed.delegationName,
          delegationPersons: personsOf(typed.delegationPersons),
          visibility: typed.visibility as never,
        },
      });
      return c.redirect(href(langOf(c), '/inbjudningar', { klart: 'inbjudan' }), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      for (const problem of error.problems) {
        const at = /^recipients\.(\d+)$/.exec(problem.field);
        if (at) problem.field = recipients[Number(at[1])] ?? problem.field;
      }
      return renderInvitations(c, signedIn, { failed: { problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
    }
  });

  // One's own follow-up and one's organisation's, what needs a decision, and calendar feeds.
  // Each list the 20 due first, with how many there are in all, or up to 2,000 when all are asked for (the API gives 200).
  const OVERVIEW_ALL_ROWS = 2000;
  const renderOverview = async (c: HonoContext, signedIn: SignedIn, newFeedUrl?: string, quietPeriod?: { typed: string; problems: FieldProblem[] }, status = 200) => {
    const ctx = ctxOf(c);
    const today = todayInStockholm();
    const all = c.req.query('visa') === 'alla';
    const rows = all ? OVERVIEW_ALL_ROWS : OVERVIEW_ROWS;
    const [{ feeds, ...mine }, organisation] = await Promise.all([personalOverview(ctx, signedIn.userId, today, rows), organisationOverview(ctx, today, rows)]);
    const { reminders, quietAfterMonths, ...open } = organisation;
    const agreementReminders = reminders.filter((r) => r.kind !== 'article_review');
    return c.html(
      <OverviewPage
        lang={langOf(c)}
        account={signedIn.displayName}
        organisationName={signedIn.organisationName}
        quietAfterMonths={quietAfterMonths}
        {...mine}
        {...open}
        all={all}
        agreementReminders={agreementReminders.slice(0, rows)}
        agreementRemindersTotal={agreementReminders.length}
        articleReminders={reminders.filter((r) => r.kind === 'article_review')}
        today={today}
        csrf={signedIn.csrfToken}
        feeds={feeds}
        mayMakeOrganisationFeed={signedIn.role === 'editor' || signedIn.role === 'admin'}
        mayChooseQuietPeriod={signedIn.role === 'admin'}
        quietPeriod={quietPeriod}
        done={c.req.query('klart') === 'tyst' ? (langOf(c) === 'sv' ? 'Perioden för tysta avtal är sparad.' : 'The quiet period is saved.') : undefined}
        newFeedUrl={newFeedUrl}
      />,
      status as 200,
    );
  };
  web.get('/oversikt', async (c) => renderOverview(c, requireSignedIn(c)));

  web.post('/oversikt/tyst-period', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    requireAdmin(ctx); // before the input: who may not choose is told so, whatever they sent
    const typed = typeof form.quietAfterMonths === 'string' ? form.quietAfterMonths : '';
    try {
      await setQuietPeriod({ ctx, organisationId: signedIn.organisationId, input: { quietAfterMonths: wholeNumberOf(typed) as number } }); // empty or not a number: the verb names the field
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      return renderOverview(c, signedIn, undefined, { typed, problems: error.problems }, HTTP_STATUS.VALIDATION);
    }
    return c.redirect(`${href(langOf(c), '/oversikt', { klart: 'tyst' })}#tyst-period`, 303);
  });

  web.post('/oversikt/kalender', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const { token } = await makeCalendarFeed(database.db, { userId: signedIn.userId, principal: principalOf(c) }, typeof form.scope === 'string' ? form.scope : '');
    // Shown here, once: a redirect would have to carry the address in a URL.
    return renderOverview(c, signedIn, `${origin(c)}/kalender/${token}.ics`);
  });

  web.post('/oversikt/kalender/:id/aterkalla', async (c) => {
    const signedIn = requireSignedIn(c);
    requireFormToken(c, await readForm(c));
    await revokeCalendarFeed(database.db, { userId: signedIn.userId, principal: principalOf(c) }, idOf(c.req.param('id')));
    return c.redirect(`${href(langOf(c), '/oversikt')}#kalender`, 303);
  });

  // The yearly follow-up report of one's organisation (an administrator picks any with ?organisation=<slug>), as a page, a PDF and a workbook.
  const yearlyReportOf = async (c: HonoContext) => {
    const signedIn = requireSignedIn(c);
    const ctx = ctxOf(c);
    const today = todayInStockholm();
    const given = c.req.query('ar');
    const year = given === undefined || given === '' ? Number(today.slice(0, 4)) : /^[0-9]{4}$/.test(given) ? Number(given) : Number.NaN;
    const slug = c.req.query('organisation');
    const organisationId = slug && signedIn.role === 'admin' ? await organisationIdOf(database.db, slug) : signedIn.organisationId;
    return { signedIn, report: await yearlyReport(ctx, { organisationId, year, today }) };
  };
  const reportFile = (c: HonoContext, report: { year: number; organisation: { name: string } }, extension: string) =>
    `attachment; filename="ortsband-arsrapport-${report.year}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${w(langOf(c), 'title')} ${report.year} ${report.organisation.name}.${extension}`)}`;
  web.get('/oversikt/arsrapport', async (c) => {
    const { signedIn, report } = await yearlyReportOf(c);
    const thisYear = Number(todayInStockholm().slice(0, 4));
    const years = Array.from({ length: thisYear - 1999 }, (_, i) => thisYear - i);
    return c.html(<YearlyReportPage lang={langOf(c)} account={signedIn.displayName} report={report} years={years} />);
  });
  web.get('/oversikt/arsrapport.pdf', async (c) => {
    const { report } = await yearlyReportOf(c);
    const pdf = await yearlyReportPdf(report, langOf(c), `${origin(c)}${href(langOf(c), '/oversikt/arsrapport', { ar: String(report.year) })}`);
    c.header('content-type', 'application/pdf');
    c.header('content-disposition', reportFile(c, report, 'pdf'));
    return c.body(new Uint8Array(pdf));
  });
  web.get('/oversikt/arsrapport.xlsx', async (c) => {
    const { report } = await yearlyReportOf(c);
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', reportFile(c, report, 'xlsx'));
    return c.body(new Uint8Array(await yearlyReportXlsx(report, langOf(c))));
  });

  // A calendar feed: the secret address is the credential (no session; calendar programs have none).
  web.get('/kalender/:token', async (c) => {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(c.req.param('token'))?.[1];
    const feed = token ? await readCalendarFeed(database.db, token, todayInStockholm()) : null;
    if (!feed) throw notFound('calendar feed');
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('cache-control', 'private, no-store');
    return c.body(calendarOf(feed, origin(c), todayInStockholm()));
  });

  return web;
}
