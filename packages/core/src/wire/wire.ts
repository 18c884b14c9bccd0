import type { components } from './api.js';

/**
 * A shape of the open widget API as the server's OpenAPI document defines it (generated into
 * `api.ts`). Providers name their wire types through this, so a changed server schema shows up as
 * a type error in the widget that reads it.
 */
export type Wire<Name extends keyof components['schemas']> = components['schemas'][Name];

/** `T` with the keys `K` optional: for a provider interface that other backends fill with less than the server sends. */
export type Loosen<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
