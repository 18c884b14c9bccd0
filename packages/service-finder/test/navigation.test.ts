import { expect } from '@open-wc/testing';
import { readRoute, writeRoute } from '@muni-widgets/core';
import { routeOf, viewOf } from '../src/navigation.js';

const read = (hash: string) => viewOf(readRoute(hash, 'muni-service'));

describe('finder deep links', () => {
  it('round-trips every view through the fragment', () => {
    for (const view of [
      { kind: 'home' },
      { kind: 'az' },
      { kind: 'service', id: 'personalausweis-beantragen' },
      { kind: 'category', id: 'familie-kinder' },
      { kind: 'search', query: 'Kita-Platz & Elterngeld: ä?' },
    ] as const) {
      expect(read(writeRoute('', 'muni-service', routeOf(view)))).to.deep.equal(view);
    }
  });

  it('treats missing or broken values as the start, never as an error', () => {
    for (const hash of ['', '#', '#top', '#muni-service=', '#muni-service=service:', '#muni-service=search:%20', '#muni-service=nonsense:1', '#muni-service=%E0%A4%A']) {
      expect(read(hash), hash).to.deep.equal({ kind: 'home' });
    }
    expect(read(writeRoute('#top', 'muni-service', routeOf({ kind: 'home' })))).to.deep.equal({ kind: 'home' });
  });

  it('still reads links shared before the one codec (URLSearchParams wrote `%3A` and `+`)', () => {
    expect(read('#muni-service=service%3Awohnsitz-anmelden')).to.deep.equal({ kind: 'service', id: 'wohnsitz-anmelden' });
    expect(read('#muni-service=search%3AKita+Platz')).to.deep.equal({ kind: 'search', query: 'Kita Platz' });
  });
});
