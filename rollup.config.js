// CDN build: one self-contained, minified ES module per widget plus muni-widgets.js
// with all of them, Lit inlined. Input is tsc's output (packages/*/dist), so the
// npm packages and the CDN files are built from the same JavaScript.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/** Each entry registers its elements; widgets add themselves here. */
export const bundles = {
  'muni-provider': 'packages/core/dist/define.js',
  'muni-appointment-picker': 'packages/appointment-picker/dist/define.js',
  'muni-service-finder': 'packages/service-finder/dist/define.js',
  'muni-payment-button': 'packages/payment-button/dist/define.js',
  'muni-found-item-search': 'packages/found-item-search/dist/define.js',
  'muni-queue-status': 'packages/queue-status/dist/define.js',
};

const ALL = '\0muni-widgets-all';

/** The full bundle is just every define module imported once. */
function allWidgets() {
  return {
    name: 'muni-widgets-all',
    resolveId: (id) => (id === ALL ? ALL : null),
    load: (id) => (id === ALL ? Object.values(bundles).map((p) => `import ${JSON.stringify(`./${p}`)};`).join('\n') : null),
  };
}

/**
 * Lit's own plugin strips the whitespace and comments terser leaves in html`` and css``
 * literals. Conservatively: runs of whitespace become one space but never vanish, because a
 * template's edge may be the space between two words (html`${description} `).
 */
const literalOptions = { failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } };

function cdnBundle(name, input) {
  return {
    input,
    plugins: [allWidgets(), minifyLiterals(literalOptions), nodeResolve({ exportConditions: ['browser', 'production'] }), terser({ format: { comments: false }, compress: { passes: 2 }, ecma: 2022, module: true })],
    // Lazily loaded parts (e.g. the ZMS adapter) become chunks beside the bundle; the bundle itself stays one file.
    output: { dir: 'dist/cdn', entryFileNames: `${name}.js`, chunkFileNames: 'chunks/[name]-[hash].js', format: 'es', sourcemap: true },
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  };
}

export default [
  ...Object.entries(bundles).map(([name, input]) => cdnBundle(name, input)),
  cdnBundle('muni-widgets', ALL),
];
