import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface TextFieldOptions {
  /** Unique within the widget's shadow root; hint and error ids derive from it. */
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Text appended to the label of fields that are not required, e.g. "optional". */
  optionalText?: string;
  type?: 'text' | 'email' | 'tel' | 'search' | 'date' | 'number';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'search';
  multiline?: boolean;
  maxlength?: number;
  onBlur?: () => void;
}

/**
 * Label, hint, control and error in one shadow root, so the ARIA references
 * between them work. The value is the widget's state, bound with `live` so a
 * re-render after an error never overwrites what the citizen is typing.
 */
export function textField(o: TextFieldOptions): TemplateResult {
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  const errorId = o.error ? `${o.id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || nothing;
  const onInput = (event: Event) => o.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = o.multiline
    ? html`<textarea
        id=${o.id}
        class="field__input"
        part="input"
        .value=${live(o.value)}
        ?required=${o.required}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        autocomplete=${o.autocomplete ?? nothing}
        maxlength=${o.maxlength ?? nothing}
        @input=${onInput}
        @blur=${o.onBlur}
      ></textarea>`
    : html`<input
        id=${o.id}
        class="field__input"
        part="input"
        type=${o.type ?? 'text'}
        .value=${live(o.value)}
        ?required=${o.required}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        autocomplete=${o.autocomplete ?? nothing}
        inputmode=${o.inputmode ?? nothing}
        maxlength=${o.maxlength ?? nothing}
        @input=${onInput}
        @blur=${o.onBlur}
      />`;
  return html`<div class="field" part="field">
    <label class="field__label" part="label" for=${o.id}
      >${o.label}${!o.required && o.optionalText ? html` <span class="muted">(${o.optionalText})</span>` : nothing}</label
    >
    ${o.hint ? html`<span class="field__hint" id=${hintId!}>${o.hint}</span>` : nothing}
    ${o.error ? html`<span class="field__error" part="error" id=${errorId!}>${o.error}</span>` : nothing} ${control}
  </div>`;
}
