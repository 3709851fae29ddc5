// Decodes the `record` property off the critical path: in slices that let the page run in between, keeping the
// previous graph until the new one is ready, and dropping a result when another record replaced it meanwhile.
import type { ReactiveControllerHost } from 'lit';
import type { ParcaError } from '../../client/errors.js';
import { ParcaErrorEvent } from '../../events/error.js';
import { type FlamegraphData, type FlamegraphRecordInput, decodeDataSliced } from './fetch.js';

/** Decodes records of one kind (a flame graph's by default; a flame chart's). */
export class RecordDecoder<I = FlamegraphRecordInput, D = FlamegraphData> {
  /** The last record decoded, until another one is. */
  data: D | undefined;
  /** Why the last record could not be decoded. */
  error: ParcaError | undefined;
  /** The top levels of the record being decoded, while it is (large records only: see decodeDataSliced). */
  preview: D | undefined;
  #input: I | undefined;
  #abort: AbortController | undefined;
  #pending: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly decodeSliced = decodeDataSliced as unknown as (input: I, signal: AbortSignal, onPreview?: (preview: D) => void) => Promise<D>,
    /** Whether the host shows a large record's top levels while the rest decodes (a flame graph does). */
    private readonly previews = false,
  ) {}

  /** The decode under way, if any: it settles once the host has been asked to update. */
  get pending(): Promise<void> | undefined {
    return this.#pending;
  }

  /** Starts decoding `input` (or clears the graph for undefined); a decode under way for another record stops. */
  decode(input: I | undefined): void {
    if (input === this.#input) return;
    this.#cancel();
    this.#input = input;
    this.error = undefined;
    if (!input) {
      this.data = undefined;
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    const showPreview = (preview: D) => {
      if (abort.signal.aborted) return;
      this.preview = preview;
      this.host.requestUpdate();
    };
    const pending = this.decodeSliced(input, abort.signal, this.previews ? showPreview : undefined).then(
      (data) => {
        if (abort.signal.aborted) return;
        this.data = data;
      },
      (error: unknown) => {
        // The last good graph stays, with the error beside it; the page hears of it as of a failed request.
        if (!abort.signal.aborted) this.host.dispatchEvent(new ParcaErrorEvent((this.error = error as ParcaError), undefined));
      },
    );
    this.#pending = pending.finally(() => {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.#pending = undefined;
        this.preview = undefined;
      }
      if (!abort.signal.aborted) this.host.requestUpdate();
    });
  }

  #cancel(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#pending = undefined;
    this.preview = undefined;
  }
}
