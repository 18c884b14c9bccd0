export { MuniElement } from './muni-element.js';
export { MuniProvider } from './muni-provider.js';
export { defineElement } from './define-element.js';
export { mountWidgets } from './mount-widgets.js';
export { muniConfigContext, type MuniConfig, type Theme } from './config-context.js';

export { HttpClient, type HttpClientOptions, type RequestOptions, type Query } from './http/http-client.js';
export { clientOf, type ClientHost } from './http/client-of.js';
export { ApiError, toApiError, errorMessage, offersRetry, type ApiErrorKind, type CallPurpose, type FieldError, type Problem } from './http/errors.js';
export { LatestOnly } from './http/latest.js';
export { newIdempotencyKey } from './http/idempotency-key.js';
export { solveBotChallenge, type BotChallenge } from './bot-proof.js';
export type { CallOptions, Contact } from './provider-types.js';
export * as s from './http/schema.js';
export type { Schema, Infer } from './http/schema.js';
export type { Wire, Loosen } from './wire/wire.js';

export { LOCALES, DEFAULT_LOCALE, toLocale, intlTag, type Locale } from './i18n/locale.js';
export { translator, plural, type Catalog, type CatalogOf, type Message, type Translate } from './i18n/translate.js';
export {
  OFFICE_TIME_ZONE,
  formatLongDate,
  formatDayName,
  formatMonthYear,
  formatShortWeekday,
  formatWeekday,
  formatTime,
  hourInZone,
  clockTimeInZone,
  dayInZone,
  formatMoney,
  formatNumber,
  browserTimeZone,
  zonesDiffer,
  type ZoneOptions,
} from './i18n/format.js';
export { coreMessages, type CoreMessages } from './i18n/core-messages.js';
export { Catalogs, missingKeys } from './i18n/catalogs.js';

export { LiveAnnouncer, type Politeness } from './controllers/live-announcer.js';
export { MediaQueryController } from './controllers/media-query.js';
export { BackendCalls } from './controllers/backend-calls.js';
export { FragmentRoute, returnUrl, setRoute } from './controllers/fragment-route.js';
export { readRoute, routeLink, writeRoute, type FragmentKey, type Route } from './fragment.js';
export { Reload } from './controllers/reload.js';

export { button, type ButtonOptions } from './parts/button.js';
export { textField, type TextFieldOptions } from './parts/text-field.js';
export { notice, loading, errorState, errorSummary, type NoticeOptions, type SummaryEntry } from './parts/notices.js';

export { tokens } from './styles/tokens.js';
export { base } from './styles/base.js';
export { partStyles } from './styles/parts.js';
export { fieldStyles } from './styles/fields.js';
export { viewStyles } from './styles/views.js';
