import { expect } from '@open-wc/testing';
import { missingKeys } from '@muni-widgets/core';
import { pickerMessages } from '../src/i18n/messages.js';
import { previousKeptMessages } from '../src/i18n/previous-kept-messages.js';

describe('appointment picker messages', () => {
  it('has every message in every language', async () => {
    expect(await missingKeys(pickerMessages)).to.deep.equal([]);
    expect(await missingKeys(previousKeptMessages)).to.deep.equal([]);
  });
});
