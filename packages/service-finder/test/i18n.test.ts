import { expect } from '@open-wc/testing';
import { missingKeys } from '@muni-widgets/core';
import { finderMessages } from '../src/i18n/messages.js';

describe('service finder messages', () => {
  it('has every message in every language', async () => {
    expect(await missingKeys(finderMessages)).to.deep.equal([]);
  });
});
