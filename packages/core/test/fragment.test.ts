import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { readRoute, routeLink, writeRoute, type FragmentKey } from '../src/fragment.js';

const KEYS: FragmentKey[] = ['muni-appointment', 'muni-service', 'muni-found-item', 'muni-payment', 'muni-queue'];
/** Any text a route may carry: ASCII with every separator, umlauts, emoji, lone `%`. */
const text = fc.string({ unit: fc.constantFrom(...'az09 :,&=#%+?/ÄäöÜß€😀-_.'.split(/(?:)/u)), maxLength: 30 });
const kind = fc.stringMatching(/^[a-z]{1,10}$/);

describe('fragment codec', () => {
  it('round-trips any route, separators, umlauts and emoji included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), kind, text, (key, kind, arg) => {
        expect(readRoute(writeRoute('', key, { kind, arg }), key)).to.deep.equal({ kind, arg });
      }),
    );
  });

  it('keeps every other part of the fragment byte for byte, in its place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.array(fc.stringMatching(/^[^&#]{1,12}$/), { maxLength: 4 }), kind, text, (key, foreign, kind, arg) => {
        const others = foreign.filter((part) => part.split('=', 1)[0] !== key);
        const hash = others.length ? `#${others.join('&')}` : '';
        const written = writeRoute(hash, key, { kind, arg });
        expect(written.slice(1).split('&').slice(0, -1)).to.deep.equal(others);
        expect(writeRoute(written, key)).to.equal(hash);
      }),
    );
  });

  it('writes the same readable format as the server’s links: colon and commas plain, the rest percent-encoded', () => {
    expect(writeRoute('', 'muni-queue', { kind: 'ticket', arg: 'A-042.K7M2P9' })).to.equal('#muni-queue=ticket:A-042.K7M2P9');
    expect(writeRoute('#top', 'muni-appointment', { kind: 'service', arg: 'a,b' })).to.equal('#top&muni-appointment=service:a,b');
    expect(writeRoute('', 'muni-service', { kind: 'search', arg: 'Börse & Schlüssel=1 #2+3' })).to.equal(
      '#muni-service=search:B%C3%B6rse%20%26%20Schl%C3%BCssel%3D1%20%232%2B3',
    );
    expect(writeRoute('', 'muni-service', { kind: 'az' })).to.equal('#muni-service=az');
  });

  it('replaces its own key, and only its own, wherever it stands', () => {
    const hash = '#muni-service=az&muni-queue=ticket:A-042.K7M2P9&muni-service-extra=1&top';
    expect(writeRoute(hash, 'muni-queue', { kind: 'ticket', arg: 'B-001.K7M2P9' })).to.equal('#muni-service=az&muni-service-extra=1&top&muni-queue=ticket:B-001.K7M2P9');
    expect(writeRoute(hash, 'muni-queue')).to.equal('#muni-service=az&muni-service-extra=1&top');
    expect(writeRoute('#muni-queue=ticket:A-042.K7M2P9', 'muni-queue')).to.equal('');
    expect(writeRoute('#muni-queue&x', 'muni-queue')).to.equal('#x', 'a key without a value is still the key');
  });

  it('reads links written before this codec (URLSearchParams: `%3A`, `+` for a space)', () => {
    expect(readRoute('#muni-service=service%3Awohnsitz-anmelden', 'muni-service')).to.deep.equal({ kind: 'service', arg: 'wohnsitz-anmelden' });
    expect(readRoute('#muni-service=az', 'muni-service')).to.deep.equal({ kind: 'az', arg: '' });
    expect(readRoute('#x=1&muni-service=search%3AKita+Platz', 'muni-service')).to.deep.equal({ kind: 'search', arg: 'Kita Platz' });
  });

  it('answers missing input with no route, and malformed input without an exception', () => {
    for (const hash of ['', '#', '#&&', '#muni-service', '#muni-service=', '#muni-service=:x', '#muni-services=az', '#/appointment/x']) {
      expect(readRoute(hash, 'muni-service'), hash).to.equal(undefined);
    }
    // A broken escape stays as it is; the widget then finds no such service, category or token.
    expect(readRoute('#muni-service=service:%E0%A4%A', 'muni-service')).to.deep.equal({ kind: 'service', arg: '\uFFFD%A' });
    expect(readRoute('#muni-service=%', 'muni-service')).to.deep.equal({ kind: '%', arg: '' });
    fc.assert(fc.property(fc.string(), fc.constantFrom(...KEYS), (hash, key) => void writeRoute(hash, key, readRoute(hash, key))));
    expect(readRoute('#muni-service=az&muni-service=start', 'muni-service')).to.deep.equal({ kind: 'az', arg: '' }, 'the first wins');
  });

  it('puts a route into a page address, keeping the page’s own fragment', () => {
    expect(routeLink('https://stadt.example/termine?x=1', 'muni-appointment', { kind: 'activate', arg: 'Zq3-_x' })).to.equal(
      'https://stadt.example/termine?x=1#muni-appointment=activate:Zq3-_x',
    );
    expect(routeLink('https://stadt.example/fundbuero#top', 'muni-found-item', { kind: 'item', arg: 'F-2026-00001' })).to.equal(
      'https://stadt.example/fundbuero#top&muni-found-item=item:F-2026-00001',
    );
  });
});
