// Every hand-written response validator of the widgets against the server's OpenAPI document:
// for values the document allows (generated from its schemas, examples included), the validator
// must accept them and hand on every field but those the widget deliberately leaves out. A
// renamed, retyped, newly optional or newly added field on the server fails here, and so does a
// validator stricter than the document; the compile-time half is `Schema<Wire<…>>` in each
// rest-schemas.ts. Runs after the build (dist of the server and the widget packages).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as appointments from '../packages/appointment-picker/dist/providers/rest-schemas.js';
import * as foundItems from '../packages/found-item-search/dist/providers/rest-schemas.js';
import * as payments from '../packages/payment-button/dist/providers/rest-schemas.js';
import * as queue from '../packages/queue-status/dist/providers/rest-schemas.js';
import * as services from '../packages/service-finder/dist/providers/rest-schemas.js';
import { dereference, valueFor } from '../packages/server/dist/test/support/fuzz.js';
import { openApiDocument } from '../scripts/openapi-types.mjs';

const OFFICE_NOT_SHOWN = ['description', 'accessibility', 'exceptions'];

/**
 * Module → validator → what it checks: `METHOD /path status` (the success answer of an operation)
 * or a component schema (events, parts of answers); `ignored`: paths the widget does not read.
 */
const CONTRACTS = {
  'appointment-picker': {
    module: appointments,
    validators: {
      servicesResponse: { checks: ['GET /api/v1/appointments/services 200'] },
      officesResponse: { checks: ['GET /api/v1/appointments/offices 200'] },
      daysResponse: { checks: ['GET /api/v1/appointments/availability 200'] },
      slotsResponse: { checks: ['GET /api/v1/appointments/slots 200'] },
      reservation: { checks: ['POST /api/v1/appointments/reservations 201'] },
      extendResponse: { checks: ['POST /api/v1/appointments/reservations/{id}/extend 200'], ignored: ['id', 'slot'] },
      submitResponse: { checks: ['POST /api/v1/appointments/reservations/{id}/booking 202'] },
      appointment: {
        checks: ['POST /api/v1/appointments/activate 200', 'GET /api/v1/appointments/manage/{token} 200', 'POST /api/v1/appointments/manage/{token}/reschedule 200'],
      },
    },
  },
  'service-finder': {
    module: services,
    validators: {
      servicesResponse: { checks: ['GET /api/v1/services 200', 'GET /api/v1/services/search 200'] },
      categoriesResponse: { checks: ['GET /api/v1/services/categories 200'] },
      town: { checks: ['GET /api/v1/town 200'], ignored: ['name', 'state', 'stateCode', 'timeZone', 'townHall'] },
      service: { checks: ['GET /api/v1/services/{id} 200'] },
      office: { checks: ['GET /api/v1/offices/{id} 200'], ignored: ['name', 'description', 'address', 'phone', 'email', 'exceptions[].closed'] },
      holidays: { checks: ['GET /api/v1/holidays 200'], ignored: ['stateCode', 'from', 'to', 'items[].id'] },
    },
  },
  'payment-button': {
    module: payments,
    validators: {
      payment: { checks: ['POST /api/v1/payments 201', 'GET /api/v1/payments/{id} 200'], ignored: ['description'] },
      summary: { checks: ['POST /api/v1/payments 200', 'PaymentSummary'] },
    },
  },
  'found-item-search': {
    module: foundItems,
    validators: {
      foundItem: { checks: ['GET /api/v1/found-items/{reference} 200'] },
      searchPage: { checks: ['GET /api/v1/found-items 200'] },
      categories: { checks: ['GET /api/v1/found-items/categories 200'] },
      colours: { checks: ['GET /api/v1/found-items/colours 200'] },
      pickupInfo: { checks: ['GET /api/v1/found-items/pickup-info 200'], ignored: OFFICE_NOT_SHOWN.map((f) => `office.${f}`) },
      claimReceipt: { checks: ['POST /api/v1/found-items/{reference}/claims 201'], ignored: OFFICE_NOT_SHOWN.map((f) => `pickup.office.${f}`) },
      lossReportReceipt: { checks: ['POST /api/v1/loss-reports 202'], ignored: ['kind'] },
      lossReport: {
        checks: ['POST /api/v1/loss-reports/activate 200', 'GET /api/v1/loss-reports/manage/{token} 200', 'POST /api/v1/loss-reports/manage/{token}/renew 200'],
      },
    },
  },
  'queue-status': {
    module: queue,
    validators: {
      call: { checks: ['QueueCall'] },
      state: { checks: ['QueueState'], ignored: ['date', 'groups[].serviceMinutes', 'groups[].counters'] },
      ticket: { checks: ['QueueTicket'], ignored: ['group', 'issuedAt', 'position', 'calledAt'] },
    },
  },
};

const document = await openApiDocument();

/** The schema a check names, `$ref`s resolved. */
function schemaOf(check) {
  const operation = /^(GET|POST|PUT|PATCH|DELETE) (\S+) (\d{3})$/.exec(check);
  if (!operation) {
    const schema = document.components.schemas[check];
    assert.ok(schema, `no component schema ${check} in the OpenAPI document`);
    return dereference(document, schema);
  }
  const [, method, path, status] = operation;
  const schema = document.paths[path]?.[method.toLowerCase()]?.responses?.[status]?.content?.['application/json']?.schema;
  assert.ok(schema, `the OpenAPI document has no JSON answer ${status} for ${method} ${path}`);
  return dereference(document, schema);
}

/** The properties a schema declares, those of all its `allOf` parts included. */
const propertiesOf = (schema) => Object.assign({}, schema.properties, ...(schema.allOf ?? []).map(propertiesOf));

/** The sub-schema at `a.b[].c`, or undefined when the document has no such field. */
function schemaAt(schema, path) {
  return path.split('.').reduce((at, step) => {
    const [, name, list] = /^(.+?)(\[\])?$/.exec(step);
    const field = at && propertiesOf(at)[name];
    return list ? field?.items : field;
  }, schema);
}

/** `value` without the fields at `paths`. */
function without(value, paths) {
  const copy = structuredClone(value);
  for (const path of paths) {
    const steps = path.split('.');
    const drop = (at, i) => {
      if (at === null || typeof at !== 'object') return;
      const [, name, list] = /^(.+?)(\[\])?$/.exec(steps[i]);
      if (i === steps.length - 1 && !list) return void delete at[name];
      const next = at[name];
      if (list && Array.isArray(next)) next.forEach((item) => drop(item, i + 1));
      else if (!list) drop(next, i + 1);
    };
    drop(copy, 0);
  }
  return copy;
}

for (const [widget, { module, validators }] of Object.entries(CONTRACTS)) {
  describe(`${widget}: response validators against the OpenAPI document`, () => {
    it('has a contract for every validator it exports', () => {
      assert.deepEqual(Object.keys(module).sort(), Object.keys(validators).sort());
    });

    for (const [name, { checks, ignored = [] }] of Object.entries(validators)) {
      for (const check of checks) {
        it(`${name} takes every ${check} the document allows`, () => {
          const schema = schemaOf(check);
          for (const path of ignored) assert.ok(schemaAt(schema, path), `${name} ignores ${path}, which ${check} does not have (any more)`);
          fc.assert(
            fc.property(valueFor(schema, '', {}), (value) => {
              assert.deepStrictEqual(module[name](value), without(value, ignored));
            }),
            { numRuns: 200 },
          );
        });
      }
    }
  });
}
