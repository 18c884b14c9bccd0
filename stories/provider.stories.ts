import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Locale, Theme } from '../packages/core/src/index.js';
import '../packages/core/src/define.js';
import './support/story-widget.js';
import type { StoryContent } from './support/story-widget.js';

interface ProviderArgs {
  'backend-url': string;
  /** Documented from the manifest, but set through the toolbar. */
  locale?: Locale;
  'time-zone': string;
  theme: Theme;
}

const labels: Record<Locale, Record<'backend' | 'locale' | 'timeZone' | 'theme', string>> = {
  de: { backend: 'Server', locale: 'Sprache', timeZone: 'Zeitzone', theme: 'Farbschema' },
  en: { backend: 'Backend', locale: 'Language', timeZone: 'Time zone', theme: 'Theme' },
};

/** What a widget resolved from its own attributes, the providers around it and the defaults. */
const resolved: StoryContent = (widget) => {
  const l = labels[widget.effectiveLocale];
  return html`<dl>
    <dt>${l.backend}</dt>
    <dd>${widget.effectiveBackendUrl}</dd>
    <dt>${l.locale}</dt>
    <dd>${widget.effectiveLocale}</dd>
    <dt>${l.timeZone}</dt>
    <dd>${widget.effectiveTimeZone}</dd>
    <dt>${l.theme}</dt>
    <dd>${widget.effectiveTheme}</dd>
  </dl>`;
};

const meta = {
  title: 'Core/Provider',
  component: 'muni-provider',
  args: { 'backend-url': '/api', 'time-zone': 'Europe/Berlin', theme: 'light' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: false },
  },
  render: (args, { globals }) =>
    html`<muni-provider backend-url=${args['backend-url']} locale=${globals['locale']} time-zone=${args['time-zone']} theme=${args.theme}>
      <story-widget .content=${resolved}></story-widget>
    </muni-provider>`,
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/**
 * The widgets in these stories are stand-ins built on `MuniElement`; each lists
 * what it resolved. The toolbar language goes to the provider's `locale` attribute.
 */
export const Default: Story = {};

/** A widget's own attributes beat the provider's, e.g. a neighbouring town's widget on the same page. */
export const WidgetAttributesWin: Story = {
  render: (args, { globals }) =>
    html`<muni-provider backend-url=${args['backend-url']} locale=${globals['locale']} theme=${args.theme}>
      <story-widget .content=${resolved}></story-widget>
      <story-widget
        backend-url="https://termine.nachbarstadt.example/api"
        locale=${globals['locale'] === 'en' ? 'de' : 'en'}
        theme="dark"
        .content=${resolved}
      ></story-widget>
    </muni-provider>`,
};

/** An inner provider inherits what it does not set: here the backend and language come from the outer one. */
export const NestedProviders: Story = {
  render: (args, { globals }) =>
    html`<muni-provider backend-url=${args['backend-url']} locale=${globals['locale']}>
      <muni-provider theme="dark">
        <story-widget .content=${resolved}></story-widget>
      </muni-provider>
    </muni-provider>`,
};

/** No provider and no backend-url: the widget says what is missing instead of half working. */
export const WithoutConfiguration: Story = {
  parameters: { controls: { disable: true } },
  render: (_args, { globals }) => html`<story-widget locale=${globals['locale']} .content=${resolved}></story-widget>`,
};
