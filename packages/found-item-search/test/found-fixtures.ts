import { ApiError, dayInZone } from '@muni-widgets/core';
import { MemoryFoundItemProvider, type MemoryFind, type MemoryFoundItemData } from '../src/providers/memory.js';
import type { FoundItemProvider, PickupInfo } from '../src/provider.js';

export const categories = [
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
];

export const colours = [
  { id: 'schwarz', name: 'schwarz' },
  { id: 'weiss', name: 'weiß' },
  { id: 'grau', name: 'grau' },
  { id: 'silber', name: 'silber' },
  { id: 'braun', name: 'braun' },
  { id: 'rot', name: 'rot' },
  { id: 'blau', name: 'blau' },
  { id: 'gruen', name: 'grün' },
  { id: 'bunt', name: 'bunt / mehrfarbig' },
];

export const pickup: PickupInfo = {
  office: {
    id: 'fundbuero',
    name: 'Fundbüro',
    address: { building: 'Bürgerbüro im Rathaus', street: 'Rathausplatz 1', postalCode: '12345', city: 'Musterstadt', room: 'Erdgeschoss, Raum E.07' },
    phone: '+49 1234 5678-140',
    email: 'fundbuero@musterstadt.example',
    openingHours: [
      { weekday: 1, intervals: [{ opens: '08:00', closes: '12:00' }] },
      { weekday: 2, intervals: [{ opens: '08:00', closes: '12:00' }, { opens: '14:00', closes: '18:00' }] },
      { weekday: 3, intervals: [] },
      { weekday: 4, intervals: [{ opens: '08:00', closes: '12:00' }] },
      { weekday: 5, intervals: [{ opens: '08:00', closes: '12:00' }] },
      { weekday: 6, intervals: [] },
      { weekday: 7, intervals: [] },
    ],
  },
  requiredDocuments: ['Personalausweis, Reisepass oder ein anderer amtlicher Lichtbildausweis', 'Das Aktenzeichen Ihrer Anfrage (A-…) oder der Fundsache (F-…)'],
  fees: [
    { id: 'herausgabe-bis-25', label: 'Herausgabe, Wert bis 25 €', amountCents: 0, note: 'gebührenfrei' },
    { id: 'herausgabe-bis-250', label: 'Herausgabe, Wert über 25 € bis 250 €', amountCents: 1000 },
    { id: 'herausgabe-ueber-250', label: 'Herausgabe, Wert über 250 €', minCents: 1000, maxCents: 10000, note: '3 % des Wertes' },
    { id: 'fahrrad', label: 'Fahrrad: Verwahrung und Herausgabe', amountCents: 2000, category: 'fahrrad' },
  ],
  retention: { months: 6, text: 'Fundsachen werden mindestens 6 Monate ab der Abgabe aufbewahrt (§ 973 BGB).' },
  finderReward: 'Der Finder kann Finderlohn verlangen (§ 971 BGB): 5 % des Wertes bis 500 €, vom Mehrwert 3 %.',
  legalBasis: '§§ 965–984 BGB',
};

export const today = () => dayInZone(Date.now());
export const daysAgo = (n: number) => new Date(Date.parse(`${today()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Markers in held-back fields: none may ever appear in the widget. */
export const HELD_BACK_MARKERS = ['GEHEIM-INHALT-7731', 'GEHEIM-SERIE-4410', 'GEHEIM-NAME-9902', 'GEHEIM-MARKE-5150'];

/** A handful of finds the tests talk about by name. */
export function namedFinds(): MemoryFind[] {
  return [
    {
      reference: 'F-2026-00001',
      category: 'geldboerse',
      colour: 'schwarz',
      brand: 'Picard',
      brandPublic: true,
      description: 'Schwarze Lederbörse',
      foundOn: daysAgo(2),
      foundPlace: 'Hauptbahnhof, Gleis 3',
      heldBack: { contents: `45,00 € Bargeld, ${HELD_BACK_MARKERS[0]}`, documentNames: HELD_BACK_MARKERS[2] },
    },
    {
      reference: 'F-2026-00002',
      category: 'mobiltelefon',
      colour: 'blau',
      brand: HELD_BACK_MARKERS[3],
      brandPublic: false,
      description: 'Smartphone mit Hülle',
      foundOn: daysAgo(1),
      foundPlace: 'Buslinie 7',
      heldBack: { serialNumber: HELD_BACK_MARKERS[1] },
    },
    { reference: 'F-2026-00003', category: 'schluessel', colour: 'silber', description: 'Schlüsselbund mit drei Schlüsseln', foundOn: daysAgo(5), foundPlace: 'Stadtpark, am Teich' },
    { reference: 'F-2026-00004', category: 'fahrrad', colour: 'rot', brand: 'Gazelle', brandPublic: true, description: 'Damenrad mit Korb', foundOn: daysAgo(9), foundPlace: 'Marktplatz' },
    { reference: 'F-2026-00005', category: 'geldboerse', colour: 'braun', description: 'Kleine Geldbörse', foundOn: daysAgo(20), foundPlace: 'Stadtbibliothek', status: 'handed_over' },
  ];
}

const PLACES = ['Hauptbahnhof, Gleis 1', 'Busbahnhof', 'Stadtpark, Spielplatz', 'Rathausplatz', 'Freibad', 'Kino am Markt', 'Lindenplatz', 'Stadthalle'];
const WORDS: Record<string, string[]> = {
  geldboerse: ['Lederbörse', 'Portemonnaie mit Reißverschluss', 'Brieftasche', 'Kartenetui'],
  schluessel: ['Schlüsselbund', 'Einzelner Schlüssel mit Anhänger', 'Autoschlüssel'],
  mobiltelefon: ['Smartphone', 'Handy mit Hülle', 'Klapphandy'],
  fahrrad: ['Herrenrad', 'Kinderfahrrad', 'Mountainbike'],
  'ausweis-dokumente': ['Personalausweis', 'Führerschein', 'Mappe mit Unterlagen'],
  schmuck: ['Silberkette', 'Armband', 'Ring'],
  kleidung: ['Jacke', 'Schal', 'Mütze', 'Handschuhe'],
  'tasche-rucksack': ['Rucksack', 'Sporttasche', 'Handtasche'],
  brille: ['Lesebrille im Etui', 'Sonnenbrille'],
  sonstiges: ['Regenschirm', 'Kuscheltier', 'Buch'],
};

/** `count` finds of the last six months, always the same for the same count (a seeded generator). */
export function generatedFinds(count: number, startNumber = 100): MemoryFind[] {
  let state = 42;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const category = pick(categories).id;
    return {
      reference: `F-2026-${String(startNumber + i).padStart(5, '0')}`,
      category,
      colour: pick(colours).id,
      description: pick(WORDS[category]!),
      foundOn: daysAgo(Math.floor(next() * 180)),
      foundPlace: pick(PLACES),
      heldBack: { notes: `intern ${i}` },
    };
  });
}

export function memoryData(finds: MemoryFind[] = [...namedFinds(), ...generatedFinds(45)]): MemoryFoundItemData {
  return { categories, colours, finds, pickup };
}

type Method = keyof FoundItemProvider;

/**
 * The memory office, with every call recorded and failures on demand: `fail.search = 2` makes the
 * next two searches fail with a network error.
 */
export function foundProvider(options: { fail?: Partial<Record<Method, number>>; error?: ApiError; finds?: MemoryFind[] } = {}) {
  const memory = new MemoryFoundItemProvider(memoryData(options.finds));
  const calls: { method: string; args: unknown[] }[] = [];
  const failures: Partial<Record<Method, number>> = { ...options.fail };
  const provider = new Proxy(memory, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'registerFind') return value;
      return async (...args: unknown[]) => {
        calls.push({ method: String(key), args });
        const left = failures[key as Method] ?? 0;
        if (left > 0) {
          failures[key as Method] = left - 1;
          throw options.error ?? new ApiError('network');
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { provider: provider as FoundItemProvider, memory, calls, failures };
}
