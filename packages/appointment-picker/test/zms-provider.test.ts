import { expect } from '@open-wc/testing';
import { HttpClient } from '@muni-widgets/core';
import { json, scriptedFetch } from '../../core/test/fixtures.js';
import { ZmsAppointmentProvider } from '../src/providers/zms.js';
import type { AppointmentProvider, Reservation } from '../src/provider.js';
import {
  LONG_KEY,
  T1,
  T2,
  T3,
  calendar,
  captchaChallenge,
  captchaRefused,
  captchaVerified,
  emptyCalendar,
  errors,
  mailLink,
  officesAndServices,
  process,
  reservedProcess,
} from './fixtures/zms/responses.js';
import { apiFailure } from '../../core/test/api-failure.js';

const BASE = 'https://stadt.example/buergeransicht/api/citizen/';
const NOW = Date.parse('2026-11-23T12:00:00Z');

type Answer = Response | ((req: Request) => Response);
function setup(...answers: Answer[]) {
  const scripted = scriptedFetch(...answers);
  const client = new HttpClient({ baseUrl: BASE, fetch: scripted.fetch, retries: 0 });
  const provider = new ZmsAppointmentProvider({ client, now: () => NOW });
  return { provider, requests: scripted.requests };
}
const path = (req: Request) => new URL(req.url).pathname.replace('/buergeransicht/api/citizen', '');
const query = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);
const body = async (req: Request) => JSON.parse(await req.clone().text()) as Record<string, unknown>;


const services = [{ serviceId: '1063423', count: 2 }];
const slot = { id: `10546@${T1}`, start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T08:40:00.000Z', officeId: '10546' };
const reservation: Reservation = { id: '101002', secret: 'fb43', slot, expiresAt: '2026-11-23T12:20:00.000Z' };
const details = { contact: { name: 'Erika Mustermann', email: 'erika@example.org', phone: '0891234567' }, fields: { customTextfield: '2021-04-01' }, consent: true, returnUrl: 'https://muenchen.example/gewerbe' };

describe('ZmsAppointmentProvider', () => {
  it('maps /offices-and-services/ onto services and offices, loading it once', async () => {
    const { provider, requests } = setup(json(officesAndServices));
    const list = await provider.services();
    expect(list).to.deep.equal([
      {
        id: '1063423',
        name: 'Gewerbeanmeldung',
        durationMinutes: 20, // 2 slots x 10 min at 10546 (the longer office wins)
        maxCount: 3,
        officeIds: ['10546', '10547'],
        fields: [{ id: 'customTextfield', label: 'Geburtsdatum des Kindes', type: 'text', required: true }],
      },
      { id: '1063424', name: 'Gewerbeabmeldung', durationMinutes: 10, maxCount: 1, officeIds: ['10546', '10548'], fields: [{ id: 'customTextfield', label: 'Geburtsdatum des Kindes', type: 'text', required: true }] },
    ]);
    expect(await provider.offices()).to.deep.equal([
      { id: '10546', name: 'Gewerbeamt (KVR-III/21)', street: 'Implerstraße 11', postalCode: '81371', city: 'Muenchen' },
      { id: '10547', name: 'Bürgerbüro Ruppertstraße', street: 'Implerstraße 19', postalCode: '81371', city: 'Muenchen' },
      { id: '10548', name: 'Bürgerbüro Orleansplatz', street: 'Implerstraße 3', postalCode: '81371', city: 'Muenchen', phoneRequired: true },
    ]);
    expect(requests.map((r) => `${r.method} ${path(r)}`)).to.deep.equal(['GET /offices-and-services/']);
  });

  it('counts free start times per day from /available-calendar/, with CSV ids and counts', async () => {
    const { provider, requests } = setup(json(officesAndServices), json(calendar));
    const days = await provider.availability({ services, from: '2026-12-01', to: '2026-12-31' });
    expect(days).to.deep.equal([
      { date: '2026-12-03', free: 3 },
      { date: '2026-12-04', free: 1 },
    ]);
    expect(path(requests[1]!)).to.equal('/available-calendar/');
    expect(query(requests[1]!)).to.deep.equal({ startDate: '2026-12-01', endDate: '2026-12-31', officeIds: '10546,10547', serviceIds: '1063423', serviceCounts: '2' });
  });

  it('asks for one office when one is chosen, and treats an empty calendar as no days', async () => {
    const { provider, requests } = setup(json(officesAndServices), json(emptyCalendar));
    expect(await provider.availability({ services, officeId: '10546', from: '2026-12-01', to: '2026-12-31' })).to.deep.equal([]);
    expect(query(requests[1]!)['officeIds']).to.equal('10546');
  });

  it('turns unix seconds into slots whose id encodes office and timestamp', async () => {
    const { provider, requests } = setup(json(officesAndServices), json(calendar));
    const slots = await provider.slots({ services, date: '2026-12-03' });
    expect(slots).to.deep.equal([
      { id: `10546@${T1}`, start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T08:40:00.000Z', officeId: '10546' },
      { id: `10547@${T1}`, start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T08:20:00.000Z', officeId: '10547' },
      { id: `10546@${T2}`, start: '2026-12-03T08:20:00.000Z', end: '2026-12-03T09:00:00.000Z', officeId: '10546' },
    ]);
    expect(query(requests[1]!)).to.include({ startDate: '2026-12-03', endDate: '2026-12-03' });
  });

  it('reserves with integer ids, count arrays and unix seconds; processId/authKey become id/secret', async () => {
    const { provider, requests } = setup(json(officesAndServices), json(reservedProcess));
    const held = await provider.reserve({ services, slot });
    const req = requests[1]!;
    expect(`${req.method} ${path(req)}`).to.equal('POST /reserve-appointment/');
    expect(await body(req)).to.deep.equal({ officeId: 10546, serviceId: [1063423], serviceCount: [2], timestamp: T1 });
    // scope.reservationDuration = 20 minutes in the response
    expect(held).to.deep.equal({ id: '101002', secret: 'fb43', slot, expiresAt: '2026-11-23T12:20:00.000Z' });
  });

  it('falls back to the configured hold time when the scope does not say', async () => {
    const scripted = scriptedFetch(json(officesAndServices), json(process('reserved', { scope: { ...officesAndServices.offices[1]!.scope } })));
    const provider = new ZmsAppointmentProvider({ client: new HttpClient({ baseUrl: BASE, fetch: scripted.fetch }), now: () => NOW, reservationMinutes: 15 });
    expect((await provider.reserve({ services, slot })).expiresAt).to.equal('2026-11-23T12:15:00.000Z');
  });

  it('maps appointmentNotAvailable on reserve to conflict slot_taken', async () => {
    const { provider } = setup(json(officesAndServices), json(errors.appointmentNotAvailable, 404));
    const error = await apiFailure(provider.reserve({ services, slot }));
    expect(error.kind).to.equal('conflict');
    expect(error.code).to.equal('slot_taken');
    expect(error.status).to.equal(404);
  });

  it('refuses a malformed reserve response as malformed', async () => {
    const { provider } = setup(json(officesAndServices), json({ processId: 'x', authKey: 'fb43' }));
    expect((await apiFailure(provider.reserve({ services, slot }))).kind).to.equal('malformed');
  });

  it('submits: update-appointment with contact and custom field, then preconfirm-appointment', async () => {
    const { provider, requests } = setup(json(process('reserved')), json(process('preconfirmed')));
    const result = await provider.submit(reservation, details);
    expect(result).to.deep.equal({ kind: 'activation-sent', expiresAt: '2026-11-23T13:00:00.000Z' });
    expect(requests.map((r) => `${r.method} ${path(r)}`)).to.deep.equal(['POST /update-appointment/', 'POST /preconfirm-appointment/']);
    expect(await body(requests[0]!)).to.deep.equal({
      processId: 101002,
      authKey: 'fb43',
      familyName: 'Erika Mustermann',
      email: 'erika@example.org',
      telephone: '0891234567',
      customTextfield: '2021-04-01',
    });
    expect(await body(requests[1]!)).to.deep.equal({ processId: 101002, authKey: 'fb43' });
  });

  it('refuses to submit without consent, before asking ZMS', async () => {
    const { provider, requests } = setup(json(process('reserved')));
    const error = await apiFailure(provider.submit(reservation, { ...details, consent: false }));
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors.map((e) => e.field)).to.deep.equal(['consent']);
    expect(requests).to.have.length(0);
  });

  it('maps a lapsed reservation on submit to conflict reservation_expired', async () => {
    const { provider } = setup(json(errors.processNotReservedAnymore, 409));
    const error = await apiFailure(provider.submit(reservation, details));
    expect([error.kind, error.code]).to.deep.equal(['conflict', 'reservation_expired']);
  });

  it("places ZMS field complaints at the picker's contact and detail fields, in the citizen's language", async () => {
    const { provider } = setup(json(errors.invalidContact, 400));
    const mapped = await apiFailure(provider.submit(reservation, details));
    expect(mapped.kind).to.equal('validation');
    expect(mapped.fieldErrors.map((e) => [e.field, e.code])).to.deep.equal([
      ['contact.name', 'invalidFamilyName'],
      ['contact.email', 'invalidEmail'],
      ['contact.phone', 'invalidTelephone'],
      ['fields.customTextfield', 'invalidCustomTextfield'],
    ]);
    // ZMS speaks English and names its parameters; the citizen reads what the rule is.
    expect(mapped.fieldErrors[2]!.message).to.equal('Bitte geben Sie die Telefonnummer mit 7 bis 15 Ziffern an, gern mit + am Anfang.');
  });

  it("places the office's required phone (406 telephoneIsRequired) at the phone field", async () => {
    const { provider } = setup(json(errors.telephoneIsRequired, 406));
    const mapped = await apiFailure(provider.submit(reservation, details));
    expect([mapped.kind, mapped.fieldErrors.map((e) => e.field)]).to.deep.equal(['validation', ['contact.phone']]);
  });

  it('sends the phone number the way ZMS validates it: digits and a leading + only', async () => {
    const { provider, requests } = setup(json(process('reserved')), json(process('preconfirmed')));
    await provider.submit(reservation, { ...details, contact: { ...details.contact, phone: '+49 (89) 123-45/67' } });
    expect((await body(requests[0]!))['telephone']).to.equal('+4989123456' + '7');
  });

  it('maps a reservation deleted by the cron job (404 appointmentNotFound) on submit to reservation_expired', async () => {
    const { provider } = setup(json(errors.appointmentNotFound, 404));
    const error = await apiFailure(provider.submit(reservation, details));
    expect([error.kind, error.code]).to.deep.equal(['conflict', 'reservation_expired']);
  });

  it('activates through confirm-appointment with the processId:authKey token', async () => {
    const { provider, requests } = setup(json(process('confirmed')), json(officesAndServices));
    const appointment = await provider.activate('101002:fb43');
    expect(`${requests[0]!.method} ${path(requests[0]!)}`).to.equal('POST /confirm-appointment/');
    expect(await body(requests[0]!)).to.deep.equal({ processId: 101002, authKey: 'fb43' });
    expect(appointment).to.deep.equal({
      id: '101002',
      status: 'confirmed',
      services: [{ serviceId: '1063423', count: 2, name: 'Gewerbeanmeldung' }],
      office: { id: '10546', name: 'Gewerbeamt (KVR-III/21)', street: 'Implerstraße 11', postalCode: '81371', city: 'Muenchen' },
      slot: { id: `10546@${T1}`, start: '2026-12-03T08:00:00.000Z', end: '2026-12-03T08:40:00.000Z', officeId: '10546' },
      managementToken: '101002:fb43',
    });
  });

  it('reads an appointment by processId and authKey query, and maps not found', async () => {
    const { provider, requests } = setup(json(process('deleted')), json(officesAndServices), json(errors.appointmentNotFound, 404));
    expect((await provider.appointment('101002:fb43')).status).to.equal('cancelled');
    expect(path(requests[0]!)).to.equal('/appointment/');
    expect(query(requests[0]!)).to.deep.equal({ processId: '101002', authKey: 'fb43' });
    const error = await apiFailure(provider.appointment('101002:fb43'));
    expect([error.kind, error.code]).to.deep.equal(['not_found', 'appointment_not_found']);
    expect((await apiFailure(provider.appointment('garbage'))).kind).to.equal('not_found');
  });

  it('maps a wrong authKey (406) to not_found', async () => {
    const { provider } = setup(json(errors.authKeyMismatch, 406));
    const error = await apiFailure(provider.appointment('101002:zzzz'));
    expect([error.kind, error.code]).to.deep.equal(['not_found', 'appointment_not_found']);
  });

  it('cancels through cancel-appointment, and maps a past appointment to conflict not_cancellable', async () => {
    const { provider, requests } = setup(json(process('deleted')), json(errors.appointmentCanNotBeCanceled, 406));
    await provider.cancel('101002:fb43');
    expect(`${requests[0]!.method} ${path(requests[0]!)}`).to.equal('POST /cancel-appointment/');
    expect(await body(requests[0]!)).to.deep.equal({ processId: 101002, authKey: 'fb43' });
    const error = await apiFailure(provider.cancel('101002:fb43'));
    expect([error.kind, error.code]).to.deep.equal(['conflict', 'not_cancellable']);
  });

  it('releases a reservation through cancel-appointment and treats gone as released', async () => {
    const { provider, requests } = setup(json(process('deleted')), json(errors.appointmentNotFound, 404));
    await provider.release(reservation);
    await provider.release(reservation);
    expect(requests.map((r) => path(r))).to.deep.equal(['/cancel-appointment/', '/cancel-appointment/']);
    expect(await body(requests[0]!)).to.deep.equal({ processId: 101002, authKey: 'fb43' });
  });

  it('extends by checking the hold is still there, without moving expiresAt', async () => {
    const { provider, requests } = setup(json(process('reserved')), json(process('preconfirmed')));
    expect(await provider.extend(reservation)).to.deep.equal(reservation);
    expect(query(requests[0]!)).to.deep.equal({ processId: '101002', authKey: 'fb43' });
    expect((await apiFailure(provider.extend(reservation))).code).to.equal('reservation_expired');
  });

  const moved = { processId: 101003, authKey: 'ab12', timestamp: String(T3) };
  const newReservation: Reservation = { id: '101003', secret: 'ab12', slot: { ...slot, id: `10546@${T3}` }, expiresAt: '2026-11-23T12:20:00.000Z' };

  it('reschedules as ZMS does: copy contact onto the new reservation, confirm it (no preconfirm), then cancel the old one', async () => {
    const { provider, requests } = setup(
      json(process('confirmed')),
      json(process('reserved', moved)),
      json(process('confirmed', moved)),
      json(process('deleted')),
      json(officesAndServices),
    );
    const { appointment, previousKept } = await provider.reschedule('101002:fb43', newReservation);
    expect(previousKept).to.equal(false);
    expect(requests.map((r) => `${r.method} ${path(r)}`)).to.deep.equal([
      'GET /appointment/',
      'POST /update-appointment/',
      'POST /confirm-appointment/',
      'POST /cancel-appointment/',
      'GET /offices-and-services/',
    ]);
    expect(await body(requests[1]!)).to.deep.equal({ processId: 101003, authKey: 'ab12', familyName: 'TEST_USER', email: 'test@muenchen.de', telephone: '123456789' });
    expect(await body(requests[3]!)).to.deep.equal({ processId: 101002, authKey: 'fb43' });
    expect(appointment.managementToken).to.equal('101003:ab12');
    expect(appointment.slot.start).to.equal('2026-12-04T09:00:00.000Z');
  });

  it('never cancels the newly confirmed appointment when cancelling the old one fails', async () => {
    const { provider, requests } = setup(
      json(process('confirmed')),
      json(process('reserved', moved)),
      json(process('confirmed', moved)),
      json(errors.appointmentCanNotBeCanceled, 406),
      json(officesAndServices),
    );
    const { appointment, previousKept } = await provider.reschedule('101002:fb43', newReservation);
    expect([appointment.id, appointment.status]).to.deep.equal(['101003', 'confirmed']);
    expect(previousKept, 'the picker must tell the citizen').to.equal(true);
    // What the picker does with a hold after a failed step: for the confirmed process, nothing.
    await provider.release(newReservation);
    const cancels = await Promise.all(requests.filter((r) => path(r) === '/cancel-appointment/').map(body));
    expect(cancels).to.deep.equal([{ processId: 101002, authKey: 'fb43' }]);
  });

  it('treats 409 processNotPreconfirmedAnymore on activation as already confirmed, as ZMS\'s own front end does', async () => {
    const { provider, requests } = setup(json(errors.processNotPreconfirmedAnymore, 409), json(process('confirmed')), json(officesAndServices));
    const appointment = await provider.activate('101002:fb43');
    expect(appointment.status).to.equal('confirmed');
    expect(requests.map((r) => `${r.method} ${path(r)}`)).to.deep.equal(['POST /confirm-appointment/', 'GET /appointment/', 'GET /offices-and-services/']);
  });

  it('activates from the token of a ZMS mail link (base64 of {id, authKey}) with a 64-hex authKey', async () => {
    const { provider, requests } = setup(json(process('confirmed', { authKey: LONG_KEY })), json(officesAndServices));
    const appointment = await provider.activate(mailLink(101002, LONG_KEY));
    expect(await body(requests[0]!)).to.deep.equal({ processId: 101002, authKey: LONG_KEY });
    expect(appointment.managementToken).to.equal(`101002:${LONG_KEY}`);
  });

  it('refuses authKeys ZMS never issues (only 4 or 64 hex characters), without asking ZMS', async () => {
    const { provider, requests } = setup(json(process('confirmed')));
    for (const token of ['101002:zzzz', '101002:fb43a', `101002:${LONG_KEY}0`, mailLink(101002, 'xyz1'), 'bm9wZQ==']) {
      expect((await apiFailure(provider.appointment(token))).code, token).to.equal('appointment_not_found');
    }
    expect(requests).to.have.length(0);
  });

  it('lists every service of a multi-service appointment (subRequestCounts)', async () => {
    const { provider } = setup(
      json(process('confirmed', { serviceCount: 1, subRequestCounts: [{ id: 1063424, name: 'Gewerbeabmeldung', count: 2 }] })),
      json(officesAndServices),
    );
    const appointment = await provider.appointment('101002:fb43');
    expect(appointment.services).to.deep.equal([
      { serviceId: '1063423', count: 1, name: 'Gewerbeanmeldung' },
      { serviceId: '1063424', count: 2, name: 'Gewerbeabmeldung' },
    ]);
    // 2 slots x 10 min for the main service, 2 x 1 x 10 min for the other.
    expect(appointment.slot.end).to.equal('2026-12-03T08:40:00.000Z');
  });

  it('maps 429 rateLimitExceeded to rate_limited', async () => {
    const { provider } = setup(json(errors.rateLimitExceeded, 429));
    expect((await apiFailure(provider.appointment('101002:fb43'))).kind).to.equal('rate_limited');
  });

  describe('captcha offices (scope.captchaActivatedRequired)', () => {
    const captchaServices = [{ serviceId: '1063424', count: 1 }];
    // The real challenge's shape, made cheap (the fixture's cost 1000 takes seconds per solve).
    const challenge = { ...captchaChallenge, parameters: { ...captchaChallenge.parameters, cost: 1, keyPrefix: '0', expiresAt: null } };

    it('solves the ALTCHA challenge, verifies it and sends the token with available-calendar and reserve', async () => {
      const { provider, requests } = setup(json(officesAndServices), json(challenge), json(captchaVerified), json(calendar), json(reservedProcess));
      await provider.availability({ services: captchaServices, officeId: '10548', from: '2026-12-01', to: '2026-12-31' });
      await provider.reserve({ services: captchaServices, slot: { ...slot, id: `10548@${T1}`, officeId: '10548' } });
      expect(requests.map((r) => `${r.method} ${path(r)}`)).to.deep.equal([
        'GET /offices-and-services/',
        'GET /captcha-challenge/',
        'POST /captcha-verify/',
        'GET /available-calendar/',
        'POST /reserve-appointment/',
      ]);
      const proof = JSON.parse(atob(String((await body(requests[2]!))['payload'])));
      expect(proof.challenge).to.deep.equal(challenge);
      expect(proof.solution).to.have.property('counter');
      expect(query(requests[3]!)['captchaToken']).to.equal(captchaVerified.token);
      expect((await body(requests[4]!))['captchaToken']).to.equal(captchaVerified.token);
    });

    it('asks for a fresh token once when ZMS calls it expired', async () => {
      const { provider, requests } = setup(
        json(officesAndServices),
        json(challenge),
        json(captchaVerified),
        json(errors.captchaExpired, 400),
        json(challenge),
        json({ ...captchaVerified, token: 'fresh' }),
        json(calendar),
      );
      expect(await provider.availability({ services: captchaServices, officeId: '10548', from: '2026-12-01', to: '2026-12-31' })).to.have.length(2);
      expect(query(requests[6]!)['captchaToken']).to.equal('fresh');
    });

    it('gets a token when ZMS wants one the catalog did not announce (400 captchaMissing)', async () => {
      const { provider, requests } = setup(json(officesAndServices), json(errors.captchaMissing, 400), json(challenge), json(captchaVerified), json(reservedProcess));
      expect((await provider.reserve({ services, slot })).id).to.equal('101002');
      expect(requests.map((r) => path(r))).to.deep.equal(['/offices-and-services/', '/reserve-appointment/', '/captcha-challenge/', '/captcha-verify/', '/reserve-appointment/']);
      expect((await body(requests[4]!))['captchaToken']).to.equal(captchaVerified.token);
    });

    it('reports a refused solution, or a token refused twice, as a failed bot check', async () => {
      const refused = setup(json(officesAndServices), json(challenge), json(captchaRefused));
      const error = await apiFailure(refused.provider.availability({ services: captchaServices, officeId: '10548', from: '2026-12-01', to: '2026-12-31' }));
      expect(error.code).to.equal('bot_check_failed');
      const twice = setup(json(officesAndServices), json(errors.captchaMissing, 400), json(challenge), json(captchaVerified), json(errors.captchaMissing, 400));
      expect((await apiFailure(twice.provider.reserve({ services, slot }))).code).to.equal('bot_check_failed');
    });

    it('asks for no captcha at offices that do not require one', async () => {
      const { provider, requests } = setup(json(officesAndServices), json(calendar));
      await provider.availability({ services, officeId: '10546', from: '2026-12-01', to: '2026-12-31' });
      expect(requests.map((r) => path(r))).to.deep.equal(['/offices-and-services/', '/available-calendar/']);
      expect(query(requests[1]!)).to.not.have.property('captchaToken');
    });
  });

  it('leaves bot protection to ZMS', () => {
    const { provider } = setup(json({}));
    expect((provider as AppointmentProvider).botChallenge).to.equal(undefined);
  });
});
