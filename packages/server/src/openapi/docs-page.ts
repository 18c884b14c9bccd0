/**
 * Renders the OpenAPI document as a readable HTML page: one chapter per tag, every operation
 * with method, path, parameters, request and response schemas, then the shared data models.
 * Server-side and script-free, so it works under the strict page CSP and with any browser or
 * screen reader; all text from the document is escaped by the `html` template.
 */
import { html, type SafeHtml } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { OPENAPI_JSON_PATH, type OpenApiDocument } from './document.js';

type PathItem = NonNullable<OpenApiDocument['paths']>[string];
type Operation = NonNullable<PathItem['get']>;
type SchemaOrRef = NonNullable<NonNullable<NonNullable<OpenApiDocument['components']>['schemas']>[string]>;
type Schema = Exclude<SchemaOrRef, { $ref: string }>;
type Reference = { $ref: string };
type MediaType = { schema?: SchemaOrRef };
// openapi3-ts types response entries loosely (any); this is the shape the generator emits.
type ResponseOrRef = Reference | { description: string; content?: Record<string, MediaType> };

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
const UNTAGGED = 'Weitere';

interface OperationEntry {
  method: (typeof METHODS)[number];
  path: string;
  operation: Operation;
  anchor: string;
}

export function renderDocsPage(document: OpenApiDocument): string {
  const chapters = groupByTag(document);
  const schemas = Object.entries(document.components?.schemas ?? {});
  const body = html`
<header>
  <h1>${document.info.title}</h1>
  <p class="muted">Version ${document.info.version} · OpenAPI ${document.openapi} ·
    maschinenlesbar: <a href="${OPENAPI_JSON_PATH}">${OPENAPI_JSON_PATH}</a></p>
  ${document.info.description ? html`<p>${prose(document.info.description)}</p>` : ''}
  ${(document.servers ?? []).map((server) => html`<p>Server: <code>${server.url}</code></p>`)}
</header>
<nav aria-labelledby="toc">
  <h2 id="toc">Inhalt</h2>
  <ul>
    ${chapters.map(
      (chapter) => html`<li><a href="#${chapter.anchor}">${chapter.name}</a>
      <ul>${chapter.operations.map(
        (entry) => html`<li><a href="#${entry.anchor}">${entry.method.toUpperCase()} ${entry.path}</a></li>`,
      )}</ul></li>`,
    )}
    ${schemas.length > 0 ? html`<li><a href="#schemas">Datenmodelle</a></li>` : ''}
  </ul>
</nav>
${chapters.map(
  (chapter) => html`
<section aria-labelledby="${chapter.anchor}">
  <h2 id="${chapter.anchor}">${chapter.name}</h2>
  ${chapter.description ? html`<p>${prose(chapter.description)}</p>` : ''}
  ${chapter.operations.map(renderOperation)}
</section>`,
)}
${
  schemas.length > 0
    ? html`
<section aria-labelledby="schemas">
  <h2 id="schemas">Datenmodelle</h2>
  ${schemas.map(
    ([name, schema]) => html`
  <section aria-labelledby="${schemaAnchor(name)}">
    <h3 id="${schemaAnchor(name)}">${name}</h3>
    ${!isReference(schema) && schema.description ? html`<p>${prose(schema.description)}</p>` : ''}
    ${renderSchema(schema)}
  </section>`,
  )}
</section>`
    : ''
}`;
  return renderPage({ title: `${document.info.title} – Dokumentation`, body });
}

function groupByTag(document: OpenApiDocument) {
  const operations: OperationEntry[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation, anchor: `op-${slug(operation.operationId ?? `${method} ${path}`)}` }] : [];
    }),
  );
  const declared = (document.tags ?? []).map((tag) => tag.name);
  const used = new Set(operations.map((entry) => entry.operation.tags?.[0] ?? UNTAGGED));
  const order = [...declared.filter((name) => used.has(name)), ...[...used].filter((name) => !declared.includes(name))];
  return order.map((name) => ({
    name,
    anchor: `tag-${slug(name)}`,
    description: document.tags?.find((tag) => tag.name === name)?.description,
    operations: operations.filter((entry) => (entry.operation.tags?.[0] ?? UNTAGGED) === name),
  }));
}

function renderOperation({ method, path, operation, anchor }: OperationEntry): SafeHtml {
  const parameters = withoutReferences(operation.parameters ?? []);
  const body = operation.requestBody && !isReference(operation.requestBody) ? operation.requestBody : undefined;
  return html`
<section class="operation" aria-labelledby="${anchor}">
  <h3 id="${anchor}"><span class="method">${method.toUpperCase()}</span> <code>${path}</code></h3>
  ${operation.summary ? html`<p><strong>${operation.summary}</strong></p>` : ''}
  ${operation.description ? html`<p>${prose(operation.description)}</p>` : ''}
  ${
    parameters.length > 0
      ? html`<table>
    <caption>Parameter</caption>
    <thead><tr>
      <th scope="col">Name</th><th scope="col">Ort</th><th scope="col">Pflicht</th>
      <th scope="col">Typ</th><th scope="col">Beschreibung</th>
    </tr></thead>
    <tbody>${parameters.map(
      (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'ja' : 'nein'}</td>
      <td>${p.schema ? typeSummary(p.schema) : ''}</td>
      <td>${prose(p.description ?? (p.schema && !isReference(p.schema) ? p.schema.description : undefined))}</td></tr>`,
    )}</tbody>
  </table>`
      : ''
  }
  ${
    body
      ? html`<h4>Anfrageinhalt${body.required ? ' (Pflicht)' : ''}</h4>
  ${body.description ? html`<p>${prose(body.description)}</p>` : ''}
  ${Object.entries(body.content).map(renderMedia)}`
      : ''
  }
  <h4>Antworten</h4>
  <dl>
    ${(Object.entries(operation.responses ?? {}) as [string, ResponseOrRef][]).map(([status, response]) =>
      isReference(response)
        ? html`<dt><code>${status}</code></dt><dd>${referenceLink(response)}</dd>`
        : html`<dt><code>${status}</code> ${prose(response.description)}</dt>
    <dd>${Object.entries(response.content ?? {}).map(renderMedia)}</dd>`,
    )}
  </dl>
</section>`;
}

/** The full shape of a schema: a one-line summary, then for inline objects their properties. */
function renderSchema(schema: SchemaOrRef, lead: SafeHtml | string = ''): SafeHtml {
  const properties = isReference(schema) ? undefined : propertiesOf(schema);
  return html`<p>${lead}${typeSummary(schema)}</p>${properties ? renderProperties(properties.schema, 0) : ''}`;
}

function renderMedia([type, media]: [string, MediaType]): SafeHtml {
  const lead = html`Format <code>${type}</code>: `;
  return media.schema ? renderSchema(media.schema, lead) : html`<p>${lead}ohne Schema</p>`;
}

function renderProperties(schema: Schema, depth: number): SafeHtml {
  const required = new Set(schema.required ?? []);
  return html`<ul class="schema">${Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const description = isReference(property) ? undefined : property.description;
    const nested = !isReference(property) && depth < 5 ? propertiesOf(property) : undefined;
    const requirement = required.has(name) ? 'Pflicht' : 'optional';
    return html`<li><code>${name}</code> <span class="muted">${requirement}</span> – ${typeSummary(property)}${
      description ? html`<br>${prose(description)}` : ''
    }${nested ? renderProperties(nested.schema, depth + 1) : ''}</li>`;
  })}</ul>`;
}

/** The object whose properties should be listed: the schema itself, or an array's inline items. */
function propertiesOf(schema: Schema): { schema: Schema } | undefined {
  if (schema.properties) return { schema };
  if (schema.items && !isReference(schema.items) && schema.items.properties) return { schema: schema.items };
  return undefined;
}

/** One line: type, format, allowed values and limits. */
function typeSummary(schema: SchemaOrRef): SafeHtml {
  if (isReference(schema)) return referenceLink(schema);
  if (schema.enum) return html`einer von ${join(schema.enum.map((value) => html`<code>${JSON.stringify(value)}</code>`), ', ')}`;
  if (schema.const !== undefined) return html`genau <code>${JSON.stringify(schema.const)}</code>`;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return html`eines von: ${join(variants.map(typeSummary), ' | ')}`;
  if (schema.allOf) return html`alle von: ${join(schema.allOf.map(typeSummary), ' & ')}`;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('array')) {
    return html`Liste von ${schema.items ? typeSummary(schema.items) : 'beliebigen Werten'}${limits(schema)}`;
  }
  const name = types.length > 0 ? types.join(' oder ') : 'beliebig';
  return html`<code>${name}</code>${schema.format ? html` (${schema.format})` : ''}${limits(schema)}`;
}

function limits(schema: Schema): SafeHtml {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`mind. ${schema.minLength} Zeichen`);
  if (schema.maxLength !== undefined) parts.push(`höchstens ${schema.maxLength} Zeichen`);
  if (typeof schema.minimum === 'number') parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number') parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minItems !== undefined) parts.push(`mind. ${schema.minItems} Einträge`);
  if (schema.maxItems !== undefined) parts.push(`höchstens ${schema.maxItems} Einträge`);
  const pattern = schema.pattern ? html`, Muster <code>${schema.pattern}</code>` : '';
  const example = schema.example !== undefined ? html`, z. B. <code>${JSON.stringify(schema.example)}</code>` : '';
  return html`${parts.length > 0 ? `, ${parts.join(', ')}` : ''}${pattern}${example}`;
}

/**
 * Description text. OpenAPI allows CommonMark there; of it, only `code` spans are rendered
 * (the only markup these descriptions use), everything else stays literal text.
 */
function prose(text: string | undefined): SafeHtml {
  return html`${(text ?? '').split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

function referenceLink(reference: Reference): SafeHtml {
  const name = reference.$ref.split('/').at(-1) ?? reference.$ref;
  return html`<a href="#${schemaAnchor(name)}">${name}</a>`;
}

function isReference(value: object): value is Reference {
  return '$ref' in value && typeof value.$ref === 'string';
}

function withoutReferences<T extends object>(items: readonly T[]): Exclude<T, Reference>[] {
  return items.filter((item): item is Exclude<T, Reference> => !isReference(item));
}

function join(parts: SafeHtml[], separator: string): SafeHtml {
  return html`${parts.flatMap((part, index) => (index === 0 ? [part] : [html`${separator}`, part]))}`;
}

function schemaAnchor(name: string): string {
  return `schema-${slug(name)}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
