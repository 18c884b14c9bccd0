import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Written by `npm run build` (the analyzer), which both Storybook scripts run first.
import manifest from '../custom-elements.json' with { type: 'json' };

interface Member {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}

/**
 * Autodocs turn every class member into a row with a control. Keep the rows a
 * page can actually set: attributes, and public writable properties that no
 * attribute already documents. Internals and read-only getters would only
 * show controls that do nothing.
 */
const settable = (m: Member) =>
  m.kind !== 'field' || ((m.privacy ?? 'public') === 'public' && !m.static && !m.readonly && !m.attribute);

setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations.map((declaration) =>
      'members' in declaration ? { ...declaration, members: (declaration.members as Member[]).filter(settable) } : declaration,
    ),
  })),
});

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // Violations fail the story's accessibility check instead of being listed as to-dos.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'Language of the widgets, passed to their locale attribute',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de' },
};

export default preview;
