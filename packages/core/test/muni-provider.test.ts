import { expect, fixture, html } from '@open-wc/testing';
import type { ProbeWidget } from './fixtures.js';
import type { MuniProvider } from '../src/muni-provider.js';
import './fixtures.js';

describe('<muni-provider> and configuration', () => {
  it('hands backend, locale, time zone and theme to widgets at any depth', async () => {
    const root = await fixture(html`<muni-provider backend-url="/api" locale="en" time-zone="Europe/Vienna" theme="dark">
      <section><div><probe-widget></probe-widget></div></section>
    </muni-provider>`);
    const widget = root.querySelector('probe-widget')!;
    await widget.updateComplete;
    expect(widget.effectiveBackendUrl).to.equal('/api');
    expect(widget.effectiveLocale).to.equal('en');
    expect(widget.effectiveTimeZone).to.equal('Europe/Vienna');
    expect(widget.dataset['theme']).to.equal('dark');
    expect(widget.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
  });

  it("lets a widget's own attributes win", async () => {
    const root = await fixture(html`<muni-provider backend-url="/api" locale="en">
      <probe-widget backend-url="https://other.example/api" locale="de-AT"></probe-widget>
    </muni-provider>`);
    const widget = root.querySelector('probe-widget')!;
    await widget.updateComplete;
    expect(widget.effectiveBackendUrl).to.equal('https://other.example/api');
    expect(widget.effectiveLocale).to.equal('de');
  });

  it('updates widgets when the provider changes', async () => {
    const root = await fixture<MuniProvider>(html`<muni-provider backend-url="/api"><probe-widget></probe-widget></muni-provider>`);
    const widget = root.querySelector('probe-widget')!;
    root.setAttribute('locale', 'en');
    await root.updateComplete;
    await widget.updateComplete;
    expect(widget.effectiveLocale).to.equal('en');
  });

  it('lets an inner provider inherit what it does not set', async () => {
    const root = await fixture(html`<muni-provider backend-url="/api" time-zone="Europe/Berlin">
      <muni-provider locale="en"><probe-widget></probe-widget></muni-provider>
    </muni-provider>`);
    const widget = root.querySelector('probe-widget')!;
    await widget.updateComplete;
    expect(widget.effectiveBackendUrl).to.equal('/api');
    expect(widget.effectiveLocale).to.equal('en');
  });

  it("falls back to the page's language, then German, and to Berlin time for unknown zones", async () => {
    // Built by hand: fixture() of a plain <div> waits for an animation frame, which a background test tab may never get.
    const english = document.createElement('div');
    english.lang = 'en-GB';
    const widget = document.createElement('probe-widget');
    widget.setAttribute('backend-url', '/api');
    widget.setAttribute('time-zone', 'Mars/Olympus');
    english.append(widget);
    document.body.append(english);
    await widget.updateComplete;
    expect(widget.effectiveLocale).to.equal('en');
    expect(widget.effectiveTimeZone).to.equal('Europe/Berlin');
    const plain = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api" locale="fr"></probe-widget>`);
    expect(plain.effectiveLocale).to.equal('de');
    english.remove();
  });

  it('shows a clear, accessible configuration message when no backend is set', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const widget = await fixture<ProbeWidget>(html`<probe-widget></probe-widget>`);
      const text = widget.shadowRoot!.textContent!;
      expect(text).to.contain('noch nicht eingerichtet');
      expect(text).to.contain('backend-url');
      expect(widget.shadowRoot!.querySelector('form')).to.equal(null);
      expect(warnings).to.have.length(1);
      await expect(widget).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('tells the editor when backend-url misses /api, and takes it once it is there', async () => {
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const widget = await fixture<ProbeWidget>(html`<probe-widget backend-url="https://termine.musterstadt.example"></probe-widget>`);
      const text = widget.shadowRoot!.textContent!;
      expect(text).to.contain('noch nicht eingerichtet');
      expect(text).to.contain('muss /api enthalten');
      expect(String(warnings[0]![0])).to.contain('backend-url="https://termine.musterstadt.example", without /api');
      await expect(widget).to.be.accessible();
      widget.backendUrl = 'https://termine.musterstadt.example/api/';
      await widget.updateComplete;
      expect(widget.shadowRoot!.textContent).to.not.contain('noch nicht eingerichtet');
    } finally {
      console.warn = warn;
    }
  });

  it('follows the device in theme="auto"', async () => {
    const widget = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api" theme="auto"></probe-widget>`);
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(widget.dataset['theme']).to.equal(dark ? 'dark' : 'light');
  });
});
