import { importTs } from './run-ts.mjs';

const { recordDemoProfile } = await importTs('scripts/record-demo-profile.ts');
await recordDemoProfile();
