// Serves this app with Vite's dev server (the `development` export condition) until killed; prints its URL.
import { createServer } from 'vite';

const server = await createServer({ root: process.cwd(), logLevel: 'warn', server: { host: '127.0.0.1', port: Number(process.argv[2]), strictPort: true } });
await server.listen();
console.log(`READY ${server.resolvedUrls.local[0]}`);
