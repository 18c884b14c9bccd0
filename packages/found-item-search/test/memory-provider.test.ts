import { expect } from '@open-wc/testing';
import { MemoryFoundItemProvider } from '../src/providers/memory.js';
import { daysAgo, generatedFinds, HELD_BACK_MARKERS, memoryData, namedFinds } from './found-fixtures.js';

const provider = () => new MemoryFoundItemProvider(memoryData());
const page = { page: 1, pageSize: 100 };

describe('MemoryFoundItemProvider', () => {
  it('searches like the server: folded words as substrings, open finds only, newest first', async () => {
    const p = provider();
    for (const q of ['börse', 'BOERSE', 'lederborse', 'schwarze leder']) {
      const { items } = await p.search({ q }, page);
      expect(items.map((i) => i.reference), q).to.include('F-2026-00001');
    }
    const all = await p.search({}, page);
    expect(all.items.some((i) => i.reference === 'F-2026-00005'), 'handed over').to.equal(false);
    const dates = all.items.map((i) => i.foundOn);
    expect(dates).to.deep.equal([...dates].sort().reverse());
    expect((await p.search({ place: 'gleis' }, page)).items.map((i) => i.reference)).to.include('F-2026-00001');
    expect((await p.search({ from: daysAgo(2), to: daysAgo(1), category: 'mobiltelefon' }, page)).items.map((i) => i.reference)).to.deep.equal(['F-2026-00002']);
    expect((await p.search({ q: 'GEHEIM' }, page)).total, 'held-back details are not searchable').to.equal(0);
  });

  it('pages', async () => {
    const p = new MemoryFoundItemProvider(memoryData(generatedFinds(45)));
    const third = await p.search({}, { page: 3, pageSize: 20 });
    expect(third).to.include({ total: 45, page: 3, pageSize: 20, pageCount: 3 });
    expect(third.items).to.have.length(5);
  });

  it('projects finds to their public details', async () => {
    const p = provider();
    const phone = (await p.item('F-2026-00002'))!;
    expect(phone.brand, 'brand not public').to.equal(undefined);
    expect(JSON.stringify(await p.search({}, page))).not.to.match(new RegExp(HELD_BACK_MARKERS.join('|')));
    expect((await p.item('F-2026-00001'))!.brand).to.equal('Picard');
  });

  it('matches loss reports by the rule of the server and notifies once per find', async () => {
    const p = new MemoryFoundItemProvider(memoryData(namedFinds()));
    const base = { category: 'geldboerse', lostPlace: 'Bahnhof', contact: { name: 'E M', email: 'e@example.org' }, consent: true as const, returnUrl: 'https://stadt.example/fundbuero.html' };
    const receipt = await p.reportLoss({ ...base, description: 'Schwarze Lederbörse', colour: 'schwarz', lostOn: daysAgo(3) });
    expect(receipt.matches.map((m) => m.reference)).to.deep.equal(['F-2026-00001']);
    const red = await p.reportLoss({ ...base, description: 'Schwarze Lederbörse', colour: 'rot', lostOn: daysAgo(3) });
    expect(red.matches, 'contradicting colour').to.deep.equal([]);
    const later = await p.reportLoss({ ...base, description: 'Schwarze Lederbörse', colour: 'schwarz', lostOn: daysAgo(0) });
    expect(later.matches, 'found before the loss window').to.deep.equal([]);
    const unconfirmed = await p.reportLoss({ ...base, description: 'Schwarze Lederbörse', colour: 'schwarz', lostOn: daysAgo(0), contact: { name: 'X Y', email: 'x@example.org' } });
    // Double opt-in: only reports confirmed through the link in their first mail are matched later.
    for (const mail of p.outbox.filter((m) => m.kind === 'loss-report-activation' && m.reference !== unconfirmed.reference)) {
      await p.activateLossReport(new URL(mail.activateLink!).hash.split('activate:')[1]!);
    }

    const find = p.registerFind({ category: 'geldboerse', colour: 'schwarz', description: 'Lederbörse', foundOn: daysAgo(0), foundPlace: 'Busbahnhof' });
    const mails = p.outbox.filter((m) => m.kind === 'match-found');
    expect(mails.map((m) => m.reference).sort()).to.deep.equal([receipt.reference, later.reference].sort());
    expect(mails[0]!.itemLink).to.equal(`https://stadt.example/fundbuero.html#muni-found-item=item:${find.reference}`);
    const token = new URL(mails[0]!.manageLink!).hash.split('manage:')[1]!;
    const report = await p.lossReport(token);
    expect(report.matches.map((m) => m.reference)).to.include(find.reference);
  });
});
