// What a user takes away from a flame graph: a file downloaded (PNG, pprof) and a link copied. Failures are of
// their own kind (`export`): the browser refused or could not make what was asked, nothing about the server.
import { ParcaError } from '../../client/errors.js';

/** Saves what `make` builds as a download named `filename`. */
export async function download(make: () => Promise<Blob>, filename: string): Promise<void> {
  let blob: Blob;
  try {
    blob = await make();
  } catch (error) {
    throw error instanceof ParcaError ? error : new ParcaError('export', (error as Error).message);
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The download has started by the next task; the URL is no longer needed then.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** Puts `text` on the clipboard; when the browser does not allow it, the error says the text itself. */
export async function copyText(text: string, what = 'the link'): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new ParcaError('export', `The browser did not allow copying; ${what} is ${text}`);
  }
}
