/**
 * Lost-and-found demo data: the ten categories of the issue, the town's fee table and a few
 * hundred finds of the last six months (a seeded pseudo-random generator, so every database
 * gets the same register relative to its "today"). Held-back details look real on purpose, so
 * privacy tests and demos show that they stay inside.
 */
import { foldLoosely } from '@muni-widgets/core/text';
import type { Queryable } from '../db/database.js';
import type { ColourId } from '../found-items/catalog.js';
import { searchText } from '../found-items/register.js';
import { addDays, type IsoDate } from '../time.js';
import type { SeedContext, SeedStep } from './seed.js';

export const FOUND_ITEM_CATEGORIES = [
  { id: 'geldboerse', name: 'Geldbörse' },
  { id: 'schluessel', name: 'Schlüssel' },
  { id: 'mobiltelefon', name: 'Mobiltelefon' },
  { id: 'fahrrad', name: 'Fahrrad' },
  { id: 'ausweis-dokumente', name: 'Ausweis/Dokumente' },
  { id: 'schmuck', name: 'Schmuck' },
  { id: 'kleidung', name: 'Kleidung' },
  { id: 'tasche-rucksack', name: 'Tasche/Rucksack' },
  { id: 'brille', name: 'Brille' },
  { id: 'sonstiges', name: 'Sonstiges' },
] as const;

type CategoryId = (typeof FOUND_ITEM_CATEGORIES)[number]['id'];

const FEES = [
  { id: 'herausgabe-bis-25', label: 'Herausgabe, Wert bis 25 €', amountCents: 0, note: 'gebührenfrei' },
  { id: 'herausgabe-bis-250', label: 'Herausgabe, Wert über 25 € bis 250 €', amountCents: 1000 },
  { id: 'herausgabe-ueber-250', label: 'Herausgabe, Wert über 250 €', minCents: 1000, maxCents: 10000, note: '3 % des Wertes, mindestens 10 €, höchstens 100 €' },
  { id: 'fahrrad', label: 'Fahrrad: Verwahrung und Herausgabe', amountCents: 2000, category: 'fahrrad' },
  { id: 'dokumente', label: 'Ausweise und Dokumente', amountCents: 0, note: 'gebührenfrei', category: 'ausweis-dokumente' },
  { id: 'versand', label: 'Versand auf Wunsch', amountCents: 500, note: 'zuzüglich Porto' },
] as const;

export const foundItemCategoriesSeed: SeedStep = {
  table: 'found_item_categories',
  async insert(tx: Queryable) {
    for (const [index, category] of FOUND_ITEM_CATEGORIES.entries()) {
      await tx.query('INSERT INTO found_item_categories (id, name, sort_order) VALUES ($1, $2, $3)', [category.id, category.name, index + 1]);
    }
  },
};

export const foundItemFeesSeed: SeedStep = {
  table: 'found_item_fees',
  async insert(tx: Queryable) {
    for (const [index, fee] of FEES.entries()) {
      const f = fee as { id: string; label: string; amountCents?: number; minCents?: number; maxCents?: number; note?: string; category?: string };
      await tx.query(
        `INSERT INTO found_item_fees (id, label, amount_cents, min_cents, max_cents, note, category_id, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [f.id, f.label, f.amountCents ?? null, f.minCents ?? null, f.maxCents ?? null, f.note ?? null, f.category ?? null, index + 1],
      );
    }
  },
};

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

const PLACES = [
  'Hauptbahnhof, Gleis 1', 'Hauptbahnhof, Gleis 3', 'Hauptbahnhof, Wartehalle', 'Busbahnhof', 'Buslinie 7', 'Straßenbahn Linie 3',
  'Stadtpark, am Teich', 'Stadtpark, Spielplatz', 'Rathausplatz', 'Rathaus, Bürgerbüro', 'Marktplatz', 'Freibad Musterstadt',
  'Stadtbibliothek', 'Sportplatz am Lindenweg', 'Kino am Markt', 'Fußgängerzone Bahnhofstraße', 'Einkaufszentrum Musterpassage',
  'Parkhaus Altstadt', 'Schulzentrum Nord', 'Volkshochschule, Kirchstraße', 'Friedhof Am Eichenhain', 'Lindenplatz',
  'Taxistand Hauptbahnhof', 'Stadthalle', 'Wochenmarkt, Marktplatz',
];

const NAMES = [
  'Anna Schneider', 'Jonas Fischer', 'Marie Weber', 'Lukas Becker', 'Sophie Wagner', 'Leon Hoffmann', 'Emma Schäfer', 'Paul Koch',
  'Mia Richter', 'Felix Klein', 'Hannah Wolf', 'Elias Schröder', 'Lena Neumann', 'Noah Schwarz', 'Lea Zimmermann', 'Ben Braun',
  'Laura Krüger', 'Finn Hofmann', 'Sarah Hartmann', 'Tim Lange', 'Julia Schmitt', 'Ömer Yılmaz', 'Katarzyna Nowak', 'Giuseppe Russo',
];

interface Template {
  descriptions: readonly string[];
  colours: readonly (ColourId | null)[];
  brands: readonly (string | null)[];
  brandPublic: number;
  value: readonly [number, number];
  heldBack(r: Random): { contents?: string; cashCents?: number; serialNumber?: string; documentNames?: string };
}

const euros = (r: Random, max: number) => r.int(0, max) * 100 + r.pick([0, 0, 50, 20, 80]);
const money = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

const TEMPLATES: Record<CategoryId, Template> = {
  geldboerse: {
    descriptions: ['Lederbörse', 'Portemonnaie mit Reißverschluss', 'Kleine Geldbörse', 'Brieftasche', 'Kartenetui', 'Geldbörse mit Druckknopf'],
    colours: ['schwarz', 'schwarz', 'braun', 'rot', 'blau', 'beige', 'rosa'],
    brands: [null, null, 'Bree', 'Picard', 'Esprit', 'Fossil', 'Tchibo'],
    brandPublic: 0.2,
    value: [5, 80],
    heldBack: (r) => {
      const name = r.pick(NAMES);
      const cash = euros(r, 120);
      return {
        cashCents: cash,
        contents: `Inhalt: ${money(cash)} Bargeld, ${r.pick(['Personalausweis', 'Führerschein', 'Krankenversichertenkarte'])} auf den Namen ${name}, ${r.pick(['EC-Karte der Sparkasse Musterstadt', 'Kreditkarte', 'Bahncard 25', 'Einkaufszettel, zwei Kassenbons'])}`,
        documentNames: name,
      };
    },
  },
  schluessel: {
    descriptions: ['Schlüsselbund mit drei Schlüsseln', 'Schlüsselbund mit Anhänger', 'Einzelner Haustürschlüssel', 'Autoschlüssel', 'Fahrradschlüssel', 'Briefkastenschlüssel am Ring'],
    colours: [null, 'silber', 'silber', 'gold', 'schwarz', 'rot', 'blau'],
    brands: [null, null, null, 'VW', 'Opel', 'Ford', 'Abus'],
    brandPublic: 0.6,
    value: [5, 150],
    heldBack: (r) => ({
      contents: r.pick([
        `Anhänger: ${r.pick(['kleiner Plüschbär', 'Einkaufswagenchip vom Edeka', 'Flaschenöffner „Musterstadt“', 'Foto eines Hundes', 'Lederband mit Initialen K. M.'])}`,
        `${r.int(2, 6)} Schlüssel, einer mit ${r.pick(['blauer', 'roter', 'grüner'])} Kappe`,
        `Transponder-Chip, Schlüsselnummer ${digits(r, 5)}`,
      ]),
    }),
  },
  mobiltelefon: {
    descriptions: ['Smartphone mit Hülle', 'Smartphone ohne Hülle', 'Smartphone mit gesprungenem Display', 'Klapphandy', 'Smartphone in Klapphülle'],
    colours: ['schwarz', 'schwarz', 'weiss', 'silber', 'blau', 'rosa', 'gruen'],
    brands: ['Samsung', 'Samsung', 'Apple', 'Apple', 'Xiaomi', 'Google', 'Motorola', 'Nokia'],
    brandPublic: 0.8,
    value: [40, 900],
    heldBack: (r) => ({
      serialNumber: `IMEI ${digits(r, 15)}`,
      contents: `Sperrbildschirm: ${r.pick(['Foto eines Hundes', 'Strandbild', 'zwei Kinder', 'Sonnenuntergang', 'Fußballverein'])}; ${r.pick(['Aufkleber auf der Rückseite', 'Ausweiskopie in der Hülle', 'Busfahrkarte in der Hülle', 'keine Hülle'])}`,
    }),
  },
  fahrrad: {
    descriptions: ['Damenrad, 28 Zoll', 'Herrenrad, 28 Zoll', 'Mountainbike', 'Kinderfahrrad, 20 Zoll', 'E-Bike', 'Trekkingrad', 'Hollandrad mit Korb'],
    colours: ['schwarz', 'blau', 'rot', 'gruen', 'weiss', 'grau', 'silber'],
    brands: ['Gazelle', 'Kalkhoff', 'Cube', 'Pegasus', 'Puky', 'Hercules', 'KTM', null],
    brandPublic: 0.9,
    value: [50, 2500],
    heldBack: (r) => ({
      serialNumber: `Rahmennummer ${r.pick(['WAW', 'GZ', 'KH', 'CB'])}${digits(r, 7)}`,
      contents: r.pick(['Schloss aufgebrochen', 'Codierung der Polizei am Rahmen', 'Klingel fehlt', 'Kindersitz hinten', 'Satteltasche mit Regenjacke']),
    }),
  },
  'ausweis-dokumente': {
    descriptions: ['Personalausweis', 'Führerschein', 'Reisepass', 'Krankenversichertenkarte', 'Schülerausweis', 'Aufenthaltstitel', 'Bankkarte'],
    colours: [null],
    brands: [null],
    brandPublic: 0,
    value: [0, 0],
    heldBack: (r) => {
      const name = r.pick(NAMES);
      return { documentNames: name, contents: `Ausgestellt auf ${name}, geboren ${r.int(1, 28)}.${r.int(1, 12)}.${r.int(1950, 2012)}` };
    },
  },
  schmuck: {
    descriptions: ['Ring', 'Halskette mit Anhänger', 'Armband', 'Einzelner Ohrring', 'Armbanduhr', 'Ehering'],
    colours: ['gold', 'gold', 'silber', 'silber', 'bunt'],
    brands: [null, null, 'Thomas Sabo', 'Pandora', 'Fossil', 'Casio'],
    brandPublic: 0.3,
    value: [10, 800],
    heldBack: (r) => ({
      contents: r.pick([
        `Gravur innen: „${r.pick(['M & J', 'Für immer', 'A. K.', 'L + S'])} ${r.int(1, 28)}.${r.int(1, 12)}.${r.int(1985, 2024)}“`,
        `Anhänger in Herzform mit Foto`,
        `Verschluss defekt, ${r.int(3, 12)} Perlen`,
        `Ziffernblatt mit Datum, Lederarmband`,
      ]),
    }),
  },
  kleidung: {
    descriptions: ['Winterjacke', 'Schal', 'Mütze', 'Handschuhe (Paar)', 'Regenjacke', 'Kinderjacke', 'Strickjacke', 'Sportschuhe'],
    colours: ['schwarz', 'grau', 'blau', 'rot', 'gruen', 'beige', 'bunt', 'gelb'],
    brands: [null, null, 'Jack Wolfskin', 'Esprit', 's.Oliver', 'Adidas', 'Puma', 'Vaude'],
    brandPublic: 0.5,
    value: [5, 200],
    heldBack: (r) => ({
      contents: r.pick([
        `Größe ${r.pick(['S', 'M', 'L', 'XL', '128', '140'])}, in der Tasche ${r.pick(['ein Busticket', 'Taschentücher', 'ein Lippenpflegestift', 'ein Schlüssel'])}`,
        `Namensschild im Kragen: ${r.pick(NAMES).split(' ')[0]}`,
        `Fleck am Ärmel, Größe ${r.pick(['M', 'L', '116'])}`,
      ]),
    }),
  },
  'tasche-rucksack': {
    descriptions: ['Rucksack', 'Sporttasche', 'Handtasche', 'Laptoptasche', 'Schulranzen', 'Jutebeutel', 'Einkaufstasche'],
    colours: ['schwarz', 'blau', 'grau', 'rot', 'braun', 'gruen', 'bunt'],
    brands: [null, 'Deuter', 'Fjällräven', 'Eastpak', 'Ergobag', 'Nike', 'Liebeskind'],
    brandPublic: 0.5,
    value: [10, 1500],
    heldBack: (r) => ({
      contents: `Inhalt: ${r.pick(['Laptop mit Ladekabel', 'Sportsachen und Handtuch', 'Schulbücher, Federmäppchen', 'Brotdose, Trinkflasche', 'Regenschirm, Kosmetiktasche', 'Tablet und Kopfhörer'])}`,
      ...(r.chance(0.3) ? { documentNames: r.pick(NAMES) } : {}),
    }),
  },
  brille: {
    descriptions: ['Brille mit Etui', 'Brille ohne Etui', 'Sonnenbrille', 'Lesebrille', 'Kinderbrille'],
    colours: ['schwarz', 'braun', 'gold', 'silber', 'rot', 'blau'],
    brands: [null, null, 'Ray-Ban', 'Fielmann', 'Oakley', 'Apollo'],
    brandPublic: 0.5,
    value: [10, 400],
    heldBack: (r) => ({ contents: `${r.pick(['Etui von Optik Sehgut, Musterstadt', 'Gleitsichtgläser', 'Stärke ca. +2,5', 'Bügel mit Pflaster geflickt'])}` }),
  },
  sonstiges: {
    descriptions: ['Regenschirm', 'Kopfhörer (kabellos) im Ladeetui', 'Kuscheltier Hase', 'Gehstock', 'Tablet', 'Digitalkamera', 'Fußball', 'Buch', 'Kinderwagen-Decke', 'Trinkflasche'],
    colours: ['schwarz', 'blau', 'rot', 'grau', 'bunt', 'weiss', 'gruen', null],
    brands: [null, null, 'Apple', 'Sony', 'Steiff', 'Canon', 'Samsung'],
    brandPublic: 0.5,
    value: [2, 600],
    heldBack: (r) => ({
      contents: r.pick(['Name auf dem Etikett', 'Aufkleber „Kita Sonnenschein“', 'Seriennummer auf der Unterseite', 'Widmung auf der ersten Seite', 'ohne Besonderheiten']),
      ...(r.chance(0.3) ? { serialNumber: `SN ${digits(r, 10)}` } : {}),
    }),
  },
};

/** How often each category is handed in, roughly as in a real office. */
const WEIGHTS: Record<CategoryId, number> = {
  geldboerse: 14, schluessel: 16, mobiltelefon: 12, fahrrad: 8, 'ausweis-dokumente': 10, schmuck: 6, kleidung: 14,
  'tasche-rucksack': 10, brille: 6, sonstiges: 10,
};

export const SEEDED_FOUND_ITEMS = 320;

export function generateFoundItems(today: IsoDate, count = SEEDED_FOUND_ITEMS) {
  const r = prng(20260405);
  const weighted = (Object.entries(WEIGHTS) as Array<[CategoryId, number]>).flatMap(([id, w]) => Array<CategoryId>(w).fill(id));
  const items = Array.from({ length: count }, () => {
    const category = r.pick(weighted);
    const t = TEMPLATES[category];
    const age = Math.floor(Math.pow(r.next(), 1.3) * 182);
    const foundOn = addDays(today, -age);
    const registeredOn = addDays(foundOn, Math.min(age, r.pick([0, 0, 1, 1, 2, 3])));
    const registeredAt = new Date(`${registeredOn}T${String(r.int(7, 15)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00Z`);
    const brand = r.pick(t.brands);
    const valueEuros = r.int(t.value[0], t.value[1]);
    const status = age > 30 ? (r.chance(0.3) ? 'handed_over' : r.chance(0.05) ? 'closed' : 'open') : r.chance(0.08) ? 'handed_over' : r.chance(0.04) ? 'claimed' : 'open';
    const closedOn = status === 'handed_over' || status === 'closed' ? addDays(registeredOn, Math.min(age, r.int(1, 25))) : null;
    return {
      category,
      colour: r.pick(t.colours),
      brand,
      brandPublic: brand !== null && r.chance(t.brandPublic),
      description: r.pick(t.descriptions),
      foundOn,
      foundPlace: r.pick(PLACES),
      status,
      heldBack: { ...t.heldBack(r), ...(valueEuros > 0 ? { valueCents: valueEuros * 100 } : {}) },
      registeredAt,
      closedAt: closedOn ? new Date(`${closedOn}T14:00:00Z`) : null,
    };
  });
  return items.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
}

export const foundItemsSeed: SeedStep = {
  table: 'found_items',
  async insert(tx: Queryable, { today }: SeedContext) {
    const counters = new Map<number, number>();
    for (const item of generateFoundItems(today)) {
      const year = item.registeredAt.getUTCFullYear();
      const number = (counters.get(year) ?? 0) + 1;
      counters.set(year, number);
      const categoryName = FOUND_ITEM_CATEGORIES.find((c) => c.id === item.category)!.name;
      await tx.query(
        `INSERT INTO found_items (reference, category_id, colour, brand, brand_public, description, found_on, found_place, status,
                                  search_text, place_text, contents, cash_cents, serial_number, document_names, value_cents,
                                  internal_notes, registered_at, updated_at, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
        [
          `F-${year}-${String(number).padStart(5, '0')}`,
          item.category,
          item.colour,
          item.brand,
          item.brandPublic,
          item.description,
          item.foundOn,
          item.foundPlace,
          item.status,
          searchText({ categoryName, colour: item.colour, brand: item.brand, brandPublic: item.brandPublic, description: item.description, foundPlace: item.foundPlace }),
          foldLoosely(item.foundPlace),
          item.heldBack.contents ?? null,
          item.heldBack.cashCents ?? null,
          item.heldBack.serialNumber ?? null,
          item.heldBack.documentNames ?? null,
          item.heldBack.valueCents ?? null,
          `Abgegeben von: ${item.foundPlace.startsWith('Hauptbahnhof') ? 'Bahnhofsmission' : 'Finder, verzichtet auf Finderlohn'}`,
          item.registeredAt.toISOString(),
          (item.closedAt ?? item.registeredAt).toISOString(),
          item.closedAt?.toISOString() ?? null,
        ],
      );
    }
    // Registrations after the seed continue the numbering.
    for (const [year, last] of counters) {
      await tx.query(
        `INSERT INTO found_item_counters (kind, year, last) VALUES ('F', $1, $2)
         ON CONFLICT (kind, year) DO UPDATE SET last = GREATEST(found_item_counters.last, EXCLUDED.last)`,
        [year, last],
      );
    }
  },
};
