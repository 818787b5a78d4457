// The site's own address, for absolute URLs (the DCAT catalogue, the
// attribution example): the configured PUBLIC_URL; without it, the
// X-Forwarded-Proto/-Host a trusted proxy (TRUST_PROXY) sets; else the
// address the server listens on. Never the Host header alone: whoever sends
// the request chooses it, and a catalogue or link built from it could point
// anywhere.
import type { Context as HonoContext } from 'hono';

export interface PublicAddress {
  /** An origin such as https://ortsband.example.se, validated by env.ts. */
  publicUrl?: string;
  trustProxy: boolean;
  /** Where the server listens, the last resort. */
  host: string;
  port: number;
}

// A host name or IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function publicOrigin(c: HonoContext, address: PublicAddress): string {
  if (address.publicUrl) return new URL(address.publicUrl).origin;
  if (address.trustProxy) {
    // The first value: the proxy nearest the client appends to the end.
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() ?? 'http';
    if (host && HOST.test(host) && (proto === 'http' || proto === 'https')) return `${proto}://${host.toLowerCase()}`;
  }
  return configuredOrigin(address);
}

/** The site's address where no request is at hand (links in reminder e-mails): PUBLIC_URL, else where the server listens. */
export function configuredOrigin(address: Pick<PublicAddress, 'publicUrl' | 'host' | 'port'>): string {
  if (address.publicUrl) return new URL(address.publicUrl).origin;
  const host = address.host === '0.0.0.0' || address.host === '::' ? 'localhost' : address.host.includes(':') ? `[${address.host}]` : address.host;
  return `http://${host}:${address.port}`;
}
