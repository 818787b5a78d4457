// A decision's basis in the browser: read it (the organisation's signed-in
// people), save a new version (its editors and administrators), print a
// version as the annex to the minutes. A form is a verb and a page: POST
// saves and redirects to the page (post/redirect/get), or renders the page
// again with what was typed and the verb's problems.
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import { canWrite, requireWrite } from '../../domain/access.ts';
import { findAgreementBySlug } from '../../domain/agreements/find-by-slug.ts';
import { RISK_FIELDS } from '../../domain/decisions/schemas.ts';
import { getDecisionBasis, registerFacts, saveDecisionBasis, type DecisionBasis } from '../../domain/decisions/basis.ts';
import type { Context } from '../../domain/context.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { forOnePerson, requireFormToken, sameOriginOnly } from '../../http/csrf.ts';
import { readForm } from '../../http/form-body.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { wholeNumberOf } from '../editing/form-state.ts';
import { todayInStockholm } from '../format.ts';
import { href } from '../layout.tsx';
import { decisionBasisPdf } from './decision-basis-pdf.ts';
import { BASIS_FORM_FIELDS, basisPath, DecisionBasisPage, type DecisionBasisPageProps } from './decision-basis-page.tsx';
import { bw } from './decision-basis-words.ts';
import { articlesOnTopic } from '../../domain/knowledge/articles.ts';

/** An event's id in a path; 0 (no event has it) for anything else. */
const eventIdOf = (raw: string | undefined) => (raw && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : 0);

/** The form's fields as the verb takes them: digits are numbers, ja/nej a yes or no, and anything else as written, for the verb to name the field. */
export function basisInput(typed: Record<(typeof BASIS_FORM_FIELDS)[number], string>) {
  const answer = typed.securityAdviceSought;
  return {
    purpose: typed.purpose,
    expectedBenefit: typed.expectedBenefit,
    costsSoFarSek: wholeNumberOf(typed.costsSoFarSek),
    costsPlannedSek: wholeNumberOf(typed.costsPlannedSek),
    costsNote: typed.costsNote,
    counterpartDescription: typed.counterpartDescription,
    democracyHumanRights: typed.democracyHumanRights,
    securityAdviceSought: answer === 'ja' ? true : answer === 'nej' ? false : answer === '' ? (undefined as never) : (answer as never),
    securityAdviceFrom: typed.securityAdviceFrom,
    personalData: typed.personalData,
    exportControl: typed.exportControl,
    // A level not posted (no button checked) is not assessed; anything else goes to the verb as posted.
    ...Object.fromEntries(RISK_FIELDS.map((f) => [f, f.endsWith('Level') && typed[f] === '' ? undefined : typed[f]])),
    expectedVersion: /^[0-9]{1,9}$/.test(typed.expectedVersion) ? Number(typed.expectedVersion) : (typed.expectedVersion as never),
    comment: typed.comment,
  };
}

/** The version `?version=` asks for (NOT_FOUND if the basis has none such), else the latest; none before the first save. */
function versionAsked(c: HonoContext, basis: DecisionBasis) {
  const wanted = c.req.query('version');
  if (!wanted) return basis.versions[0];
  const version = basis.versions.find((v) => String(v.version) === wanted);
  if (!version) throw notFound('version');
  return version;
}

export function decisionRoutes(database: Database, { origin }: { origin: (c: HonoContext) => string }) {
  const web = new Hono();
  const PATH = '/avtal/:slug/beslut/:id';
  for (const path of [PATH, `${PATH}/*`]) {
    web.use(path, sameOriginOnly());
    web.use(path, forOnePerson());
  }
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  const render = async (c: HonoContext, signedIn: SignedIn, basis: DecisionBasis, extra: Partial<DecisionBasisPageProps> = {}, status = 200) => {
    const ctx = ctxOf(c);
    const shown = versionAsked(c, basis);
    const [now, guidance] = await Promise.all([registerFacts(ctx, basis.agreement.id, todayInStockholm()), articlesOnTopic(ctx, 'decision_basis')]);
    c.status(status as 200);
    return c.html(
      <DecisionBasisPage
        lang={langOf(c)}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        basis={basis}
        now={now}
        guidance={guidance}
        shown={shown}
        mayEdit={canWrite(ctx.principal, basis.agreement.organisationId)}
        {...extra}
      />,
    );
  };

  web.get(PATH, async (c) => {
    const signedIn = requireSignedIn(c);
    const basis = await getDecisionBasis({ ctx: ctxOf(c), slug: c.req.param('slug'), eventId: eventIdOf(c.req.param('id')) });
    return render(c, signedIn, basis, { done: c.req.query('sparat') === '1', opened: c.req.query('ny') === '1' });
  });

  web.post(PATH, async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    const slug = c.req.param('slug');
    const eventId = eventIdOf(c.req.param('id'));
    // Before anything typed is looked at: who may not change the agreement gets 403 (404 if they may not read it),
    // an administrator of another organisation, who may not read its bases, 404.
    const agreement = await findAgreementBySlug(ctx, slug);
    requireWrite(ctx, agreement.organisationId);
    const basis = await getDecisionBasis({ ctx, slug, eventId });
    const typed = Object.fromEntries(BASIS_FORM_FIELDS.map((k) => [k, typeof form[k] === 'string' ? (form[k] as string) : ''])) as Record<(typeof BASIS_FORM_FIELDS)[number], string>;
    try {
      await saveDecisionBasis({ ctx, slug, eventId, input: basisInput(typed), today: todayInStockholm() });
      return c.redirect(href(langOf(c), basisPath(basis.agreement.slug, basis.decision.id), { sparat: '1' }), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      if (error.code === 'CONFLICT') {
        // Theirs is shown; the form keeps what was typed and now carries their version, so saving again is knowing.
        const fresh = await getDecisionBasis({ ctx, slug, eventId });
        return render(c, signedIn, fresh, { conflict: true, failed: { problems: [], typed } }, HTTP_STATUS.CONFLICT);
      }
      return render(c, signedIn, basis, { failed: { problems: error.problems, typed } }, HTTP_STATUS.VALIDATION);
    }
  });

  web.get(`${PATH}/bilaga.pdf`, async (c) => {
    requireSignedIn(c);
    const lang = langOf(c);
    const basis = await getDecisionBasis({ ctx: ctxOf(c), slug: c.req.param('slug'), eventId: eventIdOf(c.req.param('id')) });
    const version = versionAsked(c, basis);
    if (!version) throw notFound('version');
    const path = basisPath(basis.agreement.slug, basis.decision.id);
    const pdf = await decisionBasisPdf(basis, version, lang, `${origin(c)}${href(lang, path, { version: version.version })}`);
    c.header('content-type', 'application/pdf');
    const name = `${bw(lang, 'title')} ${basis.agreement.slug} ${basis.decision.date} v${version.version}.pdf`;
    c.header('content-disposition', `attachment; filename="beslutsunderlag-${basis.decision.id}-v${version.version}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return c.body(new Uint8Array(pdf));
  });

  return web;
}
