// Shared by pages and API: read a request's query once, refusing a parameter
// given twice, so every transport hands the verbs the same plain object.
import type { Context as HonoContext } from 'hono';
import { invalid } from '../domain/errors.ts';

export function singleQuery(c: HonoContext, ignore: string[] = []): Record<string, string> {
  const all = c.req.queries();
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) throw invalid([{ field: key, message: 'is given more than once' }]);
    const value = values[0] ?? '';
    // An empty form field means "no filter".
    if (value !== '' && !ignore.includes(key)) out[key] = value;
  }
  return out;
}

export const langOf = (c: HonoContext) => (c.req.query('lang') === 'en' ? 'en' : 'sv') as 'sv' | 'en';
