// `npm start`: a local Parca (or PARCA_URL), a dev server for demo/, and the URL to open. Ctrl+C stops all.
import '../register-ts.mjs';
import { parcaProblem, report } from '../test/prerequisites.mjs';

// A bare machine: say what to install (Go, or a Parca to point at) instead of failing later with a stack trace.
if (!report([await parcaProblem({ urlSuffices: true })])) process.exit(1);
const { startDemo } = await import('./server.ts');
await startDemo();
