import type { StorybookConfig } from '@storybook/web-components-vite';

// TypeScript goes through Vite's esbuild, which reads the root tsconfig.json
// (experimentalDecorators, useDefineForClassFields: false): no viteFinal needed.
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // Storybook's own manager, docs and axe chunks exceed Vite's 500 kB hint; ours are small.
  viteFinal: (config) => ({ ...config, build: { ...config.build, chunkSizeWarningLimit: 1500 } }),
};

export default config;
