/** Schemas shared by the appointment route files. */
import { z } from '@hono/zod-openapi';

export const SlotSchema = z
  .object({
    id: z.string().openapi({ description: 'Undurchsichtige Kennung für die Reservierung', example: 'kita-abteilung|2026-12-03T09:30:00+01:00' }),
    start: z.string().openapi({ format: 'date-time', example: '2026-12-03T09:30:00+01:00' }),
    end: z.string().openapi({ format: 'date-time', example: '2026-12-03T10:30:00+01:00' }),
    officeId: z.string().openapi({ example: 'kita-abteilung' }),
  })
  .openapi('Slot');

export const AppointmentOfficeSchema = z
  .object({
    id: z.string().openapi({ example: 'kita-abteilung' }),
    name: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    accessibility: z.string().optional().openapi({ description: 'Hinweise zur Barrierefreiheit in Worten' }),
  })
  .openapi('AppointmentOffice');
