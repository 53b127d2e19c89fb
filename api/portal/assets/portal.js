// The portal's few behaviours that need a script (the page works without them otherwise).
// Copy buttons: <button data-copy="#id-of-input">Copy</button>.
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  if (!button) return;
  const source = document.querySelector(button.getAttribute('data-copy'));
  if (!source) return;
  const text = 'value' in source ? source.value : source.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    if ('select' in source) source.select();
    button.textContent = 'Press Ctrl+C to copy';
  }
});

// A form's buttons rest while it is being sent (the server also acts once per form: api/portal/once.ts).
// Disabled after the browser has taken the pressed button's value; enabled again when the page
// comes back from the history.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.hasAttribute('hx-post') || form.hasAttribute('hx-get')) return;
  setTimeout(() => {
    for (const button of form.querySelectorAll('button[type=submit], button:not([type])')) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
  }, 0);
});
window.addEventListener('pageshow', () => {
  for (const form of document.querySelectorAll('form[aria-busy=true]')) {
    form.removeAttribute('aria-busy');
    for (const button of form.querySelectorAll('button')) button.disabled = false;
  }
});
