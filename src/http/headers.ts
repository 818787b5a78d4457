// Headers on every answer, whatever made it (a page, the API, an error, the
// cache). The pages run no script at all: scripts, plugins, frames around the
// site and forms to elsewhere are refused outright. Styles are not held to
// the site's style sheet alone, and say so: the charts on /statistik are
// ECharts' server-rendered SVG, each with a <style> element of hover rules
// (the classes and colours differ per chart and rule), and the counterparts
// list indents by depth with a style attribute. Everything the pages show is
// escaped, so an inline style can only be one the code wrote.
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: ReadonlyArray<[string, string]> = [
  ['content-security-policy', CONTENT_SECURITY_POLICY],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'same-origin'],
  // frame-ancestors for browsers that predate it.
  ['x-frame-options', 'DENY'],
];

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // On the response's own headers: c.header() after next() would copy the
  // body into a new response, a stream, for every answer (even a cached one).
  for (const [name, value] of SECURITY_HEADERS) c.res.headers.set(name, value);
};
