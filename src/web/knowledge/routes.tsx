// The knowledge base in the browser: read by everyone; its articles added,
// changed and withdrawn by coordinators and administrators
// (post/redirect/get; a refusal renders the form again with what was typed
// and the problems named).
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import { canEditKnowledge, requireKnowledgeEditor } from '../../domain/access.ts';
import type { Context } from '../../domain/context.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { addArticle, changeArticle, getArticle, listArticles, reinstateArticle, withdrawArticle, type Article } from '../../domain/knowledge/articles.ts';
import { lessonsByReason } from '../../domain/knowledge/lessons.ts';
import { forOnePerson, requireFormToken, sameOriginOnly } from '../../http/csrf.ts';
import { readForm } from '../../http/form-body.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { href } from '../layout.tsx';
import type { KnowledgeTopic } from '../../db/schema.ts';
import type { PostedForm } from '../../http/form-body.ts';
import { ARTICLE_FIELDS, ArticleFormPage, ArticlePage, KnowledgeListPage, LESSONS_SLUG, LessonsPage, TOPIC_FIELDS } from './pages.tsx';

const DONE = ['added', 'saved', 'withdrawn', 'reinstated'] as const;

const TOPIC_PREFIX = 'topic.';

/**
 * The topics a post checks: every `topic.<code>` sent. A browser sends a
 * checked box (whatever its value) and nothing for an unchecked one; a code
 * the site does not have goes on to the verb, which refuses it by name
 * (`topics`), so that a hand-made post is told rather than ignored.
 */
const topicsOf = (form: PostedForm) =>
  Object.keys(form)
    .filter((k) => k.startsWith(TOPIC_PREFIX) && form[k] !== '')
    .map((k) => k.slice(TOPIC_PREFIX.length));

/** What the form sent, as typed: every field a string, a topic's checkbox '1' or ''. */
type Typed = Record<(typeof ARTICLE_FIELDS)[number] | (typeof TOPIC_FIELDS)[number], string>;
function typedOf(form: PostedForm): Typed {
  const topics = topicsOf(form);
  return Object.fromEntries([
    ...ARTICLE_FIELDS.map((k) => [k, typeof form[k] === 'string' ? (form[k] as string) : '']),
    ...TOPIC_FIELDS.map((k) => [k, topics.includes(k.slice(TOPIC_PREFIX.length)) ? '1' : '']),
  ]) as Typed;
}

/** The verb's input from what was typed (the fields both forms share) and the topics checked. */
function articleInput(typed: Typed, topics: string[]) {
  return {
    titleSv: typed.titleSv,
    titleEn: typed.titleEn,
    bodySv: typed.bodySv,
    bodyEn: typed.bodyEn,
    sourceNote: typed.sourceNote,
    owner: typed.owner,
    reviewOn: typed.reviewOn.trim(),
    // As posted: the verb parses them against the topics it knows.
    topics: topics as KnowledgeTopic[],
  };
}

/** A version number as the form sent it: a number if it is one, else the text (which the verb refuses, naming the field). */
const versionOf = (text: string | undefined) => (text && /^[0-9]{1,9}$/.test(text) ? Number(text) : (text as never));

export function knowledgeRoutes(database: Database) {
  const web = new Hono();
  for (const path of ['/kunskap/ny', '/kunskap/:slug/andra', '/kunskap/:slug/dra-tillbaka', '/kunskap/:slug/aterinfor']) {
    web.use(path, sameOriginOnly());
    web.use(path, forOnePerson());
  }
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  web.get('/kunskap', async (c) => {
    const ctx = ctxOf(c);
    return c.html(<KnowledgeListPage lang={langOf(c)} articles={await listArticles(ctx)} mayEdit={canEditKnowledge(ctx.principal)} />);
  });
  web.get(`/kunskap/${LESSONS_SLUG}`, async (c) => c.html(<LessonsPage lang={langOf(c)} reasons={await lessonsByReason(ctxOf(c))} />));

  const renderForm = (c: HonoContext, signedIn: SignedIn, article: Article | undefined, state: { typed: Record<string, string>; problems?: DomainError['problems']; conflict?: boolean }, status = 200) => {
    c.status(status as 200);
    return c.html(<ArticleFormPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} article={article} typed={state.typed} problems={state.problems} conflict={state.conflict} />);
  };
  /** A post of a coordinator or an administrator: signed in, the form read with its token, the role checked before any work. */
  const editorsPost = async (c: HonoContext) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    requireKnowledgeEditor(ctx);
    return { signedIn, form, ctx };
  };
  /** A refusal the form shows (bad input, a stale version); anything else goes on to the error pages. */
  const refusal = (error: unknown): DomainError => {
    if (error instanceof DomainError && (error.code === 'VALIDATION' || error.code === 'CONFLICT')) return error;
    throw error;
  };

  // A new article: registered before /kunskap/:slug, which would take "ny" as an article's slug.
  web.get('/kunskap/ny', async (c) => {
    const signedIn = requireSignedIn(c);
    requireKnowledgeEditor(ctxOf(c));
    return renderForm(c, signedIn, undefined, { typed: { owner: signedIn.email } });
  });
  web.post('/kunskap/ny', async (c) => {
    const { signedIn, form, ctx } = await editorsPost(c);
    const typed = typedOf(form);
    try {
      const added = await addArticle({ ctx, input: { slug: typed.slug, ...articleInput(typed, topicsOf(form)) } });
      return c.redirect(href(langOf(c), `/kunskap/${added.slug}`, { klart: 'added' }), 303);
    } catch (error) {
      return renderForm(c, signedIn, undefined, { typed, problems: refusal(error).problems }, HTTP_STATUS.VALIDATION);
    }
  });

  web.get('/kunskap/:slug', async (c) => {
    const ctx = ctxOf(c);
    const article = await getArticle(ctx, c.req.param('slug'));
    const wanted = c.req.query('version');
    const shown = wanted && wanted !== String(article.version) ? article.earlier.find((v) => String(v.version) === wanted) : article;
    if (!shown) throw notFound('version');
    const done = DONE.find((d) => d === c.req.query('klart'));
    return c.html(<ArticlePage lang={langOf(c)} article={article} shown={shown} mayEdit={canEditKnowledge(ctx.principal)} csrf={c.get('signedIn')?.csrfToken} done={done} />);
  });

  const typedFrom = (article: Article): Record<string, string> => ({
    titleSv: article.titleSv,
    titleEn: article.titleEn,
    bodySv: article.bodySv,
    bodyEn: article.bodyEn,
    sourceNote: article.sourceNote ?? '',
    owner: article.owner?.email ?? '',
    reviewOn: article.reviewOn,
    expectedVersion: String(article.version),
    ...Object.fromEntries(article.topics.map((t) => [`topic.${t}`, '1'])),
  });

  web.get('/kunskap/:slug/andra', async (c) => {
    const signedIn = requireSignedIn(c);
    const ctx = ctxOf(c);
    requireKnowledgeEditor(ctx);
    const article = await getArticle(ctx, c.req.param('slug'));
    // A withdrawn article's text is kept as it was: there is nothing to change.
    if (article.withdrawnAt) throw notFound('article');
    return renderForm(c, signedIn, article, { typed: typedFrom(article) });
  });

  web.post('/kunskap/:slug/andra', async (c) => {
    const { signedIn, form, ctx } = await editorsPost(c);
    const slug = c.req.param('slug');
    const article = await getArticle(ctx, slug);
    const typed = typedOf(form);
    try {
      await changeArticle({ ctx, slug, input: { ...articleInput(typed, topicsOf(form)), expectedVersion: versionOf(typed.expectedVersion) } });
      return c.redirect(href(langOf(c), `/kunskap/${slug}`, { klart: 'saved' }), 303);
    } catch (error) {
      const refused = refusal(error);
      if (refused.code === 'CONFLICT') return renderForm(c, signedIn, article, { typed: { ...typed, expectedVersion: String(article.version) }, conflict: true }, HTTP_STATUS.CONFLICT);
      return renderForm(c, signedIn, article, { typed, problems: refused.problems }, HTTP_STATUS.VALIDATION);
    }
  });

  web.post('/kunskap/:slug/dra-tillbaka', async (c) => {
    const { form, ctx } = await editorsPost(c);
    const slug = c.req.param('slug');
    // A refusal (a stale version, withdrawn already) has no form to show it in: the HTTP error pages say it.
    await withdrawArticle({ ctx, slug, input: { expectedVersion: versionOf(typeof form.expectedVersion === 'string' ? form.expectedVersion : undefined) } });
    return c.redirect(href(langOf(c), `/kunskap/${slug}`, { klart: 'withdrawn' }), 303);
  });

  /** Puts a withdrawn article back in force (a button on its page); a refusal goes to the HTTP error pages, as a withdrawal's does. */
  web.post('/kunskap/:slug/aterinfor', async (c) => {
    const { form, ctx } = await editorsPost(c);
    const slug = c.req.param('slug');
    await reinstateArticle({ ctx, slug, input: { expectedVersion: versionOf(typeof form.expectedVersion === 'string' ? form.expectedVersion : undefined) } });
    return c.redirect(href(langOf(c), `/kunskap/${slug}`, { klart: 'reinstated' }), 303);
  });

  return web;
}
