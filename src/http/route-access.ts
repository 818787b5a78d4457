// Who may use each route: the table the authorisation matrix test
// (tests/integration/authorisation-matrix.test.ts) checks every route and
// method of the router against, for an anonymous visitor, a reader, an
// editor of the organisation that owns the record, an editor of another
// organisation, a coordinator and an administrator. A route the router has
// and this table lacks fails that test, and so does a row for a route the
// router does not have.
//
// The table states the rule; the routes and verbs enforce it (access.ts,
// session.ts). What a person may read inside an answer (public, shared,
// internal records) is the visibility rule, tested by the visibility crawl,
// not here.

/**
 * - `everyone`: anyone, signed in or not.
 * - `signedIn`: any signed-in person; an anonymous visitor is sent to sign in (a page) or gets 401 (the API).
 * - `editor`: an editor of any organisation (who makes a record for their own) or an administrator.
 * - `owner`: an editor of the organisation that owns the record the path names, or an administrator.
 * - `coordinator`: a coordinator or an administrator, of any organisation (the knowledge base's guidance is everyone's; a network's is made for their own organisation).
 * - `admin`: an administrator.
 * - `keeperAdmin`: an administrator of the organisation that keeps the agreement the path names (none of the
 *   matrix's visitors is: tests/integration/hand-over.test.ts lets the keeper's through).
 * A signed-in person who may not gets 403.
 */
export type RouteAccess = 'everyone' | 'signedIn' | 'editor' | 'owner' | 'coordinator' | 'admin' | 'keeperAdmin';

export interface RouteRule {
  access: RouteAccess;
  /** Registered only when the installation is configured for it (an identity provider). */
  when?: 'oidc';
}

const rule = (access: RouteAccess, when?: RouteRule['when']): RouteRule => (when ? { access, when } : { access });

/** `METHOD path` as the router writes it → who may. */
export const ROUTE_ACCESS: Record<string, RouteRule> = {
  // The public register: pages.
  'GET /': rule('everyone'),
  'GET /om': rule('everyone'),
  'GET /tillganglighet': rule('everyone'),
  'GET /om/fel': rule('everyone'),
  'POST /om/fel': rule('everyone'),
  'GET /avtal': rule('everyone'),
  'GET /avtal/:slug': rule('everyone'),
  'GET /parter': rule('everyone'),
  'GET /parter/:slug': rule('everyone'),
  'GET /motparter': rule('everyone'),
  'GET /motparter/:slug': rule('everyone'),
  'GET /kallor/:slug': rule('everyone'),
  'GET /statistik': rule('everyone'),
  'GET /karta': rule('everyone'),
  // Contact surfaces: read as far as the reader may read each; added by editors for their own organisation,
  // changed and removed by its editors (an administrator anyone's): the verb checks the surface's organisation.
  'GET /kontaktytor': rule('everyone'),
  'GET /kontaktytor/:id': rule('everyone'),
  'GET /kontaktytor/ny': rule('editor'),
  'POST /kontaktytor/ny': rule('editor'),
  'GET /kontaktytor/:id/andra': rule('editor'),
  'POST /kontaktytor/:id/andra': rule('editor'),
  'POST /kontaktytor/:id/ta-bort': rule('editor'),
  'GET /oppna-data': rule('everyone'),
  // The knowledge base: guidance and the lessons of the register, read by everyone; its articles kept by coordinators and administrators.
  'GET /kunskap': rule('everyone'),
  'GET /kunskap/lardomar': rule('everyone'),
  'GET /kunskap/ny': rule('coordinator'),
  'POST /kunskap/ny': rule('coordinator'),
  'GET /kunskap/:slug': rule('everyone'),
  'GET /kunskap/:slug/andra': rule('coordinator'),
  'POST /kunskap/:slug/andra': rule('coordinator'),
  'POST /kunskap/:slug/dra-tillbaka': rule('coordinator'),
  'POST /kunskap/:slug/aterinfor': rule('coordinator'),
  'GET /favicon.ico': rule('everyone'),
  'GET /robots.txt': rule('everyone'),
  'GET /assets/site.css': rule('everyone'),

  // The public register: the API and open data.
  'GET /api/openapi.json': rule('everyone'),
  'GET /api/agreements': rule('everyone'),
  'GET /api/agreements.csv': rule('everyone'),
  'GET /api/agreements/:slug': rule('everyone'),
  // Its activities as far as the reader may read each; their follow-up points only for the owning organisation's people and administrators.
  'GET /api/agreements/:slug/activities': rule('everyone'),
  // The action plans serving it, as far as the reader may read each, with their goals and the readable activities serving them.
  'GET /api/agreements/:slug/action-plans': rule('everyone'),
  'GET /api/actors': rule('everyone'),
  'GET /api/actors/:slug': rule('everyone'),
  'GET /api/counterparts': rule('everyone'),
  'GET /api/counterparts/:slug': rule('everyone'),
  'GET /api/sources/:slug': rule('everyone'),
  'GET /api/statistics': rule('everyone'),
  'GET /api/statistics/:file{[a-z-]+\\.csv}': rule('everyone'),
  'GET /api/statistics/:file{[a-z-]+\\.(svg|png)}': rule('everyone'),
  'GET /api/maps/:file{ties\\.(svg|png)}': rule('everyone'),
  'GET /api/export.json': rule('everyone'),
  'GET /api/exchange/:file{(sources|actors|counterparts|agreements|action_plans|activities|contact_surfaces|knowledge_articles|knowledge_article_versions)\\.csv}': rule('everyone'),
  'GET /api/exchange/register.xlsx': rule('everyone'),
  'GET /api/exchange/register.json': rule('everyone'),
  'GET /api/exchange/template.xlsx': rule('everyone'),
  'GET /api/exchange/template/:file{(sources|actors|counterparts|agreements|action_plans|activities|contact_surfaces|knowledge_articles|knowledge_article_versions)\\.csv}': rule('everyone'),
  'GET /api/dcat.jsonld': rule('everyone'),

  // Editing agreements (web/editing): make one for one's own organisation; change or add an event to one's own; read any readable one's history.
  'GET /avtal/ny': rule('editor'),
  'POST /avtal/ny': rule('editor'),
  'GET /avtal/:slug/andra': rule('owner'),
  'POST /avtal/:slug/andra': rule('owner'),
  'GET /avtal/:slug/handelse': rule('owner'),
  'POST /avtal/:slug/handelse': rule('owner'),
  'GET /avtal/:slug/historik': rule('signedIn'),
  // Handing the keeping of an agreement over to another organisation (web/editing/hand-over.tsx).
  'GET /avtal/:slug/forvaltare': rule('keeperAdmin'),
  'POST /avtal/:slug/forvaltare': rule('keeperAdmin'),
  // A decision's basis: read and printed by the owning organisation's signed-in people (others get 404), a version saved by its editors.
  'GET /avtal/:slug/beslut/:id': rule('signedIn'),
  'POST /avtal/:slug/beslut/:id': rule('owner'),
  'GET /avtal/:slug/beslut/:id/bilaga.pdf': rule('signedIn'),

  // The API's writes, with a key of the scope write (a browser session is not enough).
  'POST /api/agreements': rule('editor'),
  'PATCH /api/agreements/:slug': rule('owner'),
  'POST /api/agreements/:slug/events': rule('owner'),
  'POST /api/agreements/:slug/citations': rule('owner'),
  'PATCH /api/agreements/:slug/citations/:id': rule('owner'),
  'DELETE /api/agreements/:slug/citations/:id': rule('owner'),
  'POST /api/sources': rule('editor'),
  'PATCH /api/sources/:slug': rule('owner'),
  // Contact surfaces: read as far as the reader may; added by an editor's write key for their organisation; changed and removed by
  // its editors' keys (the verb checks the surface's organisation, so the table says editor).
  'GET /api/contact-surfaces': rule('everyone'),
  'GET /api/contact-surfaces/:id': rule('everyone'),
  'POST /api/contact-surfaces': rule('editor'),
  'PUT /api/contact-surfaces/:id': rule('editor'),
  'DELETE /api/contact-surfaces/:id': rule('editor'),
  'POST /api/agreements/:slug/activities': rule('owner'),
  'PUT /api/agreements/:slug/activities/:id': rule('owner'),
  'DELETE /api/agreements/:slug/activities/:id': rule('owner'),
  'POST /api/agreements/:slug/activities/:id/citations': rule('owner'),
  'DELETE /api/agreements/:slug/activities/:id/citations/:citation': rule('owner'),
  'POST /api/agreements/:slug/activities/:id/follow-up-points': rule('owner'),
  'PATCH /api/agreements/:slug/follow-up-points/:id': rule('owner'),
  // Action plans of the agreement: made, changed, reviewed and cited by its organisation's editors (and administrators); an activity linked to a goal.
  'POST /api/agreements/:slug/action-plans': rule('owner'),
  'PUT /api/agreements/:slug/action-plans/:id': rule('owner'),
  'DELETE /api/agreements/:slug/action-plans/:id': rule('owner'),
  'POST /api/agreements/:slug/action-plans/:id/goals': rule('owner'),
  'PUT /api/agreements/:slug/action-plans/:id/goals/:goal': rule('owner'),
  'DELETE /api/agreements/:slug/action-plans/:id/goals/:goal': rule('owner'),
  'PUT /api/agreements/:slug/action-plans/:id/review': rule('owner'),
  'POST /api/agreements/:slug/action-plans/:id/citations': rule('owner'),
  'DELETE /api/agreements/:slug/action-plans/:id/citations/:citation': rule('owner'),
  'PUT /api/agreements/:slug/activities/:id/goal': rule('owner'),
  // One's own open follow-up points and one's organisation's, with any key (a read key too); the public gets 401.
  'GET /api/follow-up': rule('signedIn'),
  // Networks of bodies as far as the reader may read each; minutes and notes for the network's members only.
  // A decision's basis: read by the owning organisation's people (a key or a session; the public 401, others 404), a version saved by its editors' write keys.
  'GET /api/agreements/:slug/decisions/:id/basis': rule('signedIn'),
  'PUT /api/agreements/:slug/decisions/:id/basis': rule('owner'),
  // The knowledge base: read by everyone; written by coordinators and administrators (write keys).
  'GET /api/knowledge/articles': rule('everyone'),
  'GET /api/knowledge/articles/:slug': rule('everyone'),
  'GET /api/knowledge/articles/:slug/versions/:version': rule('everyone'),
  'POST /api/knowledge/articles': rule('coordinator'),
  'PUT /api/knowledge/articles/:slug': rule('coordinator'),
  'POST /api/knowledge/articles/:slug/withdraw': rule('coordinator'),
  'POST /api/knowledge/articles/:slug/reinstate': rule('coordinator'),
  'GET /api/networks': rule('everyone'),
  'GET /api/networks/:id': rule('everyone'),
  // A network's writes by write key: the verbs decide (its keepers change and end it, add and remove members and record meetings).
  'PATCH /api/networks/:id': rule('signedIn'),
  'POST /api/networks/:id/end': rule('signedIn'),
  'POST /api/networks/:id/members': rule('signedIn'),
  'DELETE /api/networks/:id/members': rule('signedIn'),
  'POST /api/networks/:id/reopen': rule('signedIn'),
  'POST /api/networks/:id/meetings': rule('signedIn'),
  // A meeting's documents: added and removed by the network's members (the verbs decide), downloaded by its members only (401 to the public, 404 to the rest).
  'POST /api/networks/:id/meetings/:meeting/documents': rule('signedIn'),
  'DELETE /api/networks/:id/meetings/:meeting/documents/:document': rule('signedIn'),
  'GET /api/networks/:id/meetings/:meeting/documents/:document': rule('signedIn'),
  // The coordinators' overviews: the public's of the public register; with a key, of the public and shared records.
  'GET /api/coordination': rule('everyone'),
  'GET /api/coordination/counties/:county': rule('everyone'),
  'GET /api/coordination/regions/:slug': rule('everyone'),

  // Signing in and out, invitations.
  'GET /logga-in': rule('everyone'),
  'POST /logga-in': rule('everyone'),
  'GET /logga-in/oidc': rule('everyone', 'oidc'),
  'GET /logga-in/oidc/svar': rule('everyone', 'oidc'),
  'POST /logga-ut': rule('everyone'),
  'GET /inbjudan/:token': rule('everyone'),
  'POST /inbjudan/:token': rule('everyone'),

  // One's own account and keys.
  'GET /konto': rule('signedIn'),
  'POST /konto/nycklar': rule('signedIn'),
  'POST /konto/nycklar/:id/aterkalla': rule('signedIn'),

  // Administration.
  'GET /admin/anvandare': rule('admin'),
  'POST /admin/anvandare': rule('admin'),
  'POST /admin/anvandare/andra': rule('admin'),

  // An agreement's sources and documents (web/records/): its organisation's editors and administrators.
  'GET /avtal/:slug/kallor': rule('owner'),
  'POST /avtal/:slug/kallor': rule('owner'),
  'POST /avtal/:slug/kallor/citera': rule('owner'),
  'POST /avtal/:slug/kallor/citat/:id': rule('owner'),
  'POST /avtal/:slug/kallor/citat/:id/ta-bort': rule('owner'),
  'POST /avtal/:slug/dokument': rule('owner'),
  // A source: the editors of the organisation that keeps it, and administrators.
  'GET /kallor/:source/andra': rule('owner'),
  'POST /kallor/:source/andra': rule('owner'),
  // A document: whoever may read its record; the public only one marked public of a public record (404 to the rest).
  'GET /dokument/:id': rule('everyone'),
  // Any editor is let through to the verb, which finds the document's organisation (403 to another's editor).
  'POST /dokument/:id/ta-bort': rule('editor'),
  // Contact persons: read by every signed-in person of the owning organisation (others get 404), changed by its editors.
  'GET /avtal/:slug/kontakter': rule('signedIn'),
  'POST /avtal/:slug/kontakter': rule('owner'),
  'POST /avtal/:slug/kontakter/:id': rule('owner'),
  'POST /avtal/:slug/kontakter/:id/ta-bort': rule('owner'),
  // Activities: read by every signed-in person as far as they may read each (their follow-up points by the owning organisation's people only); recorded and followed up by its editors.
  'GET /avtal/:slug/aktiviteter': rule('signedIn'),
  'POST /avtal/:slug/aktiviteter': rule('owner'),
  'POST /avtal/:slug/aktiviteter/:id/punkter': rule('owner'),
  'POST /avtal/:slug/punkter/:id': rule('owner'),
  'POST /avtal/:slug/aktiviteter/:id/mal': rule('owner'),
  'GET /avtal/:slug/aktiviteter/:id/andra': rule('owner'),
  'POST /avtal/:slug/aktiviteter/:id/andra': rule('owner'),
  'POST /avtal/:slug/aktiviteter/:id/ta-bort': rule('owner'),
  'POST /avtal/:slug/aktiviteter/:id/kallor': rule('owner'),
  'POST /avtal/:slug/aktiviteter/:id/kallor/:citation/ta-bort': rule('owner'),
  // Action plans: read by every signed-in person as far as they may read each; made, given goals and reviewed by the organisation's editors.
  'GET /avtal/:slug/handlingsplaner': rule('signedIn'),
  'POST /avtal/:slug/handlingsplaner': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/mal': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/uppfoljning': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/andra': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/ta-bort': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/mal/:goal/andra': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/mal/:goal/ta-bort': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/kallor': rule('owner'),
  'POST /avtal/:slug/handlingsplaner/:id/kallor/:citation/ta-bort': rule('owner'),
  // One's own follow-up and one's organisation's.
  'GET /oversikt': rule('signedIn'),
  // Calendar feeds: made and revoked by their person (an organisation's by its editors); read by whoever holds the secret address.
  // The yearly report of one's own organisation (an administrator's of any).
  'GET /oversikt/arsrapport': rule('signedIn'),
  'GET /oversikt/arsrapport.pdf': rule('signedIn'),
  'GET /oversikt/arsrapport.xlsx': rule('signedIn'),
  'POST /oversikt/kalender': rule('signedIn'),
  // An administrator chooses their own organisation's quiet period.
  'POST /oversikt/tyst-period': rule('admin'),
  'POST /oversikt/kalender/:id/aterkalla': rule('signedIn'),
  'GET /kalender/:token': rule('everyone'),
  // The shared calendar of visits: the public's, and the shared ones too for signed-in people; its feed the public's.
  'GET /besokskalender': rule('everyone'),
  'GET /besokskalender.ics': rule('everyone'),
  // Invitations received: the organisation's, read by its signed-in people (with others' shared ones like them); recorded by its editors.
  'GET /inbjudningar': rule('signedIn'),
  // Delegation warnings of one's organisation's incoming visits.
  'GET /delegationer': rule('signedIn'),
  'POST /inbjudningar': rule('editor'),
  // The coordinators' overviews of the country, a county and a region: the public's of the public register; signed-in people's of the shared records too.
  'GET /samordning': rule('everyone'),
  'GET /samordning/lan/:county': rule('everyone'),
  'GET /samordning/region/:slug': rule('everyone'),
  // Networks of bodies: read by everyone as far as they may (the minutes and notes by the network's members only, others 404 for a network they may not read);
  // made by coordinators and administrators; a network's members and meetings changed by its keepers (its convener's coordinators, administrators: others 403),
  // its notes written by its members (others 403), which the verbs decide.
  'GET /natverk': rule('everyone'),
  'POST /natverk': rule('coordinator'),
  'GET /natverk/:id': rule('everyone'),
  'POST /natverk/:id/medlemmar': rule('signedIn'),
  'POST /natverk/:id/andra': rule('signedIn'),
  'POST /natverk/:id/avsluta': rule('signedIn'),
  'POST /natverk/:id/ateroppna': rule('signedIn'),
  'POST /natverk/:id/medlemmar/ta-bort': rule('signedIn'),
  'POST /natverk/:id/moten': rule('signedIn'),
  'POST /natverk/:id/anteckningar': rule('signedIn'),
  'GET /natverk/:id/moten/:meeting': rule('everyone'),
  'POST /natverk/:id/moten/:meeting': rule('signedIn'),
  'POST /natverk/:id/moten/:meeting/dokument': rule('signedIn'),
  'POST /natverk/:id/moten/:meeting/dokument/:document/ta-bort': rule('signedIn'),

  // Administration of the reference data (web/admin/).
  'GET /admin': rule('admin'),
  'GET /admin/felrapporter': rule('admin'),
  'GET /admin/organisationer': rule('admin'),
  'POST /admin/organisationer': rule('admin'),
  'GET /admin/parter': rule('admin'),
  'GET /admin/parter/ny': rule('admin'),
  'POST /admin/parter/ny': rule('admin'),
  'GET /admin/parter/:slug/andra': rule('admin'),
  'POST /admin/parter/:slug/andra': rule('admin'),
  'POST /admin/parter/:slug/efterfoljd': rule('admin'),
  'GET /admin/motparter': rule('admin'),
  'GET /admin/motparter/ny': rule('admin'),
  'POST /admin/motparter/ny': rule('admin'),
  'GET /admin/motparter/:slug/andra': rule('admin'),
  'POST /admin/motparter/:slug/andra': rule('admin'),
  'GET /admin/avtalstyper': rule('admin'),
  'POST /admin/avtalstyper': rule('admin'),
  'GET /admin/avtalstyper/:code/andra': rule('admin'),
  'POST /admin/avtalstyper/:code/andra': rule('admin'),
};
