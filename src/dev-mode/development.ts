// Development mode: what `#dev-mode` resolves to under the `development` export condition (see package.json's
// `imports`). Dev servers set that condition (Vite's, webpack's in development mode, @web/dev-server here).
const said = new Set<string>();

/** True in development; guard dev-only work with it so a production build drops the code, not just the output. */
export const DEV: boolean = true;

/** Warns once per message, in development only. */
export function devWarn(message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(`parca-elements: ${message}`);
}
