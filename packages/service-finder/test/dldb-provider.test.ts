import { expect } from '@open-wc/testing';
import { HttpClient } from '@muni-widgets/core';
import { json, scriptedFetch } from '../../core/test/fixtures.js';
import { apiFailure } from '../../core/test/api-failure.js';
import { DldbServiceProvider } from '../src/providers/dldb.js';

const load = async (name: string): Promise<unknown> => (await fetch(new URL(`./fixtures/${name}`, import.meta.url))).json();
const [services, locations, topics] = await Promise.all([load('dldb-services.json'), load('dldb-locations.json'), load('dldb-topics.json')]);

const BASE = 'https://daten.musterstadt.example/dldb/';
const byFile: Record<string, unknown> = { 'services_de.json': services, 'locations_de.json': locations, 'topic_de.json': topics };
const serveExport = (req: Request) => {
  const file = new URL(req.url).pathname.split('/').pop()!;
  return file in byFile ? json(byFile[file]) : json({ error: true }, 404);
};

type Answer = Response | Error | ((req: Request) => Response);
function setup(options: { topics?: boolean; locations?: boolean } = {}, ...answers: Answer[]) {
  const scripted = scriptedFetch(...(answers.length ? answers : [serveExport]));
  const client = new HttpClient({ baseUrl: 'https://elsewhere.example/api/', fetch: scripted.fetch, retries: 0 });
  const provider = new DldbServiceProvider({
    client,
    servicesUrl: `${BASE}services_de.json`,
    ...(options.locations === false ? {} : { locationsUrl: `${BASE}locations_de.json` }),
    ...(options.topics === false ? {} : { topicsUrl: `${BASE}topic_de.json` }),
  });
  return { provider, requests: scripted.requests };
}

const XSS = /onerror|<script|alert\(/;

describe('DldbServiceProvider', () => {
  it('maps services_de.json onto summaries with categories from root topics', async () => {
    const { provider } = setup();
    const catalog = await provider.catalog();
    expect(catalog.services.map((s) => s.id)).to.deep.equal(['10001', '10002', '10003', '10004', '10005']);
    expect(catalog.services[0]).to.deep.equal({
      id: '10001',
      leika: '99115004001000',
      name: 'Anmeldung einer Wohnung',
      shortDescription: 'Wer in Musterstadt eine Wohnung bezieht, muss sich innerhalb von zwei Wochen beim Bürgerbüro anmelden.',
      category: '30001',
      synonyms: ['Ummelden', 'Wohnsitz anmelden', 'Umzug', 'Meldebescheinigung'],
      officeIds: ['20001', '20002'],
      appointmentServiceId: '10001',
    });
    expect(catalog.categories).to.deep.equal([
      { id: '30002', name: 'Ausweise und Dokumente', serviceCount: 1 },
      { id: '30003', name: 'Steuern und Abgaben', serviceCount: 1 },
      // 10004 has an empty root topic, 10005 one the topic file does not know.
      { id: 'weitere', name: 'Weitere Leistungen', serviceCount: 2 },
      { id: '30001', name: 'Wohnen und Umzug', serviceCount: 1 },
    ]);
  });

  it('puts every service in one category when no topics file is configured', async () => {
    const { provider, requests } = setup({ topics: false });
    const catalog = await provider.catalog();
    expect(catalog.categories).to.deep.equal([{ id: 'alle', name: 'Alle Leistungen', serviceCount: 5 }]);
    expect(catalog.services.every((s) => s.category === 'alle')).to.equal(true);
    expect(requests.map((r) => r.url)).to.deep.equal([`${BASE}services_de.json`, `${BASE}locations_de.json`]);
  });

  it('maps one service field by field, keeping the description as html', async () => {
    const { provider } = setup();
    const detail = await provider.service('10001');
    expect(detail).to.deep.equal({
      id: '10001',
      leika: '99115004001000',
      name: 'Anmeldung einer Wohnung',
      shortDescription: 'Wer in Musterstadt eine Wohnung bezieht, muss sich innerhalb von zwei Wochen beim Bürgerbüro anmelden.',
      category: '30001',
      categoryName: 'Wohnen und Umzug',
      synonyms: ['Ummelden', 'Wohnsitz anmelden', 'Umzug', 'Meldebescheinigung'],
      officeIds: ['20001', '20002'],
      appointmentServiceId: '10001',
      description: {
        format: 'html',
        html: "<p>Wer in Musterstadt eine Wohnung bezieht, muss sich innerhalb von zwei Wochen beim Bürgerbüro anmelden.</p><img src=x onerror=alert(1)><script>alert('xss')</script><p>Die Anmeldung ist auch für Nebenwohnungen erforderlich.</p>",
      },
      prerequisites: ['Einzug in eine Wohnung in Musterstadt', 'persönliche Vorsprache – Eine bevollmächtigte Person kann die Anmeldung für Sie vornehmen.'],
      requiredDocuments: ['gültiger Personalausweis oder Reisepass', 'Wohnungsgeberbestätigung – vom Vermieter ausgefüllt'],
      fees: [{ label: 'gebührenfrei' }],
      processingTime: 'sofort',
      legalBasis: '§ 17 Bundesmeldegesetz (BMG)',
      // The javascript: link is dropped.
      forms: [{ title: 'Anmeldeformular (PDF)', url: 'https://www.musterstadt.de/formulare/anmeldung.pdf' }],
      links: [
        { title: 'Wohnungsgeberbestätigung', url: 'https://www.musterstadt.de/formulare/wohnungsgeberbestaetigung.pdf' },
        { title: '§ 17 Bundesmeldegesetz (BMG)', url: 'https://www.gesetze-im-internet.de/bmg/__17.html' },
      ],
      responsibility: 'Jedes Bürgerbüro in Musterstadt.',
      bookingUrl: 'https://service.musterstadt.de/dienstleistung/10001/terminall/',
      offices: [
        {
          id: '20001',
          name: 'Bürgerbüro Mitte',
          address: { street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt' },
          phone: '+49 1234 567-100',
          email: 'buergerbuero@musterstadt.de',
          openingHours: [
            { weekday: 1, intervals: [{ opens: '08:00', closes: '12:00' }] },
            { weekday: 2, intervals: [{ opens: '08:00', closes: '12:00' }, { opens: '14:00', closes: '18:00' }] },
            { weekday: 4, intervals: [{ opens: '10:00', closes: '19:00' }] },
            { weekday: 5, intervals: [{ opens: '08:00', closes: '12:00' }] },
          ],
          hoursNotes: ['Am 24. und 31. Dezember geschlossen.'],
          // The zmsdldb README's codes: wc "3" wheelchair accessible, parking "0" missing.
          accessibility: { stepFreeAccess: true, accessibleToilet: true, accessibleParking: false, notes: 'Eingang über den Hof' },
          bookable: true,
          bookingUrl: 'https://service.musterstadt.de/termin/10001/20001',
        },
        // "nach Vereinbarung" cannot be read as hours: no hours rather than wrong ones.
        // The location's hint for this service ("Hinweis zur Zuständigkeit des Standortes") leads its notes.
        {
          id: '20002',
          name: 'Bürgerbüro Nord',
          address: { street: 'Nordring 22', postalCode: '12347', city: 'Musterstadt' },
          phone: '+49 1234 567-200',
          notes: ['Hier nur Abholung fertiger Ausweise.'],
          bookable: true,
        },
      ],
      appointment: { serviceId: '10001', name: 'Anmeldung einer Wohnung' },
      lastUpdated: '2026-10-02',
    });
  });

  it('keeps the XSS attempt only inside the html description, never in plain fields', async () => {
    const { provider } = setup();
    const [catalog, detail] = await Promise.all([provider.catalog(), provider.service('10001')]);
    const { description, ...plain } = detail!;
    expect(description.format).to.equal('html');
    expect(description.format === 'html' && description.html).to.match(XSS);
    expect(JSON.stringify(plain)).not.to.match(XSS);
    expect(JSON.stringify(catalog)).not.to.match(XSS);
  });

  it('reads fees, online links and plain-text descriptions', async () => {
    const { provider } = setup();
    const id = await provider.service('10002');
    expect(id!.fees).to.deep.equal([
      { label: 'Gebühr: 37,00 Euro', amountCents: 3700 },
      { label: 'Personen unter 24 Jahren: 22,80 Euro', amountCents: 2280 },
    ]);
    expect(id!.legalBasis).to.equal('Personalausweisgesetz (PAuswG); Personalausweisgebührenverordnung');
    expect(id!.offices.map((o) => o.id)).to.deep.equal(['20001', '20002']);

    const dog = await provider.service('10003');
    expect(dog!.onlineServiceUrl).to.equal('https://service.musterstadt.de/online/hundesteuer');
    expect(dog!.appointment).to.equal(undefined);
    expect(dog!.appointmentServiceId).to.equal(undefined);
    expect(dog!.processingTime).to.equal(undefined);
    // Postal code as a number in the export, no hours at all: absent, not "closed".
    expect(dog!.offices).to.deep.equal([
      { id: '20003', name: 'Steueramt', address: { street: 'Marktstraße 5', postalCode: '12345', city: 'Musterstadt' }, email: 'steueramt@musterstadt.de', bookable: false },
    ]);

    const waste = await provider.service('10005');
    expect(waste!.description).to.deep.equal({ format: 'text', text: 'Sperrmüll wird nach Anmeldung abgeholt.\r\nBitte stellen Sie ihn am Abholtag bis 6 Uhr an die Straße.' });
    expect(waste!.fees).to.deep.equal([{ label: '10 bis 50 Euro je nach Menge', minCents: 1000, maxCents: 5000 }]);
    // Location 20099 is not in locations_de.json.
    expect(waste!.officeIds).to.deep.equal(['20099']);
    expect(waste!.offices).to.deep.equal([]);
  });

  it('lists no offices when no locations file is configured', async () => {
    const { provider } = setup({ locations: false });
    expect((await provider.service('10001'))!.offices).to.deep.equal([]);
  });

  it('adds configured holidays to every office', async () => {
    const scripted = scriptedFetch(serveExport);
    const holiday = { from: '2026-12-25', to: '2026-12-26', reason: 'Weihnachten', intervals: [] };
    const provider = new DldbServiceProvider({
      client: new HttpClient({ baseUrl: BASE, fetch: scripted.fetch, retries: 0 }),
      servicesUrl: `${BASE}services_de.json`,
      locationsUrl: `${BASE}locations_de.json`,
      holidays: [holiday],
      contact: { name: 'Stadt Musterstadt', phone: '115' },
    });
    const detail = await provider.service('10002');
    expect(detail!.offices.map((o) => o.exceptions)).to.deep.equal([[holiday], [holiday]]);
    expect((await provider.catalog()).contact).to.deep.equal({ name: 'Stadt Musterstadt', phone: '115' });
  });

  it('loads each file once, also for concurrent calls', async () => {
    const { provider, requests } = setup();
    await Promise.all([provider.catalog(), provider.catalog(), provider.service('10001'), provider.service('10003')]);
    await provider.catalog();
    expect(requests.length).to.equal(3);
  });

  it('answers undefined for an unknown id', async () => {
    const { provider } = setup();
    expect(await provider.service('99999')).to.equal(undefined);
  });

  it('turns a malformed export into a malformed ApiError', async () => {
    const broken = { data: [{ id: '1', name: 'Ohne Fehler' }, { id: '2', name: 42 }] };
    const { provider } = setup({ topics: false, locations: false }, json(broken));
    const error = await apiFailure(provider.catalog());
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('data[1].name');
  });

  it('turns a body that is not even an object into a malformed ApiError', async () => {
    const { provider } = setup({ topics: false, locations: false }, json(['services']));
    expect((await apiFailure(provider.service('10001'))).kind).to.equal('malformed');
  });

  it('reports a network failure as ApiError and loads again on the next call', async () => {
    const { provider, requests } = setup({ topics: false, locations: false }, new TypeError('Failed to fetch'), json(services));
    expect((await apiFailure(provider.catalog())).kind).to.equal('network');
    expect((await provider.catalog()).services).to.have.length(5);
    expect(requests.length).to.equal(2);
  });

  it('lets a caller stop waiting without cancelling the load for others', async () => {
    const { provider } = setup();
    const controller = new AbortController();
    const first = provider.catalog({ signal: controller.signal });
    const second = provider.catalog();
    controller.abort();
    expect((await apiFailure(first)).kind).to.equal('aborted');
    expect((await second).services).to.have.length(5);
  });
});

describe('DLDB accessibility codes (zmsdldb README, "Format definitions")', () => {
  const office = async (accessibility: unknown) => {
    const services = { data: [{ id: '1', name: 'Dienst', locations: [{ location: '2' }] }] };
    const locations = { data: [{ id: '2', name: 'Amt', address: { street: 'Weg', house_number: '1', postal_code: '12345', city: 'Stadt' }, accessibility }] };
    const { fetch } = scriptedFetch(json(services), json(locations));
    const client = new HttpClient({ baseUrl: 'https://elsewhere.example/', fetch, retries: 0 });
    return (await new DldbServiceProvider({ client, servicesUrl: 'https://x.example/s.json', locationsUrl: 'https://x.example/l.json' }).service('1'))!.offices[0]!.accessibility;
  };

  it('reads wc 0–3, parking 0/1 and the access words; "partly" becomes the source’s words, never a yes', async () => {
    expect(await office({ elevator: '0', access: 'rollstuhlgerecht', parking: '1', wc: '3', note: false })).to.deep.equal({ stepFreeAccess: true, accessibleToilet: true, accessibleParking: true });
    expect(await office({ elevator: '2', access: 'nein', parking: '0', wc: '0', note: '' })).to.deep.equal({ stepFreeAccess: false, accessibleToilet: false, accessibleParking: false });
    expect(await office({ access: 'bedingt_rollstuhlgeeignet', wc: '1', note: 'Rampe am Seiteneingang' })).to.deep.equal({
      notes: 'Zugang bedingt rollstuhlgeeignet. WC bedingt rollstuhlgeeignet. Rampe am Seiteneingang',
    });
    expect(await office({ access: 'unbekannt', wc: '2' })).to.deep.equal({ accessibleToilet: true });
  });
});
