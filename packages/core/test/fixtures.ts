import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { MuniElement } from '../src/muni-element.js';
import { defineElement } from '../src/define-element.js';
import { ApiError } from '../src/http/errors.js';
import { clientOf } from '../src/http/client-of.js';
import { textField } from '../src/parts/text-field.js';
import { fieldStyles } from '../src/styles/fields.js';
import { coreMessages } from '../src/i18n/core-messages.js';
import { button } from '../src/parts/button.js';
import { errorState, loading, errorSummary } from '../src/parts/notices.js';
import * as s from '../src/http/schema.js';
import '../src/define.js';

/**
 * A minimal widget built only from core parts, the way real widgets are: it
 * asks the server for a town name and keeps a typed name across failures.
 */
export class ProbeWidget extends MuniElement {
  static override styles = [MuniElement.styles, fieldStyles];
  protected readonly messages = coreMessages;
  @state() name = '';
  @state() phase: 'idle' | 'loading' | 'error' | 'done' = 'idle';
  @state() error: ApiError | undefined;
  @state() fieldError: string | undefined;
  @state() result = '';

  protected renderWidget(): TemplateResult {
    const t = this.coreT;
    return html`<form class="stack" novalidate @submit=${(e: Event) => (e.preventDefault(), this.send())}>
      ${errorSummary(t, this.fieldError ? [{ fieldId: 'name', message: this.fieldError }] : [], (id) =>
        this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus(),
      )}
      ${textField({ id: 'name', label: 'Name', value: this.name, onInput: (v) => (this.name = v), required: true, hint: 'Vor- und Nachname', ...(this.fieldError ? { error: this.fieldError } : {}) })}
      ${button({ label: 'Senden', type: 'submit', busy: this.phase === 'loading' })}
      ${this.phase === 'loading' ? loading(t('loading')) : ''}
      ${this.phase === 'error' && this.error ? errorState(t, this.error, 'submit', () => this.send()) : ''}
      ${this.phase === 'done' ? html`<p id="result">${this.result}</p>` : ''}
    </form>`;
  }

  async send(): Promise<void> {
    this.fieldError = this.name.trim() ? undefined : this.coreT('fieldRequired');
    if (this.fieldError) return;
    this.phase = 'loading';
    try {
      const town = await clientOf(this).get('v1/town', { schema: s.object({ name: s.string }) });
      this.result = `${this.name} @ ${town.name}`;
      this.phase = 'done';
      this.announcer.announce(this.result);
    } catch (error) {
      this.error = error as ApiError;
      this.phase = 'error';
    }
  }
}
defineElement('probe-widget', ProbeWidget);

declare global {
  interface HTMLElementTagNameMap {
    'probe-widget': ProbeWidget;
  }
}

/** A fetch stand-in that answers from a queue of responses and records every request. */
export function scriptedFetch(...answers: Array<Response | Error | ((req: Request) => Response | Promise<Response>)>) {
  const requests: Request[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(request);
    return answer.clone();
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });

/** A fetch that never answers until aborted, like a server that hangs. */
export function hangingFetch(): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as typeof fetch;
}

/** Pretends the browser is offline for the duration of `run`. */
export async function whileOffline<T>(run: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  try {
    return await run();
  } finally {
    delete (navigator as unknown as Record<string, unknown>)['onLine'];
  }
}
