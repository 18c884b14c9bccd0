// Content the CMS loads after the page (an accordion, an AJAX teaser): a mount-form div that
// appears once the bundle has long run.
setTimeout(() => {
  const slot = document.createElement('div');
  slot.setAttribute('data-muni-widget', 'service-finder');
  slot.setAttribute('data-backend-url', '/api');
  slot.setAttribute('data-locale', 'en');
  slot.id = 'late-widget';
  document.getElementById('late-content').append(slot);
}, 300);
