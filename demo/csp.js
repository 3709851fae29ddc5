// Plain JavaScript (the CSP page loads no TypeScript): point the source at the demo's Parca.
import { parcaUrl } from './config.js';

const source = document.querySelector('parca-source');
source.url = new URLSearchParams(location.search).get('url') ?? parcaUrl;
const status = document.querySelector('#status');
document.addEventListener('parca-error', (event) => (status.textContent = event.error.message));
document.addEventListener('parca-load', () => (status.textContent = 'loaded'));
