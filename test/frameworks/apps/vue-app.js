// A tiny Vue 3 app that uses muni widgets the way a city's Vue front end would: the npm packages'
// define modules, properties bound from reactive state, widget events as `on…` handlers.
// Render functions (h) need no `isCustomElement` option; templates would (compilerOptions).
import { createApp, h, ref } from 'vue';
import '@muni-widgets/service-finder/define.js';
import '@muni-widgets/payment-button/define.js';

const App = {
  setup() {
    const locale = ref('de');
    const opened = ref([]);
    return () =>
      h('main', null, [
        h('h1', null, 'Vue 3 app'),
        h('button', { type: 'button', id: 'to-english', onClick: () => (locale.value = 'en') }, 'English'),
        h('muni-service-finder', {
          // Vue sets a prop as a DOM property when the custom element has it.
          backendUrl: '/api',
          locale: locale.value,
          // onMuniServiceOpened listens to "muni-service-opened" (Vue hyphenates the name).
          onMuniServiceOpened: (event) => opened.value.push(event.detail.name),
        }),
        h('muni-payment-button', { backendUrl: '/api', locale: locale.value, amount: '1250', purpose: 'Parkausweis', reference: '5210-2026-000002' }),
        h('p', null, ['Geöffnet: ', h('output', { id: 'opened' }, opened.value.join(' | '))]),
      ]);
  },
};

createApp(App).mount('#app');
