// Everything a person (or a host page) may want to know about one frame, read from the model on demand.
import type { FlamegraphModel } from './decode.js';
import { frameName } from './names.js';

export interface FrameDetails {
  /** The row in the model (valid for the model it came from only). */
  readonly row: number;
  readonly name: string;
  /** The function's system (mangled) name, when it differs. */
  readonly systemName: string;
  readonly depth: number;
  readonly cumulative: number;
  readonly flat: number;
  readonly diff: number;
  readonly file: string;
  /** 0 when unknown. */
  readonly line: number;
  /** The binary's path. */
  readonly binary: string;
  readonly buildId: string;
  /** Hexadecimal, '' when unknown. */
  readonly address: string;
  readonly inlined: boolean;
  /** The root's cumulative value, for percentages. */
  readonly total: number;
}

export function frameDetails(model: FlamegraphModel, row: number): FrameDetails {
  const address = model.locationAddress.big(row);
  return {
    row,
    name: frameName(model, row),
    systemName: model.functionSystemName.value(row),
    depth: model.depth[row]!,
    cumulative: model.cumulative[row]!,
    flat: model.flat[row]!,
    diff: model.diff[row]!,
    file: model.functionFileName.value(row),
    line: model.locationLine[row]!,
    binary: model.mappingFile.value(row),
    buildId: model.mappingBuildId.value(row),
    address: address ? `0x${address.toString(16)}` : '',
    inlined: model.inlined[row] === 1,
    total: model.total,
  };
}
