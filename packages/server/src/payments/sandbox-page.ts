/**
 * The sandbox's pay page: what a citizen sees on the payment platform, in test mode. A plain
 * HTML form (no script, no inline style) with a choice of payment method and three outcomes;
 * submitting it records the outcome and sends the browser back to the online service.
 */
import { html, type SafeHtml } from '../html/html.js';
import { renderPage } from '../html/page.js';
import { HTML_PAGE_CSP } from '../http/security-headers.js';
import { TOWN_TIME_ZONE } from '../time.js';
import { amountToCents } from './platform.js';
import { SANDBOX_METHODS, sandboxPayPath, sandboxRequest, type SandboxTransactionRow } from './sandbox-platform.js';

const money = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export function formatEuro(cents: number): string {
  return money.format(cents / 100);
}

const STATUS_TEXT: Record<string, string> = {
  PAYED: 'Diese Zahlung wurde bereits bezahlt.',
  FAILED: 'Diese Zahlung ist fehlgeschlagen.',
  CANCELED: 'Diese Zahlung wurde abgebrochen.',
};

/**
 * The page's CSP: the shared strict policy, except that the form may post here and the answer
 * may redirect to the online service's origin (form-action covers the redirect).
 */
export function payPageCsp(redirectUrl: string): string {
  const origin = URL.canParse(redirectUrl) ? new URL(redirectUrl).origin : undefined;
  const targets = ["'self'", ...(origin && origin !== 'null' ? [origin] : [])].join(' ');
  return HTML_PAGE_CSP.replace("form-action 'none'", `form-action ${targets}`);
}

export function renderPayPage(row: SandboxTransactionRow, options: { open: boolean; error?: string }): string {
  const request = sandboxRequest(row);
  const cents = amountToCents(request.grosAmount) ?? 0;
  const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: TOWN_TIME_ZONE });
  const details = html`
<dl class="meta">
  <dt>Betrag</dt><dd><strong>${formatEuro(cents)}</strong></dd>
  <dt>Verwendungszweck</dt><dd>${request.purpose}</dd>
  ${request.description ? html`<dt>Beschreibung</dt><dd>${request.description}</dd>` : ''}
  <dt>Vorgang</dt><dd><code>${row.transaction_id}</code></dd>
  <dt>Angelegt</dt><dd><time datetime="${new Date(row.created_at).toISOString()}">${dateTime.format(new Date(row.created_at))}</time></dd>
</dl>`;
  let body: SafeHtml;
  if (options.open) {
    const errorId = 'method-error';
    body = html`
<h1>Bezahlen (Testmodus)</h1>
<p class="notice">Dies ist die Bezahlseite der Test-Plattform des Referenzservers. Es wird kein Geld bewegt;
Sie wählen selbst, wie die Zahlung ausgeht.</p>
<h2>Ihre Zahlung</h2>
${details}
<form method="post" action="${sandboxPayPath(row)}">
  <fieldset${options.error ? html` aria-describedby="${errorId}"` : ''}>
    <legend>Zahlungsart</legend>
    ${options.error ? html`<p id="${errorId}" class="error" role="alert">${options.error}</p>` : ''}
    ${SANDBOX_METHODS.map(
      (m, i) => html`<div class="choice"><input type="radio" id="method-${i}" name="method" value="${m.value}" required><label for="method-${i}">${m.label}</label></div>`,
    )}
  </fieldset>
  <div class="actions">
    <button type="submit" name="action" value="pay">Bezahlen</button>
    <button type="submit" name="action" value="fail" formnovalidate>Zahlung fehlschlagen lassen</button>
    <button type="submit" name="action" value="cancel" formnovalidate>Abbrechen</button>
  </div>
</form>`;
  } else {
    body = html`
<h1>Bezahlen (Testmodus)</h1>
<p>${STATUS_TEXT[row.status] ?? 'Diese Zahlung kann nicht mehr bezahlt werden, die Zeit dafür ist abgelaufen.'}</p>
${details}
<p><a href="${request.redirectUrl}">Zurück zur Website</a></p>`;
  }
  return renderPage({ title: 'Bezahlen (Testmodus)', body });
}
