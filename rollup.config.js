// CDN build: one self-contained, minified ES module per widget (Lit inlined) plus
// muni-widgets.js, which loads each widget on first use (or muni-widgets-full.js, all of them, for pages with several). Input is tsc's output (packages/*/dist), so the
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
const FULL = '\0muni-widgets-full';

/**
 * The full bundle is the autoloader (packages/core/src/autoload.ts), loading the per-widget
 * bundle of each tag on a page the first time the tag appears: a page with one widget transfers
 * that widget's bundle and the loader, not every widget. The bundles are the files beside it.
 */
function allWidgets() {
  const loaders = Object.keys(bundles).map((tag) => `${JSON.stringify(tag)}: () => import(${JSON.stringify(`./${tag}.js`)})`);
  const sources = {
    [ALL]: `import { autoload } from './packages/core/dist/autoload.js';\nautoload({\n${loaders.join(',\n')}\n}, () => import('./muni-widgets-full.js'));`,
    // Every widget with Lit and core once: what a page with several different widgets loads. Not
    // <muni-provider>: as in each widget's bundle, a widget inside one loads it on demand (provider-on-demand.ts).
    [FULL]: Object.entries(bundles)
      .filter(([tag]) => tag !== 'muni-provider')
      .map(([, input]) => `import ${JSON.stringify(`./${input}`)};`)
      .join('\n'),
  };
  return {
    name: 'muni-widgets-all',
    // The loader's imports name the bundles beside it, never modules to bundle.
    resolveId: (id, importer) => (id in sources ? id : importer === ALL && id.startsWith('./muni-') ? { id, external: true } : null),
    load: (id) => sources[id] ?? null,
  };
}

/**
 * Lit's own plugin strips the whitespace and comments terser leaves in html`` and css``
 * literals. Conservatively: runs of whitespace become one space but never vanish, because a
 * template's edge may be the space between two words (html`${description} `).
 */
const literalOptions = { failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } };

/** Three compress passes: about 450 B less min+gzip on the full bundle than one, for seconds of build time. */
function cdnBundle(name, input) {
  return {
    input,
    plugins: [allWidgets(), minifyLiterals(literalOptions), nodeResolve({ exportConditions: ['browser', 'production'] }), terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 3 } })],
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
  cdnBundle('muni-widgets-full', FULL),
];
