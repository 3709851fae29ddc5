// `npm run parca -- install`: build or find the Parca binary. `npm run parca -- start`: start a seeded
// Parca on loopback (CORS open to any origin) and keep it running until Ctrl+C.
import '../register-ts.mjs';

const command = process.argv[2] ?? 'start';
if (command === 'install') {
  const { ensureParcaBinary } = await import('./install.ts');
  console.log(ensureParcaBinary());
} else if (command === 'start') {
  const { startParca } = await import('./server.ts');
  const { seedParca } = await import('./seed.ts');
  const parca = await startParca({ corsOrigins: ['*'], scrapeSelf: true, port: Number(process.env.PORT) || undefined });
  const { profiles } = await seedParca(parca.url);
  console.log(`Parca v0.28.0 at ${parca.url}, seeded with ${profiles} profiles. Ctrl+C stops it.`);
} else {
  console.error('usage: node scripts/parca/cli.mjs install|start');
  process.exit(2);
}
