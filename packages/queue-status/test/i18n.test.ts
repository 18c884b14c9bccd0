import { expect } from '@open-wc/testing';
import { missingKeys } from '@muni-widgets/core';
import { queueMessages } from '../src/i18n/messages.js';
import { parseTicketLink } from '../src/ticket-link.js';

describe('queue status messages and links', () => {
  it('has every message in every language', async () => {
    expect(await missingKeys(queueMessages)).to.deep.equal([]);
  });

  it('reads the ticket link', () => {
    expect(parseTicketLink('A-042.K7M2P9')).to.deep.equal({ number: 'A-042', code: 'K7M2P9' });
    expect(parseTicketLink('a-042 k7m2p9')).to.deep.equal({ number: 'A-042', code: 'K7M2P9' });
    expect(parseTicketLink('A-042')).to.equal(undefined);
    expect(parseTicketLink('A-042.K7M2P0')).to.equal(undefined, '0 is not in the code alphabet');
  });
});
