/**
 * Service catalogue of Musterstadt for <muni-service-finder>: the categories (life situations)
 * and the services, whose data lives in services-*.ts, one file per group of life situations.
 *
 * Musterstadt has only the offices of offices.ts; services that a larger town gives to a
 * Bauamt, Sozialamt, Steueramt or Straßenverkehrsamt are assigned to the nearest of them.
 */
import type { Queryable } from '../db/database.js';
import { ADMIN_SERVICES } from './services-buergerbuero.js';
import { FAMILY_SERVICES } from './services-familie.js';
import { FINANCE_SERVICES } from './services-finanzen.js';
import { ORDER_SERVICES } from './services-ordnung.js';
import { SOCIAL_AND_BUILDING_SERVICES } from './services-soziales-bauen.js';
import { CIVIL_STATUS_SERVICES } from './services-standesamt.js';
import type { SeedStep } from './seed.js';
import { SERVICE_CATEGORIES, type ServiceSeed } from './services-common.js';

export { SERVICE_CATEGORIES, type ServiceSeed } from './services-common.js';

/** All seeded services in display order. */
export const SERVICES: readonly ServiceSeed[] = [
  ...ADMIN_SERVICES,
  ...FAMILY_SERVICES,
  ...CIVIL_STATUS_SERVICES,
  ...ORDER_SERVICES,
  ...FINANCE_SERVICES,
  ...SOCIAL_AND_BUILDING_SERVICES,
];

export const serviceCategoriesSeed: SeedStep = {
  table: 'service_categories',
  async insert(tx: Queryable) {
    for (const [index, category] of SERVICE_CATEGORIES.entries()) {
      await tx.query('INSERT INTO service_categories (id, name, sort_order) VALUES ($1, $2, $3)', [category.id, category.name, index + 1]);
    }
  },
};

export const servicesSeed: SeedStep = {
  table: 'services',
  async insert(tx: Queryable) {
    for (const [index, s] of SERVICES.entries()) {
      await tx.query(
        `INSERT INTO services (id, leika, name, short_description, description, category_id, sort_order, synonyms,
                               prerequisites, required_documents, fees, processing_time, legal_basis, forms,
                               online_service_url, appointment_service_id, last_updated)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14::jsonb, $15, $16, $17::date)`,
        [
          s.id,
          s.leika,
          s.name,
          s.short,
          s.description,
          s.category,
          index + 1,
          JSON.stringify(s.synonyms),
          JSON.stringify(s.prerequisites ?? []),
          JSON.stringify(s.documents ?? []),
          JSON.stringify(s.fees ?? []),
          s.processingTime ?? null,
          s.legalBasis ?? null,
          JSON.stringify(s.forms ?? []),
          s.online ?? null,
          s.appointment ?? null,
          s.updated,
        ],
      );
      for (const [order, officeId] of s.offices.entries()) {
        await tx.query('INSERT INTO service_offices (service_id, office_id, sort_order) VALUES ($1, $2, $3)', [s.id, officeId, order + 1]);
      }
    }
  },
};
