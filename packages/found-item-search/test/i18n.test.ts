import { expect } from '@open-wc/testing';
import { missingKeys } from '@muni-widgets/core';
import { foundMessages } from '../src/i18n/messages.js';
import { en } from '../src/i18n/en.js';

describe('found item search messages', () => {
  it('has every message in every language', async () => {
    expect(await missingKeys(foundMessages)).to.deep.equal([]);
  });

  it('counts finds in both languages', () => {
    expect(foundMessages.de.resultCount({ count: 1234 })).to.equal('1.234 Fundsachen');
    expect(foundMessages.de.resultCount({ count: 1 })).to.equal('1 Fundsache');
    expect(en.resultCount({ count: 1234 })).to.equal('1,234 found items');
    expect(en.resultCount({ count: 0 })).to.equal('No found items');
  });
});
