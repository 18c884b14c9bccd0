// Counts every attempt to submit or reset the host page's form, and stops it, so a test can
// see whether anything inside a widget reached the host form.
const form = document.getElementById('host-form');
const count = (id) => {
  const out = document.getElementById(id);
  out.textContent = String(Number(out.textContent) + 1);
};
form.addEventListener('submit', (event) => {
  event.preventDefault();
  count('submits');
});
form.addEventListener('reset', (event) => {
  event.preventDefault();
  count('resets');
});
