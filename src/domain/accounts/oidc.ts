// Sign-in through an OpenID Connect provider: the authorisation code flow
// with PKCE (openid-client). A person signs in only if an administrator (or
// an invitation) has given their e-mail address an organisation and a role;
// the provider's subject is bound to the user at the first sign-in, and a
// later sign-in with another subject for the same address is refused.
import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Executor } from '../../db/client.ts';
import { oidcFlows, users } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { acceptInvitation, openInvitationOf } from './invitations.ts';
import { startSession } from './sessions.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim that carries the e-mail address ('email' by default). */
  emailClaim: string;
  /** The sign-in button's words, e.g. "Region Skånes inloggning". */
  label?: string;
  /** Only for a provider on http://localhost in tests. */
  allowHttp?: boolean;
}

const FLOW_MINUTES = 10;

/** The provider's configuration, discovered once per process and settings. */
const configurations = new WeakMap<OidcSettings, Promise<client.Configuration>>();
function configuration(settings: OidcSettings): Promise<client.Configuration> {
  let found = configurations.get(settings);
  if (!found) {
    found = client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined);
    // A failed discovery (the provider was down) is tried again on the next sign-in.
    found.catch(() => configurations.delete(settings));
    configurations.set(settings, found);
  }
  return found;
}

/** Starts a sign-in: the address to send the browser to, and the state it must bring back. */
export async function beginOidcSignIn(db: Executor, settings: OidcSettings, redirectUri: string, lang: 'sv' | 'en'): Promise<{ url: string; state: string }> {
  const config = await configuration(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, new Date()));
  await db.insert(oidcFlows).values({ state, codeVerifier, nonce, lang, expiresAt: new Date(Date.now() + FLOW_MINUTES * 60_000) });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

export class OidcRefusal extends DomainError {
  constructor(
    readonly reason: 'unknown_person' | 'disabled' | 'other_subject' | 'no_email' | 'expired',
    message: string,
    readonly email?: string,
  ) {
    super('FORBIDDEN', message);
  }
}

/**
 * Completes a sign-in from the provider's answer (the callback's full URL)
 * and the state the browser's cookie holds; starts a session.
 */
export async function completeOidcSignIn(db: Executor, settings: OidcSettings, callbackUrl: URL, cookieState: string | undefined) {
  const state = callbackUrl.searchParams.get('state') ?? '';
  const [flow] = state && cookieState === state ? await db.delete(oidcFlows).where(eq(oidcFlows.state, state)).returning() : [];
  if (!flow || flow.expiresAt < new Date()) throw new OidcRefusal('expired', 'the sign-in took too long or was started in another browser; start it again');
  const config = await configuration(settings);
  let claims: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
    const idToken = tokens.claims()!;
    // Providers that keep the ID token small (OpenID's own default) give the
    // address from the userinfo endpoint only.
    claims = idToken[settings.emailClaim] === undefined ? { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), sub: idToken.sub } : idToken;
  } catch (error) {
    // The provider said no (the person cancelled) or its answer did not check out.
    throw new OidcRefusal('expired', `the identity provider did not sign you in (${error instanceof Error ? error.message.slice(0, 200) : 'no reason given'}); start again`);
  }
  const email = typeof claims[settings.emailClaim] === 'string' ? (claims[settings.emailClaim] as string).trim().toLowerCase() : '';
  if (!email) throw new OidcRefusal('no_email', `the identity provider gave no e-mail address (claim '${settings.emailClaim}')`);
  if (claims.email_verified === false) throw new OidcRefusal('no_email', 'the identity provider has not verified the e-mail address', email);
  const subject = String(claims.sub);
  let [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) {
    // An open invitation of the address is accepted by signing in.
    const invitation = await openInvitationOf(db, email);
    if (!invitation) throw new OidcRefusal('unknown_person', `${email} has no account in Ortsband`, email);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    user = await acceptInvitation(db, invitation.id, { displayName: name }, subject);
  }
  if (user.disabledAt) throw new OidcRefusal('disabled', 'this account is disabled', email);
  if (user.subject && user.subject !== subject) throw new OidcRefusal('other_subject', `${email} is bound to another identity at the provider`, email);
  if (!user.subject) await db.update(users).set({ subject }).where(eq(users.id, user.id));
  return { session: await startSession(db, user), lang: flow.lang as 'sv' | 'en' };
}
