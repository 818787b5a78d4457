// The only reader of process.env. Validated once at start: a bad value stops
// the program with the variable named.
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  // PostgreSQL server; when unset, the embedded PGlite database in DATA_DIR is used.
  DATABASE_URL: z.string().url().optional(),
  // Connections to the PostgreSQL server (docs/performance.md: measured on two cores).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
  DATA_DIR: z.string().min(1).default('./data/pglite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Used only by the test suites to point them at a PostgreSQL server.
  TEST_DATABASE_URL: z.string().url().optional(),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // The site's public address, for absolute URLs (the DCAT catalogue):
  // an origin such as https://ortsband.example.se. Default http://HOST:PORT.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http or https address, such as https://ortsband.example.se' })
    .refine((value) => {
      const url = new URL(value);
      return (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password;
    }, 'must be an origin only (scheme, host and port), without a path, query or user')
    .optional(),
  // Behind a reverse proxy: take the public address from X-Forwarded-Proto
  // and X-Forwarded-Host when PUBLIC_URL is not set. Off by default, since
  // any client can send those headers.
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  // The open-data contact address in the DCAT catalogue (/api/dcat.jsonld).
  CONTACT_EMAIL: z.email().optional(),
  // Sign-in through an OpenID Connect provider (Entra ID, Freja eID+, a
  // Sweden Connect broker): its issuer URL and this client's registration.
  // All three or none; the claim that carries the e-mail address, and the
  // sign-in button's words, may be set too.
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  OIDC_LABEL: z.string().min(1).max(100).optional(),
  // Outgoing mail (invitations): an SMTP server, smtp://user:password@host:587; unset = no mail.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Ortsband <noreply@localhost>'),
  // How often the server sends the reminders that have fallen due (with SMTP_URL set); 0 turns the job off.
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
}).refine((e) => [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v === undefined) || [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v !== undefined), {
  message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none of them',
  path: ['OIDC_ISSUER'],
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
