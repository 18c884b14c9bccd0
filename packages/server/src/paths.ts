import { fileURLToPath } from 'node:url';

/**
 * SQL migrations ship as plain files next to package.json and are read at runtime rather than
 * copied into dist/; compiled code runs from dist/src/, two levels below the package root.
 */
export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));
