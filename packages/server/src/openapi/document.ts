/**
 * Metadata of the open widget API document. Paths and schemas come from the zod route
 * definitions; this adds what the routes cannot know: title, version, servers and the tags that
 * group operations into chapters (a new resource adds its tag here).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
type DocumentConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0];

export const API_TAGS = {
  town: { name: 'Stadt', description: 'Stammdaten der Stadt: Name, Rathaus, Kontakt, Bundesland, Zeitzone.' },
  offices: {
    name: 'Ämter',
    description: 'Dienststellen mit Anschrift, Kontakt, Barrierefreiheit, Öffnungszeiten und Abweichungen davon.',
  },
  appointments: {
    name: 'Termine',
    description:
      'Terminbuchung: Dienstleistungen, Ämter mit Terminvergabe, freie Tage und Zeiten, Reservierungen. ' +
      'Zeiten sind Zeitpunkte nach ISO 8601 mit dem Versatz von Europe/Berlin.',
  },
  services: {
    name: 'Dienstleistungen',
    description: 'Leistungskatalog für den Dienstleistungsfinder: Lebenslagen, Unterlagen, Gebühren, zuständige Ämter, Online-Antrag und Terminbuchung.',
  },
  foundItems: {
    name: 'Fundsachen',
    description:
      'Fundbüro: Fundsachen suchen (nur öffentliche Angaben), „Das gehört mir“ melden, Abholung und Gebühren, ' +
      'Verlustanzeigen, die mit neuen Fundsachen abgeglichen werden (E-Mail bei einem Treffer, Ablauf, Verlängerung, Löschung).',
  },
  foundItemsOffice: {
    name: 'Fundbüro intern',
    description:
      'Für das Fundbüro, nicht für Widgets: Fundsachen mit zurückgehaltenen Merkmalen erfassen, ändern und abschließen. ' +
      'Anmeldung mit `Authorization: Bearer <FOUND_ITEMS_API_KEY>`.',
  },
  payments: {
    name: 'Bezahlen',
    description:
      'Bezahlen über den Bezahldienst der Stadt (XBezahldienste, z. B. ePayBL): Zahlung anlegen, zur Bezahlseite leiten, ' +
      'Ausgang beim Server erfragen. Beträge in Cent; es werden keine personenbezogenen Daten gespeichert.',
  },
  queue: {
    name: 'Warteschlange',
    description:
      'Aufrufsystem eines Amtes: geöffnet oder geschlossen, Wartende und geschätzte Wartezeit je Gruppe, letzte Aufrufe mit Platz, ' +
      '„Meine Nummer“ (Nummer und Code), Live-Stand als Server-Sent Events, Nummer ziehen am Kiosk oder zum Termin einchecken. ' +
      'Keine personenbezogenen Daten.',
  },
  queueStaff: {
    name: 'Warteschlange intern',
    description:
      'Für das Personal am Aufrufsystem, nicht für Widgets: nächste Nummer aufrufen, erneut aufrufen, Bedienung beginnt, erledigt, ' +
      'nicht erschienen. Anmeldung mit `Authorization: Bearer <QUEUE_STAFF_API_KEY>`.',
  },
  security: {
    name: 'Sicherheit',
    description: 'Schutz vor automatisierten Anfragen ohne Dritte: eine Rechenaufgabe (ALTCHA), die der Browser löst.',
  },
  holidays: { name: 'Feiertage', description: 'Gesetzliche Feiertage in Nordrhein-Westfalen, berechnet.' },
  operations: { name: 'Betrieb', description: 'Zustand des Servers für Monitoring und Load Balancer.' },
  development: {
    name: 'Entwicklung',
    description: 'Nur im Entwicklungsmodus (MUNI_DEV_MODE=on, DEV_OUTBOX nicht aus): gesendete E-Mails für manuelle und End-to-End-Tests.',
  },
} as const;

export const OPENAPI_JSON_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

export function openApiDocumentConfig(serverUrl: string): DocumentConfig {
  return {
    openapi: '3.1.0',
    info: {
      title: 'muni-widgets API',
      version: '1.0.0',
      description:
        'Offene Schnittstelle der muni-widgets (Terminbuchung, Dienstleistungsfinder, Fundsachen, Bezahlung, Warteschlange). ' +
        'Alle Pfade sind unter /api/v1 versioniert. Fehler werden als application/problem+json (RFC 9457) gemeldet; ' +
        'das Feld `code` ist maschinenlesbar, `detail` ist deutscher Text. ' +
        'Schreibende Anfragen akzeptieren die Kopfzeile Idempotency-Key. Anfragen sind je Adresse begrenzt (Klassen: Lesen, ' +
        'Suchen, Schreiben, Seiten, Zustand; Live-Verbindungen nach Anzahl); darüber antwortet der Server 429 mit Retry-After.',
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: serverUrl }],
    tags: Object.values(API_TAGS).map((tag) => ({ ...tag })),
  };
}

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The rate limiter answers before any route, so no route declares its 429: every operation gets
 * it here, with Retry-After. Routes that declare it themselves keep theirs.
 */
export function withRateLimitResponses<T extends { paths?: Record<string, unknown> }>(document: T): T {
  for (const item of Object.values(document.paths ?? {}) as Array<Record<string, { responses?: Record<string, unknown> } | undefined>>) {
    for (const method of OPERATION_METHODS) {
      const operation = item[method];
      if (!operation?.responses || operation.responses['429']) continue;
      operation.responses['429'] = {
        description: 'Zu viele Anfragen von dieser Adresse (Budget je Anfrageklasse, siehe README „Rate limits“)',
        headers: { 'Retry-After': { description: 'Sekunden bis zum nächsten Versuch', schema: { type: 'integer', minimum: 1 } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
  return document;
}
