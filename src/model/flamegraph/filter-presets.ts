// Parca's filter presets (its UI ships these nine, Parca v0.28.0), written here as data: one click hides a
// runtime's or a library's frames, or drops stacks a wallclock profile expects to be off-CPU. A preset is applied
// as its filters, before the page's own. Pure: no DOM.
import type { FrameFilter } from './filters.js';

export interface FilterPreset {
  /** The key a page writes (`presets="hide_libc"`), also in the URL. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly filters: readonly FrameFilter[];
  /** The profile types it is offered for; every type when absent. */
  readonly profileTypes?: readonly string[];
}

const WALLCLOCK = ['parca_agent:wallclock:nanoseconds:samples:count:delta'];

const frame = (field: FrameFilter['field'], match: FrameFilter['match'], value: string): FrameFilter => ({ field, match, value, scope: 'frame' });
const stack = (field: FrameFilter['field'], match: FrameFilter['match'], value: string): FrameFilter => ({ field, match, value, scope: 'stack' });

export const FILTER_PRESETS: readonly FilterPreset[] = [
  {
    key: 'go_runtime_expected_off_cpu',
    name: 'Go Runtime Expected Off-CPU',
    description: 'Excludes expected Go runtime blocking functions',
    profileTypes: WALLCLOCK,
    filters: [stack('function_name', 'not_equal', 'runtime.usleep'), stack('function_name', 'not_equal', 'runtime.futex')],
  },
  {
    key: 'rust_runtime_expected_off_cpu',
    name: 'Rust Expected Off-CPU',
    description: 'Excludes expected Rust runtime blocking functions',
    profileTypes: WALLCLOCK,
    filters: [
      stack('function_name', 'not_equal', 'parking_lot_core::thread_parker::imp::ThreadParker::futex_wait'),
      stack('function_name', 'not_equal', 'tokio::runtime::time::Driver::park_internal'),
      stack('function_name', 'not_equal', 'futex_wait'),
    ],
  },
  {
    key: 'hide_v8_internals',
    name: 'Hide V8 internals',
    description: 'Excludes Node.js and V8 internal functions from the profile',
    filters: [frame('binary', 'not_contains', 'node'), frame('function_name', 'not_contains', 'V8')],
  },
  {
    key: 'hide_cuda_internals',
    name: 'Hide CUDA Internals',
    description: 'Excludes CUDA and NVIDIA GPU driver internal functions from the profile',
    filters: [
      frame('binary', 'not_contains', 'libcudnn_engines_precompiled.so'),
      frame('binary', 'not_contains', 'libcupti.so'),
      frame('binary', 'not_contains', 'libcudart.so'),
      frame('binary', 'not_contains', 'libcuda.so'),
      frame('binary', 'not_contains', 'libcudnn.so'),
      frame('binary', 'not_contains', 'libcudnn_graph.so'),
      frame('binary', 'not_contains', 'libparcagpucupti.so'),
      frame('binary', 'not_starts_with', 'libcublas'),
    ],
  },
  {
    key: 'hide_python_internals',
    name: 'Hide Python Internals',
    description: 'Excludes Python interpreter internal functions from the profile',
    filters: [
      frame('binary', 'not_contains', 'python3'),
      frame('function_name', 'not_equal', '<interpreter trampoline>'),
      frame('function_name', 'not_equal', '<module>'),
    ],
  },
  {
    key: 'hide_libc',
    name: 'Hide libc',
    description: 'Excludes C standard library functions from the profile',
    filters: [frame('binary', 'not_contains', 'libc.so')],
  },
  {
    key: 'hide_tokio_frames',
    name: 'Hide Tokio Frames',
    description: 'Excludes Tokio runtime frames from the profile',
    filters: [
      frame('function_name', 'not_starts_with', 'tokio::'),
      frame('function_name', 'not_starts_with', '<tokio::'),
      frame('function_name', 'not_contains', 'tokio::runtime'),
    ],
  },
  {
    key: 'hide_rust_futures',
    name: 'Hide Rust Futures Infrastructure',
    description: 'Excludes Rust futures infrastructure frames from the profile',
    filters: [
      frame('function_name', 'not_starts_with', 'future'),
      frame('function_name', 'not_starts_with', '<future'),
      frame('function_name', 'not_contains', 'futures_core'),
      frame('function_name', 'not_contains', 'core::future::future::Future'),
      frame('function_name', 'not_starts_with', 'poll'),
      frame('function_name', 'not_starts_with', 'try_poll'),
      frame('function_name', 'not_starts_with', '{closure#'),
      frame('function_name', 'not_starts_with', '{async_block#'),
      frame('function_name', 'not_equal', 'invoke'),
      frame('function_name', 'not_equal', 'run'),
      frame('function_name', 'not_starts_with', '{async_fn#'),
    ],
  },
  {
    key: 'hide_rust_panic_backtrace',
    name: 'Hide Rust Panic Backtrace Infrastructure',
    description: 'Excludes Rust panic and backtrace infrastructure frames from the profile',
    filters: [
      frame('function_name', 'not_starts_with', 'std::panic'),
      frame('function_name', 'not_starts_with', '<core::panic'),
      frame('function_name', 'not_starts_with', 'std::sys::backtrace'),
      frame('function_name', 'not_starts_with', 'catch_unwind<'),
      frame('function_name', 'not_starts_with', 'call_once<'),
      frame('function_name', 'not_starts_with', 'do_call<'),
    ],
  },
];

/** The presets offered for a profile type (all of them when there is none yet). */
export function presetsFor(profileType: string): FilterPreset[] {
  return FILTER_PRESETS.filter((preset) => !profileType || !preset.profileTypes || preset.profileTypes.includes(profileType));
}

/** The filters of the presets named by `keys`, in order, and the keys no preset has. */
export function presetFilters(keys: readonly string[]): { filters: FrameFilter[]; unknown: string[] } {
  const filters: FrameFilter[] = [];
  const unknown: string[] = [];
  for (const key of keys) {
    const preset = FILTER_PRESETS.find((p) => p.key === key);
    if (preset) filters.push(...preset.filters);
    else unknown.push(key);
  }
  return { filters, unknown };
}
