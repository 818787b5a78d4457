// The edge of every route: the query and the path parameters are read and
// checked here, once, before anything reaches a verb or the database. A route
// names the parameters it reads (its QuerySpec); what is read is handed on as
// a plain object in a fixed order, which is also what the response cache keys
// on (response-cache.ts), so parameters a route does not read cannot make
// answers differ or fill the cache.
import type { KindNames } from '../domain/agreement-kinds/names.ts';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { invalid, notFound } from '../domain/errors.ts';

export type Query = Record<string, string>;
export type Lang = 'sv' | 'en';

/** Variables the edge puts on Hono's context for the handlers behind it. */
export interface HttpEnv {
  Variables: {
    query: Query;
    /** The data version read as the request arrived (GET and HEAD): the response cache keys on it. */
    dataVersion?: number;
    /** The kinds' names at that version, for web/i18n.ts label(). */
    kindNames?: KindNames;
  };
}

export interface QuerySpec {
  /** The parameters the route reads, in the order they are keyed and handed on. */
  names: readonly string[];
  /**
   * A parameter the route does not read: the JSON API refuses it (a client
   * learns of its typo), a page ignores it (links shared with ?utm_source=…
   * or ?fbclid=… must open). A page also sends an address with empty
   * parameters on to the same address without them (cleanAddress).
   */
  unknown: 'refuse' | 'ignore';
  /** What the path's :slug names, for the "not found" of a slug no record can have. */
  slug?: 'agreement' | 'actor' | 'counterpart' | 'source' | 'article';
}

/** Longer than any value a route takes (search text is limited to 200 characters by the verbs). */
const MAX_VALUE_LENGTH = 1_000;
const MAX_NAME_LENGTH = 100;
// C0 and C1 control characters and DEL: nothing a form or a link legitimately
// sends, and a NUL is refused by PostgreSQL in a text parameter.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// What decoding makes of bytes that are not UTF-8.
const REPLACEMENT = '\ufffd';

/** Why a text cannot be used as a parameter, in words; null when it can. */
function textProblem(value: string, limit: number): string | null {
  if (value.length > limit) return `is longer than ${limit} characters`;
  if (CONTROL.test(value)) return 'contains a control character';
  if (value.includes(REPLACEMENT)) return 'is not valid UTF-8 text';
  if (!value.isWellFormed()) return 'is not valid Unicode text';
  return null;
}

/** The raw query of a request, each name with every value given, decoded as forms encode it. */
function rawQuery(url: string): Array<[string, string]> {
  const at = url.indexOf('?');
  if (at === -1) return [];
  const end = url.indexOf('#', at);
  return [...new URLSearchParams(url.slice(at + 1, end === -1 ? undefined : end))];
}

/** The query a route reads: checked, each name once, empty values left out (an empty form field means "no filter"), in the spec's order. */
export function readQuery(url: string, spec: QuerySpec): Query {
  const given = new Map<string, string[]>();
  const problems: Array<{ field: string; message: string }> = [];
  for (const [name, value] of rawQuery(url)) {
    const known = spec.names.includes(name);
    if (!known && spec.unknown === 'ignore') continue;
    const nameProblem = textProblem(name, MAX_NAME_LENGTH);
    if (nameProblem) problems.push({ field: '(parameter name)', message: `a parameter's name ${nameProblem}` });
    else if (!known) problems.push({ field: name, message: `is not a parameter of this address; it takes ${spec.names.length ? spec.names.join(', ') : 'none'}` });
    else {
      const valueProblem = textProblem(value, MAX_VALUE_LENGTH);
      if (valueProblem) problems.push({ field: name, message: valueProblem });
      else given.set(name, [...(given.get(name) ?? []), value]);
    }
  }
  const out: Query = {};
  for (const name of spec.names) {
    const values = given.get(name);
    if (!values) continue;
    if (values.length > 1) problems.push({ field: name, message: 'is given more than once' });
    else if (values[0] !== '') out[name] = values[0]!;
  }
  if (problems.length) throw invalid(dedupe(problems));
  return out;
}

/**
 * The address without its empty parameters, or null when it has none. A
 * form sent by GET puts every field in the address, the empty ones too
 * (?q=mora&county=&kind=…); the address to keep and share carries only what
 * is set, and no browser leaves empty fields out without a script.
 */
export function cleanAddress(url: string): string | null {
  const given = rawQuery(url);
  if (!given.some(([, value]) => value === '')) return null;
  const { pathname } = new URL(url);
  const kept = new URLSearchParams(given.filter(([, value]) => value !== '')).toString();
  // Never `//host`: a path that begins so would send the browser to another site.
  const path = `/${pathname.replace(/^\/+/, '')}`;
  return kept ? `${path}?${kept}` : path;
}

const dedupe = (problems: Array<{ field: string; message: string }>) => [...new Map(problems.map((p) => [`${p.field}\u0000${p.message}`, p])).values()];

/** The language a page asked for: English only when it says so. */
export function langOf(c: HonoContext): Lang {
  const query = c.get('query') as Query | undefined;
  return (query ? query.lang : safeLangParameter(c.req.url)) === 'en' ? 'en' : 'sv';
}

function safeLangParameter(url: string): string | undefined {
  try {
    return rawQuery(url).find(([name]) => name === 'lang')?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The language of an error page: the page's own (?lang=), else the reader's
 * browser when it prefers English to Swedish, else Swedish.
 */
export function errorLangOf(c: HonoContext): Lang {
  const asked = safeLangParameter(c.req.url);
  if (asked === 'en' || asked === 'sv') return asked;
  return prefersEnglish(c.req.header('accept-language') ?? '') ? 'en' : 'sv';
}

/** Accept-Language ranks English (any region) above Swedish, and above zero. */
export function prefersEnglish(header: string): boolean {
  let en = 0;
  let sv = 0;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
    const weight = Number.isFinite(q) ? q : 0;
    if (tag === 'en' || tag?.startsWith('en-')) en = Math.max(en, weight);
    if (tag === 'sv' || tag?.startsWith('sv-')) sv = Math.max(sv, weight);
  }
  return en > 0 && en > sv;
}

// The shape every record's slug has (slugSchema in the domain): anything else
// names no record, so it is not looked up.
const SLUG = /^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 120;

/**
 * The edge of a route: checks the path's slug (a slug that cannot exist is
 * "not found", without asking the database) and reads the query into
 * c.var.query.
 */
export function accepts(spec: QuerySpec): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const slug = c.req.param('slug') as string | undefined;
    if (slug !== undefined && (slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug))) throw notFound(spec.slug ?? 'resource');
    c.set('query', readQuery(c.req.url, spec));
    const clean = spec.unknown === 'ignore' ? cleanAddress(c.req.url) : null;
    if (clean !== null) return c.redirect(clean, 302);
    await next();
  };
}
