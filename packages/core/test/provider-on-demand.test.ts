import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { MuniElement } from '../src/muni-element.js';
import { defineElement } from '../src/define-element.js';
import { insideProvider } from '../src/provider-on-demand.js';
import { coreMessages } from '../src/i18n/core-messages.js';

/**
 * Widget bundles leave `<muni-provider>` out; this file never imports core's define.js, so the
 * provider is undefined here until a widget inside one loads it.
 */
class ConfiguredProbe extends MuniElement {
  protected readonly messages = coreMessages;
  protected renderWidget(): TemplateResult {
    return html`<p id="config">${this.effectiveBackendUrl} ${this.effectiveLocale}</p>`;
  }
}
defineElement('configured-probe', ConfiguredProbe);

describe('<muni-provider> on demand', () => {
  it('is not defined by a widget outside any provider', async () => {
    const el = document.createElement('configured-probe') as ConfiguredProbe;
    el.setAttribute('backend-url', '/own/api');
    document.body.append(el);
    await el.updateComplete;
    expect(customElements.get('muni-provider')).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('#config')!.textContent).to.equal('/own/api de');
    el.remove();
  });

  it('is loaded by a widget inside one, which then takes its configuration and language', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const provider = document.createElement('muni-provider');
      provider.setAttribute('backend-url', '/from-provider/api');
      provider.setAttribute('locale', 'en');
      const el = document.createElement('configured-probe') as ConfiguredProbe;
      provider.append(el);
      document.body.append(provider);
      // The first render comes a few microtasks later; the provider's chunk takes a request.
      for (let i = 0; i < 10 && !el.shadowRoot!.querySelector('.root'); i++) await null;
      expect(el.shadowRoot!.querySelector('.root')!.getAttribute('aria-busy'), 'waits instead of "not set up"').to.equal('true');
      await el.updateComplete;
      expect(customElements.get('muni-provider')).to.not.equal(undefined);
      expect(el.shadowRoot!.querySelector('#config')!.textContent).to.equal('/from-provider/api en');
      expect(warnings, 'no "has no backend-url" warning on the way').to.deep.equal([]);
      provider.remove();
    } finally {
      console.warn = warn;
    }
  });
});

describe('insideProvider', () => {
  /** A component with `inner` as its shadow root's content. */
  function component(inner: string): HTMLElement {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(document.createRange().createContextualFragment(inner));
    return host;
  }

  it('follows the way a context request travels', () => {
    const plain = document.createElement('span');
    const provider = document.createElement('muni-provider');
    const direct = document.createElement('span');
    provider.append(direct);
    // The widget is slotted into a component that wraps its slot in a provider.
    const wrapping = component('<muni-provider><slot></slot></muni-provider>');
    const slotted = document.createElement('span');
    wrapping.append(slotted);
    // The widget sits in a component's shadow root; the component sits in a provider.
    const outer = document.createElement('muni-provider');
    const nested = component('<span id="deep"></span>');
    outer.append(nested);
    document.body.append(plain, provider, wrapping, outer);
    try {
      expect(insideProvider(plain)).to.equal(false);
      expect(insideProvider(direct)).to.equal(true);
      expect(insideProvider(slotted), 'slotted into a provider in a shadow root').to.equal(true);
      expect(insideProvider(nested.shadowRoot!.querySelector('#deep')!), 'in a shadow root inside a provider').to.equal(true);
    } finally {
      for (const el of [plain, provider, wrapping, outer]) el.remove();
    }
  });
});
