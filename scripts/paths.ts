// The project's root folder, for the scripts' TypeScript (paths.mjs says the same for their .mjs files).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');
