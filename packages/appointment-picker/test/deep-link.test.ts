import { expect } from '@open-wc/testing';
import { readDeepLink, withoutDeepLink } from '../src/deep-link.js';
import { LONG_KEY, mailLink } from './fixtures/zms/responses.js';

describe('deep links', () => {
  it('reads the picker’s own fragment and keeps what else the page put there', () => {
    expect(readDeepLink('#muni-appointment=activate:abc&x=1')).to.deep.equal({ kind: 'activate', token: 'abc' });
    expect(readDeepLink('#muni-appointment=service:a,b')).to.deep.equal({ kind: 'service', ids: ['a', 'b'] });
    expect(withoutDeepLink('#muni-appointment=manage:abc&x=1')).to.equal('#x=1');
  });

  it('reads the links of ZMS mails: #/appointment/confirm/<base64> activates, #/appointment/<base64> manages', () => {
    // PHP's base64 may carry + / and = (here: a 64-hex key gives a long token).
    const token = mailLink(101002, LONG_KEY);
    expect(readDeepLink(`#/appointment/confirm/${token}`)).to.deep.equal({ kind: 'activate', token });
    expect(readDeepLink(`#/appointment/${token}`)).to.deep.equal({ kind: 'manage', token });
    expect(readDeepLink('#/appointment/confirm/eyJpZCI6MX0%3D')).to.deep.equal({ kind: 'activate', token: 'eyJpZCI6MX0=' });
    expect(withoutDeepLink(`#/appointment/confirm/${token}`)).to.equal('');
  });

  it('ignores in-page links that only look similar', () => {
    expect(readDeepLink('#/appointment/')).to.equal(undefined);
    expect(readDeepLink('#appointment/confirm/abc')).to.equal(undefined);
  });
});
