// The contact surfaces as a layer of the map: a circle on each county and
// province, as large as the number of surfaces there of the kinds shown,
// each a link to the list filtered so; the same counts in a table beside
// it (the table is the map's text: every number on the map is in it).
import { CONTACT_SURFACE_KINDS, type ContactSurfaceKind } from '../../db/schema.ts';
import type { CountyCounts, ProvinceCounts } from '../../domain/contact-surfaces/counts.ts';
import { COUNTIES, label, type Lang } from '../i18n.ts';
import { href } from '../layout.tsx';
import { basemap, COUNTY_SHAPE, esc, svgOpen } from './ties-map.tsx';
import { PlaceName } from '../contact-surfaces/section.tsx';

/** The layers a reader can choose on the map: every kind, none, or one. */
export const SURFACE_LAYERS = ['alla', 'inga', ...CONTACT_SURFACE_KINDS] as const;
export type SurfaceLayer = (typeof SURFACE_LAYERS)[number];
export const kindsOfLayer = (layer: SurfaceLayer): readonly ContactSurfaceKind[] => (layer === 'alla' ? CONTACT_SURFACE_KINDS : layer === 'inga' ? [] : [layer]);

const sumOf = (counts: Record<ContactSurfaceKind, number>, kinds: readonly ContactSurfaceKind[]) => kinds.reduce((n, k) => n + counts[k], 0);

export function renderSurfacesMap(props: { lang: Lang; id: string; title: string; counties: CountyCounts[]; provinces: ProvinceCounts[]; kinds: readonly ContactSurfaceKind[] }): { svg: string; unplaced: string[] } {
  const { lang, kinds } = props;
  const base = basemap(lang);
  const counties = props.counties.map((c) => ({ ...c, n: sumOf(c.counts, kinds) })).filter((c) => c.n > 0);
  const provinces = props.provinces.map((p) => ({ ...p, n: sumOf(p.counts, kinds) })).filter((p) => p.n > 0);
  const max = Math.max(1, ...counties.map((c) => c.n), ...provinces.map((p) => p.n));
  const radius = (n: number) => (3 + 14 * Math.sqrt(n / max)).toFixed(1);
  const unplaced: string[] = [];
  const circle = (link: string, name: string, n: number, point: [number, number] | null | undefined, fill: string) => {
    if (!point) {
      unplaced.push(name);
      return '';
    }
    return `<a href="${link}" tabindex="-1" aria-label="${esc(`${name}: ${n}`)}"><circle cx="${point[0].toFixed(1)}" cy="${point[1].toFixed(1)}" r="${radius(n)}" fill="${fill}" fill-opacity="0.55" stroke="#1b1b1b" stroke-width="0.8"/><title>${esc(`${name}: ${n}`)}</title></a>`;
  };
  const kindFilter = kinds.length === 1 ? { kind: kinds[0] } : {};
  const circles = [
    ...counties.map((c) => circle(href(lang, '/kontaktytor', { county: c.county, ...kindFilter }), COUNTIES[c.county] ?? c.county, c.n, base.countyCentre.get((COUNTY_SHAPE[c.county] ?? '').toLowerCase()), '#0b5394')),
    ...provinces.map((p) => circle(href(lang, '/kontaktytor', { province: p.slug, ...kindFilter }), `${p.name}${p.native ? ` ${p.native}` : ''}`, p.n, base.provinceCentre.get(p.name.toLowerCase()), '#a14a00')),
  ].join('');
  const total = (list: Array<{ n: number }>) => list.reduce((n, x) => n + x.n, 0);
  const summary =
    lang === 'sv'
      ? `Kontaktytor per län (${counties.length} län, ${total(counties)} kopplingar) och per provins (${provinces.length} provinser, ${total(provinces)} kopplingar). Tabellen bredvid har samma tal.`
      : `Contact surfaces per county (${counties.length} counties, ${total(counties)} links) and per province (${provinces.length} provinces, ${total(provinces)} links). The table beside it has the same numbers.`;
  return { svg: `${svgOpen(props.id, props.title, summary)}${base.shapes}<g>${circles}</g></svg>`, unplaced };
}

/** The counts per county and per province by kind, as tables: the map's numbers, and its way in by keyboard. */
export function SurfaceCountTables(props: { lang: Lang; counties: CountyCounts[]; provinces: ProvinceCounts[]; kinds: readonly ContactSurfaceKind[]; idPrefix: string }) {
  const { lang, kinds } = props;
  const sv = lang === 'sv';
  if (!kinds.length) return null;
  const shown = <T extends { counts: Record<ContactSurfaceKind, number> }>(list: T[]) => list.filter((x) => sumOf(x.counts, kinds) > 0);
  const table = (caption: string, first: string, rows: Array<{ key: string; name: unknown; link: string; counts: Record<ContactSurfaceKind, number> }>) => (
    <table class="numbers">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          {kinds.map((k) => (
            <th scope="col">{label(lang, kinds.length > 1 ? 'contactSurfaceShort' : 'contactSurface', k)}</th>
          ))}
          {kinds.length > 1 ? <th scope="col">{sv ? 'Sammanlagt' : 'In all'}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.length ? (
          rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={r.link}>{r.name}</a>
              </th>
              {kinds.map((k) => (
                <td>{r.counts[k]}</td>
              ))}
              {kinds.length > 1 ? <td>{sumOf(r.counts, kinds)}</td> : null}
            </tr>
          ))
        ) : (
          <tr>
            <td colspan={kinds.length + (kinds.length > 1 ? 2 : 1)}>{sv ? 'Inga kontaktytor.' : 'No contact surfaces.'}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
  const kindFilter = kinds.length === 1 ? { kind: kinds[0] } : {};
  return (
    <div class="surface-tables" id={`${props.idPrefix}-tables`}>
      {table(
        sv ? 'Kontaktytor per län' : 'Contact surfaces per county',
        sv ? 'Län' : 'County',
        shown(props.counties).map((c) => ({ key: c.county, name: COUNTIES[c.county] ?? c.county, link: href(lang, '/kontaktytor', { county: c.county, ...kindFilter }), counts: c.counts })),
      )}
      {table(
        sv ? 'Kontaktytor per provins' : 'Contact surfaces per province',
        sv ? 'Provins' : 'Province',
        shown(props.provinces).map((p) => ({
          key: p.slug,
          name: <PlaceName place={p} />,
          link: href(lang, '/kontaktytor', { province: p.slug, ...kindFilter }),
          counts: p.counts,
        })),
      )}
    </div>
  );
}
