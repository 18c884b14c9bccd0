/**
 * Appointment booking for <muni-appointment-picker>: what can be booked where, which days and
 * times are free, and holding a slot while the citizen fills in the form.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { availabilityCache, checkRange, MAX_AVAILABILITY_DAYS } from '../appointments/availability.js';
import { loadCalendars, loadServices, parseServicesParam, planRequest } from '../appointments/catalog.js';
import { findSlots, toSlot } from '../appointments/slots.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponses } from '../http/problem.js';
import { API_TAGS } from '../openapi/document.js';
import { IsoDateSchema } from '../shared/calendar-date.js';
import { AppointmentOfficeSchema, SlotSchema } from './appointment-schemas.js';
import type { RouteDeps } from './deps.js';

const TAG = API_TAGS.appointments.name;
const OFFICE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const DetailFieldSchema = z
  .object({
    id: z.string().openapi({ example: 'child_birth_date' }),
    label: z.string().openapi({ example: 'Geburtsdatum des Kindes' }),
    type: z.enum(['text', 'date', 'tel', 'email', 'textarea']),
    required: z.boolean(),
    hint: z.string().optional(),
    autocomplete: z.string().optional().openapi({ description: 'Wert für das HTML-Attribut autocomplete' }),
  })
  .openapi('AppointmentDetailField');

const AppointmentServiceSchema = z
  .object({
    id: z.string().openapi({ example: 'kita-anmeldung' }),
    name: z.string().openapi({ example: 'Anmeldung Kindertagesbetreuung' }),
    description: z.string().optional(),
    durationMinutes: z.number().int().openapi({ description: 'Minuten je Person', example: 30 }),
    maxCount: z.number().int().openapi({ description: 'Höchstzahl Personen (z. B. Kinder) je Termin', example: 3 }),
    officeIds: z.array(z.string()).openapi({ example: ['kita-abteilung'] }),
    fields: z.array(DetailFieldSchema).openapi({ description: 'Zusätzliche Angaben bei der Buchung' }),
  })
  .openapi('AppointmentService');

const ServicesParam = z
  .string()
  .min(1)
  .max(400)
  .openapi({
    description: 'Dienstleistungen mit Anzahl Personen, kommagetrennt: Kennung:Anzahl (Anzahl 1, wenn weggelassen)',
    example: 'kita-anmeldung:2,kita-vertrag:1',
  });
const OfficeParam = z
  .string()
  .max(64)
  .regex(OFFICE_ID)
  .optional()
  .openapi({ description: 'Nur dieses Amt; ohne Angabe jedes Amt, das alle Dienstleistungen anbietet', example: 'kita-abteilung' });

const listServices = createRoute({
  method: 'get',
  path: '/appointments/services',
  operationId: 'listAppointmentServices',
  tags: [TAG],
  summary: 'Buchbare Dienstleistungen',
  responses: {
    200: {
      description: 'Dienstleistungen in Anzeigereihenfolge',
      content: { 'application/json': { schema: z.object({ services: z.array(AppointmentServiceSchema) }) } },
    },
  },
});

const listAppointmentOffices = createRoute({
  method: 'get',
  path: '/appointments/offices',
  operationId: 'listAppointmentOffices',
  tags: [TAG],
  summary: 'Ämter mit Terminvergabe',
  responses: {
    200: {
      description: 'Ämter, die Termine vergeben',
      content: { 'application/json': { schema: z.object({ offices: z.array(AppointmentOfficeSchema) }) } },
    },
  },
});

const availability = createRoute({
  method: 'get',
  path: '/appointments/availability',
  operationId: 'getAppointmentAvailability',
  tags: [TAG],
  summary: 'Freie Termine je Tag',
  description: `Höchstens ${MAX_AVAILABILITY_DAYS} Tage je Anfrage, von heute bis zum Buchungshorizont des Amtes.`,
  request: {
    query: z.object({ services: ServicesParam, office: OfficeParam, from: IsoDateSchema, to: IsoDateSchema }),
  },
  responses: {
    200: {
      description: 'Jeder Tag des Zeitraums mit der Zahl freier Zeiten',
      content: {
        'application/json': {
          schema: z.object({
            days: z.array(z.object({ date: IsoDateSchema, free: z.number().int().openapi({ description: 'Freie Zeiten an diesem Tag' }) })),
          }),
        },
      },
    },
    ...problemResponses('validation'),
  },
});

const slots = createRoute({
  method: 'get',
  path: '/appointments/slots',
  operationId: 'listAppointmentSlots',
  tags: [TAG],
  summary: 'Freie Zeiten an einem Tag',
  request: { query: z.object({ services: ServicesParam, office: OfficeParam, date: IsoDateSchema }) },
  responses: {
    200: {
      description: 'Freie Zeiten in zeitlicher Reihenfolge',
      content: { 'application/json': { schema: z.object({ slots: z.array(SlotSchema) }) } },
    },
    ...problemResponses('validation'),
  },
});

export function appointmentRoutes(deps: RouteDeps) {
  const { db, clock } = deps;
  const plan = (services: string, office: string | undefined) => planRequest(db, parseServicesParam(services), office);
  const freeDays = availabilityCache();

  return new OpenAPIHono<AppEnv>()
    .openapi(listServices, async (c) => {
      const services = await loadServices(db);
      return c.json(
        {
          services: services
            .filter((s) => s.officeIds.length > 0)
            .map(({ description, ...s }) => ({ ...s, ...(description ? { description } : {}) })),
        },
        200,
      );
    })
    .openapi(listAppointmentOffices, async (c) => {
      const calendars = await loadCalendars(db);
      return c.json(
        {
          offices: calendars.map((cal) => ({
            id: cal.officeId,
            name: cal.officeName,
            street: cal.street,
            postalCode: cal.postalCode,
            city: cal.city,
            ...(cal.accessibilityNotes ? { accessibility: cal.accessibilityNotes } : {}),
          })),
        },
        200,
      );
    })
    .openapi(availability, async (c) => {
      return c.json({ days: await freeDays(db, c.req.valid('query'), clock()) }, 200);
    })
    .openapi(slots, async (c) => {
      const query = c.req.valid('query');
      const now = clock();
      const planned = await plan(query.services, query.office);
      checkRange(planned, query.date, query.date, now, 'date');
      const byDate = await findSlots(db, planned, { from: query.date, to: query.date }, now);
      return c.json({ slots: (byDate.get(query.date) ?? []).map(toSlot) }, 200);
    });
}
