import { expect } from '@open-wc/testing';
import type { ServiceSummary } from '../src/model.js';
import { boundedEditDistance, createServiceIndex, foldText, foldWords } from '../src/search/index.js';

const service = (id: string, name: string, synonyms: string[] = [], shortDescription = '', category = 'allgemein'): ServiceSummary => ({
  id,
  name,
  shortDescription,
  category,
  synonyms,
  officeIds: ['buergerbuero'],
});

const CATALOG: ServiceSummary[] = [
  service('perso', 'Personalausweis beantragen', ['Perso', 'Ausweis'], 'Neuen Personalausweis beantragen.', 'ausweise'),
  service('perso-verlust', 'Personalausweis verloren', ['Perso verloren', 'Ausweis weg'], 'Verlust melden.', 'ausweise'),
  service('fuehrerschein', 'Führerschein verloren', ['Lappen weg'], 'Ersatzführerschein beantragen.', 'verkehr'),
  service('gewerbe-an', 'Gewerbe anmelden', ['Gewerbeanmeldung', 'Firma gründen'], 'Gewerbe beim Gewerbeamt anmelden.', 'arbeit'),
  service('gewerbe-ab', 'Gewerbe abmelden', ['Gewerbeabmeldung'], 'Aufgabe des Gewerbes melden.', 'arbeit'),
  service('register', 'Auskunft aus dem Gewerbezentralregister', ['GZR-Auszug'], 'Nachweis für Gewerbetreibende.', 'arbeit'),
  service('kita', 'Kita-Platz beantragen', ['Kindergartenplatz'], 'Platz in einer Kindertageseinrichtung.', 'familie'),
  service('strasse', 'Straßenfest anmelden', ['Stadtfest'], 'Fest im öffentlichen Raum anmelden.', 'ordnung'),
  service('hund', 'Hund anmelden', ['Hundesteuer'], 'Hund zur Hundesteuer anmelden.', 'ordnung'),
];
const CATEGORIES = { ausweise: 'Ausweise & Dokumente', verkehr: 'Auto & Verkehr', arbeit: 'Arbeit & Gewerbe', familie: 'Familie & Kinder', ordnung: 'Sicherheit & Ordnung' };

describe('service search', () => {
  const index = createServiceIndex(CATALOG, { categoryNames: CATEGORIES });
  const ids = (query: string, limit?: number) => index.search(query, limit === undefined ? {} : { limit }).map((hit) => hit.service.id);

  it('folds case, umlauts, ß, accents and separators', () => {
    expect(foldText('Führerschein')).to.equal('fuehrerschein');
    expect(foldText('FUEHRERSCHEIN')).to.equal('fuehrerschein');
    expect(foldText('Straße')).to.equal('strasse');
    expect(foldText('GROẞ')).to.equal('gross');
    expect(foldText('Café  Crème')).to.equal('cafe creme');
    expect(foldText('Fu\u0308hrerschein'), 'combining diaeresis').to.equal('fuehrerschein');
    expect(foldWords('Kita-Platz, U3/Ü3 (OGS)')).to.deep.equal(['kita', 'platz', 'u3', 'ue3', 'ogs']);
    expect(foldWords(' – ')).to.deep.equal([]);
  });

  it('measures typos as bounded Damerau-Levenshtein distance', () => {
    expect(boundedEditDistance('fuerherschein', 'fuehrerschein', 2)).to.equal(1, 'swap');
    expect(boundedEditDistance('persnalausweis', 'personalausweis', 2)).to.equal(1, 'deletion');
    expect(boundedEditDistance('fuhrerschein', 'fuehrerschein', 2)).to.equal(1, 'missing e of an umlaut');
    expect(boundedEditDistance('hund', 'hund', 1)).to.equal(0);
    expect(boundedEditDistance('abmeldung', 'anmelden', 2)).to.equal(3, 'over the bound: bound + 1');
    expect(boundedEditDistance('kurz', 'deutlich laenger', 2)).to.equal(3);
  });

  it('finds a service by its name, a synonym and spellings without umlauts', () => {
    expect(ids('Perso')[0]).to.equal('perso');
    expect(ids('Führerschein')[0]).to.equal('fuehrerschein');
    expect(ids('Fuehrerschein')[0]).to.equal('fuehrerschein');
    expect(ids('Fuhrerschein')[0]).to.equal('fuehrerschein');
    expect(ids('Strassenfest')[0]).to.equal('strasse');
  });

  it('tolerates typos: one edit from 4 letters, two from 8', () => {
    expect(ids('Persnalausweis')[0]).to.equal('perso');
    expect(ids('Prsnalausweis')[0]).to.equal('perso');
    expect(ids('Hnud')).to.include('hund');
    expect(ids('Hnd'), 'no typos below 4 letters').to.deep.equal([]);
  });

  it('completes the last word while typing, and ranks names that start with it first', () => {
    expect(ids('gewer')[0]).to.equal('gewerbe-an');
    expect(ids('gewer')).to.include('register');
    expect(ids('p'), 'one letter completes nothing').to.deep.equal([]);
    expect(ids('Personalausweis ver')[0]).to.equal('perso-verlust');
  });

  it('ranks services with every word first, function words optional', () => {
    expect(ids('Gewerbe anmelden')[0]).to.equal('gewerbe-an');
    expect(ids('Gewerbe abmelden')[0]).to.equal('gewerbe-ab');
    expect(ids('Hund für die Steuer anmelden')[0]).to.equal('hund');
  });

  it('never answers nothing because of one word: an unknown word is left out, partial matches follow', () => {
    expect(ids('Perso Raumschiff')).to.deep.equal(ids('Perso'));
    expect(ids('neuen Führerschein beantragen')[0]).to.equal('fuehrerschein');
    expect(ids('Raumschiff Enterprise')).to.deep.equal([]);
  });

  it('finds other word forms, plain vowels for umlauts and words inside compounds', () => {
    expect(ids('Gewerbeanmeldung')[0]).to.equal('gewerbe-an');
    expect(ids('Strassenfest Anmeldung')[0], 'noun for the verb').to.equal('strasse');
    expect(ids('Fuhrerschein verloren')[0], 'ü typed as u').to.equal('fuehrerschein');
    expect(ids('zentral')[0], 'inside Gewerbezentralregister').to.equal('register');
    expect(ids('Hundanmeldung')[0], 'a compound the catalogue has apart').to.equal('hund');
  });

  it('matches compounds written together or apart', () => {
    expect(ids('Kitaplatz')[0]).to.equal('kita');
    expect(ids('Kita Platz')[0]).to.equal('kita');
    expect(ids('Ausweis')).to.include.members(['perso', 'perso-verlust']);
    expect(ids('steuer'), 'tail of Hundesteuer').to.include('hund');
  });

  it('searches category names', () => {
    expect(ids('Familie')).to.deep.equal(['kita']);
  });

  it('is deterministic: equal scores keep catalogue order; limit applies', () => {
    const first = index.search('anmelden', { limit: 20 });
    expect(index.search('anmelden', { limit: 20 })).to.deep.equal(first);
    for (let i = 1; i < first.length; i++) {
      const [a, b] = [first[i - 1]!, first[i]!];
      expect(a.score > b.score || (a.score === b.score && CATALOG.indexOf(a.service) < CATALOG.indexOf(b.service))).to.equal(true);
    }
    expect(ids('anmelden', 2)).to.have.length(2);
    expect(ids('', 5)).to.deep.equal([]);
    expect(ids('  ', 5)).to.deep.equal([]);
  });

  it('hands back the catalogue objects themselves', () => {
    const [hit] = index.search('Hund');
    expect(hit!.service).to.equal(CATALOG[8]);
    expect(index.size).to.equal(CATALOG.length);
    expect(index.termCount).to.be.greaterThan(20);
  });
});
