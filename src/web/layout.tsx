import { tryGetContext } from 'hono/context-storage';
import { html, raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { t, type Lang } from './i18n.ts';
import type { HttpEnv } from '../http/query.ts';
import { nameSummaryEntries } from './summary-names.ts';

/** A link inside the site that keeps the language and drops empty parameters. */
export function href(lang: Lang, path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  if (lang === 'en') search.set('lang', 'en');
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

const NAV: Array<[string, Parameters<typeof t>[1]]> = [
  ['/', 'home'],
  ['/avtal', 'agreements'],
  ['/parter', 'actors'],
  ['/motparter', 'counterparts'],
  ['/statistik', 'statistics'],
  ['/karta', 'map'],
  ['/besokskalender', 'visitsCalendar'],
  ['/natverk', 'networks'],
  ['/oppna-data', 'openData'],
];

const DAY = { sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }), en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }) };

/**
 * The page around every page's content. `head`: elements a page adds to
 * <head>, such as a link to a machine-readable alternate (an html template:
 * JSX <title>, <meta> or <link> in a page's body would stay in the body).
 *
 * A tagged template rather than JSX, as the one part of every page: hono's
 * JSX makes an object per element, looks up its rendering context for each
 * (a <head> or <svg> turns that on), and routes <title>, <meta> and <link>
 * through its document-metadata components. Measured warm, in-process: the
 * shell 20 µs as JSX, 6–8 µs as a template; an agreement page of the
 * shipped data 50 → 37 µs (median of passes). The HTML is the same: 366
 * pages compared byte for byte when this was changed.
 */
/** `account`: the signed-in person's name, where the page knows it: the menu then offers their account instead of signing in. */
export function Layout(props: { lang: Lang; title: string; path: string; query?: Record<string, string>; head?: ReturnType<typeof html>; account?: string; children: Child }) {
  const { lang, title, path } = props;
  const otherLang: Lang = lang === 'sv' ? 'en' : 'sv';
  const { lang: _l, ...rest } = props.query ?? {};
  const current = (to: string) => ((to === '/' ? path === '/' : path.startsWith(to)) ? html` aria-current="page"` : '');
  const head = html`<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${title} – Ortsband</title><link rel="stylesheet" href="/assets/site.css"/>${props.head ?? ''}</head>`;
  const brand = html`<div class="brand"><a href="${href(lang, '/')}">Ortsband</a><span class="tagline">${t(lang, 'tagline')}</span></div>`;
  const menu = NAV.map(([to, key]) => html`<li><a href="${href(lang, to)}"${current(to)}>${t(lang, key)}</a></li>`);
  const switchLang = html`<li><a href="${href(otherLang, path, rest)}" lang="${otherLang}" hreflang="${otherLang}">${t(lang, 'switchLang')}</a></li>`;
  // Signed-in requests never reach the response cache, so a page kept for everyone never names anyone.
  const account = props.account ?? tryGetContext()?.get('signedIn')?.displayName;
  const signIn = account
    ? html`<li><a href="${href(lang, '/oversikt')}"${current('/oversikt')}>${lang === 'sv' ? 'Min uppföljning' : 'My follow-up'}</a></li><li><a href="${href(lang, '/konto')}"${current('/konto')}>${lang === 'sv' ? 'Konto' : 'Account'}: ${account}</a></li>`
    : html`<li><a href="${href(lang, '/logga-in')}"${current('/logga-in')}>${lang === 'sv' ? 'Logga in' : 'Sign in'}</a></li>`;
  const nav = html`<nav aria-label="${lang === 'sv' ? 'Huvudmeny' : 'Main menu'}"><ul>${menu}${switchLang}${signIn}</ul></nav>`;
  const credit =
    lang === 'sv'
      ? 'Data från rapporten "Lokal frost i relationerna" (NKK 2022) och fyra andra källdokument; varje uppgift anger sin källa.'
      : 'Data from the report "Lokal frost i relationerna" (NKK 2022) and four other source documents; every fact names its source.';
  // On paper: which page, read when, at which data version (the screen shows the address bar instead).
  const version = tryGetContext<HttpEnv>()?.get('dataVersion');
  const printed = html`<p class="print-only">Ortsband ${href(lang, path, rest)} · ${lang === 'sv' ? 'sidan skapad' : 'page made'} ${DAY[lang].format(new Date())}${version === undefined ? '' : html` · ${lang === 'sv' ? 'dataversion' : 'data version'} ${version}`}</p>`;
  const about = html`<a href="${href(lang, '/om')}">${lang === 'sv' ? 'Om registret' : 'About the register'}</a> · <a href="${href(lang, '/kunskap')}">${lang === 'sv' ? 'Kunskapsbank' : 'Knowledge base'}</a> · <a href="${href(lang, '/tillganglighet')}">${lang === 'sv' ? 'Tillgänglighet' : 'Accessibility'}</a>`;
  const footer = html`<footer class="site-footer"><p>${credit} <a href="${href(lang, '/oppna-data')}">${t(lang, 'openData')}</a></p><p>${about}</p>${printed}</footer>`;
  // The doctype keeps browsers in standards mode.
  return html`<!DOCTYPE html><html lang="${lang}">${head}<body><a class="skip" href="#main">${t(lang, 'skip')}</a><header class="site-header">${brand}${nav}</header><main id="main" tabindex="-1">${withNamedSummary(props.children)}</main>${footer}</body></html>`;
}

/** The page's content, its error summary's entries named by their fields (which are rendered after the summary). */
function withNamedSummary(children: Child) {
  // A node renders to a promise where a child is async (none is today): the names then wait for it.
  const content = (<>{children}</>).toString() as string | Promise<string>;
  return content instanceof Promise ? content.then((c) => raw(nameSummaryEntries(c))) : raw(nameSummaryEntries(content));
}

export function StatusBadge(props: { status: string; text: string }) {
  // The status is told in words; the colour only repeats it.
  return <span class={`status status-${props.status}`}>{props.text}</span>;
}
