import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FragmentRoute } from '../src/controllers/fragment-route.js';

class RouteProbe extends LitElement {
  changes = 0;
  renders = 0;
  readonly route = new FragmentRoute(this, 'muni-service', () => this.changes++);
  override render() {
    this.renders++;
    return this.route.href({ kind: 'az' });
  }
}
customElements.define('fragment-route-probe', RouteProbe);

class QueueProbe extends LitElement {
  readonly route = new FragmentRoute(this, 'muni-queue');
}
customElements.define('fragment-route-queue-probe', QueueProbe);

const hashChange = () => new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));

describe('FragmentRoute', () => {
  let probe: RouteProbe;
  beforeEach(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}#muni-queue=ticket:A-042.K7M2P9&top`);
    probe = document.body.appendChild(new RouteProbe());
  });
  afterEach(() => {
    probe.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('writes only its own key, pushing a step the citizen takes, replacing otherwise', () => {
    const entries = history.length;
    probe.route.go({ kind: 'service', arg: 'x' }, true);
    expect(location.hash).to.equal('#muni-queue=ticket:A-042.K7M2P9&top&muni-service=service:x');
    expect(history.length).to.equal(entries + 1);
    probe.route.go({ kind: 'az' });
    expect(location.hash).to.equal('#muni-queue=ticket:A-042.K7M2P9&top&muni-service=az');
    probe.route.go({ kind: 'az' }, true);
    expect(history.length).to.equal(entries + 1, 'nothing pushed when nothing changes');
    probe.route.go();
    expect(location.hash).to.equal('#muni-queue=ticket:A-042.K7M2P9&top');
    expect(probe.route.href({ kind: 'category', arg: 'familie' })).to.equal('#muni-queue=ticket:A-042.K7M2P9&top&muni-service=category:familie');
    expect(probe.changes).to.equal(0, 'its own writes are no news to it');
  });

  it('hears its own key change under it (Back, Forward, a link), and nothing of other widgets’ keys', async () => {
    probe.route.go({ kind: 'service', arg: 'x' }, true);
    let changed = hashChange();
    location.hash = location.hash.replace('A-042', 'B-001');
    await changed;
    expect(probe.changes).to.equal(0);
    changed = hashChange();
    history.back();
    await changed;
    expect(probe.route.route).to.deep.equal({ kind: 'service', arg: 'x' });
    expect(probe.changes).to.equal(0, 'Back across another widget’s step');
    changed = hashChange();
    history.back();
    await changed;
    expect(probe.route.route).to.equal(undefined);
    expect(probe.changes).to.equal(1);
    changed = hashChange();
    history.forward();
    await changed;
    expect(probe.route.route).to.deep.equal({ kind: 'service', arg: 'x' });
    expect(probe.changes).to.equal(2);
  });

  it('re-renders when another widget writes its key, so its own links never carry a stale fragment', async () => {
    await probe.updateComplete;
    const queue = document.body.appendChild(new QueueProbe());
    const renders = probe.renders;
    queue.route.go({ kind: 'ticket', arg: 'B-001.K7M2P9' }, true);
    await probe.updateComplete;
    queue.remove();
    expect(probe.renders).to.equal(renders + 1);
    expect(probe.shadowRoot!.textContent).to.equal('#top&muni-queue=ticket:B-001.K7M2P9&muni-service=az');
    expect(probe.changes).to.equal(0);
  });

  it('stops listening when the host leaves the page', async () => {
    probe.remove();
    const changed = hashChange();
    location.hash = 'muni-service=az';
    await changed;
    expect(probe.changes).to.equal(0);
  });
});
