import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { MuniServiceFinder } from '../src/muni-service-finder.js';
import { DldbServiceProvider } from '../src/providers/dldb.js';

/** Berlin's real export, a small extract the demo serves too (see demo/assets/berlin-dldb/README.md for source and licence). */
const DIR = new URL('../../../demo/assets/berlin-dldb/', import.meta.url);
const url = (file: string) => new URL(file, DIR).href;
const PERSONALAUSWEIS = '120703';
const ANMELDUNG = '120686';

const berlin = () =>
  new DldbServiceProvider({ servicesUrl: url('services_de.json'), locationsUrl: url('locations_de.json'), topicsUrl: url('topic_de.json') });

describe('DldbServiceProvider with Berlin’s real export', () => {
  it('files services under their root topics', async () => {
    const catalog = await berlin().catalog();
    expect(catalog.services).to.have.length(6);
    expect(catalog.services.find((s) => s.id === PERSONALAUSWEIS)!.category).to.equal('324835');
    expect(catalog.categories.map((c) => c.name)).to.include('Meldewesen und Ordnung');
  });

  it('reads a wheelchair-accessible office’s accessibility by the codes the zmsdldb README defines', async () => {
    const heerstrasse = (await berlin().service(PERSONALAUSWEIS))!.offices.find((o) => o.id === '122217')!;
    // {"elevator":"0","access":"rollstuhlgerecht","parking":"1","wc":"3","note":false}
    expect(heerstrasse.accessibility).to.deep.equal({ stepFreeAccess: true, accessibleToilet: true, accessibleParking: true });
  });

  it('marks appointment-only hours and keeps the special note', async () => {
    const heerstrasse = (await berlin().service(PERSONALAUSWEIS))!.offices.find((o) => o.id === '122217')!;
    expect(heerstrasse.appointmentOnly).to.equal(true);
    expect(heerstrasse.openingHours![0]).to.deep.equal({ weekday: 1, intervals: [{ opens: '08:00', closes: '16:00' }] });
    expect(heerstrasse.hoursNotes![0]).to.equal('Das Bürgeramt Heerstraße ist ein reiner Terminstandort!*');
  });

  it('keeps the office’s note, payment, transit and website', async () => {
    const heerstrasse = (await berlin().service(PERSONALAUSWEIS))!.offices.find((o) => o.id === '122217')!;
    expect(heerstrasse.notes).to.include('Am Standort kann nur mit girocard (mit PIN) bezahlt werden.');
    expect(heerstrasse.notes).to.include('U-Bahn: U Theodor-Heuss-Platz: U2');
    expect(heerstrasse.notes![0]).to.match(/^Sie finden uns nahe Theodor-Heuss-Platz/);
    expect(heerstrasse.website).to.equal('http://www.berlin.de/ba-charlottenburg-wilmersdorf/org/buergerdienste/buea_heerstr.html');
    const tiergarten = (await berlin().service(PERSONALAUSWEIS))!.offices.find((o) => o.id === '122282')!;
    expect(tiergarten.notes).to.include('Terminkunden mit Vorgangsnummer nehmen direkt im Warteraum Raum 39-40, Platz, einen Anmeldung an anderer Stelle ist nicht erforderlich.');
  });

  it('lists bookable offices first, each with its booking page, and counts the ids it cannot resolve', async () => {
    const detail = (await berlin().service(PERSONALAUSWEIS))!;
    const bookable = detail.offices.map((o) => o.bookable);
    expect(bookable.indexOf(false)).to.be.greaterThan(bookable.lastIndexOf(true));
    const heerstrasse = detail.offices.find((o) => o.id === '122217')!;
    expect(heerstrasse.bookingUrl).to.equal('https://service.berlin.de/terminvereinbarung/termin/tag.php?termin=1&dienstleister=122217&anliegen[]=120703');
    const notBookable = detail.offices.find((o) => o.bookable === false)!;
    expect(notBookable.bookingUrl).to.equal(undefined);
    expect(detail.offices.length + detail.unlistedOfficeCount!).to.equal(53);
    expect(detail.unlistedOfficeCount).to.equal(6);
  });

  it('offers the service-wide booking page, further links and the links behind prerequisites', async () => {
    const detail = (await berlin().service(ANMELDUNG))!;
    expect(detail.bookingUrl).to.match(/^https:\/\/service\.berlin\.de\/terminvereinbarung\/termin\/tag\.php\?termin=1&anliegen\[\]=120686/);
    const id = (await berlin().service(PERSONALAUSWEIS))!;
    const urls = id.links!.map((l) => l.url);
    expect(urls).to.include('http://www.personalausweisportal.de/');
    expect(urls).to.include('https://service.berlin.de/dienstleistung/120682/'); // in the processing time
    expect(urls).to.include('http://service.berlin.de/dienstleistung/326550/'); // in a prerequisite's note
    expect(id.responsibility).to.equal('alle Bürgerämter');
  });

  it('keeps a list inside a document’s note as lines, not run-on text', async () => {
    const id = (await berlin().service(PERSONALAUSWEIS))!;
    const passport = id.requiredDocuments.find((d) => d.startsWith('Unter Umständen: Ihr Reisepass'))!;
    expect(passport.split('\n')).to.deep.equal([
      'Unter Umständen: Ihr Reisepass, falls vorhanden – Bitte bringen Sie Ihren Reisepass mit, falls',
      'Sie noch nie einen Personalausweis hatten oder',
      'Sie Ihren alten Personalausweis nicht mehr haben.',
    ]);
  });

  it('gives a reduced record (no description) an empty description', async () => {
    expect((await berlin().service('318998'))!.description).to.deep.equal({ format: 'text', text: '' });
  });
});

describe('<muni-service-finder api="dldb"> with Berlin’s real export', function () {
  // A real service page is long (53 offices): axe over it takes seconds on a shared machine.
  this.timeout(40000);
  let el: MuniServiceFinder;
  afterEach(() => {
    el.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  async function open(id: string) {
    el = document.createElement('muni-service-finder');
    el.setAttribute('api', 'dldb');
    el.setAttribute('catalog-url', url('services_de.json'));
    el.setAttribute('locations-url', url('locations_de.json'));
    el.setAttribute('topics-url', url('topic_de.json'));
    el.setAttribute('service', id);
    document.body.append(el);
    const root = el.shadowRoot!;
    for (let i = 0; i < 200 && !root.querySelector('.office'); i++) await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    return root;
  }

  it('shows documents, fees, offices with appointment-only hours, accessibility and booking links', async () => {
    const root = await open(PERSONALAUSWEIS);
    expect(root.querySelector('#view-heading')!.textContent).to.equal('Personalausweis beantragen');
    expect(root.querySelector('.checklist')!.textContent).to.contain('Aktuelles, biometrisches Passfoto');
    expect(root.querySelector('#sec-fees')!.parentElement!.textContent).to.contain('28,80');
    const heerstrasse = [...root.querySelectorAll('.office')].find((o) => o.querySelector('h4')!.textContent === 'Bürgeramt Heerstraße')!;
    expect(heerstrasse.querySelector('[part="opening-state"]')!.textContent!.trim()).to.equal('Nur mit Termin');
    expect(heerstrasse.textContent).to.contain('Stufenloser Zugang');
    expect(heerstrasse.querySelector<HTMLAnchorElement>('a[href*="terminvereinbarung"]')!.textContent).to.equal('Termin buchen: Bürgeramt Heerstraße');
    expect(root.querySelector('.office')!.textContent).not.to.contain('Für diese Dienstleistung hier keine Terminbuchung');
    expect(root.textContent).to.contain('6 weitere Standorte stehen im Katalog ohne Angaben.');
    expect(root.querySelector('#sec-links')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a fee stated only in words as words, with no dash, and no empty description', async () => {
    const root = await open(ANMELDUNG);
    const fees = root.querySelector('#sec-fees')!.parentElement!;
    expect(fees.textContent).to.contain('gebührenfrei; das gilt auch für die Meldebestätigung.');
    expect(fees.textContent).not.to.contain('–');
    expect(root.querySelector<HTMLAnchorElement>('[part="book-link"]')!.href).to.match(/anliegen%5B%5D=120686|anliegen\[\]=120686/);
    const bare = await (async () => {
      el.remove();
      return open('318998');
    })();
    expect(bare.querySelector('#sec-description')).to.equal(null);
  });
});
