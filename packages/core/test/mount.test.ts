import { expect } from '@open-wc/testing';
import { defineElement } from '../src/define-element.js';
import { mountWidgets } from '../src/mount-widgets.js';

/** Lets the microtask scan, the MutationObserver and the (lazily imported) mounting run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/**
 * Puts markup in the document. Not open-wc's `fixture`: for plain elements it waits for an
 * animation frame, which never comes while the test page is a background tab (WTR runs two).
 */
const containers: HTMLElement[] = [];
function place<T extends Element = HTMLDivElement>(markup: string): T {
  const container = document.createElement('div');
  // Literal markup written in this file, never data: it stands for what a CMS page holds.
  container.innerHTML = markup;
  document.body.append(container);
  containers.push(container);
  return container.firstElementChild as T;
}

class MountProbe extends HTMLElement {}
class LateProbe extends HTMLElement {}

describe('mount form (data-muni-widget)', () => {
  // The mounting code loads on first use; loaded up front, each test's settle() covers the scan.
  before(() => import('../src/mount-widgets.js'));
  let warnings: unknown[][];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
    for (const c of containers.splice(0)) c.remove();
  });

  it('turns a div into the widget inside it, data-* attributes becoming attributes', async () => {
    const div = place(`<div
      class="cms-box"
      data-muni-widget="mount-probe"
      data-backend-url="/api"
      data-service="wohnung-anmelden,personalausweis"
      data-kiosk=""
    >
      <a href="/termine">Termin online buchen</a>
    </div>`);
    defineElement('muni-mount-probe', MountProbe);
    await settle();
    const widget = div.querySelector('muni-mount-probe')!;
    expect(widget).to.be.instanceOf(MountProbe);
    expect(div.children).to.have.length(1, 'the no-script fallback is replaced');
    expect(div.className).to.equal('cms-box', 'the host keeps its div and layout');
    expect(widget.getAttribute('backend-url')).to.equal('/api');
    expect(widget.getAttribute('service')).to.equal('wohnung-anmelden,personalausweis');
    expect(widget.hasAttribute('kiosk')).to.equal(true);
    expect(widget.hasAttribute('muni-widget')).to.equal(false);
    expect(widget.hasAttribute('class')).to.equal(false);
    expect(div.hasAttribute('data-muni-mounted')).to.equal(true);
  });

  it('is idempotent: another scan or another bundle does not mount twice', async () => {
    const div = place(`<div data-muni-widget="mount-probe" data-backend-url="/api"></div>`);
    await settle(); // muni-mount-probe is defined by now: the observer mounts it
    mountWidgets();
    mountWidgets(div);
    defineElement('muni-mount-probe', MountProbe); // the same definition again, as a second bundle would
    await settle();
    expect(div.querySelectorAll('muni-mount-probe')).to.have.length(1);
  });

  it('mounts divs that arrive later, e.g. CMS content loaded by script', async () => {
    const box = place(`<div></div>`);
    const later = document.createElement('section');
    later.innerHTML = '<p>Teaser</p><div data-muni-widget="mount-probe" data-locale="en"></div>';
    box.append(later);
    await settle();
    expect(later.querySelector('muni-mount-probe')?.getAttribute('locale')).to.equal('en');

    const flagged = document.createElement('div');
    box.append(flagged);
    await settle();
    flagged.setAttribute('data-muni-widget', 'mount-probe');
    await settle();
    expect(flagged.querySelector('muni-mount-probe')).to.exist;
  });

  it('waits for a widget whose bundle comes later on the page', async () => {
    const div = place(`<div data-muni-widget="late-probe"></div>`);
    mountWidgets();
    expect(div.children).to.have.length(0);
    expect(div.hasAttribute('data-muni-mounted')).to.equal(false);
    defineElement('muni-late-probe', LateProbe);
    await settle();
    expect(div.querySelector('muni-late-probe')).to.be.instanceOf(LateProbe);
  });

  it('ignores unknown names, other custom elements and the provider, warning once per name', async () => {
    customElements.define('other-lib-widget', class extends HTMLElement {});
    const box = place(`<div>
      <div data-muni-widget="no-such-widget"></div>
      <div data-muni-widget="no-such-widget"></div>
      <div data-muni-widget="../script"></div>
      <div data-muni-widget="provider"></div>
    </div>`);
    const other = document.createElement('div');
    other.setAttribute('data-muni-widget', 'lib-widget'); // would be <muni-lib-widget>: not registered
    box.append(other);
    mountWidgets();
    await settle();
    await settle();
    expect(box.querySelectorAll('[data-muni-mounted]')).to.have.length(0);
    expect(box.querySelector('muni-provider')).to.equal(null);
    const texts = warnings.map((w) => String(w[0]));
    expect(texts.filter((t) => t.includes('"no-such-widget"'))).to.have.length(1);
    mountWidgets();
    await settle();
    await settle();
    expect(warnings.map((w) => String(w[0])).filter((t) => t.includes('"no-such-widget"'))).to.have.length(1);
  });
});
