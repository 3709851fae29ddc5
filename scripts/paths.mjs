// The project's root folder, for the scripts' .mjs files (paths.ts says the same for their TypeScript).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
