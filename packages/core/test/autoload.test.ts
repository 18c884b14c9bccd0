import { expect, waitUntil } from '@open-wc/testing';
import { autoload } from '../src/autoload.js';
import { defineElement } from '../src/define-element.js';

/** Lets the MutationObserver, the loaders and the mounting run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

const containers: HTMLElement[] = [];
function place(markup: string): HTMLElement {
  const container = document.createElement('div');
  // Literal markup written in this file, never data.
  container.innerHTML = markup;
  document.body.append(container);
  containers.push(container);
  return container;
}

class UsedProbe extends HTMLElement {}
class PlaceholderProbe extends HTMLElement {}
class LaterProbe extends HTMLElement {}

describe('autoloader of muni-widgets.js', () => {
  const loaded: string[] = [];
  const loader = (tag: string, ctor: CustomElementConstructor) => async () => {
    loaded.push(tag);
    defineElement(tag, ctor);
  };
  before(() => {
    place('<muni-autoload-used></muni-autoload-used><muni-autoload-used></muni-autoload-used>');
    autoload({
      'muni-autoload-used': loader('muni-autoload-used', UsedProbe),
      'muni-autoload-placeholder': loader('muni-autoload-placeholder', PlaceholderProbe),
      'muni-autoload-later': loader('muni-autoload-later', LaterProbe),
      'muni-autoload-unused': () => Promise.reject(new Error('must not be loaded')),
    });
  });
  after(() => {
    for (const c of containers.splice(0)) c.remove();
  });

  it('loads each tag on the page once and nothing else', async () => {
    await settle();
    expect(loaded).to.deep.equal(['muni-autoload-used']);
    expect(customElements.get('muni-autoload-used')).to.equal(UsedProbe);
    expect(customElements.get('muni-autoload-unused')).to.equal(undefined);
  });

  it('loads the widget of a data-muni-widget placeholder added later, which then mounts', async () => {
    const container = place('<div data-muni-widget="autoload-placeholder" data-office="kita"></div>');
    // The mounting code itself loads on first use (mount.ts).
    await waitUntil(() => container.querySelector('muni-autoload-placeholder'), 'the placeholder was not mounted');
    expect(loaded).to.include('muni-autoload-placeholder');
    expect(container.querySelector('muni-autoload-placeholder')?.getAttribute('office')).to.equal('kita');
  });

  it('loads a tag that appears later, nested in added content', async () => {
    place('<section><p><muni-autoload-later></muni-autoload-later></p></section>');
    await settle();
    expect(customElements.get('muni-autoload-later')).to.equal(LaterProbe);
    expect(loaded.filter((t) => t === 'muni-autoload-later')).to.have.length(1);
  });
});

class FullA extends HTMLElement {}
class FullB extends HTMLElement {}
class FullC extends HTMLElement {}
class FullLater extends HTMLElement {}
class EarlierBundleC extends HTMLElement {}
const fullTags: Record<string, CustomElementConstructor> = {
  'muni-full-a': FullA,
  'muni-full-b': FullB,
  'muni-full-c': FullC,
  'muni-full-later': FullLater,
};

describe('autoloader on a page with several different widgets', () => {
  const loaded: string[] = [];
  before(() => {
    // A per-widget bundle of <muni-full-c> pasted into the page before the loader ran.
    defineElement('muni-full-c', EarlierBundleC);
    place('<muni-full-a></muni-full-a><div data-muni-widget="full-b"></div><muni-full-c></muni-full-c><muni-full-a></muni-full-a>');
    const single = (tag: string) => async () => {
      loaded.push(tag);
      defineElement(tag, fullTags[tag]);
    };
    autoload(Object.fromEntries(Object.keys(fullTags).map((tag) => [tag, single(tag)])), async () => {
      loaded.push('full');
      for (const [tag, ctor] of Object.entries(fullTags)) defineElement(tag, ctor);
    });
  });
  after(() => {
    for (const c of containers.splice(0)) c.remove();
  });

  it('loads the full bundle once and no per-widget bundle; an earlier definition stays', async () => {
    await waitUntil(() => customElements.get('muni-full-b'), 'the full bundle was not loaded');
    await settle();
    expect(loaded).to.deep.equal(['full']);
    expect(customElements.get('muni-full-a')).to.equal(FullA);
    expect(customElements.get('muni-full-c')).to.equal(EarlierBundleC);
  });

  it('upgrades a tag added later that was not on the page, without loading anything more', async () => {
    const container = place('<muni-full-later></muni-full-later>');
    await settle();
    expect(container.querySelector('muni-full-later')).to.be.instanceOf(FullLater);
    expect(loaded).to.deep.equal(['full']);
  });

  it('a per-widget bundle loaded after the full one changes nothing', () => {
    expect(() => defineElement('muni-full-a', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('muni-full-a')).to.equal(FullA);
  });
});

class ProviderProbe extends HTMLElement {}
class PairOne extends HTMLElement {}
class PairTwo extends HTMLElement {}

describe('autoloader on a page with two widgets in a <muni-provider>', () => {
  const loaded: string[] = [];
  const ctors: Record<string, CustomElementConstructor> = { 'muni-provider': ProviderProbe, 'muni-pair-one': PairOne, 'muni-pair-two': PairTwo };
  before(() => {
    place('<muni-provider><muni-pair-one></muni-pair-one><muni-pair-two></muni-pair-two></muni-provider>');
    const single = (tag: string) => async () => {
      loaded.push(tag);
      defineElement(tag, ctors[tag]);
    };
    autoload(Object.fromEntries(Object.keys(ctors).map((tag) => [tag, single(tag)])), async () => void loaded.push('full'));
  });
  after(() => {
    for (const c of containers.splice(0)) c.remove();
  });

  it('loads each bundle, not the full one: the provider does not count as a widget', async () => {
    await settle();
    expect([...loaded].sort()).to.deep.equal(['muni-pair-one', 'muni-pair-two', 'muni-provider']);
  });
});

class FallA extends HTMLElement {}
class FallB extends HTMLElement {}
class FallC extends HTMLElement {}
class FallLate extends HTMLElement {}

describe('autoloader when the full bundle cannot be loaded', () => {
  const loaded: string[] = [];
  const ctors: Record<string, CustomElementConstructor> = { 'muni-fall-a': FallA, 'muni-fall-b': FallB, 'muni-fall-c': FallC, 'muni-fall-late': FallLate };
  let failFull: (error: Error) => void = () => {};
  before(() => {
    place('<muni-fall-a></muni-fall-a><muni-fall-b></muni-fall-b><muni-fall-c></muni-fall-c>');
    const single = (tag: string) => async () => {
      loaded.push(tag);
      defineElement(tag, ctors[tag]);
    };
    autoload(Object.fromEntries(Object.keys(ctors).map((tag) => [tag, single(tag)])), () => new Promise((_, reject) => (failFull = reject)));
  });
  after(() => {
    for (const c of containers.splice(0)) c.remove();
  });

  it('loads each widget of the page, also one added while the full bundle was on its way', async () => {
    await settle();
    place('<muni-fall-late></muni-fall-late>');
    await settle();
    failFull(new Error('offline'));
    await waitUntil(() => customElements.get('muni-fall-late'), 'the tag added meanwhile was never loaded');
    expect([...loaded].sort()).to.deep.equal(['muni-fall-a', 'muni-fall-b', 'muni-fall-c', 'muni-fall-late']);
  });
});
