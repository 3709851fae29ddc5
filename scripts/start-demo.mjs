// `npm start`: a local Parca (or PARCA_URL), a dev server for demo/, and the URL to open. Ctrl+C stops all.
import { importTs } from './run-ts.mjs';

const { startDemo } = await importTs('scripts/demo-server.ts');
await startDemo();
