// Points every source on a demo page at the demo's Parca (or ?url=…), and shows errors and loads in a status
// line, as a host page would build its own chrome from the elements' events.
import type { ParcaSourceElement } from '../src/elements/source/source.js';
import { parcaUrl } from './config.js';

const url = new URLSearchParams(location.search).get('url') ?? parcaUrl;
for (const source of document.querySelectorAll<ParcaSourceElement>('parca-source')) {
  if (!source.url) source.url = url;
}

const status = document.querySelector('#status');
if (status) {
  document.addEventListener('parca-error', (event) => {
    status.textContent = `${event.sourceName ?? 'Parca'}: ${event.error.message}`;
  });
  document.addEventListener('parca-load', (event) => {
    status.textContent = `${event.sourceName ?? 'Parca'}: loaded in ${Math.round(event.durationMs)} ms`;
  });
}
