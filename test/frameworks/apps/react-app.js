// A tiny React 19 app that uses muni widgets the way a city's React front end would: the npm
// packages' define modules, properties from state, widget events as `on<event-name>` props.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@muni-widgets/service-finder/define.js';
import '@muni-widgets/payment-button/define.js';

function App() {
  const [locale, setLocale] = useState('de');
  const [opened, setOpened] = useState([]);
  return h(
    'main',
    null,
    h('h1', null, 'React 19 app'),
    h('button', { type: 'button', id: 'to-english', onClick: () => setLocale('en') }, 'English'),
    h('muni-service-finder', {
      // React 19 sets these as properties, because the element has them (it is defined before render).
      backendUrl: '/api',
      locale,
      // React 19 adds a listener for `on` + the event name on custom elements.
      'onmuni-service-opened': (event) => setOpened((list) => [...list, event.detail.name]),
    }),
    h('muni-payment-button', { backendUrl: '/api', locale, amount: '1250', purpose: 'Parkausweis', reference: '5210-2026-000002' }),
    h('p', null, 'Geöffnet: ', h('output', { id: 'opened' }, opened.join(' | '))),
  );
}

createRoot(document.getElementById('app')).render(h(App));
