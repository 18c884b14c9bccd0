export { MuniFoundItemSearch } from './muni-found-item-search.js';
export type * from './provider.js';
export { RestFoundItemProvider } from './providers/rest.js';
export { MemoryFoundItemProvider, type MemoryFind, type MemoryMail, type MemoryFoundItemData } from './providers/memory.js';
export { viewOf, routeOf, type View } from './filters.js';
