// A browser without a browser, for the integration tests of the pages: a
// cookie jar for this site in front of the app, and what a browser sends
// when a person fills in a form (its fields as they stand, the button
// pressed, the form's CSRF token).
import type { Hono } from 'hono';
import { expect } from 'vitest';

/** The application as the tests make it (createApp). */
type App = Pick<Hono, 'fetch'>;

export class FormBrowser {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: App) {}

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.fetch(new Request(new URL(path, 'http://localhost'), { ...init, headers, redirect: 'manual' }));
    for (const line of response.headers.getSetCookie()) {
      const [name, value] = line.split(';')[0]!.split('=') as [string, string];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async page(path: string) {
    const response = await this.request(path);
    return { response, status: response.status, html: await response.text() };
  }

  /** The CSRF token of the form on the page at `path`. */
  async formToken(path: string) {
    return formTokenOf((await this.page(path)).html);
  }

  post(path: string, fields: Record<string, string> | URLSearchParams, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** Signs in with a password through the sign-in form; answers the form's answer (303 when it worked). */
  async signIn(email: string, password: string) {
    return this.post('/logga-in', { csrf: await this.formToken('/logga-in'), email, password });
  }
}

export const formTokenOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Every named field of the first form posting to `action` in `html`, as the browser would send it (ticked boxes and selected options only). */
export function formFields(html: string, action: string): URLSearchParams {
  const at = html.indexOf(`action="${action}"`);
  const form = html.slice(at, html.indexOf('</form>', at));
  const fields = new URLSearchParams();
  const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(attrs)) continue;
    fields.append(name, unescape(/value="([^"]*)"/.exec(attrs)?.[1] ?? (type === 'checkbox' ? 'on' : '')));
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? /<option value="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
    fields.append(m[1]!, unescape(selected));
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields.append(m[1]!, unescape(m[2]!));
  return fields;
}

/** The fields with the button `action` pressed and some set to new values. */
export const withAction = (fields: URLSearchParams, action: string, set: Record<string, string> = {}) => {
  const out = new URLSearchParams(fields);
  for (const [k, v] of Object.entries(set)) out.set(k, v);
  out.set('action', action);
  return out;
};

/** The text of the error summary's entry that links to the field `id` (tags dropped), or '' where there is none. */
export function summaryEntry(html: string, id: string): string {
  const summary = /class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  const at = summary.indexOf(`href="#${id}"`);
  if (at < 0) return '';
  return summary.slice(summary.indexOf('>', at) + 1, summary.indexOf('</a>', at)).replace(/<[^>]*>/g, '');
}

/** That the summary's entry linking to `id` names its field first and then says `message` (lowered after the name). */
export function expectNamedEntry(html: string, id: string, message: string) {
  const entry = summaryEntry(html, id);
  expect(entry, id).toMatch(/^[^:<]+: \S/);
  expect(entry.toLowerCase(), id).toContain(message.toLowerCase());
}
