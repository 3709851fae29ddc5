// What the test command and the demo need from the machine besides npm packages: Chromium for the browser tests,
// demo pages and consumer apps, and a Parca (PARCA_URL, PARCA_BIN, a cached build, or Go to build one). Checked
// before anything starts, so a bare machine gets one line saying what to install instead of a stack trace.
import { accessSync, constants } from 'node:fs';

/** The Chromium the scripts launch: CHROME_PATH, else Debian's. */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** Why Chromium cannot be launched, in one line, or undefined when it can. */
export function chromiumProblem() {
  const path = chromiumPath();
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return process.env.CHROME_PATH
      ? `CHROME_PATH=${path} is not an executable Chromium: point it at one, or unset it to use Debian's (apt-get install chromium)`
      : `Chromium is not installed at ${path}: install it (Debian/Ubuntu, as root: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary`;
  }
}

/**
 * Why no Parca binary can be had, in one line, or undefined when one can. The demo can use PARCA_URL instead
 * (`urlSuffices`); the tests start Parcas of their own whatever it says.
 */
export async function parcaProblem({ urlSuffices = false } = {}) {
  if (urlSuffices && process.env.PARCA_URL) return undefined;
  await import('../register-ts.mjs');
  const { parcaProblem: problem } = await import('../parca/install.ts');
  return problem();
}

/** Prints each problem as one `missing: …` line; returns whether there were none. */
export function report(problems) {
  const found = problems.filter(Boolean);
  for (const problem of found) console.error(`missing: ${problem}`);
  return found.length === 0;
}
