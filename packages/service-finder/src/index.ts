export { MuniServiceFinder } from './muni-service-finder.js';
export type * from './provider.js';
export { RestServiceProvider } from './providers/rest.js';
export { MemoryServiceProvider, type MemoryCatalog } from './providers/memory.js';
export { openingState, type OpeningState } from './opening-hours.js';
