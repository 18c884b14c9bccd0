// After rollup: precompressed Brotli and gzip next to every script, and dist/cdn/manifest.json
// with the version (for /cdn/<version>/ paths) and the SRI hash of every entry file, printed for
// editors who want `integrity`. The server reads both (packages/server/src/http/cdn-files.ts).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = 'dist/cdn';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(js|map)$/.test(entry.name))
  .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));

let raw = 0;
let brotli = 0;
for (const file of files) {
  const body = readFileSync(join(dir, file));
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  writeFileSync(join(dir, `${file}.br`), br);
  writeFileSync(join(dir, `${file}.gz`), gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
}

const integrity = Object.fromEntries(
  files
    .filter((file) => !file.includes('/') && file.endsWith('.js'))
    .sort()
    .map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`]),
);
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ version, integrity }, null, 2)}\n`);

console.log(`build-cdn: ${files.length} files precompressed (${raw} B, Brotli ${brotli} B); SRI for /cdn/${version}/…:`);
for (const [file, hash] of Object.entries(integrity)) console.log(`  ${file.padEnd(28)} integrity="${hash}"`);
