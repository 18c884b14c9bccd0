import { expect } from '@open-wc/testing';
import { hashFor, readView, sameView } from '../src/navigation.js';

describe('finder deep links', () => {
  it('round-trips every view through the fragment', () => {
    for (const view of [
      { kind: 'home' },
      { kind: 'az' },
      { kind: 'service', id: 'personalausweis-beantragen' },
      { kind: 'category', id: 'familie-kinder' },
      { kind: 'search', query: 'Kita-Platz & Elterngeld: ä?' },
    ] as const) {
      expect(readView(hashFor(view, ''))).to.deep.equal(view);
    }
  });

  it('keeps other widgets’ keys in the fragment', () => {
    const hash = hashFor({ kind: 'service', id: 'x' }, '#muni-appointment=service:kita-anmeldung');
    const params = new URLSearchParams(hash.slice(1));
    expect(params.get('muni-appointment')).to.equal('service:kita-anmeldung');
    expect(params.get('muni-service')).to.equal('service:x');
  });

  it('treats missing or broken values as the start, never as an error', () => {
    for (const hash of ['', '#', '#top', '#muni-service=', '#muni-service=service:', '#muni-service=search:%20', '#muni-service=nonsense:1']) {
      expect(readView(hash), hash).to.deep.equal({ kind: 'home' });
    }
    expect(sameView({ kind: 'home' }, readView('#muni-service=start'))).to.equal(true);
  });
});
