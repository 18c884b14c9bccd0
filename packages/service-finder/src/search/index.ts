/**
 * Search for `<muni-service-finder>`: `@muni-widgets/service-finder/search`.
 *
 * Pure TypeScript without DOM or dependencies, so the widget (in the browser, offline once the
 * catalogue is loaded) and the reference server (for catalogues too large to ship) rank with
 * the same code.
 *
 * ```ts
 * const index = createServiceIndex(catalog.services, { categoryNames: { 'familie-kinder': 'Familie & Kinder' } });
 * index.search('perso', { limit: 5 }); // [{ service: { id: 'personalausweis-beantragen', … }, score: 2.1 }, …]
 * ```
 */
export {
  createServiceIndex,
  DEFAULT_SEARCH_LIMIT,
  type SearchHit,
  type SearchOptions,
  type ServiceIndex,
  type ServiceIndexOptions,
} from './service-index.js';
export { foldText, foldWords } from '@muni-widgets/core/text';
export { boundedEditDistance } from './edit-distance.js';
