/**
 * Where each resource is mounted. A new resource is one file in this folder plus one line here.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.js';
import { bookingRoutes } from './appointment-bookings.js';
import { botChallengeRoutes } from './bot-challenge.js';
import { reservationRoutes } from './appointment-reservations.js';
import { appointmentRoutes } from './appointments.js';
import type { RouteDeps } from './deps.js';
import { outboxApiRoutes, outboxPageRoutes } from './dev-outbox.js';
import { foundItemOfficeRoutes } from './found-items-office.js';
import { foundItemRoutes } from './found-items.js';
import { healthRoutes } from './health.js';
import { holidayRoutes } from './holidays.js';
import { lossReportRoutes } from './loss-reports.js';
import { officeRoutes } from './offices.js';
import { paymentSandboxRoutes } from './payment-sandbox.js';
import { paymentRoutes } from './payments.js';
import { queueStaffRoutes } from './queue-staff.js';
import { queueRoutes } from './queue.js';
import { serviceRoutes } from './services.js';
import { townRoutes } from './town.js';

type RouteFactory = (deps: RouteDeps) => OpenAPIHono<AppEnv>;

/** The versioned widget API under /api/v1. */
const API_V1: RouteFactory[] = [townRoutes, officeRoutes, holidayRoutes, botChallengeRoutes, appointmentRoutes, reservationRoutes, bookingRoutes, serviceRoutes, paymentRoutes, foundItemRoutes, lossReportRoutes, foundItemOfficeRoutes, queueRoutes, queueStaffRoutes];

export function mountRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDeps): void {
  app.route('/api', healthRoutes(deps));
  for (const routes of API_V1) app.route('/api/v1', routes(deps));
  // The test-mode payment platform; a stand-in for the city's, so outside /api.
  if (deps.config.payments.sandbox) app.route('/', paymentSandboxRoutes(deps));
  if (deps.config.mail.devOutbox) {
    app.route('/api', outboxApiRoutes(deps));
    app.route('/', outboxPageRoutes(deps));
  }
}
