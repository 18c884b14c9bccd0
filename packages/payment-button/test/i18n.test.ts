import { expect } from '@open-wc/testing';
import { missingKeys } from '@muni-widgets/core';
import { paymentMessages } from '../src/i18n/messages.js';
import { outcomeMessages } from '../src/i18n/outcome-messages.js';
import { describeProblem } from '../src/i18n/editor-problems.js';
import type { RequestProblem } from '../src/payment-request.js';

describe('payment button messages', () => {
  it('has every message in every language', async () => {
    expect(await missingKeys(paymentMessages)).to.deep.equal([]);
    expect(await missingKeys(outcomeMessages)).to.deep.equal([]);
  });

  it('words every attribute problem in both languages', () => {
    const problems: RequestProblem[] = [
      { field: 'amount', code: 'missing' },
      { field: 'amount', code: 'not-cents' },
      { field: 'amount', code: 'out-of-range' },
      { field: 'currency', code: 'unsupported' },
      { field: 'purpose', code: 'missing' },
      { field: 'purpose', code: 'too-long' },
      { field: 'purpose', code: 'characters', characters: '&' },
      { field: 'reference', code: 'missing' },
      { field: 'reference', code: 'format' },
      { field: 'description', code: 'too-long' },
    ];
    for (const problem of problems) {
      for (const locale of ['de', 'en'] as const) expect(describeProblem(problem, locale), `${locale} ${JSON.stringify(problem)}`).to.be.a('string').and.not.equal('');
    }
  });
});
