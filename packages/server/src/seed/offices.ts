import type { Queryable } from '../db/database.js';
import { easterSunday } from '../holidays/german-holidays.js';
import { addDays, fromIsoDate, type IsoDate } from '../time.js';
import type { SeedContext, SeedStep } from './seed.js';

type Interval = readonly [opens: string, closes: string];
/** ISO weekday (1 = Monday) to opening intervals; missing days are closed. */
type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly Interval[]>>;

interface OfficeSeed {
  id: string;
  name: string;
  description: string;
  building: string;
  street: string;
  room: string | null;
  phone: string;
  email: string;
  stepFreeAccess: boolean;
  accessibleToilet: boolean;
  inductionLoop: boolean;
  accessibleParking: boolean;
  accessibilityNotes: string;
  hours: WeeklyHours;
  /** Closures and special hours specific to this office, besides those all offices share. */
  exceptions?: (today: IsoDate) => ExceptionSeed[];
}

interface ExceptionSeed {
  from: IsoDate;
  to: IsoDate;
  reason: string;
  /** Empty: closed. */
  intervals: readonly Interval[];
}

const RATHAUS = { building: 'Rathaus', street: 'Rathausplatz 1' } as const;
const RATHAUS_ACCESS = {
  stepFreeAccess: true,
  accessibleToilet: true,
  accessibleParking: true,
  accessibilityNotes:
    'Stufenloser Eingang über die Rampe am Seiteneingang (Kirchstraße), Aufzug zu allen Etagen. ' +
    'Zwei Behindertenparkplätze direkt am Rathausplatz. Barrierefreies WC im Erdgeschoss.',
} as const;

const OFFICES: readonly OfficeSeed[] = [
  {
    id: 'buergerbuero',
    name: 'Bürgerbüro',
    description:
      'Personalausweis und Reisepass, An-, Um- und Abmeldung, Meldebescheinigungen, Führungszeugnisse, ' +
      'Bewohnerparkausweise und Beglaubigungen.',
    ...RATHAUS,
    room: 'Erdgeschoss, Raum E.04',
    phone: '+49 1234 5678-100',
    email: 'buergerbuero@musterstadt.example',
    ...RATHAUS_ACCESS,
    inductionLoop: true,
    accessibilityNotes: `${RATHAUS_ACCESS.accessibilityNotes} Induktionsschleife an Schalter 1.`,
    hours: {
      1: [['08:00', '12:00'], ['14:00', '16:00']],
      2: [['08:00', '12:00']],
      3: [['08:00', '12:00']],
      4: [['08:00', '12:00'], ['14:00', '18:00']],
      5: [['08:00', '12:00']],
      6: [['09:00', '12:00']],
    },
  },
  {
    id: 'kita-abteilung',
    name: 'Kita-Abteilung (Jugendamt)',
    description:
      'Anmeldung für einen Platz in einer Kindertageseinrichtung oder Kindertagespflege, Betreuungsverträge, ' +
      'Elternbeiträge und Beitragsrückstände.',
    building: 'Haus der Familie',
    street: 'Lindenstraße 14',
    room: '2. Obergeschoss, Raum 2.11',
    phone: '+49 1234 5678-510',
    email: 'kita@musterstadt.example',
    stepFreeAccess: true,
    accessibleToilet: true,
    inductionLoop: false,
    accessibleParking: false,
    accessibilityNotes:
      'Aufzug vom Haupteingang aus. Kinderwagen können im Erdgeschoss abgestellt werden. ' +
      'Öffentliche Parkplätze am Lindenplatz, etwa 150 m entfernt, ohne Behindertenparkplatz.',
    hours: {
      1: [['08:30', '12:00']],
      2: [['08:30', '12:00'], ['14:00', '16:00']],
      4: [['08:30', '12:00'], ['14:00', '17:30']],
      5: [['08:30', '12:00']],
    },
    exceptions: (today) => {
      const day = weekdayOnOrAfter(addDays(today, 14), 4);
      return [{ from: day, to: day, reason: 'Geschlossen wegen Teamfortbildung', intervals: [] }];
    },
  },
  {
    id: 'standesamt',
    name: 'Standesamt',
    description:
      'Anmeldung der Eheschließung, Trauungen, Geburts- und Sterbebeurkundungen, Urkunden aus den Personenstandsregistern, ' +
      'Namenserklärungen.',
    building: 'Altes Rathaus',
    street: 'Marktplatz 3',
    room: 'Erdgeschoss',
    phone: '+49 1234 5678-300',
    email: 'standesamt@musterstadt.example',
    stepFreeAccess: true,
    accessibleToilet: false,
    inductionLoop: false,
    accessibleParking: true,
    accessibilityNotes:
      'Büros im Erdgeschoss stufenlos erreichbar (Eingang Marktplatz, Klingel am Tor). Der historische Trausaal im ' +
      '1. Obergeschoss ist nur über eine Treppe erreichbar; auf Wunsch wird im barrierefreien Trauzimmer im ' +
      'Erdgeschoss getraut. Ein Behindertenparkplatz vor dem Gebäude. Nächstes barrierefreies WC im Rathaus.',
    hours: {
      1: [['08:30', '12:00']],
      2: [['08:30', '12:00']],
      3: [['08:30', '12:00']],
      4: [['08:30', '12:00'], ['14:00', '17:00']],
      5: [['08:30', '12:00']],
    },
    exceptions: (today) => {
      const saturday = weekdayOnOrAfter(addDays(today, 14), 6);
      return [
        { from: saturday, to: saturday, reason: 'Samstagstrauungen, nur mit Termin', intervals: [['10:00', '13:00']] },
      ];
    },
  },
  {
    id: 'ordnungsamt',
    name: 'Ordnungsamt',
    description:
      'Gewerbean-, -um- und -abmeldung, Sondernutzungen und Veranstaltungen, Hundeanmeldung, Lärm- und ' +
      'Parkbeschwerden, Bußgeldstelle.',
    building: 'Technisches Rathaus',
    street: 'Bahnhofstraße 22',
    room: '1. Obergeschoss',
    phone: '+49 1234 5678-400',
    email: 'ordnungsamt@musterstadt.example',
    stepFreeAccess: true,
    accessibleToilet: true,
    inductionLoop: false,
    accessibleParking: true,
    accessibilityNotes:
      'Haupteingang ebenerdig mit automatischer Tür, Aufzug ins 1. Obergeschoss. Behindertenparkplatz im Hof.',
    hours: {
      1: [['08:00', '12:00']],
      2: [['08:00', '12:00']],
      3: [['08:00', '12:00']],
      4: [['08:00', '12:00'], ['14:00', '16:00']],
      5: [['08:00', '12:00']],
    },
  },
  {
    id: 'fundbuero',
    name: 'Fundbüro',
    description:
      'Abgabe von Fundsachen, Suche nach verlorenen Gegenständen, Verlustanzeigen und Herausgabe an Eigentümer.',
    ...RATHAUS,
    room: 'Erdgeschoss, Raum E.06',
    phone: '+49 1234 5678-120',
    email: 'fundbuero@musterstadt.example',
    ...RATHAUS_ACCESS,
    inductionLoop: false,
    hours: {
      1: [['09:00', '12:00']],
      3: [['09:00', '12:00']],
      4: [['14:00', '18:00']],
      5: [['09:00', '12:00']],
    },
    exceptions: (today) => {
      const day = weekdayOnOrAfter(addDays(today, 28), 5);
      return [{ from: day, to: day, reason: 'Geschlossen wegen Versteigerung von Fundsachen', intervals: [] }];
    },
  },
  {
    id: 'stadtkasse',
    name: 'Stadtkasse',
    description:
      'Zahlungen an die Stadt, Bankverbindungen und Verwendungszwecke, Ratenzahlung und Stundung, Mahnungen.',
    ...RATHAUS,
    room: '1. Obergeschoss, Raum 1.15',
    phone: '+49 1234 5678-200',
    email: 'stadtkasse@musterstadt.example',
    ...RATHAUS_ACCESS,
    inductionLoop: false,
    hours: {
      1: [['08:30', '12:00'], ['14:00', '15:30']],
      2: [['08:30', '12:00']],
      3: [['08:30', '12:00']],
      4: [['08:30', '12:00']],
      5: [['08:30', '12:00']],
    },
  },
];

/** Days on which the whole administration deviates from its hours, this year and next. */
function sharedExceptions(today: IsoDate): ExceptionSeed[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].flatMap((y) => {
    // Carnival Monday is no public holiday, but Rhineland town halls close early.
    const rosenmontag = addDays(easterSunday(y), -48);
    return [
      { from: rosenmontag, to: rosenmontag, reason: 'Rosenmontag: nur bis 11 Uhr geöffnet', intervals: [['08:00', '11:00']] },
      { from: `${y}-12-24`, to: `${y}-12-24`, reason: 'Heiligabend', intervals: [] },
      { from: `${y}-12-31`, to: `${y}-12-31`, reason: 'Silvester', intervals: [] },
    ] satisfies ExceptionSeed[];
  });
}

/** The first date on or after `date` that falls on ISO weekday `weekday` (1 = Monday). */
function weekdayOnOrAfter(date: IsoDate, weekday: number): IsoDate {
  const current = ((fromIsoDate(date).getUTCDay() + 6) % 7) + 1;
  return addDays(date, (weekday - current + 7) % 7);
}

export const officesSeed: SeedStep = {
  table: 'offices',
  async insert(tx: Queryable, { today }: SeedContext) {
    for (const [index, office] of OFFICES.entries()) {
      await tx.query(
        `INSERT INTO offices (id, name, description, sort_order, building, street, postal_code, city, room, phone, email,
                              step_free_access, accessible_toilet, induction_loop, accessible_parking, accessibility_notes)
         VALUES ($1, $2, $3, $4, $5, $6, '12345', 'Musterstadt', $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          office.id,
          office.name,
          office.description,
          index + 1,
          office.building,
          office.street,
          office.room,
          office.phone,
          office.email,
          office.stepFreeAccess,
          office.accessibleToilet,
          office.inductionLoop,
          office.accessibleParking,
          office.accessibilityNotes,
        ],
      );
      for (const [weekday, intervals] of Object.entries(office.hours)) {
        for (const [opens, closes] of intervals) {
          await tx.query('INSERT INTO office_opening_hours (office_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)', [
            office.id,
            Number(weekday),
            opens,
            closes,
          ]);
        }
      }
      for (const exception of [...sharedExceptions(today), ...(office.exceptions?.(today) ?? [])]) {
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO office_exceptions (office_id, starts_on, ends_on, reason) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
          [office.id, exception.from, exception.to, exception.reason],
        );
        for (const [opens, closes] of exception.intervals) {
          await tx.query('INSERT INTO office_exception_hours (exception_id, opens, closes) VALUES ($1, $2, $3)', [
            row!.id,
            opens,
            closes,
          ]);
        }
      }
    }
  },
};
