import '../register-ts.mjs';

const { recordDemoProfile } = await import('./record-profile.ts');
await recordDemoProfile();
