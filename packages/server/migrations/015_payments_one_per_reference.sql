-- No double payment: a Kassenzeichen has at most one payment that is open or paid. Enforced
-- here, not only in code, so that concurrent creates on several server processes cannot get
-- past it. References the city lets be paid several times (PAYMENT_REPEATABLE_REFERENCES)
-- are written with exclusive_reference = false and stay outside the index.
ALTER TABLE payments ADD COLUMN exclusive_reference boolean NOT NULL DEFAULT true;
-- Payments from before this rule: of several open or paid ones for one Kassenzeichen, only one
-- takes part (the newest paid one, else the newest), so the index can be built; the others
-- stay as they are.
UPDATE payments p
   SET exclusive_reference = false
 WHERE p.status IN ('creating', 'redirect', 'paid')
   AND EXISTS (SELECT 1 FROM payments q
                WHERE q.reference = p.reference AND q.status IN ('creating', 'redirect', 'paid')
                  AND (q.status = 'paid', q.created_at, q.id) > (p.status = 'paid', p.created_at, p.id));
CREATE UNIQUE INDEX payments_one_per_reference ON payments (reference)
  WHERE exclusive_reference AND status IN ('creating', 'redirect', 'paid');

-- The sandbox's pay page is the payer's capability: its URL carries this secret, which only the
-- creating request's answer contains; the transaction id alone opens nothing.
ALTER TABLE sandbox_transactions ADD COLUMN pay_token text NOT NULL DEFAULT gen_random_uuid()::text;
