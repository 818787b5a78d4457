// The knowledge base's guidance articles through the API: read by everyone
// (every article is public; the owner's name and address for signed-in
// readers only, as on the pages), and added, changed, withdrawn and put back
// in force by coordinators and administrators with the verbs the forms use.
// The writes keep the order of writes.ts: a write key (401), the role (403),
// the body (415, 413, 400 naming the field), then the verb (404 for an
// article that is not there, 409 for a stale version or a state the verb
// refuses, with `current.version`).
import { Hono, type Context as HonoContext } from 'hono';
import type { Database } from '../db/client.ts';
import { requireKnowledgeEditor } from '../domain/access.ts';
import type { Context } from '../domain/context.ts';
import { DomainError } from '../domain/errors.ts';
import {
  addArticle,
  addArticleSchema,
  articleAnswer,
  changeArticle,
  changeArticleSchema,
  getArticle,
  getArticleVersion,
  listArticles,
  reinstateArticle,
  reinstateArticleSchema,
  withdrawArticle,
  withdrawArticleSchema,
  type AddArticleInput,
  type ChangeArticleInput,
} from '../domain/knowledge/articles.ts';
import type { ResponseCache } from '../http/response-cache.ts';
import { accepts, type HttpEnv } from '../http/query.ts';
import { principalOf } from '../http/session.ts';
import { readJsonObject } from './json-body.ts';
import { answerWriteError, fieldsOf, keyHolder, noQuery, noStore, writerCtx } from './writes.ts';

export const articleAddress = (slug: string) => `/api/knowledge/articles/${slug}`;

export function knowledgeApiRoutes(database: Database, { cache }: { cache: ResponseCache }) {
  const api = new Hono<HttpEnv>();
  const readerCtx = (c: HonoContext): Context => ({ db: database.db, principal: principalOf(c) });

  /** The articles in force, and apart the withdrawn ones, as the list page shows them. */
  api.get('/knowledge/articles', accepts(noQuery()), cache, async (c) => {
    const all = await listArticles(readerCtx(c));
    return c.json({ articles: all.filter((a) => !a.withdrawnAt), withdrawn: all.filter((a) => a.withdrawnAt) });
  });
  api.get('/knowledge/articles/:slug', accepts(noQuery('article')), cache, async (c) => c.json(articleAnswer(await getArticle(readerCtx(c), c.req.param('slug')))));
  /** One version's text in both languages, as the page's ?version=<n> shows it; a number that is no version of the article is 404 naming those it has. */
  api.get('/knowledge/articles/:slug/versions/:version', accepts(noQuery('article')), cache, async (c) => {
    const raw = c.req.param('version');
    const version = /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : 0;
    if (!version) throw new DomainError('NOT_FOUND', `'${raw.slice(0, 20)}' is not a version number: versions are numbered 1, 2, 3 …`);
    return c.json(await getArticleVersion(readerCtx(c), c.req.param('slug'), version));
  });

  const writes = new Hono<HttpEnv>();
  writes.onError(answerWriteError);
  /** The key holder's context, their role checked before the body is read: who may not write learns nothing from their body's problems. */
  const editorCtx = (c: HonoContext) => {
    const ctx = writerCtx(database, c);
    requireKnowledgeEditor(ctx);
    return ctx;
  };
  const answer = async (c: HonoContext, ctx: Context, slug: string, status: 200 | 201) => c.json(articleAnswer(await getArticle(ctx, slug)), status, { location: articleAddress(slug) });

  writes.post('/knowledge/articles', noStore, keyHolder, accepts(noQuery()), async (c) => {
    const ctx = editorCtx(c);
    const input = (await readJsonObject(c, fieldsOf(addArticleSchema))) as AddArticleInput;
    const added = await addArticle({ ctx, input });
    return answer(c, ctx, added.slug, 201);
  });
  /** Changes an article as a whole, at the version read; the version it replaces is kept. */
  writes.put('/knowledge/articles/:slug', noStore, keyHolder, accepts(noQuery('article')), async (c) => {
    const ctx = editorCtx(c);
    const slug = c.req.param('slug');
    const input = (await readJsonObject(c, fieldsOf(changeArticleSchema))) as ChangeArticleInput;
    await changeArticle({ ctx, slug, input });
    return answer(c, ctx, slug, 200);
  });
  writes.post('/knowledge/articles/:slug/withdraw', noStore, keyHolder, accepts(noQuery('article')), async (c) => {
    const ctx = editorCtx(c);
    const slug = c.req.param('slug');
    const input = (await readJsonObject(c, fieldsOf(withdrawArticleSchema))) as { expectedVersion: number };
    await withdrawArticle({ ctx, slug, input });
    return answer(c, ctx, slug, 200);
  });
  writes.post('/knowledge/articles/:slug/reinstate', noStore, keyHolder, accepts(noQuery('article')), async (c) => {
    const ctx = editorCtx(c);
    const slug = c.req.param('slug');
    const input = (await readJsonObject(c, fieldsOf(reinstateArticleSchema))) as { expectedVersion: number };
    await reinstateArticle({ ctx, slug, input });
    return answer(c, ctx, slug, 200);
  });
  api.route('/', writes);
  return api;
}
