/**
 * The file format of a town's own data (`muni-widgets-server import`): the town profile and its
 * offices with weekly hours and exceptions. One zod schema is both the validation and the
 * published JSON Schema (`schema/town-data.schema.json`, written by `import --schema`).
 */
import { z } from 'zod';
import { STATE_CODES } from '../holidays/german-holidays.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit als HH:MM');
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Datum als JJJJ-MM-TT');
const postalCode = z.string().regex(/^\d{5}$/, 'fünfstellige Postleitzahl');
const email = z.email('E-Mail-Adresse');
const interval = z
  .object({ opens: time, closes: time })
  .strict()
  .refine(({ opens, closes }) => opens < closes, { message: '„opens“ muss vor „closes“ liegen', path: ['closes'] });

export const TownSchema = z
  .object({
    name: text(100),
    officialName: text(200),
    state: text(100),
    stateCode: z.enum(STATE_CODES, 'ISO 3166-2 eines Bundeslandes, z. B. DE-SN'),
    timeZone: z.literal('Europe/Berlin'),
    townHallName: text(200),
    street: text(200),
    postalCode,
    city: text(100),
    phone: text(50),
    email,
    website: z.url(),
  })
  .strict();

export const OfficeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Kennung aus a-z, 0-9 und Bindestrichen, z. B. buergerbuero'),
    name: text(200),
    description: z.string().max(2000).default(''),
    building: text(200),
    street: text(200),
    postalCode,
    city: text(100),
    room: text(200).optional(),
    phone: text(50),
    email,
    accessibility: z
      .object({
        stepFreeAccess: z.boolean(),
        accessibleToilet: z.boolean(),
        inductionLoop: z.boolean(),
        accessibleParking: z.boolean(),
        notes: z.string().max(2000).default(''),
      })
      .strict(),
    /** ISO weekday 1 (Monday) … 7 (Sunday); a day without entries is closed. */
    openingHours: z.array(interval.and(z.object({ weekday: z.number().int().min(1).max(7) }))).default([]),
    /** Closed (no hours) or special hours from `from` to `to`, both inclusive. */
    exceptions: z
      .array(
        z
          .object({ from: isoDate, to: isoDate, reason: text(200), hours: z.array(interval).default([]) })
          .strict()
          .refine(({ from, to }) => from <= to, { message: '„from“ darf nicht nach „to“ liegen', path: ['to'] }),
      )
      .default([]),
  })
  .strict();

export const TownDataSchema = z
  .object({
    $schema: z.string().optional(),
    town: TownSchema.optional(),
    offices: z
      .array(OfficeSchema)
      .default([])
      .refine((offices) => new Set(offices.map((o) => o.id)).size === offices.length, { message: 'Jede Kennung („id“) nur einmal' }),
  })
  .strict();

export type TownData = z.infer<typeof TownDataSchema>;

export function townDataJsonSchema(): unknown {
  return z.toJSONSchema(TownDataSchema, { io: 'input', target: 'draft-2020-12' });
}
