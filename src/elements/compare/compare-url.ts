// The compare element's state in the page URL: its mode under `<prefix>.mode` (with `sync-url`), read on connect
// and on back/forward; and what a preset or a swap sets on the sources, written as ONE history entry with the
// mode. A source writes its own keys only for what its elements ask through events; the compare element sets the
// sources' properties (which a source applies without writing or announcing), so it writes their keys itself, the
// way the source would (`<prefix>.type/.selector/.kind/.from/.to/.sum-by` and the point), for each source with
// `sync-url`. Every write starts from the URL as it stands, so the sources' keys and the mode never overwrite
// each other; back and forward are read by each source and by the compare element for its own keys.
import { UrlController } from '../../controllers/url-controller.js';
import { type CompareMode, readCompareMode, readSharedY, writeCompareMode, writeSharedY } from '../../model/compare/compare.js';
import { writePointParams, writeQueryParams } from '../../model/url-state.js';
import type { ParcaSourceElement } from '../source/source.js';

/** The key prefix a source writes under (its `sync-url` value, else its id, else `parca`); undefined without `sync-url`. */
export function sourcePrefix(source: ParcaSourceElement): string | undefined {
  return source.syncUrl == null ? undefined : source.syncUrl || source.id || 'parca';
}

export class CompareUrl extends UrlController {
  /** The mode the URL holds (undefined without `sync-url` or without the key). */
  read(): CompareMode | undefined {
    const prefix = this.prefix();
    return prefix ? readCompareMode(new URLSearchParams(location.search), prefix) : undefined;
  }

  /** Whether the URL asks for a shared y-axis (undefined without `sync-url` or without the key). */
  readSharedY(): boolean | undefined {
    const prefix = this.prefix();
    return prefix ? readSharedY(new URLSearchParams(location.search), prefix) : undefined;
  }

  /** Writes the mode, the shared axis and the queries of `sources` (those with `sync-url`) as one new history entry. */
  write(mode: CompareMode, sources: readonly ParcaSourceElement[] = [], sharedY = false): void {
    let params = new URLSearchParams(location.search);
    for (const source of sources) {
      const prefix = sourcePrefix(source);
      if (!prefix) continue;
      params = writePointParams(writeQueryParams(params, prefix, source.query), prefix, source.query.point);
    }
    const prefix = this.prefix();
    if (prefix) params = writeSharedY(writeCompareMode(params, prefix, mode), prefix, sharedY);
    this.writeParams(params);
  }
}
