// Sweden with the Swedish parties at their seats, China with its provinces
// and the counterparts, and a line for each tie, drawn by status. Server-side
// SVG from d3-geo; every place is a link that can be reached by Tab. What
// cannot be placed is listed under the map, never dropped.
import { geoCentroid, geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Status } from '../../db/schema.ts';
import type { MapBundle, MapContent, MapTie } from '../../domain/maps/ties.ts';
import { label, type Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { regionsOf, type Region } from './geodata.ts';

// Colour and dash per status: the dash tells the status without colour.
export const TIE_STYLE: Record<Status, { stroke: string; dash: string; width: number }> = {
  active: { stroke: '#0a5c2b', dash: '', width: 2 },
  dormant: { stroke: '#5b4a00', dash: '8 4', width: 1.6 },
  paused: { stroke: '#a14a00', dash: '2 3', width: 1.8 },
  partly_ended: { stroke: '#6b2a5c', dash: '8 3 2 3', width: 1.6 },
  ended: { stroke: '#8c1c13', dash: '1 5', width: 1.2 },
  planned: { stroke: '#2f3e6b', dash: '12 4', width: 1.2 },
};

const STATUS_ORDER = Object.keys(TIE_STYLE) as Status[];
const W = 900;
const H = 560;
const collection = (regions: Region[]): FeatureCollection<Geometry> => ({ type: 'FeatureCollection', features: regions });
export const esc = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export interface RenderedMap {
  svg: string;
  unplaced: Array<{ kind: 'actor' | 'place'; slug: string; name: string }>;
  ties: number;
  /**
   * Every point the map links from, as a list: the keyboard's way to them.
   * The points themselves are out of the tab order (a map of 200 points
   * would be 200 tab stops); a pointer still follows them.
   */
  links: Array<{ side: 'sweden' | 'china'; href: string; name: string; ties: number }>;
}

// Past this many ties single lines become a tangle: the map draws one line
// per county and province instead, as wide as the number of ties.
export const MAX_SINGLE_TIES = 300;

// SCB's länskod → the county's name in the shapes' data.
export const COUNTY_SHAPE: Record<string, string> = {
  '01': 'Stockholm', '03': 'Uppsala', '04': 'Södermanland', '05': 'Östergötland', '06': 'Jönköping', '07': 'Kronoberg', '08': 'Kalmar',
  '09': 'Gotland', '10': 'Blekinge', '12': 'Skåne', '13': 'Halland', '14': 'Västra Götaland', '17': 'Värmland', '18': 'Orebro',
  '19': 'Västmanland', '20': 'Dalarna', '21': 'Gävleborg', '22': 'Västernorrland', '23': 'Jämtland', '24': 'Västerbotten', '25': 'Norrbotten',
};

/** `content` from mapContent() with MAX_SINGLE_TIES: single ties, or bundles past that many. */
export function renderTiesMap(props: { lang: Lang; id: string; title: string; content: MapContent }): RenderedMap {
  const { content, ...rest } = props;
  return content.kind === 'bundles' ? renderBundledMap({ ...rest, bundles: content.bundles, ties: content.ties }) : renderSingleTies({ ...rest, ties: content.ties });
}

// The outlines never change: drawn once per language, at a tenth of a pixel.
const basemaps = new Map<Lang, ReturnType<typeof drawBasemap>>();
export function basemap(lang: Lang) {
  let base = basemaps.get(lang);
  if (!base) basemaps.set(lang, (base = drawBasemap(lang)));
  return base;
}

function drawBasemap(lang: Lang) {
  const sweden = regionsOf('swe');
  const china = regionsOf('chn');
  const sweProjection = geoMercator().fitExtent([[10, 50], [300, H - 20]], collection(sweden));
  const chnProjection = geoMercator().fitExtent([[340, 50], [W - 10, H - 20]], collection(china));
  const swePath = geoPath(sweProjection).digits(1);
  const chnPath = geoPath(chnProjection).digits(1);
  const shapes = `<g aria-hidden="true">${sweden.map((r) => `<path d="${swePath(r)}" fill="#f3f5f8" stroke="#8a8a8a" stroke-width="0.6"/>`).join('')}
${china.map((r) => `<path d="${chnPath(r)}" fill="#f3f5f8" stroke="#8a8a8a" stroke-width="0.6"/>`).join('')}
<text x="150" y="30" text-anchor="middle" font-weight="bold" fill="#1b1b1b">${lang === 'sv' ? 'Sverige' : 'Sweden'}</text>
<text x="620" y="30" text-anchor="middle" font-weight="bold" fill="#1b1b1b">${lang === 'sv' ? 'Kina' : 'China'} 中国</text></g>`;
  const centre = (regions: Region[], projection: typeof sweProjection) =>
    new Map(regions.map((r) => [r.properties.name!.toLowerCase(), projection(geoCentroid(r))]));
  return { sweden, china, sweProjection, chnProjection, shapes, countyCentre: centre(sweden, sweProjection), provinceCentre: centre(china, chnProjection) };
}

export const svgOpen = (id: string, title: string, summary: string) =>
  `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" aria-labelledby="${id}-title ${id}-desc" font-family="Noto Sans, Noto Sans CJK SC, sans-serif" font-size="12">
<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(summary)}</desc>`;

const curve = (a: [number, number], b: [number, number]) => {
  const mid: [number, number] = [(a[0] + b[0]) / 2, Math.min(a[1], b[1]) - 60];
  return `M${a[0].toFixed(1)} ${a[1].toFixed(1)} Q${mid[0].toFixed(1)} ${mid[1].toFixed(1)} ${b[0].toFixed(1)} ${b[1].toFixed(1)}`;
};

/** Many ties: one line per county and province, its width the number of ties; each end a link to the list. */
function renderBundledMap(props: { lang: Lang; id: string; title: string; bundles: MapBundle[]; ties: number }): RenderedMap {
  const { lang, id, ties } = props;
  const base = basemap(lang);
  type Bundle = { county: string; province: MapTie['province']; n: number; byStatus: Map<Status, number> };
  const bundles = new Map<string, Bundle>();
  const unplaced = new Map<string, RenderedMap['unplaced'][number]>();
  for (const t of props.bundles) {
    const key = `${t.county}|${t.province.slug}`;
    const b = bundles.get(key) ?? { county: t.county ?? '', province: t.province, n: 0, byStatus: new Map() };
    b.n += t.n;
    b.byStatus.set(t.status, (b.byStatus.get(t.status) ?? 0) + t.n);
    bundles.set(key, b);
  }
  const countyPoint = (code: string) => base.countyCentre.get((COUNTY_SHAPE[code] ?? '').toLowerCase()) ?? null;
  const provincePoint = (p: MapTie['province']) => base.provinceCentre.get(p.name.toLowerCase()) ?? null;
  const max = Math.max(...[...bundles.values()].map((b) => b.n));
  const lines = [...bundles.values()]
    .sort((a, b) => a.n - b.n)
    .map((b) => {
      const from = countyPoint(b.county);
      const to = provincePoint(b.province);
      if (!from) unplaced.set(`c${b.county}`, { kind: 'actor', slug: '', name: lang === 'sv' ? `Län ${b.county || 'okänt'}` : `County ${b.county || 'unknown'}` });
      if (!to) unplaced.set(`p${b.province.slug}`, { kind: 'place', slug: b.province.slug, name: `${b.province.name} ${b.province.native ?? ''}`.trim() });
      if (!from || !to) return '';
      const statuses = STATUS_ORDER.filter((s) => b.byStatus.has(s)).map((s) => `${label(lang, 'status', s)} ${b.byStatus.get(s)}`).join(', ');
      return `<path d="${curve(from, to)}" fill="none" stroke="#0b5394" stroke-width="${(0.5 + 5 * Math.sqrt(b.n / max)).toFixed(2)}" opacity="0.45"><title>${esc(`${COUNTY_SHAPE[b.county] ?? b.county} – ${b.province.name}: ${b.n} (${statuses})`)}</title></path>`;
    })
    .join('');
  const counties = [...new Set([...bundles.values()].map((b) => b.county))];
  const provinces = new Map([...bundles.values()].map((b) => [b.province.slug, b.province]));
  const points = [
    ...counties.map((code) => {
      const p = countyPoint(code);
      return p ? `<a href="${href(lang, '/avtal', { county: code })}" tabindex="-1" aria-label="${esc(COUNTY_SHAPE[code] ?? code)}"><circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="5" fill="#0b5394" stroke="#fff"/></a>` : '';
    }),
    ...[...provinces.values()].map((prov) => {
      const p = provincePoint(prov);
      return p ? `<a href="${href(lang, `/motparter/${prov.slug}`)}" tabindex="-1" aria-label="${esc(`${prov.name} ${prov.native ?? ''}`.trim())}"><circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="5" fill="#1b1b1b" stroke="#fff"/></a>` : '';
    }),
  ].join('');
  const summary =
    lang === 'sv'
      ? `${ties} band, för många att rita ett och ett: en linje per län och provins, bredare ju fler band.`
      : `${ties} ties, too many to draw one by one: one line per county and province, wider for more ties.`;
  const tiesOf = (pick: (b: Bundle) => boolean) => [...bundles.values()].filter(pick).reduce((n, b) => n + b.n, 0);
  const links: RenderedMap['links'] = [
    ...counties.filter((code) => countyPoint(code)).map((code) => ({ side: 'sweden' as const, href: href(lang, '/avtal', { county: code }), name: COUNTY_SHAPE[code] ?? code, ties: tiesOf((b) => b.county === code) })),
    ...[...provinces.values()].filter((prov) => provincePoint(prov)).map((prov) => ({ side: 'china' as const, href: href(lang, `/motparter/${prov.slug}`), name: `${prov.name} ${prov.native ?? ''}`.trim(), ties: tiesOf((b) => b.province.slug === prov.slug) })),
  ];
  return { svg: `${svgOpen(id, props.title, summary)}${base.shapes}<g>${lines}</g><g>${points}</g></svg>`, unplaced: [...unplaced.values()], ties, links };
}

function renderSingleTies(props: { lang: Lang; id: string; title: string; ties: MapTie[] }): RenderedMap {
  const { lang, id, ties } = props;
  const base = basemap(lang);
  const unplaced: RenderedMap['unplaced'] = [];
  const actorPoint = new Map<string, [number, number] | null>();
  const placePoint = new Map<string, [number, number] | null>();
  for (const t of ties) {
    if (!actorPoint.has(t.actor.slug)) {
      const p = t.actor.lat !== null && t.actor.lon !== null ? base.sweProjection([t.actor.lon, t.actor.lat]) : null;
      actorPoint.set(t.actor.slug, p);
      if (!p) unplaced.push({ kind: 'actor', slug: t.actor.slug, name: t.actor.name });
    }
    if (!placePoint.has(t.place.slug)) {
      // A province without coordinates of its own sits at the centre of its outline.
      const p = t.place.lat !== null && t.place.lon !== null ? base.chnProjection([t.place.lon, t.place.lat]) : (base.provinceCentre.get(t.place.name.toLowerCase()) ?? null);
      placePoint.set(t.place.slug, p);
      if (!p) unplaced.push({ kind: 'place', slug: t.place.slug, name: `${t.place.name} ${t.place.native ?? ''}`.trim() });
    }
  }
  const lines = ties
    .map((t) => {
      const a = actorPoint.get(t.actor.slug);
      const b = placePoint.get(t.place.slug);
      if (!a || !b) return '';
      const s = TIE_STYLE[t.status];
      return `<path d="${curve(a, b)}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}" stroke-dasharray="${s.dash}" opacity="0.85"><title>${esc(`${t.actor.name} – ${t.place.name}: ${label(lang, 'status', t.status)}`)}</title></path>`;
    })
    .join('');
  const point = (kind: 'actor' | 'place', slug: string, name: string, p: [number, number] | null | undefined, count: number) =>
    p
      ? `<a href="${href(lang, kind === 'actor' ? `/parter/${slug}` : `/motparter/${slug}`)}" tabindex="-1" aria-label="${esc(`${name} (${count})`)}"><circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="${kind === 'actor' ? 4 : 4.5}" fill="${kind === 'actor' ? '#0b5394' : '#1b1b1b'}" stroke="#fff" stroke-width="1.2"/><title>${esc(name)}</title></a>`
      : '';
  const actors = new Map<string, { name: string; n: number }>();
  const places = new Map<string, { name: string; n: number }>();
  for (const t of ties) {
    actors.set(t.actor.slug, { name: t.actor.name, n: (actors.get(t.actor.slug)?.n ?? 0) + 1 });
    places.set(t.place.slug, { name: `${t.place.name} ${t.place.native ?? ''}`.trim(), n: (places.get(t.place.slug)?.n ?? 0) + 1 });
  }
  const summary =
    lang === 'sv'
      ? `${ties.length} band mellan ${actors.size} svenska parter och ${places.size} kinesiska motparter.${unplaced.length ? ` ${unplaced.length} kunde inte placeras.` : ''}`
      : `${ties.length} ties between ${actors.size} Swedish parties and ${places.size} Chinese counterparts.${unplaced.length ? ` ${unplaced.length} could not be placed.` : ''}`;
  const svg = `${svgOpen(id, props.title, summary)}${base.shapes}
<g>${lines}</g>
<g>${[...actors].map(([slug, a]) => point('actor', slug, a.name, actorPoint.get(slug), a.n)).join('')}</g>
<g>${[...places].map(([slug, p]) => point('place', slug, p.name, placePoint.get(slug), p.n)).join('')}</g>
</svg>`;
  const links: RenderedMap['links'] = [
    ...[...actors].filter(([slug]) => actorPoint.get(slug)).map(([slug, a]) => ({ side: 'sweden' as const, href: href(lang, `/parter/${slug}`), name: a.name, ties: a.n })),
    ...[...places].filter(([slug]) => placePoint.get(slug)).map(([slug, p]) => ({ side: 'china' as const, href: href(lang, `/motparter/${slug}`), name: p.name, ties: p.n })),
  ];
  return { svg, unplaced, ties: ties.length, links };
}

/** The legend, as HTML: each status's line drawn as it is on the map, with its name. */
export function TiesLegend(props: { lang: Lang }) {
  return (
    <ul class="legend">
      {(Object.keys(TIE_STYLE) as Status[]).map((status) => {
        const s = TIE_STYLE[status];
        return (
          <li>
            <svg width="40" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="40" y2="6" stroke={s.stroke} stroke-width={s.width + 1} stroke-dasharray={s.dash} />
            </svg>{' '}
            {label(props.lang, 'status', status)}
          </li>
        );
      })}
    </ul>
  );
}
