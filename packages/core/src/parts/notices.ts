import { html, nothing, type TemplateResult } from 'lit';
import { button } from './button.js';
import { errorMessage, offersRetry, type ApiError, type CallPurpose } from '../http/errors.js';
import type { Translate } from '../i18n/translate.js';
import type { CoreMessages } from '../i18n/core-messages.js';

export interface NoticeOptions {
  variant: 'info' | 'error' | 'success' | 'warning';
  title: string;
  body?: string | TemplateResult;
  actions?: TemplateResult;
  /** "alert" for errors that appear after an action; omit for notices present from the start. */
  role?: 'alert' | 'status';
  /** Names the title, which then also takes focus on purpose (tabindex -1), e.g. for an outcome. */
  headingId?: string;
}

export function notice(o: NoticeOptions): TemplateResult {
  return html`<div class="notice notice--${o.variant}" part="notice" role=${o.role ?? nothing}>
    <p class="notice__title" id=${o.headingId ?? nothing} tabindex=${o.headingId ? '-1' : nothing}>${o.title}</p>
    ${o.body ? html`<p class="notice__body">${o.body}</p>` : nothing}
    ${o.actions ? html`<div class="notice__actions">${o.actions}</div>` : nothing}
  </div>`;
}

/** A loading state screen readers hear once, politely. */
export function loading(label: string): TemplateResult {
  return html`<div class="loading" part="loading" role="status"><span class="spinner" aria-hidden="true"></span>${label}</div>`;
}

/**
 * An error the citizen can act on: what happened in plain words and, when a
 * repeat can help, a retry. It never touches form state, so nothing typed is lost.
 */
export function errorState(t: Translate<CoreMessages>, error: ApiError, purpose: CallPurpose, onRetry?: () => void): TemplateResult {
  return notice({
    variant: 'error',
    role: 'alert',
    title: t('errorTitle'),
    body: errorMessage(t, error, purpose),
    ...(onRetry && offersRetry(error, purpose) ? { actions: button({ label: t('retry'), onClick: onRetry, part: 'retry-button' }) } : {}),
  });
}

export interface SummaryEntry {
  fieldId: string;
  message: string;
}

/**
 * The GOV.UK-style error summary: a list of what to fix, each entry moving
 * focus to its field. Fragment links do not reach into shadow roots, so the
 * entries are buttons styled as links that call `focusField`.
 */
export function errorSummary(
  t: Translate<CoreMessages>,
  entries: SummaryEntry[],
  focusField: (id: string) => void,
  headingId = 'error-summary-title',
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<div class="notice notice--error" part="error-summary" role="alert" aria-labelledby=${headingId} tabindex="-1">
    <p class="notice__title" id=${headingId}>${t('errorSummaryTitle', { count: entries.length })}</p>
    <ul>
      ${entries.map((e) => html`<li>${button({ label: e.message, variant: 'link', onClick: () => focusField(e.fieldId) })}</li>`)}
    </ul>
  </div>`;
}
