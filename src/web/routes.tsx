// Server-rendered pages: parse the request, call verbs, render. Readable
// without JavaScript; every filter lives in the URL.
import { readFileSync } from 'node:fs';
import { Hono, type Context as HonoContext } from 'hono';
import { PUBLIC_READER } from '../domain/access.ts';
import { clientAddress, principalOf } from '../http/session.ts';
import { HTTP_STATUS } from '../api/errors.ts';
import { ruleQuerySchema, type RouteOptions } from '../api/routes.ts';
import type { Database } from '../db/client.ts';
import { getActor } from '../domain/actors/get.ts';
import { listActors, listActorsSchema } from '../domain/actors/list.ts';
import { getAgreement } from '../domain/agreements/get.ts';
import { listAgreements, summariesOf, usableFilters } from '../domain/agreements/list.ts';
import { rowLinksOf } from '../domain/agreements/row-links.ts';
import { leaveOutUnusable } from '../domain/left-out.ts';
import type { Context } from '../domain/context.ts';
import { canReadDecisionBasis, canWrite } from '../domain/access.ts';
import { mayHandOver } from '../domain/agreements/hand-over.ts';
import { getCounterpart } from '../domain/counterparts/get.ts';
import { getSource } from '../domain/sources/get.ts';
import { listCounterparts, listCounterpartsSchema, listPlaceOptions, placeMenu, registerCounts } from '../domain/counterparts/list.ts';
import { DomainError, type FieldProblem } from '../domain/errors.ts';
import { quietOverview, statisticsOverview } from '../domain/statistics/overview.ts';
import { parseInput } from '../domain/validate.ts';
import { accepts, errorLangOf, langOf, type HttpEnv, type QuerySpec } from '../http/query.ts';
import { formatEdtf, todayInStockholm } from './format.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { mapContent } from '../domain/maps/ties.ts';
import { MAX_SINGLE_TIES, renderTiesMap } from './maps/ties-map.tsx';
import { documentsOfAgreement, documentsOfSource } from '../domain/documents/read.ts';
import { AboutPage, AccessibilityPage } from './pages/about.tsx';
import { env } from '../env.ts';
import { ReportErrorPage } from './pages/report-error.tsx';
import { reportError, SITE_PATH } from '../domain/error-reports/report.ts';
import { forOnePerson, formToken, requireFormToken } from '../http/csrf.ts';
import { readForm } from '../http/form-body.ts';
import { kindCodes } from '../domain/agreement-kinds/names.ts';
import { MapPage } from './pages/map.tsx';
import type { Lang } from './i18n.ts';
import { href, Layout } from './layout.tsx';
import { CSRF_FIELD } from '../http/csrf.ts';
import { ActorPage, ActorsListPage } from './pages/actor.tsx';
import { ACTIVITIES_SHOWN, AgreementPage } from './pages/agreement.tsx';
import { AgreementsListPage, filterParams } from './pages/agreements-list.tsx';
import { CounterpartPage, CounterpartsListPage } from './pages/counterpart.tsx';
import { SourcePage } from './pages/source.tsx';
import { HomePage } from './pages/home.tsx';
import { OpenDataPage } from './pages/open-data.tsx';
import { StatisticsPage } from './pages/statistics.tsx';
import { getContactSurface, listContactSurfaces, listContactSurfacesSchema } from '../domain/contact-surfaces/read.ts';
import { ContactSurfacePage, ContactSurfacesListPage } from './contact-surfaces/pages.tsx';
import { kindsOfLayer, renderSurfacesMap, SURFACE_LAYERS } from './maps/surfaces-map.tsx';
import { surfacesPerCounty, surfacesPerProvince } from '../domain/contact-surfaces/counts.ts';
import { z } from 'zod';
import { buildChart, CHART_NAMES, provinceNamer, type Chart, type ChartName } from './charts/statistics-charts.ts';

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8');
const withoutLang = (q: Record<string, string>) => {
  const { lang: _l, ...rest } = q;
  return rest;
};

// Error pages speak the reader's language (errorLangOf: the page's ?lang=,
// else the browser's preference, else Swedish: an address that reaches no
// page has no language of its own, unlike the register's pages, which are
// Swedish unless ?lang=en), say in plain words what went
// wrong, and offer a way on: a search, the list, the start page.
// A form sent after its session ended is answered with a way to sign in
// again (signedOut), not with a redirect that would drop the post silently.
type PageError = DomainError | { kind: 'method'; allow: string[] } | { kind: 'internal' } | { kind: 'signedOut' };

const ERROR_WORDS = {
  sv: {
    notFound: ['Sidan finns inte', 'Vi hittar ingen sida på den här adressen. Den kan vara felskriven, eller så har det som fanns här tagits bort.'],
    invalid: ['Sidan kan inte visas med de här valen', 'Något i adressen går inte att använda:'],
    method: ['Adressen kan bara läsas', 'Den här adressen går bara att läsa, som en webbläsare gör när du öppnar en länk.'],
    internal: ['Något gick fel hos oss', 'Sidan kunde inte visas på grund av ett fel i Ortsband, inte på grund av något du gjorde. Försök igen om en stund.'],
    forbidden: ['Sidan är inte öppen', 'Det du bad om är inte öppet för alla.'],
    conflict: ['Registret ändrades samtidigt', 'Försök igen.'],
    tooMany: ['För många försök', 'Vänta en stund och försök igen.'],
    invalidForm: ['Formuläret kunde inte tas emot', 'Något i det som skickades går inte att använda, och ingenting sparades. Öppna sidan med formuläret igen och skicka det på nytt.'],
    formExpired: ['Formuläret kunde inte skickas', 'Formuläret har gått ut eller kom inte från den här webbplatsen: dess säkerhetskod saknas eller stämmer inte. Ingenting sparades. Öppna sidan med formuläret igen och skicka det på nytt.'],
    signedOut: ['Du är inte inloggad längre', 'Din inloggning har gått ut eller avslutats, så formuläret kunde inte skickas. Ingenting sparades. Logga in igen och skicka formuläret på nytt.'],
    signIn: 'logga in igen',
    signInToRead: 'logga in, om sidan är för inloggade (till exempel ett nätverks möte eller en organisations interna uppgifter)',
    wayOn: 'Du kan i stället',
    search: 'Sök i registret',
    searchButton: 'Sök',
    list: 'se alla avtal',
    home: 'gå till startsidan',
    withoutChoices: 'visa sidan utan val',
    openForm: 'öppna formuläret igen',
    value: 'du angav',
    quote: ['”', '”'],
  },
  en: {
    notFound: ['Page not found', 'There is no page at this address. It may be mistyped, or what was here has been removed.'],
    invalid: ['The page cannot be shown with these choices', 'Something in the address cannot be used:'],
    method: ['This address can only be read', 'This address can only be read, as a browser does when you open a link.'],
    internal: ['Something went wrong on our side', 'The page could not be shown because of a fault in Ortsband, not because of anything you did. Please try again in a while.'],
    forbidden: ['This page is not open', 'What you asked for is not open to everyone.'],
    conflict: ['The register changed meanwhile', 'Please try again.'],
    tooMany: ['Too many attempts', 'Wait a while and try again.'],
    invalidForm: ['The form could not be taken', 'Something in what was sent cannot be used, and nothing was saved. Open the page with the form again and send it anew.'],
    formExpired: ['The form could not be sent', 'The form has expired or did not come from this site: its security code is missing or wrong. Nothing was saved. Open the page with the form again and send it anew.'],
    signedOut: ['You are no longer signed in', 'Your session has expired or ended, so the form could not be sent. Nothing was saved. Sign in again and send the form anew.'],
    signIn: 'sign in again',
    signInToRead: "sign in, if the page is for signed-in people (a network's meeting, say, or an organisation's internal records)",
    wayOn: 'You can instead',
    search: 'Search the register',
    searchButton: 'Search',
    list: 'see all agreements',
    home: 'go to the start page',
    withoutChoices: 'show the page without choices',
    openForm: 'open the form again',
    value: 'you gave',
    quote: ['“', '”'],
  },
} as const;

// What each parameter is called on the pages, and what it takes.
const FIELDS: Record<string, { sv: [string, string]; en: [string, string] }> = {
  q: { sv: ['Sökord', 'högst 200 tecken'], en: ['Search words', 'at most 200 characters'] },
  page: { sv: ['Sida', 'ett heltal från 1 till 100 000'], en: ['Page', 'a whole number from 1 to 100,000'] },
  pageSize: { sv: ['Antal per sida', 'ett heltal från 1 till 100'], en: ['Rows per page', 'a whole number from 1 to 100'] },
  county: { sv: ['Län', 'en länskod med två siffror, till exempel 14'], en: ['County', 'a two-digit county code, such as 14'] },
  status: { sv: ['Status', 'ett av alternativen i formuläret'], en: ['Status', 'one of the choices in the form'] },
  kind: { sv: ['Avtalsform', 'ett av alternativen i formuläret'], en: ['Kind of agreement', 'one of the choices in the form'] },
  actorKind: { sv: ['Typ av svensk part', 'ett av alternativen i formuläret'], en: ['Kind of Swedish party', 'one of the choices in the form'] },
  place: { sv: ['Provins eller ort', 'en ort ur listan i formuläret'], en: ['Province or place', 'a place from the list in the form'] },
  establishedFrom: { sv: ['Etablerat från år', 'ett årtal mellan 1900 och 2100'], en: ['Established from year', 'a year from 1900 to 2100'] },
  establishedTo: { sv: ['Etablerat till år', 'ett årtal mellan 1900 och 2100'], en: ['Established to year', 'a year from 1900 to 2100'] },
  on: { sv: ['Datum', 'ett datum som 2016-12-31'], en: ['Date', 'a date such as 2016-12-31'] },
  year: { sv: ['År', 'ett årtal från 1980 till i år'], en: ['Year', 'a year from 1980 to this year'] },
  lager: { sv: ['Lager med kontaktytor', 'ett av alternativen i formuläret'], en: ['Layer of contact surfaces', 'one of the choices in the form'] },
  sort: { sv: ['Sortering', 'ett av alternativen i formuläret'], en: ['Order', 'one of the choices in the form'] },
  rule: { sv: ['Räkneregel', 'en av räknereglerna på sidan'], en: ['Counting rule', 'one of the counting rules on the page'] },
  month: { sv: ['Månad', 'en månad som 2026-05'], en: ['Month', 'a month such as 2026-05'] },
  day: { sv: ['Dag', 'en dag som 2026-05-14'], en: ['Day', 'a day such as 2026-05-14'] },
  direction: { sv: ['Riktning', 'ett av alternativen i formuläret'], en: ['Direction', 'one of the choices in the form'] },
  aktiviteter: { sv: ['Aktiviteter', 'senaste eller alla'], en: ['Activities', 'senaste (the latest) or alla (all)'] },
  '(url)': { sv: ['Adressen', 'kortare än 16 384 tecken'], en: ['The address', 'shorter than 16,384 characters'] },
};

/** A problem the edge or a verb named, in the reader's words: what it is, what was given, what it takes. */
function plainProblem(lang: Lang, field: string, message: string, given: string | undefined) {
  const known = FIELDS[field]?.[lang];
  const name = field === '(form)' ? (lang === 'sv' ? 'Formuläret' : 'The form') : (known?.[0] ?? field);
  const larger = /is larger than (.+)$/.exec(message)?.[1];
  const why = /control character|not valid UTF-8|not valid Unicode|NUL character/.test(message)
    ? lang === 'sv' ? 'innehåller tecken som inte kan användas' : 'contains characters that cannot be used'
    : /more than once/.test(message)
      ? lang === 'sv' ? 'anges mer än en gång' : 'is given more than once'
      : larger
        ? lang === 'sv' ? `är större än ${larger}` : `is larger than ${larger}`
      : /must not be before establishedFrom/.test(message)
        ? lang === 'sv' ? `får inte vara före ${FIELDS.establishedFrom!.sv[0].toLowerCase()}` : `must not be before the ${FIELDS.establishedFrom!.en[0].toLowerCase()}`
      : /not sent as a form/.test(message)
        ? lang === 'sv' ? 'skickades inte som ett formulär från en webbläsare' : 'was not sent as a form from a browser'
      : known
        ? lang === 'sv' ? `ska vara ${known[1]}` : `must be ${known[1]}`
        : lang === 'sv' ? 'går inte att använda' : 'cannot be used';
  const shown = given === undefined || given.length === 0 ? '' : given.length > 60 ? `${given.slice(0, 60)}…` : given;
  return { field, name, why, shown };
}

/** A path to show and link on this site: never one that begins with `//` (a link to another host). */
export const sitePath = (path: string) => `/${path.replace(/^\/+/, '')}`;

/** The HTML answer to an error: its status, what went wrong in the reader's language, and the way on. */
export function errorPage(c: HonoContext, error: PageError) {
  const lang = errorLangOf(c);
  const w = ERROR_WORDS[lang];
  const kind =
    error instanceof DomainError
      ? error.problems.some((p) => p.field === CSRF_FIELD)
        ? 'formExpired'
        : error.code === 'VALIDATION' && c.req.method === 'POST'
          ? 'invalidForm'
          : ({ NOT_FOUND: 'notFound', VALIDATION: 'invalid', FORBIDDEN: 'forbidden', CONFLICT: 'conflict', TOO_MANY_REQUESTS: 'tooMany' } as const)[error.code]
      : error.kind;
  const status = error instanceof DomainError ? HTTP_STATUS[error.code] : ({ method: 405, internal: 500, signedOut: 401 } as const)[error.kind];
  const [heading, text] = w[kind];
  const path = sitePath(c.req.path);
  const given = givenValues(c.req.url);
  const problems = error instanceof DomainError && error.code === 'VALIDATION' ? error.problems.map((p) => plainProblem(lang, p.field, p.message, given.get(p.field))) : [];
  const home = lang === 'en' ? '/?lang=en' : '/';
  const list = lang === 'en' ? '/avtal?lang=en' : '/avtal';
  c.status(status);
  return c.html(
    <Layout lang={lang} title={heading} path={path}>
      <h1>{heading}</h1>
      <p>{text}</p>
      {problems.length ? (
        <ul>
          {problems.map((p) => (
            <li data-field={p.field}>
              <strong>{p.name}</strong> {p.why}
              {p.shown ? ` (${w.value} ${w.quote[0]}${p.shown}${w.quote[1]})` : ''}.
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      <p>{w.wayOn}:</p>
      <ul>
        {kind === 'signedOut' ? (
          <li>
            <a href={href(lang, '/logga-in', { tillbaka: path })}>{w.signIn}</a>
          </li>
        ) : (
          ''
        )}
        {/* What is not found may be what only signed-in people read: the same words for every address, so nothing is told of what exists. */}
        {kind === 'notFound' && c.req.method === 'GET' && !c.get('signedIn') && !c.req.header('authorization') ? (
          <li>
            <a href={href(lang, '/logga-in', { tillbaka: path })}>{w.signInToRead}</a>
          </li>
        ) : (
          ''
        )}
        {problems.length && status === 400 ? (
          <li>
            <a href={lang === 'en' ? `${path}?lang=en` : path}>{kind === 'invalidForm' ? w.openForm : w.withoutChoices}</a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href={list}>{w.list}</a>
        </li>
        <li>
          <a href={home}>{w.home}</a>
        </li>
      </ul>
      <form method="get" action="/avtal" role="search">
        <label for="error-search">{w.search}</label> <input id="error-search" type="search" name="q" />
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : ''}
        <button type="submit">{w.searchButton}</button>
      </form>
    </Layout>,
  );
}

/** The values given in a URL, by parameter (the first of each), for showing beside a problem; none when the URL cannot be read. */
function givenValues(url: string): Map<string, string> {
  try {
    const at = url.indexOf('?');
    return new Map(at === -1 ? [] : [...new URLSearchParams(url.slice(at + 1))].reverse());
  } catch {
    return new Map();
  }
}

/** What each page reads from its query; a page ignores any other parameter (shared links carry ?utm_source=… and ?fbclid=…). */
const keys = (schema: { shape: object }) => Object.keys(schema.shape);
const page = (names: readonly string[], slug?: QuerySpec['slug']): QuerySpec => ({ names: [...names, 'lang'], unknown: 'ignore', slug });
export const PAGE_QUERIES = {
  plain: page([]),
  agreements: page(keys(listAgreementsSchema)),
  actors: page(keys(listActorsSchema)),
  counterparts: page(keys(listCounterpartsSchema)),
  statistics: page(keys(ruleQuerySchema).filter((name) => name !== 'lang')),
  contactSurfaces: page(keys(listContactSurfacesSchema)),
  map: page([...keys(listAgreementsSchema), 'lager']),
} as const;

/** The map's layer of contact surfaces: every kind unless the reader chose one, or none. */
const mapLayerSchema = z.object({ lager: z.enum(SURFACE_LAYERS, `must be one of ${SURFACE_LAYERS.join(', ')}`).default('alla') });

/** An agreement's page shows its latest activities, or all of them when asked (`?aktiviteter=alla`). */
const agreementActivitiesSchema = z.object({ aktiviteter: z.enum(['senaste', 'alla'], 'must be senaste or alla').default('senaste') });

/** The page a report is about, from the link that opened the form: an address on this site, or nothing. */
const reportedPage = (raw: string | undefined) => (raw && raw.length <= 500 && SITE_PATH.test(raw) ? raw : '');

export function webRoutes(database: Database, { cache, origin }: RouteOptions) {
  // The statistics, the maps and the home page's figures are of the public
  // register for everyone; lists and record pages read with the rights of
  // whoever asks (a signed-in reader also sees shared records and their own
  // organisation's internal ones). Signed-in requests carry a cookie, so the
  // response cache never keeps or serves them (response-cache.ts).
  const ctx: Context = { db: database.db, principal: PUBLIC_READER };
  const readerCtx = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });
  const web = new Hono<HttpEnv>();
  const q = PAGE_QUERIES;

  web.onError((error, c) => {
    if (!(error instanceof DomainError)) throw error;
    return errorPage(c, error);
  });

  // A compass rose of two colours; robots may read everything public.
  web.get('/favicon.ico', accepts(q.plain), (c) =>
    c.body('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#0b5394"/><path d="M8 2 L10 8 L8 14 L6 8 Z" fill="#fff"/></svg>', 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }),
  );
  web.get('/robots.txt', accepts(q.plain), (c) => c.text('User-agent: *\nAllow: /\n'));
  web.get('/assets/site.css', accepts(q.plain), (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  web.get('/', accepts(q.plain), cache, async (c) => {
    const lang = langOf(c);
    const year = Number(todayInStockholm().slice(0, 4));
    const [stats, counts] = await Promise.all([statisticsOverview(ctx, 'report', year, todayInStockholm()), registerCounts(ctx)]);
    const inPeriod = (y: number | null) => y !== null && y >= 2017 && y <= 2021;
    const peak = stats.inForce.reduce((best, y) => (y.total > best.total ? y : best));
    return c.html(
      <HomePage
        lang={lang}
        figures={{
          agreements: counts.agreements,
          inForceNow: stats.inForce.at(-1)!.total,
          endedSince2017: stats.changes.filter((y) => inPeriod(y.year)).reduce((n, y) => n + y.ended, 0),
          pausedSince2017: stats.changes.filter((y) => inPeriod(y.year)).reduce((n, y) => n + y.paused, 0),
          actors: counts.actors,
          counterparts: counts.counterparts,
          peak,
          sourcesEnd: stats.sourcesEnd,
        }}
      />,
    );
  });

  web.get('/avtal', accepts(q.agreements), cache, async (c) => {
    const lang = langOf(c);
    const raw = c.var.query;
    const [list, menu] = await Promise.all([listAgreements({ ctx: readerCtx(c), input: withoutLang(raw), lenient: true }), placeMenu(readerCtx(c), raw.place, undefined, c.get('dataVersion'))]);
    const links = await rowLinksOf(readerCtx(c), list.rows.map((r) => r.slug));
    return c.html(<AgreementsListPage lang={lang} list={list} links={links} places={menu.places} provincesOnly={menu.provincesOnly} kinds={kindCodes(c.get('kindNames'), lang)} raw={raw} />);
  });
  web.get('/avtal/:slug', accepts(page(['aktiviteter'], 'agreement')), cache, async (c) => {
    const ctx = readerCtx(c);
    const { aktiviteter } = parseInput(agreementActivitiesSchema, { aktiviteter: c.var.query.aktiviteter });
    const activitiesShown = aktiviteter === 'alla' ? undefined : ACTIVITIES_SHOWN;
    const [detail, documents] = await Promise.all([getAgreement({ ctx, slug: c.req.param('slug'), activitiesShown }), documentsOfAgreement({ ctx, slug: c.req.param('slug') })]);
    // A signed-in person gets the links to the history, and to the forms where they may change it.
    const editing = c.get('signedIn') ? { mayChange: canWrite(ctx.principal, detail.agreement.organisationId), mayHandOver: mayHandOver(ctx, detail.agreement), saved: c.req.query('sparat') === '1', decisions: canReadDecisionBasis(ctx.principal, detail.agreement) } : undefined;
    return c.html(<AgreementPage lang={langOf(c)} detail={detail} documents={documents} path={sitePath(c.req.path)} editing={editing} />);
  });
  web.get('/parter', accepts(q.actors), cache, async (c) => {
    const raw = c.var.query;
    // Pages leave out filter values that name nothing, and say so (domain/left-out.ts).
    const { query, leftOut } = leaveOutUnusable(withoutLang(raw));
    const rows = await listActors({ ctx: readerCtx(c), input: query });
    return c.html(<ActorsListPage lang={langOf(c)} rows={rows} q={raw.q ?? ''} query={query} leftOut={leftOut} raw={raw} />);
  });
  web.get('/parter/:slug', accepts(page([], 'actor')), cache, async (c) => {
    return c.html(<ActorPage lang={langOf(c)} data={await getActor({ ctx: readerCtx(c), slug: c.req.param('slug') })} path={sitePath(c.req.path)} />);
  });
  web.get('/motparter', accepts(q.counterparts), cache, async (c) => {
    const raw = c.var.query;
    const { query, leftOut } = leaveOutUnusable(withoutLang(raw));
    const rows = await listCounterparts({ ctx: readerCtx(c), input: query });
    return c.html(<CounterpartsListPage lang={langOf(c)} rows={rows} q={raw.q ?? ''} leftOut={leftOut} raw={raw} />);
  });
  web.get('/motparter/:slug', accepts(page([], 'counterpart')), cache, async (c) => {
    return c.html(<CounterpartPage lang={langOf(c)} data={await getCounterpart({ ctx: readerCtx(c), slug: c.req.param('slug') })} path={sitePath(c.req.path)} />);
  });
  web.get('/kallor/:slug', accepts(page([], 'source')), cache, async (c) => {
    const ctx = readerCtx(c);
    const source = await getSource({ ctx, slug: c.req.param('slug') });
    return c.html(<SourcePage lang={langOf(c)} source={source} documents={await documentsOfSource({ ctx, source })} path={sitePath(c.req.path)} />);
  });
  web.get('/kontaktytor', accepts(q.contactSurfaces), cache, async (c) => {
    const raw = c.var.query;
    const ctx = readerCtx(c);
    const signedIn = c.get('signedIn');
    const [list, provinces] = await Promise.all([listContactSurfaces({ ctx, input: withoutLang(raw) }), listPlaceOptions({ ctx, maxDepth: 0 })]);
    const removed = signedIn && c.req.query('klart') === 'borttagen' ? (langOf(c) === 'sv' ? 'Kontaktytan är borttagen.' : 'The contact surface is removed.') : undefined;
    return c.html(<ContactSurfacesListPage lang={langOf(c)} list={list} provinces={provinces} mayAdd={!!signedIn && canWrite(ctx.principal, signedIn.organisationId)} raw={raw} done={removed} />);
  });
  web.get('/kontaktytor/:id', accepts(q.plain), cache, async (c) => {
    const ctx = readerCtx(c);
    const raw = c.req.param('id');
    const surface = await getContactSurface({ ctx, id: /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 0 });
    const signedIn = c.get('signedIn');
    const lang = langOf(c);
    const done = ({ tillagd: ['Kontaktytan är tillagd.', 'The contact surface is added.'], andrad: ['Ändringen är sparad.', 'The change is saved.'] } as const)[c.req.query('klart') as 'tillagd'];
    return c.html(
      <ContactSurfacePage lang={lang} surface={surface} path={sitePath(c.req.path)} mayChange={!!signedIn && canWrite(ctx.principal, surface.organisationId)} csrf={signedIn?.csrfToken} done={done ? done[lang === 'sv' ? 0 : 1] : undefined} />,
    );
  });
  web.get('/statistik', accepts(q.statistics), cache, async (c) => {
    const raw = c.var.query;
    const { rule } = parseInput(ruleQuerySchema, raw);
    const today = todayInStockholm();
    const [view, quiet, surfaceCounties, surfaceProvinces] = await Promise.all([
      statisticsOverview(ctx, rule, Number(today.slice(0, 4)), today),
      quietOverview(ctx, today),
      surfacesPerCounty(ctx),
      surfacesPerProvince(ctx),
    ]);
    const provinces = await listPlaceOptions({ ctx, maxDepth: 0 });
    const provinceName = provinceNamer(provinces);
    const byProvince = view.byProvince.map((r) => ({ ...r, name: provinceName(r.key) }));
    const lang = langOf(c);
    const charts = Object.fromEntries(CHART_NAMES.map((name) => [name, buildChart(name, view, lang, provinceName)])) as Record<ChartName, Chart>;
    const peak = view.peakUnderEveryRule;
    const named = await summariesOf(ctx, [...new Set(peak.rules.flatMap((r) => [...r.statusDiffers.map((d) => d.slug), ...r.pairsCountedTwice.flat()]))]);
    return c.html(<StatisticsPage lang={lang} view={{ ...view, byProvince, charts, named, quiet, contactSurfaces: { counties: surfaceCounties, provinces: surfaceProvinces } }} raw={raw} />);
  });
  web.get('/karta', accepts(q.map), cache, async (c) => {
    const lang = langOf(c);
    const raw = c.var.query;
    const { lager, ...agreementQuery } = withoutLang(raw);
    const { lager: layer } = parseInput(mapLayerSchema, { lager });
    const usable = await usableFilters(ctx, parseInput(listAgreementsSchema, agreementQuery));
    const { on: requested, ...filters } = filterParams(usable.query);
    const query = parseInput(listAgreementsSchema, { ...filters, on: requested ?? '2016-12-31' });
    const today = todayInStockholm();
    const panel = async (on: string | undefined, heading: string) => ({
      heading,
      on,
      map: renderTiesMap({ lang, id: `map-${on ?? 'today'}`, title: heading, content: await mapContent({ ctx, input: { ...filters, ...(on ? { on } : {}) }, maxTies: MAX_SINGLE_TIES }) }),
    });
    const panels = await Promise.all([
      panel(query.on, lang === 'sv' ? `Den ${formatEdtf(query.on!, lang)}` : `On ${formatEdtf(query.on!, lang)}`),
      panel(undefined, lang === 'sv' ? `I dag (${formatEdtf(today, lang)})` : `Today (${formatEdtf(today, lang)})`),
    ]);
    const kinds = kindsOfLayer(layer);
    const [counties, provinces] = kinds.length ? await Promise.all([surfacesPerCounty(ctx), surfacesPerProvince(ctx)]) : [[], []];
    const title = lang === 'sv' ? 'Kontaktytor per län och provins' : 'Contact surfaces per county and province';
    const surfaces = { layer, kinds, counties, provinces, ...(kinds.length ? renderSurfacesMap({ lang, id: 'map-surfaces', title, counties, provinces, kinds }) : { svg: '', unplaced: [] }) };
    return c.html(<MapPage lang={lang} query={query} panels={panels} filters={filters} leftOut={usable.leftOut} raw={raw} kinds={kindCodes(c.get('kindNames'), lang)} surfaces={surfaces} />);
  });
  web.get('/oppna-data', accepts(q.plain), cache, (c) => {
    return c.html(<OpenDataPage lang={langOf(c)} origin={origin(c)} />);
  });
  // Reporting an error: a form for one visitor, never cached.
  web.use('/om/fel', forOnePerson());
  web.get('/om/fel', accepts(q.plain), (c) => c.html(<ReportErrorPage lang={langOf(c)} csrf={formToken(c, '/om/fel')} typed={{ page: reportedPage(c.req.query('sida')) }} sent={c.req.query('tack') === '1'} />));
  web.post('/om/fel', async (c) => {
    const form = await readForm(c);
    requireFormToken(c, form);
    const typed = { page: String(form.page ?? ''), message: String(form.message ?? ''), email: String(form.email ?? '') };
    const again = (status: 400 | 429, extra: { problems?: FieldProblem[]; notice?: string }) => {
      c.status(status);
      return c.html(<ReportErrorPage lang={langOf(c)} csrf={formToken(c, '/om/fel')} typed={typed} {...extra} />);
    };
    try {
      await reportError(database.db, typed, clientAddress(c));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION') return again(400, { problems: error.problems });
      if (error instanceof DomainError && error.code === 'TOO_MANY_REQUESTS')
        return again(429, { notice: langOf(c) === 'sv' ? 'Det har kommit för många rapporter den senaste timmen. Försök igen senare; det du skrev står kvar.' : 'Too many reports have come in the last hour. Try again later; what you wrote is kept.' });
      throw error;
    }
    return c.redirect(href(langOf(c), '/om/fel', { tack: '1' }), 303);
  });
  web.get('/om', accepts(q.plain), cache, (c) => c.html(<AboutPage lang={langOf(c)} origin={origin(c)} contact={env().CONTACT_EMAIL} />));
  web.get('/tillganglighet', accepts(q.plain), cache, (c) => c.html(<AccessibilityPage lang={langOf(c)} origin={origin(c)} contact={env().CONTACT_EMAIL} />));
  return web;
}
