/**
 * Host pages listen to muni events like native ones. Widgets declare theirs
 * by augmenting HTMLElementEventMap, which types both `emit` and the page's
 * `addEventListener`:
 *
 *   declare global { interface HTMLElementEventMap { 'muni-booked': CustomEvent<Booking> } }
 */
export type MuniEvent<T> = CustomEvent<T>;
