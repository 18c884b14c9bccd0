import { html, nothing, type TemplateResult } from 'lit';

export interface ButtonOptions {
  label: string | TemplateResult;
  onClick?: (event: MouseEvent) => void;
  variant?: 'primary' | 'secondary' | 'link';
  /** Working: the button stays focusable and named, but ignores clicks and says it is busy. */
  busy?: boolean;
  disabled?: boolean;
  /** Always "button" unless asked: inside a host page's <form>, "submit" would send the city's form. */
  type?: 'button' | 'submit';
  part?: string;
  describedBy?: string;
  id?: string;
}

/**
 * A native button. Disabled is expressed with aria-disabled, not `disabled`,
 * so keyboard and screen-reader users can still reach it and hear why.
 */
export function button(options: ButtonOptions): TemplateResult {
  const inert = options.busy || options.disabled;
  const onClick = (event: MouseEvent) => {
    if (inert) {
      event.preventDefault();
      return;
    }
    options.onClick?.(event);
  };
  return html`<button
    id=${options.id ?? nothing}
    class="button button--${options.variant ?? 'primary'}"
    part=${options.part ?? 'button'}
    type=${options.type ?? 'button'}
    aria-disabled=${inert ? 'true' : nothing}
    aria-busy=${options.busy ? 'true' : nothing}
    aria-describedby=${options.describedBy ?? nothing}
    @click=${onClick}
  >
    ${options.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${options.label}
  </button>`;
}
