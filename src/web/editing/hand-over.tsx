// Handing an agreement over to another organisation to keep
// (/avtal/<slug>/forvaltare): for administrators of the organisation that
// keeps it now (domain/agreements/hand-over.ts). The organisations that are
// one of the agreement's parties come first in the list: the usual hand-over
// is of a shipped agreement to the body that signed it, once it has joined.
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../../db/client.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import { findAgreementBySlug } from '../../domain/agreements/find-by-slug.ts';
import { canRead } from '../../domain/access.ts';
import { handOverAgreement, keeperChoices, requireHandOver } from '../../domain/agreements/hand-over.ts';
import type { Context } from '../../domain/context.ts';
import { DomainError, type FieldProblem } from '../../domain/errors.ts';
import { CSRF_FIELD, forOnePerson, requireFormToken } from '../../http/csrf.ts';
import { readForm } from '../../http/form-body.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { ErrorSummary, Field, Notices } from '../account/form.tsx';
import type { Lang } from '../i18n.ts';
import { href, Layout } from '../layout.tsx';
import { problemsFor, sayRecords } from '../records/words.ts';
import { titleOf } from './title.ts';

const FIELD_NAMES = { organisation: { sv: 'Organisation', en: 'Organisation' }, comment: { sv: 'Motivering', en: 'Reason' } };

interface HandOverPageProps {
  lang: Lang;
  account: string;
  csrf: string;
  agreement: { slug: string; title: string; version: number };
  choices: Array<{ slug: string; name: string; party: boolean; keeps: boolean }>;
  typed?: { organisation: string; comment: string };
  problems?: FieldProblem[];
  /** Someone changed the agreement since the form was opened (the verb's message). */
  conflict?: string;
}

function HandOverPage(p: HandOverPageProps) {
  const { lang } = p;
  const sv = lang === 'sv';
  const problems = problemsFor(lang, 'forvaltare', p.problems, FIELD_NAMES);
  const keeper = p.choices.find((c) => c.keeps);
  const problemOf = (field: string) => problems.find((q) => q.field === field);
  const others = p.choices.filter((c) => !c.keeps);
  const option = (c: (typeof others)[number]) => (
    <option value={c.slug} selected={p.typed?.organisation === c.slug}>
      {c.name}
    </option>
  );
  return (
    <Layout lang={lang} title={sv ? `Lämna över förvaltningen: ${p.agreement.title}` : `Hand over the keeping: ${p.agreement.title}`} path={`/avtal/${p.agreement.slug}/forvaltare`} account={p.account}>
      <h1>{sv ? `Lämna över förvaltningen av ${p.agreement.title}` : `Hand over the keeping of ${p.agreement.title}`}</h1>
      <p>
        {sv
          ? `Förvaltas nu av ${keeper?.name ?? '?'}. Den organisation som förvaltar avtalet registrerar dess händelser, aktiviteter och uppföljning och läser dess kontaktpersoner. Det som den nuvarande organisationen redan har registrerat i eget namn (aktiviteter, handlingsplaner) förblir dess eget; avtalets kontaktpersoner och dokument följer med. Så länge avtalet har öppna uppföljningspunkter eller sparade beslutsunderlag går det inte att lämna över. Ett internt avtal kan den nuvarande organisationen inte längre läsa efteråt.`
          : `Kept now by ${keeper?.name ?? '?'}. The organisation that keeps the agreement records its events, activities and follow-up and reads its contact persons. What the present organisation has recorded in its own name (activities, action plans) stays its own; the agreement's contact persons and documents go with it. While the agreement has open follow-up points or saved decision bases it cannot be handed over. An internal agreement can no longer be read by the present organisation afterwards.`}
      </p>
      <Notices alert={p.conflict ? sayRecords(lang, p.conflict) : undefined} />
      <ErrorSummary lang={lang} problems={problems} />
      <form method="post" action={href(lang, `/avtal/${p.agreement.slug}/forvaltare`)} class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="expectedVersion" value={String(p.agreement.version)} />
        <Field lang={lang} id="forvaltare-organisation" label={sv ? 'Ny förvaltande organisation' : 'New keeping organisation'} problem={problemOf('organisation')}>
          {(described) => (
            <select id="forvaltare-organisation" name="organisation" {...described}>
              <option value="">{sv ? 'Välj en organisation' : 'Choose an organisation'}</option>
              {others.some((c) => c.party) ? <optgroup label={sv ? 'Part i avtalet' : 'A party to the agreement'}>{others.filter((c) => c.party).map(option)}</optgroup> : null}
              {others.some((c) => !c.party) ? <optgroup label={sv ? 'Andra organisationer' : 'Other organisations'}>{others.filter((c) => !c.party).map(option)}</optgroup> : null}
            </select>
          )}
        </Field>
        <Field
          lang={lang}
          id="forvaltare-comment"
          label={sv ? 'Motivering (valfri)' : 'Reason (optional)'}
          hint={sv ? 'Visas i avtalets historik.' : "Shown in the agreement's history."}
          problem={problemOf('comment')}
        >
          {(described) => <textarea id="forvaltare-comment" name="comment" rows={3} maxlength={2000} {...described}>{p.typed?.comment ?? ''}</textarea>}
        </Field>
        <button type="submit">{sv ? 'Lämna över' : 'Hand over'}</button>
      </form>
      <p>
        <a href={href(lang, `/avtal/${p.agreement.slug}`)}>{sv ? `Tillbaka till ${p.agreement.title}` : `Back to ${p.agreement.title}`}</a>
      </p>
    </Layout>
  );
}

export function handOverRoutes(database: Database) {
  const web = new Hono();
  const PATH = '/avtal/:slug/forvaltare';
  web.use(PATH, forOnePerson());
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  const render = async (c: HonoContext, signedIn: SignedIn, state: Pick<HandOverPageProps, 'typed' | 'problems' | 'conflict'> = {}, status = 200) => {
    const ctx = ctxOf(c);
    // Not readable: 404; not an administrator of the keeping organisation: 403 (as the verb answers).
    const editing = await findAgreementBySlug(ctx, c.req.param('slug')!);
    requireHandOver(ctx, editing);
    c.status(status as 200);
    return c.html(
      <HandOverPage
        lang={langOf(c)}
        account={signedIn.displayName}
        csrf={signedIn.csrfToken}
        agreement={{ slug: editing.slug, title: titleOf(editing), version: editing.version }}
        choices={await keeperChoices(ctx, editing.id)}
        {...state}
      />,
    );
  };

  web.get(PATH, async (c) => render(c, requireSignedIn(c)));
  web.post(PATH, async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const typed = { organisation: typeof form.organisation === 'string' ? form.organisation : '', comment: typeof form.comment === 'string' ? form.comment : '' };
    const version = Number(form.expectedVersion);
    try {
      const done = await handOverAgreement({
        ctx: ctxOf(c),
        slug: c.req.param('slug'),
        input: { organisation: typed.organisation, comment: typed.comment.trim() || undefined, expectedVersion: Number.isSafeInteger(version) ? version : (form.expectedVersion as never) },
      });
      // An internal agreement is no longer the present keeper's to read: to the list then.
      return c.redirect(canRead(ctxOf(c).principal, done.agreement) ? href(langOf(c), `/avtal/${done.agreement.slug}`, { sparat: '1' }) : href(langOf(c), '/avtal'), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      // A conflict is the page's, not a field's: the form is shown again at the version saved, with the keeper as it is now.
      if (error.code === 'CONFLICT') return render(c, signedIn, { typed, conflict: error.message }, 409);
      return render(c, signedIn, { typed, problems: error.problems }, 400);
    }
  });
  return web;
}
