import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRoute, z } from '@hono/zod-openapi';
import { DOCS_PATH, OPENAPI_JSON_PATH } from '../src/openapi/document.js';
import { PAGE_STYLESHEET_PATH } from '../src/html/page.js';
import { json, noDatabase, testApp } from './support/app.js';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

describe('OpenAPI document', () => {
  const app = testApp(noDatabase);

  it('is OpenAPI 3.1 and describes every API route', async () => {
    const response = await app.request(OPENAPI_JSON_PATH);
    assert.equal(response.status, 200);
    const document = await json<Json>(response);
    assert.equal(document['openapi'], '3.1.0');
    assert.equal(document['info'].title, 'muni-widgets API');
    assert.equal(document['servers'][0].url, 'http://localhost');

    const apiRoutes = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
        .filter((route) => ![OPENAPI_JSON_PATH, DOCS_PATH, PAGE_STYLESHEET_PATH].includes(route.path))
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(document['paths'] as Json).flatMap(([path, item]) =>
        Object.keys(item as Json)
          .filter((method) => METHODS.includes(method))
          .map((method) => `${method} ${path}`),
      ),
    );
    assert.deepEqual([...documented].sort(), [...apiRoutes].sort());
    const foundation = [
      'get /api/health',
      'get /api/v1/town',
      'get /api/v1/offices',
      'get /api/v1/offices/{id}',
      'get /api/v1/holidays',
      'get /api/dev/outbox',
    ];
    for (const expected of foundation) {
      assert.ok(documented.has(expected), expected);
    }
  });

  it('is internally consistent', async () => {
    const document = await json<Json>(await app.request(OPENAPI_JSON_PATH));
    const schemas = document['components']?.schemas ?? {};
    const tags = new Set((document['tags'] as Array<{ name: string }>).map((t) => t.name));
    const operationIds = new Set<string>();

    const refs: string[] = [];
    const collectRefs = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collectRefs);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) key === '$ref' ? refs.push(String(inner)) : collectRefs(inner);
      }
    };
    collectRefs(document);
    for (const ref of refs) {
      assert.match(ref, /^#\/components\/schemas\//);
      assert.ok(ref.split('/').at(-1)! in schemas, `${ref} resolves`);
    }

    for (const [path, item] of Object.entries(document['paths'] as Json)) {
      const templateParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const method of METHODS.filter((m) => m in item)) {
        const operation = item[method];
        const where = `${method.toUpperCase()} ${path}`;
        assert.ok(operation.operationId, `${where} has an operationId`);
        assert.ok(!operationIds.has(operation.operationId), `${where} operationId is unique`);
        operationIds.add(operation.operationId);
        assert.ok(operation.summary, `${where} has a summary`);
        assert.ok(operation.tags?.length === 1 && tags.has(operation.tags[0]), `${where} has one declared tag`);
        assert.ok(Object.keys(operation.responses).some((s) => s.startsWith('2')), `${where} documents success`);
        assert.ok(operation.responses['429']?.headers?.['Retry-After'] ?? operation.responses['429'], `${where} documents the rate limit`);
        for (const [status, response] of Object.entries(operation.responses as Json)) {
          assert.ok(response.description, `${where} ${status} has a description`);
          if (!status.startsWith('2')) assert.ok(response.content?.['application/problem+json'], `${where} ${status} is a problem`);
        }
        const pathParams = (operation.parameters ?? []).filter((p: Json) => p['in'] === 'path');
        assert.deepEqual(
          pathParams.map((p: Json) => p['name']).sort(),
          [...templateParams].sort(),
          `${where} declares its path parameters`,
        );
        assert.ok(pathParams.every((p: Json) => p['required'] === true));
      }
    }
  });

  it('names PUBLIC_BASE_URL as the server when configured', async () => {
    const configured = testApp(noDatabase, { env: { PUBLIC_BASE_URL: 'https://service.musterstadt.example/' } });
    const document = await json<Json>(await configured.request(OPENAPI_JSON_PATH));
    assert.equal(document['servers'][0].url, 'https://service.musterstadt.example');
  });
});

describe('API docs page', () => {
  it('renders every tag and operation as accessible, script-free HTML', async () => {
    const app = testApp(noDatabase);
    const response = await app.request(DOCS_PATH);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/html/);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const html = await response.text();
    const document = await json<Json>(await app.request(OPENAPI_JSON_PATH));

    assert.match(html, /^<!doctype html>\n<html lang="de">/);
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\son\w+=/i);
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1);
    assert.ok(html.includes(`<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">`));
    for (const tag of document['tags'] as Array<{ name: string }>) {
      assert.match(html, new RegExp(`<h2 id="tag-[a-z-]+">${tag.name}</h2>`), tag.name);
    }
    for (const [path, item] of Object.entries(document['paths'] as Json)) {
      for (const method of Object.keys(item)) {
        assert.ok(html.includes(`<span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>`), `${method} ${path}`);
      }
    }
    assert.ok(html.includes('<caption>Parameter</caption>'));
    assert.ok(html.includes('<code>from</code>'), 'query parameters are listed');
    assert.ok(html.includes('id="schema-office"'), 'data models have anchors');

    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) assert.ok(ids.has(target), `#${target} exists`);
  });

  it('escapes text from the document', async () => {
    const app = testApp(noDatabase);
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/test-escaping',
        operationId: 'testEscaping',
        summary: '<img src=x onerror=alert(1)> & "Zitat"',
        responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ a: z.string() }) } } } },
      }),
      (c) => c.json({ a: 'x' }, 200),
    );
    const html = await (await app.request(DOCS_PATH)).text();
    assert.ok(html.includes('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Zitat&#34;'));
    assert.ok(!html.includes('<img'));
  });

  it('serves its stylesheet', async () => {
    const response = await testApp(noDatabase).request(PAGE_STYLESHEET_PATH);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/css; charset=utf-8');
    assert.match(await response.text(), /prefers-color-scheme/);
  });
});
