import { posix } from 'node:path';

/**
 * Elements register through core's `defineElement(tag, Class)`, which the
 * analyzer does not know, so without this no class would get its `tagName`
 * (and Storybook's autodocs look components up by tag). Records each call the
 * way the analyzer records `customElements.define`; its own link step then
 * sets the tag on the class.
 */
function defineElementCalls() {
  return {
    name: 'muni-define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const imported = context.imports?.find((i) => i.name === klass.text && !i.isBareModuleSpecifier);
      // Source imports say ./x.js; the manifest lists modules by their .ts path.
      const module = imported ? posix.join(posix.dirname(moduleDoc.path), imported.importPath).replace(/\.js$/, '.ts') : moduleDoc.path;
      const definition = { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), definition];
    },
  };
}

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/server/**', '**/*.test.ts', '**/i18n/**', '**/styles/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementCalls()],
};
