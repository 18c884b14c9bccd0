import { expect } from '@open-wc/testing';
import { defineElement } from '../src/define-element.js';

describe('defineElement', () => {
  let warnings: unknown[][];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('registers a new tag', () => {
    class First extends HTMLElement {}
    defineElement('muni-test-define-a', First);
    expect(customElements.get('muni-test-define-a')).to.equal(First);
    expect(warnings).to.have.length(0);
  });

  it('accepts the same class twice silently (the same bundle evaluated twice)', () => {
    class Same extends HTMLElement {}
    defineElement('muni-test-define-b', Same);
    expect(() => defineElement('muni-test-define-b', Same)).not.to.throw();
    expect(warnings).to.have.length(0);
  });

  it('keeps the first class and warns once when other bundles define the tag again', () => {
    class FromBundleOne extends HTMLElement {}
    class FromBundleTwo extends HTMLElement {}
    class FromBundleThree extends HTMLElement {}
    defineElement('muni-test-define-c', FromBundleOne);
    expect(() => defineElement('muni-test-define-c', FromBundleTwo)).not.to.throw();
    expect(() => defineElement('muni-test-define-c', FromBundleThree)).not.to.throw();
    expect(customElements.get('muni-test-define-c')).to.equal(FromBundleOne);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<muni-test-define-c> is already defined');
  });
});
