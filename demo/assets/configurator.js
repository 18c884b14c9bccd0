// Snippet configurator for web editors (konfigurator.html): pick a widget, set its attributes and
// the city's colours, see it live, copy the HTML. The page is served with a strict CSP and
// Trusted Types, so everything is built with DOM APIs (no innerHTML) and the preview's colours
// go through a constructed stylesheet (no style="" attributes).
// The widget list and attributes come from widgets.json, which the demo build writes from
// custom-elements.json.

/** Attributes every widget shares; they have their own fields at the top of the form. */
const COMMON = new Set(['backend-url', 'locale', 'time-zone', 'theme']);
/** The colours offered here (the most useful of the public custom properties) and their defaults. */
const COLOURS = [
  { name: '--muni-color-primary', label: 'Hauptfarbe (Schaltflächen, Links)', value: '#0a4f8f' },
  { name: '--muni-color-on-primary', label: 'Schrift auf der Hauptfarbe', value: '#ffffff' },
  { name: '--muni-color-text', label: 'Text', value: '#1b1b1b' },
  { name: '--muni-color-background', label: 'Hintergrund', value: '#ffffff' },
  { name: '--muni-color-focus', label: 'Fokusrahmen', value: '#0a4f8f' },
];
/** Example values that make a widget show something useful right away. */
const EXAMPLES = {
  'muni-appointment-picker': { office: 'kita-abteilung' },
  'muni-payment-button': { amount: '3070', purpose: 'Bewohnerparkausweis Zone B', reference: '5210-2026-004711' },
};

const $ = (id) => document.getElementById(id);
const form = $('cfg-form');
const preview = $('cfg-preview');
const snippetOut = $('cfg-snippet');
const status = $('cfg-status');
const previewSheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, previewSheet];

const { widgets } = await fetch(new URL('widgets.json', import.meta.url)).then((r) => r.json());
const byTag = new Map(widgets.map((w) => [w.tag, w]));

/** `el('input', { id: 'x', type: 'text' }, child, …)`: attributes set one by one, children as text or nodes. */
function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : String(value));
  node.append(...children);
  return node;
}

$('cfg-backend-url').value = new URL('/api', location.href).href;
$('cfg-cdn').value = new URL('/cdn/', location.href).href;
for (const w of widgets) $('cfg-widget').append(el('option', { value: w.tag }, w.tag));
const requested = new URLSearchParams(location.search).get('widget');
if (requested && byTag.has(requested)) $('cfg-widget').value = requested;

for (const colour of COLOURS) {
  const id = `cfg-colour${colour.name.slice('--muni-color'.length)}`;
  $('cfg-colours').append(
    el('div', { class: 'configurator__field configurator__field--inline' },
      el('input', { id, type: 'color', name: colour.name, value: colour.value, 'data-default': colour.value }),
      el('label', { for: id }, `${colour.label} `, el('code', {}, colour.name))),
  );
}

/** The widget's own attributes as fields: a select for unions of strings, a checkbox for booleans. */
function renderAttributeFields(widget) {
  const box = $('cfg-attributes');
  box.replaceChildren(el('legend', {}, `Einstellungen von <${widget.tag}>`));
  const own = widget.attributes.filter((a) => !COMMON.has(a.name));
  if (own.length === 0) box.append(el('p', { class: 'configurator__hint' }, 'Dieses Widget braucht keine weiteren Einstellungen.'));
  for (const attribute of own) {
    const id = `cfg-attr-${attribute.name}`;
    const hintId = `${id}-hint`;
    const example = EXAMPLES[widget.tag]?.[attribute.name] ?? '';
    const choices = /^('[^']*'\s*\|\s*)+'[^']*'$/.test(attribute.type) ? attribute.type.split('|').map((t) => t.trim().slice(1, -1)) : null;
    let control;
    if (attribute.type === 'boolean') {
      control = el('input', { id, type: 'checkbox', 'data-attribute': attribute.name, 'aria-describedby': hintId });
    } else if (choices) {
      control = el('select', { id, 'data-attribute': attribute.name, 'aria-describedby': hintId },
        ...choices.map((c) => el('option', { value: c === attribute.default ? '' : c }, c === attribute.default ? `${c} (Standard)` : c)));
    } else {
      control = el('input', {
        id, type: attribute.type === 'number' ? 'number' : 'text', 'data-attribute': attribute.name, value: example,
        placeholder: attribute.default ?? '', autocomplete: 'off', 'aria-describedby': hintId,
      });
    }
    const label = el('label', { for: id }, el('code', {}, attribute.name));
    const hint = el('p', { id: hintId, class: 'configurator__hint', lang: 'en' }, attribute.description || attribute.type);
    box.append(attribute.type === 'boolean'
      ? el('div', { class: 'configurator__choice' }, control, label, hint)
      : el('div', { class: 'configurator__field' }, label, control, hint));
  }
  $('cfg-widget-hint').replaceChildren(el('span', { lang: 'en' }, widget.description));
}

/** Everything the form says, as data: the preview and the snippet are both made from it. */
function readConfig() {
  const widget = byTag.get($('cfg-widget').value);
  const attributes = [];
  const backendUrl = $('cfg-backend-url').value.trim();
  if (backendUrl) attributes.push(['backend-url', backendUrl]);
  for (const control of $('cfg-attributes').querySelectorAll('[data-attribute]')) {
    const name = control.dataset.attribute;
    if (control.type === 'checkbox') {
      if (control.checked) attributes.push([name, '']);
    } else if (control.value.trim() !== '') attributes.push([name, control.value.trim()]);
  }
  if ($('cfg-locale').value) attributes.push(['locale', $('cfg-locale').value]);
  if ($('cfg-theme').value) attributes.push(['theme', $('cfg-theme').value]);
  const colours = [];
  for (const input of $('cfg-colours').querySelectorAll('input[type=color]')) {
    if (/^#[0-9a-f]{6}$/i.test(input.value) && input.value.toLowerCase() !== input.dataset.default) colours.push([input.name, input.value.toLowerCase()]);
  }
  const cdn = $('cfg-cdn').value.trim().replace(/\/?$/, '/');
  return { widget, attributes, colours, cdn, mount: form.elements.form.value === 'mount' };
}

const escapeAttr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = ([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`);

/** The HTML an editor pastes: script, optional colour rules, and the element or its mount div. */
function snippet({ widget, attributes, colours, cdn, mount }) {
  const name = widget.tag.replace(/^muni-/, '');
  const lines = [`<script type="module" src="${escapeAttr(cdn + widget.bundle)}"></script>`];
  if (colours.length) {
    const selector = mount ? `[data-muni-widget="${name}"]` : widget.tag;
    lines.push('<style>', `  ${selector} {`, ...colours.map(([prop, value]) => `    ${prop}: ${value};`), '  }', '</style>');
  }
  if (mount) {
    const data = attributes.map(([n, v]) => attr([`data-${n}`, v])).join('');
    lines.push(`<div data-muni-widget="${name}"${data}></div>`);
  } else {
    lines.push(`<${widget.tag}${attributes.map(attr).join('')}></${widget.tag}>`);
  }
  return lines.join('\n') + '\n';
}

let shown = '';
/** Re-creates the preview only when the snippet really changed (each new widget loads its data). */
function update() {
  const config = readConfig();
  const text = snippet(config);
  snippetOut.textContent = text;
  if (text === shown) return;
  shown = text;
  previewSheet.replaceSync(
    config.colours.length ? `#cfg-preview ${config.widget.tag} { ${config.colours.map(([p, v]) => `${p}: ${v};`).join(' ')} }` : '',
  );
  let node;
  if (config.mount) {
    // The same placeholder the snippet holds; the loaded bundle mounts it.
    node = el('div', { 'data-muni-widget': config.widget.tag.replace(/^muni-/, '') });
    for (const [n, v] of config.attributes) node.setAttribute(`data-${n}`, v);
  } else {
    node = document.createElement(config.widget.tag);
    for (const [n, v] of config.attributes) node.setAttribute(n, v);
  }
  preview.replaceChildren(node);
}

let timer;
form.addEventListener('input', (event) => {
  clearTimeout(timer);
  // Typing in a text field waits for a pause; choices apply at once.
  timer = setTimeout(update, event.target.matches('input[type=text], input[type=url], input[type=number]') ? 400 : 0);
});
form.addEventListener('change', (event) => {
  if (event.target === $('cfg-widget')) {
    renderAttributeFields(byTag.get($('cfg-widget').value));
    const url = new URL(location.href);
    url.searchParams.set('widget', $('cfg-widget').value);
    history.replaceState(null, '', url);
  }
  clearTimeout(timer);
  update();
});
form.addEventListener('submit', (event) => event.preventDefault());

$('cfg-copy').addEventListener('click', async () => {
  update();
  try {
    await navigator.clipboard.writeText(snippetOut.textContent);
    status.textContent = 'Schnipsel kopiert. Fügen Sie ihn jetzt in Ihr Redaktionssystem ein.';
  } catch {
    // No clipboard permission (e.g. an embedded browser): select the text for Ctrl+C instead.
    getSelection().selectAllChildren(snippetOut);
    status.textContent = 'Kopieren ist hier nicht erlaubt: Der Schnipsel ist markiert, kopieren Sie ihn mit Strg+C.';
  }
});

renderAttributeFields(byTag.get($('cfg-widget').value));
update();
document.documentElement.dataset.configuratorReady = '';
