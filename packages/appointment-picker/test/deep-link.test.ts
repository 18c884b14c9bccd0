import { expect } from '@open-wc/testing';
import { appointmentRoute, readDeepLink } from '../src/deep-link.js';
import { LONG_KEY, mailLink } from './fixtures/zms/responses.js';

const read = (hash: string) => readDeepLink(appointmentRoute(hash));

describe('deep links', () => {
  it('reads the picker’s own part of the fragment', () => {
    expect(read('#muni-appointment=activate:abc&x=1')).to.deep.equal({ kind: 'activate', token: 'abc' });
    expect(read('#x=1&muni-appointment=service:a,b')).to.deep.equal({ kind: 'service', ids: ['a', 'b'] });
    expect(read('#muni-appointment=service%3Aa%2Cb')).to.deep.equal({ kind: 'service', ids: ['a', 'b'] });
  });

  it('reads the links of ZMS mails: #/appointment/confirm/<base64> activates, #/appointment/<base64> manages', () => {
    // PHP's base64 may carry + / and = (here: a 64-hex key gives a long token).
    const token = mailLink(101002, LONG_KEY);
    expect(read(`#/appointment/confirm/${token}`)).to.deep.equal({ kind: 'activate', token });
    expect(read(`#/appointment/${token}`)).to.deep.equal({ kind: 'manage', token });
    expect(read('#/appointment/confirm/eyJpZCI6MX0%3D')).to.deep.equal({ kind: 'activate', token: 'eyJpZCI6MX0=' });
  });

  it('ignores in-page links that only look similar, and broken escapes', () => {
    expect(read('#/appointment/')).to.equal(undefined);
    expect(read('#appointment/confirm/abc')).to.equal(undefined);
    expect(read('#/appointment/confirm/%E0%A4%A')).to.equal(undefined);
    expect(read('#muni-appointment=manage')).to.equal(undefined);
  });
});
