// Server-rendered pages: parse the request, call verbs, render. Readable
// without JavaScript; every filter lives in the URL.
import { readFileSync } from 'node:fs';
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../api/errors.ts';
import { ruleQuerySchema } from '../api/routes.ts';
import type { Database } from '../db/client.ts';
import { getActor } from '../domain/actors/get.ts';
import { listActors } from '../domain/actors/list.ts';
import { getAgreement } from '../domain/agreements/get.ts';
import { listAgreements } from '../domain/agreements/list.ts';
import type { Context } from '../domain/context.ts';
import { getCounterpart } from '../domain/counterparts/get.ts';
import { listCounterparts, listPlaceOptions, placeMenu, registerCounts } from '../domain/counterparts/list.ts';
import { DomainError } from '../domain/errors.ts';
import { statisticsOverview } from '../domain/statistics/overview.ts';
import { parseInput } from '../domain/validate.ts';
import { langOf, singleQuery } from '../http/query.ts';
import { formatEdtf, todayInStockholm } from './format.ts';
import { listAgreementsSchema } from '../domain/agreements/schemas.ts';
import { mapContent } from '../domain/maps/ties.ts';
import { MAX_SINGLE_TIES, renderTiesMap } from './maps/ties-map.tsx';
import { MapPage } from './pages/map.tsx';
import { t } from './i18n.ts';
import { Layout } from './layout.tsx';
import { ActorPage, ActorsListPage } from './pages/actor.tsx';
import { AgreementPage } from './pages/agreement.tsx';
import { AgreementsListPage } from './pages/agreements-list.tsx';
import { CounterpartPage, CounterpartsListPage } from './pages/counterpart.tsx';
import { HomePage } from './pages/home.tsx';
import { OpenDataPage } from './pages/open-data.tsx';
import { StatisticsPage } from './pages/statistics.tsx';
import { buildChart, CHART_NAMES, provinceNamer, type Chart, type ChartName } from './charts/statistics-charts.ts';

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8');
const withoutLang = (q: Record<string, string>) => {
  const { lang: _l, ...rest } = q;
  return rest;
};

/** The HTML answer to a domain error: the status, and every field named. */
export function errorPage(c: HonoContext, error: DomainError) {
  const lang = langOf(c);
  const heading = error.code === 'NOT_FOUND' ? t(lang, 'notFound') : t(lang, 'badRequest');
  c.status(HTTP_STATUS[error.code]);
  return c.html(
    <Layout lang={lang} title={heading} path={c.req.path}>
      <h1>{heading}</h1>
      {error.problems.length ? (
        <ul>
          {error.problems.map((p) => (
            <li>
              <strong>{p.field}</strong>: {p.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{error.message}</p>
      )}
      <p>
        <a href="/">{t(lang, 'home')}</a>
      </p>
    </Layout>,
  );
}

export function webRoutes(database: Database) {
  const ctx: Context = { db: database.db, principal: { kind: 'anonymous' } };
  const web = new Hono();

  web.onError((error, c) => {
    if (!(error instanceof DomainError)) throw error;
    return errorPage(c, error);
  });

  // A compass rose of two colours; robots may read everything public.
  web.get('/favicon.ico', (c) =>
    c.body('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#0b5394"/><path d="M8 2 L10 8 L8 14 L6 8 Z" fill="#fff"/></svg>', 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }),
  );
  web.get('/robots.txt', (c) => c.text('User-agent: *\nAllow: /\n'));
  web.get('/assets/site.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }));

  web.get('/', async (c) => {
    const lang = langOf(c);
    singleQuery(c);
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
        }}
      />,
    );
  });

  web.get('/avtal', async (c) => {
    const lang = langOf(c);
    const raw = singleQuery(c);
    const [list, menu] = await Promise.all([listAgreements({ ctx, input: withoutLang(raw) }), placeMenu(ctx, raw.place)]);
    return c.html(<AgreementsListPage lang={lang} list={list} places={menu.places} provincesOnly={menu.provincesOnly} kinds={['vanort', 'kommunalt_partnerskap']} raw={raw} />);
  });
  web.get('/avtal/:slug', async (c) => {
    singleQuery(c);
    return c.html(<AgreementPage lang={langOf(c)} detail={await getAgreement({ ctx, slug: c.req.param('slug') })} path={c.req.path} />);
  });
  web.get('/parter', async (c) => {
    const raw = singleQuery(c);
    return c.html(<ActorsListPage lang={langOf(c)} rows={await listActors({ ctx, input: withoutLang(raw) })} q={raw.q ?? ''} raw={raw} />);
  });
  web.get('/parter/:slug', async (c) => {
    singleQuery(c);
    return c.html(<ActorPage lang={langOf(c)} data={await getActor({ ctx, slug: c.req.param('slug') })} path={c.req.path} />);
  });
  web.get('/motparter', async (c) => {
    const raw = singleQuery(c);
    return c.html(<CounterpartsListPage lang={langOf(c)} rows={await listCounterparts({ ctx, input: withoutLang(raw) })} q={raw.q ?? ''} raw={raw} />);
  });
  web.get('/motparter/:slug', async (c) => {
    singleQuery(c);
    return c.html(<CounterpartPage lang={langOf(c)} data={await getCounterpart({ ctx, slug: c.req.param('slug') })} path={c.req.path} />);
  });
  web.get('/statistik', async (c) => {
    const raw = singleQuery(c);
    const { rule } = parseInput(ruleQuerySchema, raw);
    const view = await statisticsOverview(ctx, rule, Number(todayInStockholm().slice(0, 4)), todayInStockholm());
    const provinces = await listPlaceOptions({ ctx, maxDepth: 0 });
    const provinceName = provinceNamer(provinces);
    const byProvince = view.byProvince.map((r) => ({ ...r, name: provinceName(r.key) }));
    const lang = langOf(c);
    const charts = Object.fromEntries(CHART_NAMES.map((name) => [name, buildChart(name, view, lang, provinceName)])) as Record<ChartName, Chart>;
    return c.html(<StatisticsPage lang={lang} view={{ ...view, byProvince, charts }} raw={raw} />);
  });
  web.get('/karta', async (c) => {
    const lang = langOf(c);
    const raw = singleQuery(c);
    const { on: requested, ...filters } = withoutLang(raw);
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
    return c.html(<MapPage lang={lang} query={query} panels={panels} raw={raw} />);
  });
  web.get('/oppna-data', (c) => {
    singleQuery(c);
    return c.html(<OpenDataPage lang={langOf(c)} origin={new URL(c.req.url).origin} />);
  });
  return web;
}
