import { expect } from '@open-wc/testing';
import { HttpClient } from '@muni-widgets/core';
import { json, scriptedFetch } from '../../core/test/fixtures.js';
import '../src/define.js';
import type { MuniFoundItemSearch } from '../src/muni-found-item-search.js';
import { RestFoundItemProvider } from '../src/providers/rest.js';
import { categories, colours, daysAgo, pickup } from './found-fixtures.js';

/**
 * Issue #5: "held-back details never reach the browser". The reference server never sends them;
 * this proves the widget would not show them even if a backend did: every answer below carries
 * marker strings in held-back fields, and no state of the widget may contain one.
 */
const MARKERS = ['MARKER-CONTENTS-1f9a', 'MARKER-SERIAL-77c2', 'MARKER-NAMES-03be', 'MARKER-CASH-5d10', 'MARKER-NOTES-aa41', 'MARKER-BRAND-e6b9'];

function leaky(reference: string, description: string) {
  return {
    reference,
    category: 'geldboerse',
    categoryName: 'Geldbörse',
    colour: 'schwarz',
    colourName: 'schwarz',
    description,
    foundOn: daysAgo(2),
    foundPlace: 'Hauptbahnhof',
    status: 'open',
    keptUntil: daysAgo(-180),
    // What a careless backend might add: none of it is in the public model.
    heldBack: { contents: MARKERS[0], serialNumber: MARKERS[1], documentNames: MARKERS[2], cashCents: MARKERS[3] },
    contents: MARKERS[0],
    serialNumber: MARKERS[1],
    documentNames: MARKERS[2],
    internalNotes: MARKERS[4],
    privateBrand: MARKERS[5],
    claims: [{ contact: { name: MARKERS[2] } }],
  };
}

const items = [leaky('F-2026-00001', 'Schwarze Lederbörse'), leaky('F-2026-00002', 'Kleine Geldbörse')];
const lossReport = {
  reference: 'V-2026-00001',
  category: 'geldboerse',
  categoryName: 'Geldbörse',
  description: 'Schwarze Lederbörse',
  lostOn: daysAgo(3),
  lostPlace: 'Hauptbahnhof',
  contact: { name: 'Erika Mustermann', email: 'erika@example.org', notes: MARKERS[4] },
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 180 * 86_400_000).toISOString(),
  matches: items,
  possibleOwners: [{ name: MARKERS[2] }],
};

function backend() {
  return scriptedFetch((request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1\//, '');
    if (path === 'found-items/categories') return json({ categories: categories.map((c) => ({ ...c, openCount: 2, notes: MARKERS[4] })) });
    if (path === 'found-items/colours') return json({ colours });
    if (path === 'found-items') return json({ items, total: 2, page: 1, pageSize: 20, pageCount: 1, debug: MARKERS });
    if (/^found-items\/F-[\d-]+$/.test(path)) return json(items[0]);
    if (path.endsWith('/claims')) {
      return json({ reference: 'A-2026-00001', createdAt: new Date().toISOString(), foundItem: items[0], pickup: { ...pickup, internalNotes: MARKERS[4] } }, 201);
    }
    if (path === 'loss-reports') return json({ kind: 'activation-sent', reference: 'V-2026-00001', createdAt: new Date().toISOString(), expiresAt: lossReport.expiresAt, matches: items }, 202);
    if (path === 'loss-reports/activate') return json(lossReport);
    if (path.startsWith('loss-reports/manage/')) return json(lossReport);
    return json({ status: 404 }, 404);
  });
}

const settle = async (el: MuniFoundItemSearch) => {
  for (let i = 0; i < 8; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

function assertClean(el: MuniFoundItemSearch, state: string) {
  const shadow = el.shadowRoot!;
  for (const marker of MARKERS) {
    expect(shadow.innerHTML, `${state}: innerHTML`).not.to.contain(marker);
    expect(shadow.textContent, `${state}: text`).not.to.contain(marker);
  }
}

describe('privacy: held-back details never reach the DOM', () => {
  let el: MuniFoundItemSearch;
  beforeEach(() => history.replaceState(null, '', location.pathname + location.search));
  afterEach(() => el?.remove());

  it('the REST provider drops every field outside the public model', async () => {
    const { fetch } = backend();
    const provider = new RestFoundItemProvider(new HttpClient({ baseUrl: 'https://fund.example/api', fetch }));
    const answers = [
      await provider.search({}, { page: 1, pageSize: 20 }),
      await provider.item('F-2026-00001'),
      await provider.claim('F-2026-00001', { contact: { name: 'E M', email: 'e@example.org' }, identifyingFeatures: 'x'.repeat(20), consent: true }),
      await provider.lossReport('token'),
      await provider.activateLossReport('token'),
      await provider.categories(),
    ];
    for (const answer of answers) for (const marker of MARKERS) expect(JSON.stringify(answer)).not.to.contain(marker);
    expect(Object.keys(answers[1]!).sort()).to.deep.equal(['category', 'categoryName', 'colour', 'colourName', 'description', 'foundOn', 'foundPlace', 'keptUntil', 'reference', 'status']);
  });

  it('in every state of the widget: results, find, claim, confirmation, loss report, management', async () => {
    const { fetch, requests } = backend();
    const provider = new RestFoundItemProvider(new HttpClient({ baseUrl: 'https://fund.example/api', fetch }));
    // This backend asks for no proof of work.
    Object.assign(provider, { botChallenge: undefined });
    el = document.createElement('muni-found-item-search');
    el.provider = provider;
    document.body.append(el);
    await settle(el);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.item')).to.have.length(2);
    assertClean(el, 'results');

    (root.querySelector('.item__title a') as HTMLAnchorElement).click();
    await new Promise((r) => setTimeout(r, 10));
    await settle(el);
    expect(root.querySelector('#view-heading')!.textContent).to.contain('Schwarze Lederbörse');
    assertClean(el, 'find');

    root.querySelector<HTMLElement>('[part~=claim-button]')!.click();
    await settle(el);
    assertClean(el, 'claim form');
    const fill = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('name', 'Erika Mustermann');
    fill('email', 'erika@example.org');
    fill('features', 'Ein Foto meiner Katze im Kartenfach.');
    const consent = root.querySelector<HTMLInputElement>('#consent')!;
    consent.checked = true;
    consent.dispatchEvent(new Event('change'));
    await settle(el);
    root.querySelector<HTMLElement>('[part~=submit-button]')!.click();
    await settle(el);
    expect(root.textContent).to.contain('A-2026-00001');
    assertClean(el, 'claim confirmation');

    history.pushState(null, '', '#muni-found-item=manage:tok-123456789');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle(el);
    expect(root.querySelector('#view-heading')!.textContent).to.contain('V-2026-00001');
    assertClean(el, 'management');
    expect(requests.some((r) => r.url.endsWith('/v1/loss-reports/manage/tok-123456789'))).to.equal(true);
  });
});
