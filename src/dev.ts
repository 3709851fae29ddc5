// Development-only warnings. Which file `#dev-mode` is comes from package.json's `imports` by export condition:
// src/dev-mode/development.ts under `development`, production.ts otherwise, so npm users get the warnings while
// developing and none in what they ship.
export { DEV, devWarn } from '#dev-mode';
