/**
 * The API description: GET /api/openapi.json (OpenAPI 3.1, generated from the zod route
 * definitions) and GET /api/docs (the same document as a readable page), plus the page
 * stylesheet. Registered on the root app after all resources, whose registry it reads.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from '../http/app-env.js';
import { publicBaseUrl } from '../http/public-url.js';
import { htmlResponse, PAGE_STYLESHEET, PAGE_STYLESHEET_PATH } from '../html/page.js';
import { renderDocsPage } from '../openapi/docs-page.js';
import { DOCS_PATH, OPENAPI_JSON_PATH, openApiDocumentConfig, withRateLimitResponses } from '../openapi/document.js';

export function mountApiDocs(app: OpenAPIHono<AppEnv>, config: Config): void {
  const document = (c: Context<AppEnv>) =>
    withRateLimitResponses(app.getOpenAPI31Document(openApiDocumentConfig(publicBaseUrl(c, config.publicBaseUrl))));

  app.get(OPENAPI_JSON_PATH, (c) => c.json(document(c)));
  app.get(DOCS_PATH, (c) => htmlResponse(c, renderDocsPage(document(c))));
  app.get(PAGE_STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(PAGE_STYLESHEET);
  });
}
