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
