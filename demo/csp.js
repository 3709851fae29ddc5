// Plain JavaScript (the CSP page loads no TypeScript): the source takes a connection made with the bundle's own
// createConnection, as a page with no build step would make one.
import { createConnection } from '../dist/parca-elements.bundle.js';
import { parcaUrl } from './config.js';

const source = document.querySelector('parca-source');
source.connection = createConnection({ url: new URLSearchParams(location.search).get('url') ?? parcaUrl, name: 'local Parca' });
const status = document.querySelector('#status');
document.addEventListener('parca-error', (event) => (status.textContent = event.error.message));
document.addEventListener('parca-load', () => (status.textContent = 'loaded'));
