/** A fresh key for one creating request; callers keep it to make a retry the same request. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
