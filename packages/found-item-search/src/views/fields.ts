import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface SelectOptions {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  optionalText?: string;
}

/** A native select with label and error in the same shadow root, styled like core's text fields. */
export function select(o: SelectOptions): TemplateResult {
  const errorId = o.error ? `${o.id}-error` : undefined;
  return html`<div class="field" part="field">
    <label class="field__label" part="label" for=${o.id}
      >${o.label}${!o.required && o.optionalText ? html` <span class="muted">(${o.optionalText})</span>` : nothing}</label
    >
    ${o.error ? html`<span class="field__error" part="error" id=${errorId!}>${o.error}</span>` : nothing}
    <select
      id=${o.id}
      class="field__input"
      part="input"
      ?required=${o.required}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${errorId ?? nothing}
      .value=${live(o.value)}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
  </div>`;
}

/** The consent checkbox: its error sits next to it and is named by it. */
export function checkbox(o: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; error?: string | undefined }): TemplateResult {
  const errorId = `${o.id}-error`;
  return html`<div class="checkbox" part="field">
    ${o.error ? html`<span class="field__error" part="error" id=${errorId}>${o.error}</span>` : nothing}
    <div class="checkbox__row">
      <input
        type="checkbox"
        id=${o.id}
        .checked=${live(o.checked)}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${o.error ? errorId : nothing}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for=${o.id}>${o.label}</label>
    </div>
  </div>`;
}
