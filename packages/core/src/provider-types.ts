/** Shapes that every widget's provider interface shares. */

/** The last argument of every provider call that reads: `{ signal }` aborts it. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Who books, claims or reports: what the office needs to reach them. */
export interface Contact {
  name: string;
  email: string;
  phone?: string;
}
