/**
 * The frame shared by the server's HTML pages (API docs, dev outbox): one stylesheet from our
 * own origin, no scripts, a strict CSP, German language by default.
 */
import type { Context } from 'hono';
import { HTML_PAGE_CSP } from '../http/security-headers.js';
import { html, type SafeHtml } from './html.js';

export const PAGE_STYLESHEET_PATH = '/api/assets/page.css';

export function renderPage(options: { title: string; body: SafeHtml; lang?: string }): string {
  return `<!doctype html>\n${html`<html lang="${options.lang ?? 'de'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip-link" href="#main">Zum Inhalt springen</a>
<main id="main">
${options.body}
</main>
</body>
</html>`}\n`;
}

export function htmlResponse(c: Context, page: string): Response {
  c.header('Content-Security-Policy', HTML_PAGE_CSP);
  c.header('Cache-Control', 'no-store');
  return c.html(page);
}

/** System fonts, high contrast, visible focus; follows dark mode and forced colors. */
export const PAGE_STYLESHEET = `
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #fff; --muted: #555; --line: #ccc; --accent: #0b5394; --code-bg: #f3f3f3; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #161616; --muted: #b5b5b5; --line: #444; --accent: #8ab8ff; --code-bg: #262626; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -100vw; }
.skip-link:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { margin-top: 2rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
code { background: var(--code-bg); padding: 0 .2em; border-radius: 3px; }
pre { background: var(--code-bg); padding: .75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.method { display: inline-block; min-width: 4.5em; font-weight: 700; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
ul.schema { margin: .25rem 0; padding-left: 1.25rem; }
article.mail { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .75rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.choice { display: flex; align-items: center; gap: .5rem; margin: .4rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
button { font: inherit; padding: .6rem 1.1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--bg); color: var(--accent); cursor: pointer; }
button[value="pay"] { background: var(--accent); color: var(--bg); font-weight: 600; }
button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.notice { border-left: 4px solid var(--accent); padding: .25rem .75rem; }
.error { color: #b00020; font-weight: 600; }
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
@media (forced-colors: active) { code, pre { border: 1px solid CanvasText; } button { border-color: ButtonText; } }
`;
