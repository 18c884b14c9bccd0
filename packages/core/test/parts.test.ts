import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ProbeWidget } from './fixtures.js';
import { json, whileOffline } from './fixtures.js';

function shadow(el: ProbeWidget) {
  return el.shadowRoot!;
}

async function type(el: ProbeWidget, value: string) {
  const input = shadow(el).querySelector<HTMLInputElement>('#name')!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('shared parts in a widget', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('labels the field, links its hint, and passes axe', async () => {
    const el = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api"></probe-widget>`);
    const input = shadow(el).querySelector('#name')!;
    expect(input.getAttribute('aria-describedby')).to.equal('name-hint');
    expect(shadow(el).querySelector('label[for=name]')!.textContent).to.contain('Name');
    await expect(el).to.be.accessible();
  });

  it('shows a field error with a summary that moves focus, and passes axe', async () => {
    const el = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api"></probe-widget>`);
    shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    const input = shadow(el).querySelector('#name')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('name-error name-hint');
    const summary = shadow(el).querySelector('[part=error-summary]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    summary.querySelector<HTMLButtonElement>('button')!.click();
    expect(shadow(el).activeElement).to.equal(input);
    await expect(el).to.be.accessible();
  });

  it('keeps what was typed through an offline error and a retry', async () => {
    window.fetch = async () => json({ name: 'Musterstadt' });
    const el = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api"></probe-widget>`);
    await type(el, 'Erika Mustermann');
    await whileOffline(async () => {
      await el.send();
      await el.updateComplete;
    });
    const alert = shadow(el).querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('offline');
    expect(shadow(el).querySelector<HTMLInputElement>('#name')!.value).to.equal('Erika Mustermann');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(shadow(el).querySelector('#result')!.textContent).to.equal('Erika Mustermann @ Musterstadt');
    expect(shadow(el).querySelector<HTMLInputElement>('#name')!.value).to.equal('Erika Mustermann');
  });

  it('announces results politely through the live region', async () => {
    window.fetch = async () => json({ name: 'Musterstadt' });
    const el = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api"></probe-widget>`);
    const region = shadow(el).querySelector('[data-announcer=polite]')!;
    expect(region.getAttribute('role')).to.equal('status');
    await type(el, 'Erika');
    await el.send();
    await new Promise((r) => setTimeout(r, 150));
    await el.updateComplete;
    expect(region.textContent).to.equal('Erika @ Musterstadt');
  });

  it('marks a busy button and ignores clicks on it', async () => {
    let calls = 0;
    window.fetch = () => new Promise(() => void calls++);
    const el = await fixture<ProbeWidget>(html`<probe-widget backend-url="/api"></probe-widget>`);
    await type(el, 'Erika');
    void el.send();
    await el.updateComplete;
    const submit = shadow(el).querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.getAttribute('aria-busy')).to.equal('true');
    const submitted = oneEvent(shadow(el).querySelector('form')!, 'submit');
    submit.click();
    await Promise.race([submitted, new Promise((r) => setTimeout(r, 50))]);
    expect(calls).to.equal(1);
    expect(shadow(el).querySelector('[part=loading]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });
});
