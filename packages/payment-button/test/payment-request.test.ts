import { expect } from '@open-wc/testing';
import { requestProblems } from '../src/payment-request.js';

const valid = { amount: '2500', currency: 'EUR', purpose: 'Hundesteuer 2026', reference: '4711-2026-000123', description: undefined };

describe('payment attributes', () => {
  it('accepts a correct button', () => {
    expect(requestProblems(valid)).to.deep.equal([]);
    expect(requestProblems({ ...valid, purpose: "Straßen-Nr. 5/2 (Süd)" })).to.deep.equal([]);
  });

  it('wants whole cents within the platform’s range', () => {
    expect(requestProblems({ ...valid, amount: undefined })).to.deep.equal([{ field: 'amount', code: 'missing' }]);
    for (const amount of ['25,00', '25.5', '-3', '1e3']) expect(requestProblems({ ...valid, amount }), amount).to.deep.equal([{ field: 'amount', code: 'not-cents' }]);
    expect(requestProblems({ ...valid, amount: '0' })).to.deep.equal([{ field: 'amount', code: 'out-of-range' }]);
    expect(requestProblems({ ...valid, amount: '1000001' })).to.deep.equal([{ field: 'amount', code: 'out-of-range' }]);
  });

  it('holds the purpose to 27 characters of the SEPA set with umlauts, naming the bad ones', () => {
    expect(requestProblems({ ...valid, purpose: 'x'.repeat(28) })).to.deep.equal([{ field: 'purpose', code: 'too-long' }]);
    expect(requestProblems({ ...valid, purpose: 'Gebühr & <Zone> €' })).to.deep.equal([{ field: 'purpose', code: 'characters', characters: '& < > €' }]);
  });

  it('reports every problem at once', () => {
    expect(requestProblems({ amount: 'x', currency: 'USD', purpose: '', reference: 'a b', description: 'x'.repeat(251) }).map((p) => p.field)).to.deep.equal([
      'amount',
      'currency',
      'purpose',
      'reference',
      'description',
    ]);
  });
});
