/** The service catalogue for <muni-service-finder>: services, life situations, responsible offices, search. */
import { createServiceIndex, type ServiceIndex } from '@muni-widgets/service-finder/search';
import type { Queryable } from '../db/database.js';
import type { Clock } from '../time.js';

/** A fee: a fixed amount, a range, or only words ("nach Aufwand"). */
interface ServiceFee {
  label: string;
  amountCents?: number;
  minCents?: number;
  maxCents?: number;
}

/**
 * The search index of the catalogue, built on first use and rebuilt once it is older than
 * `maxAgeMs` (the catalogue's cache lifetime), so that an edited catalogue is searchable no later than clients
 * see it in GET /services. One build at a time; a failed build is retried by the next request.
 */
export function cachedSearchIndex(db: Queryable, clock: Clock, maxAgeMs: number): () => Promise<ServiceIndex<ServiceSummary>> {
  let cached: { builtAt: number; index: Promise<ServiceIndex<ServiceSummary>> } | undefined;
  return () => {
    const now = clock().getTime();
    if (!cached || now - cached.builtAt >= maxAgeMs || now < cached.builtAt) {
      const entry = { builtAt: now, index: buildSearchIndex(db) };
      cached = entry;
      entry.index.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.index;
  };
}

async function buildSearchIndex(db: Queryable): Promise<ServiceIndex<ServiceSummary>> {
  const [services, categories] = await Promise.all([loadServiceSummaries(db), loadCategories(db)]);
  return createServiceIndex(services, { categoryNames: Object.fromEntries(categories.map((c) => [c.id, c.name])) });
}

interface ServiceRow {
  id: string;
  leika: string;
  name: string;
  short_description: string;
  category_id: string;
  synonyms: string[];
  office_ids: string[] | null;
  online_service_url: string | null;
  appointment_service_id: string | null;
}

const SUMMARY_COLUMNS = `s.id, s.leika, s.name, s.short_description, s.category_id, s.synonyms, s.online_service_url,
       s.appointment_service_id,
       (SELECT array_agg(so.office_id ORDER BY so.sort_order, so.office_id) FROM service_offices so WHERE so.service_id = s.id) AS office_ids`;

function summary(row: ServiceRow) {
  return {
    id: row.id,
    leika: row.leika,
    name: row.name,
    shortDescription: row.short_description,
    category: row.category_id,
    synonyms: row.synonyms,
    officeIds: row.office_ids ?? [],
    ...(row.online_service_url ? { onlineServiceUrl: row.online_service_url } : {}),
    ...(row.appointment_service_id ? { appointmentServiceId: row.appointment_service_id } : {}),
  };
}

export type ServiceSummary = ReturnType<typeof summary>;

export async function loadServiceSummaries(db: Queryable): Promise<ServiceSummary[]> {
  const rows = await db.query<ServiceRow>(`SELECT ${SUMMARY_COLUMNS} FROM services s ORDER BY s.sort_order, s.id`);
  return rows.map(summary);
}

export async function loadCategories(db: Queryable) {
  const rows = await db.query<{ id: string; name: string; service_count: number }>(
    `SELECT c.id, c.name, (SELECT count(*) FROM services s WHERE s.category_id = c.id)::int AS service_count
       FROM service_categories c
      ORDER BY c.sort_order, c.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, serviceCount: r.service_count }));
}

export async function loadService(db: Queryable, id: string) {
  const [rows, offices] = await Promise.all([
    db.query<
      ServiceRow & {
        category_name: string;
        description: string;
        prerequisites: string[];
        required_documents: string[];
        fees: ServiceFee[];
        processing_time: string | null;
        legal_basis: string | null;
        forms: Array<{ title: string; url: string }>;
        appointment_name: string | null;
        appointment_duration: number | null;
        last_updated: string;
      }
    >(
      `SELECT ${SUMMARY_COLUMNS}, c.name AS category_name, s.description, s.prerequisites, s.required_documents, s.fees,
              s.processing_time, s.legal_basis, s.forms, a.name AS appointment_name,
              a.duration_minutes AS appointment_duration, to_char(s.last_updated, 'YYYY-MM-DD') AS last_updated
         FROM services s
         JOIN service_categories c ON c.id = s.category_id
         LEFT JOIN appointment_services a ON a.id = s.appointment_service_id
        WHERE s.id = $1`,
      [id],
    ),
    db.query<{ id: string; name: string; building: string; street: string; postal_code: string; city: string; room: string | null; phone: string; email: string }>(
      `SELECT o.id, o.name, o.building, o.street, o.postal_code, o.city, o.room, o.phone, o.email
         FROM service_offices so JOIN offices o ON o.id = so.office_id
        WHERE so.service_id = $1
        ORDER BY so.sort_order, o.id`,
      [id],
    ),
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...summary(row),
    categoryName: row.category_name,
    description: row.description,
    prerequisites: row.prerequisites,
    requiredDocuments: row.required_documents,
    fees: row.fees,
    processingTime: row.processing_time,
    legalBasis: row.legal_basis,
    forms: row.forms,
    offices: offices.map((o) => ({
      id: o.id,
      name: o.name,
      address: { building: o.building, street: o.street, postalCode: o.postal_code, city: o.city, room: o.room },
      phone: o.phone,
      email: o.email,
    })),
    ...(row.appointment_service_id && row.appointment_name !== null && row.appointment_duration !== null
      ? { appointmentService: { id: row.appointment_service_id, name: row.appointment_name, durationMinutes: row.appointment_duration } }
      : {}),
    lastUpdated: row.last_updated,
  };
}
