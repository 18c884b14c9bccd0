/** Text folding for search and matching; DOM-free, so the server imports it too (`@muni-widgets/core/text`). */
export { foldChunks, foldWords, foldText, foldLoosely } from './fold.js';
