import { html, nothing, type TemplateResult } from 'lit';
import { button, errorSummary } from '@muni-widgets/core';
import type { StepContext } from './context.js';

/**
 * Every step is a form with a focusable heading, the error summary, its
 * content and Back/Next. `novalidate` because the widget validates itself and
 * announces errors; submit is handled here so Enter never reaches a host form.
 */
export function stepFrame(
  p: StepContext,
  options: { title: string; body: TemplateResult; next?: { label: string; action: () => void }; back?: () => void },
): TemplateResult {
  const entries = Object.entries(p.fieldErrors).map(([fieldId, message]) => ({ fieldId, message }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    options.next?.action();
  };
  return html`<form class="step stack" novalidate @submit=${onSubmit}>
    <h3 id="step-heading" class="step__title" tabindex="-1">${options.title}</h3>
    ${errorSummary(p.coreT, entries, p.focusField)}
    ${options.body}
    <div class="step__actions">
      ${options.back ? button({ label: p.t('back'), variant: 'secondary', onClick: options.back }) : nothing}
      ${options.next ? button({ label: options.next.label, type: 'submit', busy: p.busy }) : nothing}
    </div>
  </form>`;
}
