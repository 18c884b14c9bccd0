import { expect, waitUntil } from '@open-wc/testing';
import { HttpClient } from '@muni-widgets/core';
import { json, scriptedFetch } from '../../core/test/fixtures.js';
import { apiFailure } from '../../core/test/api-failure.js';
import '../src/define.js';
import { TEXTMODUL, XzufiServiceProvider } from '../src/providers/xzufi.js';
import { XzufiCollector } from '../src/providers/xzufi-xml.js';

const document = (await (await fetch(new URL('./fixtures/xzufi-leistungen.json', import.meta.url))).json()) as Record<string, unknown>;
const URL_ = 'https://daten.musterstadt.example/pvog/leistungen.json';

type Answer = Response | Error | ((req: Request) => Response);
function setup(...answers: Answer[]) {
  const scripted = scriptedFetch(...(answers.length ? answers : [json(document)]));
  const client = new HttpClient({ baseUrl: 'https://elsewhere.example/', fetch: scripted.fetch, retries: 0 });
  return { provider: new XzufiServiceProvider({ client, url: URL_ }), requests: scripted.requests };
}

const XSS = /onerror|<script|alert\(/;

describe('XzufiServiceProvider', () => {
  it('maps Leistungen onto summaries: name from text module 03, teaser from the Kurztext (05), offices by Zuständigkeit', async () => {
    const { provider, requests } = setup();
    const catalog = await provider.catalog();
    expect(requests.map((r) => r.url)).to.deep.equal([URL_]);
    expect(catalog.services[0]).to.deep.equal({
      id: 'L100001',
      leika: '99115004001000',
      name: 'Wohnsitz anmelden',
      shortDescription: 'Wenn Sie umziehen, melden Sie sich innerhalb von zwei Wochen an.',
      category: 'K-UMZUG',
      // German terms only; the English one belongs to another language version.
      synonyms: ['Ummelden', 'Umzug melden', 'Meldebescheinigung'],
      // The Zuständigkeit with role 01 (zuständige Stelle) first, though listed second.
      officeIds: ['OE-BA-MITTE', 'OE-BA-NORD'],
    });
    expect(catalog.services.map((s) => [s.id, s.name, s.onlineServiceUrl])).to.deep.equal([
      ['L100001', 'Wohnsitz anmelden', undefined],
      ['L100002', 'Personalausweis beantragen', undefined],
      ['L100003', 'Hund anmelden (Hundesteuer)', 'https://online.musterstadt.de/hundesteuer'],
      ['L100004', 'Bewohnerparkausweis beantragen', 'https://online.musterstadt.de/bewohnerparken'],
      ['L100005', 'Sperrmüll anmelden', undefined],
    ]);
  });

  it('derives categories from kategorie, with one fallback for Leistungen without', async () => {
    const { provider } = setup();
    const { categories, services } = await provider.catalog();
    expect(categories).to.deep.equal([
      { id: 'alle', name: 'Alle Leistungen', serviceCount: 1 },
      { id: 'K-AUSWEIS', name: 'Ausweise und Dokumente', serviceCount: 1 },
      // No kategorie id: the name becomes the id.
      { id: 'steuern-und-abgaben', name: 'Steuern und Abgaben', serviceCount: 1 },
      { id: 'K-UMZUG', name: 'Umzug und Wohnen', serviceCount: 2 },
    ]);
    expect(services[3]!.category).to.equal('alle');
  });

  it('maps one Leistung field by field', async () => {
    const { provider } = setup();
    expect(await provider.service('L100001')).to.deep.equal({
      id: 'L100001',
      leika: '99115004001000',
      name: 'Wohnsitz anmelden',
      shortDescription: 'Wenn Sie umziehen, melden Sie sich innerhalb von zwei Wochen an.',
      category: 'K-UMZUG',
      categoryName: 'Umzug und Wohnen',
      synonyms: ['Ummelden', 'Umzug melden', 'Meldebescheinigung'],
      officeIds: ['OE-BA-MITTE', 'OE-BA-NORD'],
      description: {
        format: 'html',
        html: "<p>Wer eine Wohnung in Musterstadt bezieht, muss sich <strong>innerhalb von zwei Wochen</strong> anmelden.</p><img src=x onerror=alert(1)><script>alert('xss')</script>",
      },
      prerequisites: ['Sie sind in eine Wohnung in Musterstadt eingezogen.'],
      requiredDocuments: ['Personalausweis oder Reisepass', 'Wohnungsgeberbestätigung'],
      fees: [{ label: 'gebührenfrei' }],
      processingTime: 'sofort',
      legalBasis: '§ 17 Bundesmeldegesetz (BMG); § 19 BMG',
      forms: [{ title: 'Wohnungsgeberbestätigung (PDF)', url: 'https://www.musterstadt.de/formulare/wohnungsgeberbestaetigung.pdf' }],
      offices: [
        {
          id: 'OE-BA-MITTE',
          name: 'Bürgeramt Mitte',
          // The visitor address, not the post box listed first.
          address: { street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt', building: 'Rathaus, Erdgeschoss' },
          phone: '+49 1234 567-100',
          email: 'buergeramt@musterstadt.de',
          openingHours: [
            { weekday: 1, intervals: [{ opens: '08:00', closes: '12:00' }] },
            { weekday: 2, intervals: [{ opens: '08:00', closes: '12:00' }, { opens: '14:00', closes: '18:00' }] },
            { weekday: 4, intervals: [{ opens: '10:00', closes: '19:00' }] },
            { weekday: 5, intervals: [{ opens: '08:00', closes: '12:00' }] },
          ],
          exceptions: [{ from: '2026-12-24', to: '2026-12-24', reason: 'Heiligabend', intervals: [] }],
          accessibility: { notes: 'Stufenloser Zugang über den Hof' },
        },
        {
          id: 'OE-BA-NORD',
          name: 'Bürgeramt Nord',
          address: { street: 'Nordring 22', postalCode: '12347', city: 'Musterstadt' },
          openingHours: [{ weekday: 3, intervals: [{ opens: '09:00', closes: '13:00' }] }],
        },
      ],
      lastUpdated: '2026-11-03',
    });
  });

  it('keeps the XSS attempt only inside the html description, never in plain fields', async () => {
    const { provider } = setup();
    const [catalog, detail] = await Promise.all([provider.catalog(), provider.service('L100001')]);
    const { description, ...plain } = detail!;
    expect(description.format === 'html' && description.html).to.match(XSS);
    expect(JSON.stringify(plain)).not.to.match(XSS);
    expect(JSON.stringify(catalog)).not.to.match(XSS);
  });

  it('reads fees from modulKosten amounts (euros to cents, ranges) and from prose', async () => {
    const { provider } = setup();
    expect((await provider.service('L100002'))!.fees).to.deep.equal([
      { label: 'Personen ab 24 Jahren', amountCents: 3700 },
      { label: 'Personen unter 24 Jahren', amountCents: 2280 },
    ]);
    expect((await provider.service('L100003'))!.fees).to.deep.equal([{ label: 'Jahressteuer je nach Anzahl der Hunde', minCents: 9000, maxCents: 60000 }]);
    expect((await provider.service('L100004'))!.fees).to.deep.equal([{ label: 'Gebühr: 30,70 Euro für ein Jahr', amountCents: 3070 }]);
    // Only prose in modulKosten: one fee per line.
    expect((await provider.service('L100005'))!.fees).to.deep.equal([{ label: 'Bis 3 Kubikmeter gebührenfrei' }, { label: 'Jede weitere Abholung 25,00 €', amountCents: 2500 }]);
  });

  it('links the Onlinedienst and the responsible office of a Leistung', async () => {
    const { provider } = setup();
    const dog = await provider.service('L100003');
    expect(dog!.onlineServiceUrl).to.equal('https://online.musterstadt.de/hundesteuer');
    expect(dog!.offices).to.deep.equal([
      { id: 'OE-STEUERAMT', name: 'Steueramt', address: { street: 'Marktstraße 5', postalCode: '12345', city: 'Musterstadt' }, email: 'steueramt@musterstadt.de' },
    ]);
    expect(dog!.description).to.deep.equal({ format: 'html', html: 'Hunde melden Sie beim Steueramt an.' });
  });

  it('answers undefined for an unknown id', async () => {
    const { provider } = setup();
    expect(await provider.service('L999999')).to.equal(undefined);
  });

  it('turns a malformed document into a malformed ApiError', async () => {
    const broken = { leistungen: [{ id: { text: 'L1' }, modulText: [{ leikaTextmodul: {}, inhalt: [] }] }] };
    const { provider } = setup(json(broken));
    const error = await apiFailure(provider.catalog());
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('leistungen[0].modulText[0].leikaTextmodul.code');
  });

  it('turns a document without leistungen into a malformed ApiError', async () => {
    const { provider } = setup(json({ organisationseinheiten: [] }));
    expect((await apiFailure(provider.service('L100001'))).kind).to.equal('malformed');
  });

  it('reports a network failure as ApiError and loads again on the next call', async () => {
    const { provider, requests } = setup(new TypeError('Failed to fetch'), json(document));
    expect((await apiFailure(provider.service('L100001'))).kind).to.equal('network');
    expect((await provider.service('L100001'))!.name).to.equal('Wohnsitz anmelden');
    expect(requests.length).to.equal(2);
  });

  it('shares one load between concurrent calls', async () => {
    const { provider, requests } = setup();
    await Promise.all([provider.catalog(), provider.service('L100002'), provider.service('L100003')]);
    expect(requests.length).to.equal(1);
  });
});

describe('XzufiServiceProvider with XZuFi 2.2 XML', () => {
  const FEED = new URL('./fixtures/xzufi-feed/', import.meta.url);
  const provider = (file: string, language?: string) => new XzufiServiceProvider({ url: new URL(file, FEED).href, ...(language ? { language } : {}) });

  it('reads the LeiKa text modules by the codes of urn:de:xzufi:codeliste:leistungstextmodulleika 20240216', () => {
    expect(TEXTMODUL).to.deep.equal({
      leistungsbezeichnung: '02',
      leistungsbezeichnungII: '03',
      kurztext: '05',
      volltext: '06',
      rechtsgrundlagen: '07',
      erforderlicheUnterlagen: '08',
      voraussetzungen: '09',
      formulare: '14',
      weiterfuehrendeInformationen: '15',
      teaser: '24',
    });
  });

  it('reads one message: schreibe objects, nested and transferred Zuständigkeiten, the Onlinedienst', async () => {
    const { services, categories } = await provider('XZUFI0001.xml').catalog();
    expect(services).to.deep.equal([
      {
        id: 'L100001',
        leika: '99115004001000',
        name: 'Wohnsitz anmelden',
        // The teaser (24) before the Kurztext (05).
        shortDescription: 'Nach dem Umzug: in zwei Wochen anmelden.',
        category: 'K-UMZUG',
        synonyms: ['Ummelden'],
        officeIds: ['OE-BA-MITTE', 'OE-BA-NORD'],
      },
      { id: 'L100005', name: 'Sperrmüll anmelden', shortDescription: 'Sperrmüll holen wir auf Anmeldung ab.', category: 'alle', synonyms: [], officeIds: ['OE-BA-MITTE'], onlineServiceUrl: 'https://online.musterstadt.de/sperrmuell' },
    ]);
    expect(categories.map((c) => c.name)).to.deep.equal(['Alle Leistungen', 'Umzug und Wohnen']);
  });

  it('maps a Leistung: Voraussetzungen (09) stay prerequisites, costs and duration come from their modules', async () => {
    const detail = await provider('XZUFI0001.xml').service('L100001');
    expect(detail).to.deep.include({
      description: { format: 'html', html: '<p>Wer eine Wohnung in Musterstadt bezieht, meldet sich innerhalb von zwei Wochen an.</p>' },
      prerequisites: ['Sie sind in eine Wohnung in Musterstadt eingezogen.'],
      requiredDocuments: ['Personalausweis oder Reisepass', 'Wohnungsgeberbestätigung'],
      fees: [{ label: 'gebührenfrei' }],
      processingTime: 'sofort',
      legalBasis: '§ 17 Bundesmeldegesetz (BMG)',
      forms: [{ title: 'Wohnungsgeberbestätigung (PDF)', url: 'https://www.musterstadt.de/formulare/wohnungsgeberbestaetigung.pdf' }],
      links: [{ title: 'Umzug nach Musterstadt', url: 'https://www.musterstadt.de/umzug' }],
      lastUpdated: '2026-11-03',
    });
    expect(detail!.offices.map((o) => [o.id, o.name, o.address])).to.deep.equal([
      ['OE-BA-MITTE', 'Bürgeramt Mitte', { street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt' }],
      ['OE-BA-NORD', 'Bürgeramt Nord', { street: '', postalCode: '', city: '' }],
    ]);
  });

  it('picks the texts of the wanted languageCode, German where a text has no translation', async () => {
    const english = provider('XZUFI0001.xml', 'en');
    const [summary] = (await english.catalog()).services;
    expect(summary!.name).to.equal('Register your residence');
    expect(await english.service('L100001')).to.deep.include({
      categoryName: 'Moving and housing',
      description: { format: 'html', html: '<p>Anyone moving into a flat in Musterstadt registers within two weeks.</p>' },
      requiredDocuments: ['Identity card or passport', "Landlord's confirmation"],
      prerequisites: ['Sie sind in eine Wohnung in Musterstadt eingezogen.'],
      fees: [{ label: 'free of charge' }],
      processingTime: 'immediately',
      links: [{ title: 'Moving to Musterstadt', url: 'https://www.musterstadt.de/en/moving' }],
    });
    expect((await english.service('L100001'))!.offices[0]!.name).to.equal("Citizens' Office Mitte");
  });

  it('reads a feed: the files index.txt lists, relative to it and in its order, later ones replacing and deleting', async () => {
    const { services } = await provider('index.txt').catalog();
    expect(services.map((s) => [s.id, s.name, s.officeIds])).to.deep.equal([
      ['L100001', 'Wohnsitz anmelden', ['OE-BA-MITTE']],
      ['L100005', 'Sperrmüll und Elektrogeräte anmelden', ['OE-BA-MITTE']],
    ]);
  });

  it('turns malformed XML or XML of another standard into a malformed ApiError', async () => {
    expect((await apiFailure(provider('kaputt.xml').catalog())).kind).to.equal('malformed');
    const other = setup(new Response('<rss version="2.0"><channel/></rss>', { headers: { 'Content-Type': 'application/xml' } }));
    const error = await apiFailure(other.provider.catalog());
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('an XZuFi 2.2 message');
  });

  it('gives an English page the English texts of the feed', async () => {
    const el = window.document.createElement('muni-service-finder');
    el.setAttribute('api', 'xzufi');
    el.setAttribute('locale', 'en');
    el.setAttribute('catalog-url', new URL('XZUFI0001.xml', FEED).href);
    window.document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Moving and housing'), 'English category not shown');
      expect(el.shadowRoot!.textContent).not.to.contain('Umzug und Wohnen');
    } finally {
      el.remove();
    }
  });

  it('shows the finder’s German error with a retry for a broken file, and loads once it is fixed', async () => {
    const good = await (await fetch(new URL('XZUFI0001.xml', FEED))).text();
    const broken = await (await fetch(new URL('kaputt.xml', FEED))).text();
    const xml = (body: string) => new Response(body, { headers: { 'Content-Type': 'application/xml' } });
    const { provider: xmlProvider, requests } = setup(xml(broken), xml(good));
    const el = window.document.createElement('muni-service-finder');
    el.provider = xmlProvider;
    window.document.body.append(el);
    try {
      const alert = () => el.shadowRoot!.querySelector('[role=alert]');
      await waitUntil(() => alert(), 'no error shown');
      expect(alert()!.textContent).to.contain('unerwartete Antwort');
      el.shadowRoot!.querySelector<HTMLElement>('[part=retry-button]')!.click();
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Umzug und Wohnen'), 'catalog not shown after retry');
      expect(requests.length).to.equal(2);
    } finally {
      el.remove();
    }
  });
});

describe('XzufiCollector over a feed of full and delta files', () => {
  const message = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><xzufi:nachricht xmlns:xzufi="http://xoev.de/schemata/xzufi/2_2_0" xzufiVersion="2.2.0">${body}</xzufi:nachricht>`;
  const office = (...leistungen: string[]) =>
    `<xzufi:schreibe><xzufi:organisationseinheit><xzufi:id>OE-1</xzufi:id>${leistungen
      .map((l) => `<xzufi:zustaendigkeit><xzufi:leistungID>${l}</xzufi:leistungID></xzufi:zustaendigkeit>`)
      .join('')}</xzufi:organisationseinheit></xzufi:schreibe>`;
  const responsibleFor = (collector: XzufiCollector) =>
    (collector.document()['zustaendigkeiten'] as Array<{ zustaendigkeit: { leistungID: unknown } }>).map((z) => String(z.zustaendigkeit.leistungID));

  it('a new version of an office replaces the Zuständigkeiten nested in the old one', () => {
    const collector = new XzufiCollector();
    collector.add(message(office('L1', 'L2')), 'voll.xml');
    expect(responsibleFor(collector)).to.deep.equal(['L1', 'L2']);
    collector.add(message(office('L1')), 'delta.xml');
    expect(responsibleFor(collector)).to.deep.equal(['L1']);
  });

  it('deleting an office deletes its nested Zuständigkeiten', () => {
    const collector = new XzufiCollector();
    collector.add(message(office('L1', 'L2')), 'voll.xml');
    collector.add(message('<xzufi:loesche klasse="Organisationseinheit"><xzufi:id>OE-1</xzufi:id></xzufi:loesche>'), 'delta.xml');
    expect(responsibleFor(collector)).to.deep.equal([]);
    expect(collector.document()['organisationseinheiten']).to.deep.equal([]);
  });

  it('refuses a DOCTYPE (no entity tricks)', () => {
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${message('').replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
    expect(() => new XzufiCollector().add(withDoctype, 'boese.xml')).to.throw('without a DOCTYPE');
  });
});
