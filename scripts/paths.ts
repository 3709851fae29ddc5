// The project's root folder. Scripts run as bundles from a cache folder (see run-ts.mjs), so their own
// import.meta.url does not say where the project is; run-ts.mjs records it in the environment instead.
import { resolve } from 'node:path';

export const projectRoot: string = resolve(process.env.PARCA_ELEMENTS_ROOT ?? process.cwd());
