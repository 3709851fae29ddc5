// Shows that <parca-source> is connected by listing the profile types its connection finds.
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { ParcaError } from '../src/client/errors.js';
import type { ParcaSourceElement } from '../src/elements/source/source.js';
import { parcaUrl } from './config.js';

const source = document.querySelector<ParcaSourceElement>('#local')!;
const status = document.querySelector('#status')!;
const list = document.querySelector('#types')!;

source.url = new URLSearchParams(location.search).get('url') ?? parcaUrl;
await source.updateComplete;

try {
  const now = Date.now();
  const { types } = await source.connection!.profileTypes({ start: timestampFromMs(now - 3_600_000), end: timestampFromMs(now) });
  status.textContent = `Connected to ${source.connection!.url}: ${types.length} profile types.`;
  list.replaceChildren(
    ...types.map((type) => {
      const item = document.createElement('li');
      item.textContent = `${type.name} — ${type.sampleType} (${type.sampleUnit})${type.delta ? ', delta' : ''}`;
      return item;
    }),
  );
} catch (error) {
  status.textContent = error instanceof ParcaError ? error.message : String(error);
}
