// Builds this app with Vite and fails on anything it logs as a warning or error (an unresolved or missing
// module, a misused export condition): a consumer's build must be clean.
import { build, createLogger } from 'vite';

const logger = createLogger('warn');
// Collected and printed once at the end, as the reason the consumer failed.
const said = [];
for (const level of ['warn', 'warnOnce', 'error']) logger[level] = (message) => said.push(message);
try {
  // Size is not what this checks: the app carries React or the whole library in one chunk.
  await build({ root: process.cwd(), logLevel: 'warn', customLogger: logger, build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 } });
} catch (error) {
  said.push(error.message);
}
if (said.length) {
  console.error(`vite build said:\n${said.join('\n')}`);
  process.exit(1);
}
