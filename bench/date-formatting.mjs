// Why widgets format dates with Intl.DateTimeFormat instead of date-fns' format():
// bundles the same German and English output both ways and prints min and min+gzip bytes.
// Run: node bench/date-formatting.mjs
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const variants = {
  'date-fns format + TZDate + de/enGB locales': `
    import { format } from 'date-fns';
    import { de, enGB } from 'date-fns/locale';
    import { TZDate } from '@date-fns/tz';
    export const show = (t, l) => format(new TZDate(t, 'Europe/Berlin'), 'EEEE, d. MMMM yyyy, H:mm', { locale: l === 'de' ? de : enGB });`,
  'Intl.DateTimeFormat': `
    export const show = (t, l) => new Intl.DateTimeFormat(l === 'de' ? 'de-DE' : 'en-GB',
      { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(t);`,
};

console.log('variant'.padEnd(46), 'min'.padStart(8), 'min+gzip'.padStart(9));
for (const [name, contents] of Object.entries(variants)) {
  const result = await build({ stdin: { contents, resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', write: false });
  const code = result.outputFiles[0].contents;
  console.log(name.padEnd(46), String(code.length).padStart(8), String(gzipSync(code, { level: 9 }).length).padStart(9));
}
