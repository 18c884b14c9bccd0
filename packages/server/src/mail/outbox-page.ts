/**
 * The development outbox as a page: newest mail first, each one readable in full, with links
 * in the text clickable so a flow such as "confirm your e-mail address" can be followed in
 * the browser. Only the text part is shown; rendering mail HTML would mean running foreign
 * markup under the server's origin.
 */
import { html, linkify } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { TOWN_TIME_ZONE } from '../time.js';
import type { QueuedMailEntry } from './queue.js';

const STATUS_TEXT = { queued: 'wartet auf Zustellung', sent: 'zugestellt', failed: 'nicht zustellbar (aufgegeben)' } as const;

export function renderOutboxPage(entries: readonly QueuedMailEntry[], retentionDays: number): string {
  const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'medium', timeZone: TOWN_TIME_ZONE });
  const body = html`
<h1>Postausgang (Entwicklung)</h1>
<p>E-Mails, die dieser Server verschickt hat oder noch verschicken wird, neueste zuerst. Sie werden nach ${retentionDays} Tagen gelöscht.
Als JSON: <a href="/api/dev/outbox">/api/dev/outbox</a>.</p>
${
  entries.length === 0
    ? html`<p>Noch keine E-Mails.</p>`
    : entries.map(
        (entry) => html`
<article class="mail" aria-labelledby="mail-${entry.id}">
  <h2 id="mail-${entry.id}">${entry.subject}</h2>
  <dl class="meta">
    <dt>An</dt><dd>${entry.to}</dd>
    <dt>Erstellt</dt><dd><time datetime="${entry.createdAt}">${dateTime.format(new Date(entry.createdAt))}</time></dd>
    <dt>Stand</dt><dd>${STATUS_TEXT[entry.status]}</dd>
    ${entry.html !== null ? html`<dt>Format</dt><dd>Text und HTML (angezeigt wird der Text)</dd>` : ''}
  </dl>
  <pre>${linkify(entry.text)}</pre>
</article>`,
      )
}`;
  return renderPage({ title: 'Postausgang (Entwicklung)', body });
}
