// Development-only warnings. Bundlers replace the `development` export condition's checks; in this module
// the switch is a global a production build defines as false (see rollup.config.mjs).
declare const PARCA_ELEMENTS_DEV: boolean | undefined;

const enabled = typeof PARCA_ELEMENTS_DEV === 'undefined' ? true : PARCA_ELEMENTS_DEV;
/** True in development; guard dev-only work with it so a production build drops the code, not just the output. */
export const DEV = enabled;
const said = new Set<string>();

/** Warns once per message, in development builds only. */
export function devWarn(message: string): void {
  if (!enabled || said.has(message)) return;
  said.add(message);
  console.warn(`parca-elements: ${message}`);
}
