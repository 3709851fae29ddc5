// Production mode: what `#dev-mode` resolves to by default (npm users' production builds, Node, the one-file
// bundle). A constant false lets bundlers drop every `if (DEV)` branch with the messages in it.
import type * as Development from './development.js';

export const DEV: typeof Development.DEV = false;

export const devWarn: typeof Development.devWarn = () => {};
