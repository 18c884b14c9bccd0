import { expect } from '@open-wc/testing';
import { readRoute, writeRoute } from '@muni-widgets/core';
import { decodeFilters, encodeFilters, routeOf, viewOf, type View } from '../src/filters.js';
import { pageWindow } from '../src/views/search.js';

const readView = (hash: string) => viewOf(readRoute(hash, 'muni-found-item'));

describe('filters in the URL fragment', () => {
  it('round-trips every filter and the page, umlauts and separators included', () => {
    const views: View[] = [
      { kind: 'search', filters: {}, page: 1 },
      { kind: 'search', filters: { q: 'schwarze Börse & Schlüssel=2', category: 'geldboerse', colour: 'schwarz', from: '2026-01-01', to: '2026-02-01', place: 'Bahnhof #3' }, page: 4 },
      { kind: 'item', reference: 'F-2026-00123' },
      { kind: 'claim', reference: 'F-2026-00123' },
      { kind: 'report' },
      { kind: 'manage', token: 'abc_DEF-123' },
    ];
    for (const view of views) expect(readView(writeRoute('#other=1', 'muni-found-item', routeOf(view)))).to.deep.equal(view);
  });

  it('still reads searches shared before the one codec (URLSearchParams wrote `%3A` and `+`)', () => {
    expect(readView('#muni-found-item=search%3Aq%3DSchl%25C3%25BCssel%2Bx%26page%3D2')).to.deep.equal({ kind: 'search', filters: { q: 'Schlüssel x' }, page: 2 });
  });

  it("reads the server's mail links", () => {
    expect(readView('#muni-found-item=manage:Zq3-_x')).to.deep.equal({ kind: 'manage', token: 'Zq3-_x' });
    expect(readView('#muni-found-item=item:F-2026-00007')).to.deep.equal({ kind: 'item', reference: 'F-2026-00007' });
  });

  it('ignores what it cannot use instead of failing', () => {
    expect(readView('')).to.deep.equal({ kind: 'search', filters: {}, page: 1 });
    expect(readView('#muni-found-item=unknown:x')).to.deep.equal({ kind: 'search', filters: {}, page: 1 });
    expect(readView('#muni-found-item=item:')).to.deep.equal({ kind: 'search', filters: {}, page: 1 });
    expect(decodeFilters('from=gestern&to=2026-02-30x&page=-3&q=%20%20')).to.deep.equal({ filters: {}, page: 1 });
    expect(decodeFilters('page=2.5').page).to.equal(1);
    expect(encodeFilters({ q: '  ', colour: '' }, 1)).to.equal('');
  });

  it('shows first, last and the neighbours of the current page', () => {
    expect(pageWindow(1, 1)).to.deep.equal([1]);
    expect(pageWindow(1, 3)).to.deep.equal([1, 2, 3]);
    expect(pageWindow(5, 10)).to.deep.equal([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(10, 10)).to.deep.equal([1, null, 9, 10]);
  });
});
