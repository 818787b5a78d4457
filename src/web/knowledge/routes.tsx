// The knowledge base in the browser: read by everyone; its articles changed
// by coordinators and administrators (post/redirect/get; a refusal renders
// the form again with what was typed and the problems named).
import { Hono, type Context as HonoContext } from 'hono';
import { HTTP_STATUS } from '../../api/errors.ts';
import type { Database } from '../../db/client.ts';
import type { SignedIn } from '../../domain/accounts/sessions.ts';
import { canEditKnowledge, requireKnowledgeEditor } from '../../domain/access.ts';
import type { Context } from '../../domain/context.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { changeArticle, getArticle, listArticles, type Article } from '../../domain/knowledge/articles.ts';
import { lessonsByReason } from '../../domain/knowledge/lessons.ts';
import { forOnePerson, requireFormToken, sameOriginOnly } from '../../http/csrf.ts';
import { readForm } from '../../http/form-body.ts';
import { langOf } from '../../http/query.ts';
import { principalOf, requireSignedIn } from '../../http/session.ts';
import { href } from '../layout.tsx';
import { ARTICLE_FIELDS, ArticleFormPage, ArticlePage, KnowledgeListPage, LESSONS_SLUG, LessonsPage } from './pages.tsx';

export function knowledgeRoutes(database: Database) {
  const web = new Hono();
  web.use('/kunskap/:slug/andra', sameOriginOnly());
  web.use('/kunskap/:slug/andra', forOnePerson());
  const ctxOf = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  web.get('/kunskap', async (c) => c.html(<KnowledgeListPage lang={langOf(c)} articles={await listArticles(ctxOf(c))} />));
  web.get(`/kunskap/${LESSONS_SLUG}`, async (c) => c.html(<LessonsPage lang={langOf(c)} reasons={await lessonsByReason(ctxOf(c))} />));
  web.get('/kunskap/:slug', async (c) => {
    const ctx = ctxOf(c);
    const article = await getArticle(ctx, c.req.param('slug'));
    const wanted = c.req.query('version');
    const shown = wanted && wanted !== String(article.version) ? article.earlier.find((v) => String(v.version) === wanted) : article;
    if (!shown) throw notFound('version');
    return c.html(<ArticlePage lang={langOf(c)} article={article} shown={shown} mayEdit={canEditKnowledge(ctx.principal)} done={c.req.query('sparat') === '1'} />);
  });

  const typedOf = (article: Article): Record<string, string> => ({
    titleSv: article.titleSv,
    titleEn: article.titleEn,
    bodySv: article.bodySv,
    bodyEn: article.bodyEn,
    sourceNote: article.sourceNote ?? '',
    owner: article.owner?.email ?? '',
    reviewOn: article.reviewOn,
    expectedVersion: String(article.version),
  });
  const renderForm = (c: HonoContext, signedIn: SignedIn, article: Article, state: { typed?: Record<string, string>; problems?: DomainError['problems']; conflict?: boolean } = {}, status = 200) => {
    c.status(status as 200);
    return c.html(<ArticleFormPage lang={langOf(c)} account={signedIn.displayName} csrf={signedIn.csrfToken} article={article} typed={state.typed ?? typedOf(article)} problems={state.problems} conflict={state.conflict} />);
  };

  web.get('/kunskap/:slug/andra', async (c) => {
    const signedIn = requireSignedIn(c);
    const ctx = ctxOf(c);
    requireKnowledgeEditor(ctx);
    return renderForm(c, signedIn, await getArticle(ctx, c.req.param('slug')));
  });

  web.post('/kunskap/:slug/andra', async (c) => {
    const signedIn = requireSignedIn(c);
    const form = await readForm(c);
    requireFormToken(c, form);
    const ctx = ctxOf(c);
    requireKnowledgeEditor(ctx);
    const slug = c.req.param('slug');
    const article = await getArticle(ctx, slug);
    const typed = Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, typeof form[k] === 'string' ? (form[k] as string) : ''])) as Record<(typeof ARTICLE_FIELDS)[number], string>;
    try {
      await changeArticle({
        ctx,
        slug,
        input: {
          titleSv: typed.titleSv,
          titleEn: typed.titleEn,
          bodySv: typed.bodySv,
          bodyEn: typed.bodyEn,
          sourceNote: typed.sourceNote,
          owner: typed.owner,
          reviewOn: typed.reviewOn.trim(),
          expectedVersion: /^[0-9]{1,9}$/.test(typed.expectedVersion) ? Number(typed.expectedVersion) : (typed.expectedVersion as never),
        },
      });
      return c.redirect(href(langOf(c), `/kunskap/${slug}`, { sparat: '1' }), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'VALIDATION' && error.code !== 'CONFLICT')) throw error;
      if (error.code === 'CONFLICT') return renderForm(c, signedIn, article, { typed: { ...typed, expectedVersion: String(article.version) }, conflict: true }, HTTP_STATUS.CONFLICT);
      return renderForm(c, signedIn, article, { typed, problems: error.problems }, HTTP_STATUS.VALIDATION);
    }
  });

  return web;
}
