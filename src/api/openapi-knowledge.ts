// The knowledge base in the OpenAPI description (openapi.ts): the routes of
// knowledge.ts. Request bodies are the verbs' Zod schemas; the answers are
// described as domain/knowledge/articles.ts gives them.
import { KNOWLEDGE_TOPICS } from '../db/schema.ts';
import { addArticleSchema, changeArticleSchema, reinstateArticleSchema, withdrawArticleSchema } from '../domain/knowledge/articles.ts';
import { errorResponse, inputSchema, write } from './openapi-writes.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: ['string', 'null'] };
const day = { type: 'string', format: 'date' };
const instant = { type: ['string', 'null'], format: 'date-time' };
const topics = { type: 'array', items: { type: 'string', enum: [...KNOWLEDGE_TOPICS] }, description: 'The forms that link to the article' };
const slugParam = { name: 'slug', in: 'path', required: true, description: "The article's slug", schema: { type: 'string', pattern: '^[a-z0-9]+(-{1,2}[a-z0-9]+)*$', maxLength: 120 } };
const badParameter = errorResponse('A parameter this address does not take: the body names it');
const notFound = errorResponse('No such article');
const refused = errorResponse('The article was changed since the version sent (expectedVersion), or is withdrawn (a change, a second withdrawal) or in force (a reinstatement): `current.version` is the version stored now');
const forbidden = { 403: errorResponse('A read-only key, or a person who is neither a coordinator nor an administrator') };

const summaryProperties = {
  slug: { type: 'string' },
  titleSv: { type: 'string' },
  titleEn: { type: 'string' },
  reviewOn: { ...day, description: 'The day it is next to be reviewed' },
  version: { type: 'integer', minimum: 1, description: 'Send it as expectedVersion when changing, withdrawing or reinstating the article' },
  topics,
  withdrawnAt: { ...instant, description: 'When it was withdrawn; null while it is in force' },
};

export function knowledgeComponents() {
  return {
    KnowledgeArticleSummary: { type: 'object', required: Object.keys(summaryProperties), properties: summaryProperties },
    KnowledgeArticle: {
      type: 'object',
      required: [...Object.keys(summaryProperties), 'bodySv', 'bodyEn', 'sourceNote', 'owner', 'updatedAt', 'savedAt', 'earlier'],
      properties: {
        ...summaryProperties,
        bodySv: { type: 'string', description: 'The Swedish text (paragraphs separated by empty lines)' },
        bodyEn: { type: 'string', description: 'The English text' },
        sourceNote: { ...text, description: 'Where its content comes from' },
        owner: {
          type: ['object', 'null'],
          description: 'Who keeps it: their organisation for everyone, their name and address for signed-in readers (null for the public, and where an organisation keeps it without a person named, as an import of the exchange files leaves it)',
          required: ['name', 'email', 'organisation'],
          properties: { name: text, email: text, organisation: { type: 'string' } },
        },
        updatedAt: { type: 'string', format: 'date-time' },
        savedAt: { type: 'null' },
        earlier: {
          type: 'array',
          description: 'The earlier versions, the latest first: what each was called and when it was replaced (its text: /api/knowledge/articles/{slug}/versions/{version}, and the page /kunskap/{slug}?version=n)',
          items: { type: 'object', required: ['version', 'titleSv', 'titleEn', 'reviewOn', 'savedAt'], properties: { version: { type: 'integer', minimum: 1 }, titleSv: { type: 'string' }, titleEn: { type: 'string' }, reviewOn: day, savedAt: { type: 'string', format: 'date-time', description: 'When the next version replaced it' } } },
        },
      },
    },
    KnowledgeArticleVersion: {
      type: 'object',
      required: ['slug', 'version', 'current', 'titleSv', 'titleEn', 'bodySv', 'bodyEn', 'sourceNote', 'reviewOn', 'savedAt'],
      properties: {
        slug: { type: 'string' },
        version: { type: 'integer', minimum: 1 },
        current: { type: 'boolean', description: 'Whether this is the article as it stands (the page without ?version=)' },
        titleSv: { type: 'string' },
        titleEn: { type: 'string' },
        bodySv: { type: 'string', description: 'The Swedish text as it stood in this version' },
        bodyEn: { type: 'string', description: 'The English text as it stood in this version' },
        sourceNote: text,
        reviewOn: { ...day, description: 'The review day this version gave' },
        savedAt: { ...instant, description: 'When the next version replaced it; null for the current one' },
      },
    },
    AddKnowledgeArticle: inputSchema(addArticleSchema, 'A new article: its slug (its address for good), its title and text in Swedish and English, the owner by the e-mail address of a person with an account, the review day and topics'),
    ChangeKnowledgeArticle: inputSchema(changeArticleSchema, 'The article as a whole, with the version read as expectedVersion'),
    WithdrawKnowledgeArticle: inputSchema(withdrawArticleSchema, 'The version read as expectedVersion'),
    ReinstateKnowledgeArticle: inputSchema(reinstateArticleSchema, 'The version read as expectedVersion'),
  };
}

export function knowledgePaths() {
  const article = ref('KnowledgeArticle');
  return {
    '/api/knowledge/articles': {
      get: {
        operationId: 'listKnowledgeArticles',
        summary: 'The guidance articles in force, and apart the withdrawn ones, by Swedish title',
        responses: {
          200: { description: 'The articles', content: { 'application/json': { schema: { type: 'object', required: ['articles', 'withdrawn'], properties: { articles: { type: 'array', items: ref('KnowledgeArticleSummary') }, withdrawn: { type: 'array', items: ref('KnowledgeArticleSummary') } } } } } },
          400: badParameter,
        },
      },
      post: write('addKnowledgeArticle', 'Add a guidance article (coordinators and administrators)', 'The slug must be free: one another article has, a withdrawn one too, is a 400 naming it; `ny` and `lardomar` are the site’s own.', 'AddKnowledgeArticle', 'The article, at version 1', forbidden, undefined, 201, article),
    },
    '/api/knowledge/articles/{slug}': {
      get: { operationId: 'getKnowledgeArticle', summary: 'One article, in force or withdrawn, with its earlier versions', parameters: [slugParam], responses: { 200: { description: 'The article', content: { 'application/json': { schema: article } } }, 400: badParameter, 404: notFound } },
      put: write('changeKnowledgeArticle', 'Change an article in force, as a whole (coordinators and administrators)', 'Send every field, with the version read as expectedVersion: if someone changed it since, the answer is 409 with `current.version` and nothing is written. The version replaced is kept. A withdrawn article is not changed (409).', 'ChangeKnowledgeArticle', 'The article with its new version', { ...forbidden, 404: notFound, 409: refused }, [slugParam], 200, article),
    },
    '/api/knowledge/articles/{slug}/versions/{version}': {
      get: {
        operationId: 'getKnowledgeArticleVersion',
        summary: "One version of an article, earlier or current: its title and text in both languages as they stood, as the article's page shows it with ?version=",
        parameters: [slugParam, { name: 'version', in: 'path', required: true, description: "The version's number (1, 2, 3 …)", schema: { type: 'integer', minimum: 1 } }],
        responses: {
          200: { description: 'The version', content: { 'application/json': { schema: ref('KnowledgeArticleVersion') } } },
          400: badParameter,
          404: errorResponse('No such article, or no such version of it: the message names the versions the article has'),
        },
      },
    },
    '/api/knowledge/articles/{slug}/withdraw': {
      post: write('withdrawKnowledgeArticle', 'Withdraw an article: it stays readable with its history but leaves the guidance in force (coordinators and administrators)', 'Send the version read as expectedVersion. Nothing is deleted and no version is made.', 'WithdrawKnowledgeArticle', 'The article, withdrawn', { ...forbidden, 404: notFound, 409: refused }, [slugParam], 200, article),
    },
    '/api/knowledge/articles/{slug}/reinstate': {
      post: write('reinstateKnowledgeArticle', 'Put a withdrawn article back in force, its text as it was (coordinators and administrators)', 'Send the version read as expectedVersion. No version is made: the text is unchanged.', 'ReinstateKnowledgeArticle', 'The article, in force', { ...forbidden, 404: notFound, 409: refused }, [slugParam], 200, article),
    },
  };
}
