import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { ApiError, button, errorState, errorSummary, loading, notice, textField, type Locale } from '../packages/core/src/index.js';
import './support/story-widget.js';
import type { StoryContent, StoryWidget } from './support/story-widget.js';

interface PartsArgs {
  theme: 'light' | 'dark';
}

/** Example wording of a widget; the core messages (errors, loading, …) come from core's catalogs. */
const texts = {
  de: {
    book: 'Termin buchen',
    back: 'Zurück',
    details: 'Details anzeigen',
    sending: 'Wird gesendet …',
    next: 'Weiter',
    nextBlocked: 'Bitte wählen Sie zuerst eine Uhrzeit.',
    name: 'Vor- und Nachname',
    nameHint: 'So, wie er im Ausweis steht.',
    phone: 'Telefonnummer',
    email: 'E-Mail-Adresse',
    emailHint: 'Dorthin schicken wir die Terminbestätigung.',
    infoTitle: 'Bitte bringen Sie Ihren Ausweis mit',
    infoBody: 'Ohne Ausweis können wir Ihr Anliegen nicht bearbeiten.',
    successTitle: 'Ihr Termin ist gebucht',
    successBody: 'Die Bestätigung ist unterwegs an Ihre E-Mail-Adresse.',
    warningTitle: 'Nur noch wenige freie Termine',
    warningBody: 'In dieser Woche sind noch 3 Termine frei.',
    errorTitle: 'Dieser Termin ist nicht mehr frei',
    errorBody: 'Bitte wählen Sie eine andere Uhrzeit.',
  },
  en: {
    book: 'Book appointment',
    back: 'Back',
    details: 'Show details',
    sending: 'Sending …',
    next: 'Next',
    nextBlocked: 'Please choose a time first.',
    name: 'Full name',
    nameHint: 'As it appears on your ID.',
    phone: 'Phone number',
    email: 'Email address',
    emailHint: 'We send the confirmation there.',
    infoTitle: 'Please bring your ID',
    infoBody: 'We cannot process your request without it.',
    successTitle: 'Your appointment is booked',
    successBody: 'The confirmation is on its way to your email address.',
    warningTitle: 'Only a few appointments left',
    warningBody: 'There are 3 free appointments this week.',
    errorTitle: 'This appointment is no longer available',
    errorBody: 'Please choose another time.',
  },
} satisfies Record<Locale, Record<string, string>>;

const textsOf = (widget: StoryWidget) => texts[widget.effectiveLocale];
const onInput = action('input');

const buttons: StoryContent = (widget) => {
  const x = textsOf(widget);
  return html`<div class="row">
      ${button({ label: x.book, onClick: action('click') })} ${button({ label: x.back, variant: 'secondary' })}
      ${button({ label: x.details, variant: 'link' })} ${button({ label: x.sending, busy: true })}
      ${button({ label: x.next, disabled: true, describedBy: 'next-blocked' })}
    </div>
    <p class="muted" id="next-blocked">${x.nextBlocked}</p>`;
};

const fieldsWithHint: StoryContent = (widget) => {
  const x = textsOf(widget);
  return html`<div class="stack">
    ${textField({ id: 'name', label: x.name, hint: x.nameHint, value: '', required: true, autocomplete: 'name', onInput })}
    ${textField({ id: 'phone', label: x.phone, value: '', type: 'tel', autocomplete: 'tel', optionalText: widget.t('optional'), onInput })}
  </div>`;
};

const fieldWithError: StoryContent = (widget) => {
  const x = textsOf(widget);
  return textField({
    id: 'email',
    label: x.email,
    hint: x.emailHint,
    value: 'max.mustermann@',
    error: widget.t('fieldInvalidEmail'),
    type: 'email',
    autocomplete: 'email',
    required: true,
    onInput,
  });
};

/** The summary's entries move focus to their fields, which therefore live in the same shadow root. */
const summary: StoryContent = (widget) => {
  const x = textsOf(widget);
  const focusField = (id: string) => widget.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  return html`<div class="stack">
    ${errorSummary(widget.t, [{ fieldId: 'name', message: widget.t('fieldRequired') }, { fieldId: 'email', message: widget.t('fieldInvalidEmail') }], focusField)}
    ${textField({ id: 'name', label: x.name, value: '', error: widget.t('fieldRequired'), required: true, onInput })}
    ${fieldWithError(widget)}
  </div>`;
};

const notices: StoryContent = (widget) => {
  const x = textsOf(widget);
  return html`<div class="stack">
    ${notice({ variant: 'info', title: x.infoTitle, body: x.infoBody })}
    ${notice({ variant: 'success', title: x.successTitle, body: x.successBody })}
    ${notice({ variant: 'warning', title: x.warningTitle, body: x.warningBody })}
    ${notice({ variant: 'error', title: x.errorTitle, body: x.errorBody })}
  </div>`;
};

const loadingState: StoryContent = (widget) => loading(widget.t('loading'));

/** A network failure can be retried; what the citizen typed stays, and the text says so. */
const retryableError: StoryContent = (widget) => errorState(widget.t, new ApiError('network'), 'submit', action('retry'));

/** Asking again cannot help when what the citizen sent is gone, so no retry is offered. */
const finalError: StoryContent = (widget) => errorState(widget.t, new ApiError('not_found'), 'submit', action('retry'));

/** A load that failed always offers a retry, and a busy server says when to come back. */
const busyError: StoryContent = (widget) => errorState(widget.t, new ApiError('rate_limited', { retryAfterMs: 600_000 }), 'load', action('retry'));

const allParts: StoryContent = (widget) =>
  html`<div class="stack">
    ${[buttons, fieldsWithHint, fieldWithError, notices, loadingState, retryableError].map((part) => part(widget))}
  </div>`;

const inWidget =
  (content: StoryContent) =>
  (args: PartsArgs, { globals }: StoryContext<PartsArgs>) =>
    html`<story-widget backend-url="/api" locale=${globals['locale']} theme=${args.theme} .content=${content}></story-widget>`;

const meta = {
  title: 'Core/Shared parts',
  args: { theme: 'light' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'], description: "The widget's theme attribute" },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The accessible building blocks every widget renders in its shadow root: `button`, `textField`, ' +
          '`notice`, `loading`, `errorState` and `errorSummary` from `@muni-widgets/core`. They take their colours, ' +
          'font and radius from the public `--muni-*` custom properties.',
      },
    },
  },
} satisfies Meta<PartsArgs>;

export default meta;
type Story = StoryObj<PartsArgs>;

export const Buttons: Story = { render: inWidget(buttons) };
export const TextFieldWithHint: Story = { render: inWidget(fieldsWithHint) };
export const TextFieldWithError: Story = { render: inWidget(fieldWithError) };
export const ErrorSummary: Story = { render: inWidget(summary) };
export const Notices: Story = { render: inWidget(notices) };
export const Loading: Story = { render: inWidget(loadingState) };
export const ErrorWithRetry: Story = { render: inWidget(retryableError) };
export const ErrorWithoutRetry: Story = { render: inWidget(finalError) };
export const ServerBusy: Story = { render: inWidget(busyError) };
export const DarkTheme: Story = { args: { theme: 'dark' }, render: inWidget(allParts) };

interface CityArgs extends PartsArgs {
  primary: string;
  onPrimary: string;
  focus: string;
  fontFamily: string;
  radius: string;
}

/**
 * A city's corporate design through the public custom properties. A city sets
 * them in its stylesheet (see demo/assets/musterstadt.css); the style
 * attribute here only wires them to the controls.
 */
export const CityColours: StoryObj<CityArgs> = {
  args: { primary: '#6a1b9a', onPrimary: '#ffffff', focus: '#1f1f1f', fontFamily: 'Georgia, serif', radius: '0' },
  argTypes: {
    primary: { control: 'color' },
    onPrimary: { control: 'color' },
    focus: { control: 'color' },
  },
  render: (args, context) =>
    html`<div
      style=${`--muni-color-primary: ${args.primary}; --muni-color-on-primary: ${args.onPrimary}; ` +
      `--muni-color-focus: ${args.focus}; --muni-font-family: ${args.fontFamily}; --muni-radius: ${args.radius}`}
    >
      ${inWidget(allParts)(args, context)}
    </div>`,
};
