import { expect, fixture, html } from '@open-wc/testing';
import { fromBinary } from '@bufbuild/protobuf';
import '../../define.js';
import '../../define/flamegraph.js';
import type { ParcaConnection } from '../../client/connection.js';
import { ProfileSchema } from '../../gen/perftools/profiles/profile_pb.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { frameName } from '../../model/flamegraph/names.js';
import { gunzipIfNeeded } from '../../test-support/pprof-reference.js';
import { recordingConnection } from '../../test-support/recording-connection.js';
import { createDiffColorer, diffLevel, relativeChange, slotOfLevel } from '../../model/flamegraph/diff-colors.js';
import type { FrameFilter } from '../../model/flamegraph/filters.js';
import { formatPercent } from '../../model/units.js';
import { spanOf } from '../../model/flamegraph/layout.js';
import { exactNameSearch, searchFlamegraph } from '../../model/flamegraph/search.js';
import { SEED_INSTANCES } from '../../../scripts/parca/seed-plan.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';
import { isoTime, flamegraphSettled } from '../../test-support/elements.js';
import { canvasOf, part, parts, pixelAt, rgbaOf } from '../../test-support/harness.js';

const env = testEnv();
const ROW_HEIGHT = 20;

interface Setup {
  selector?: string;
  range?: { startMs: number; endMs: number };
  props?: Partial<
    Pick<ParcaFlamegraphElement, 'invert' | 'groupBy' | 'filters' | 'baselineFrom' | 'baselineTo' | 'diffAbsolute' | 'diffPalette' | 'controls' | 'trimThreshold'>
  >;
  connection?: ParcaConnection;
}

/** A source over the seeded hour (or `range`) with one flame graph, resolved once its first graph is drawn. */
async function loaded(setup: Setup = {}) {
  const range = setup.range ?? seededRange();
  const el = document.createElement('parca-flamegraph');
  el.style.width = '800px';
  Object.assign(el, { trimThreshold: 0, ...setup.props });
  if (setup.connection) el.connection = setup.connection;
  const first = flamegraphSettled(el);
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} selector=${setup.selector ?? '{job="fib"}'} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}
      >${el}</parca-source
    >
  `);
  await first;
  return { source, el, data: el.data! };
}

function rowsAt(model: FlamegraphModel, depth: number): number[] {
  const rows: number[] = [];
  for (let row = 0; row < model.size; row++) if (model.depth[row] === depth) rows.push(row);
  return rows;
}

/** Sums `values[row]` by frame name over `rows`. */
function sumByName(model: FlamegraphModel, rows: Iterable<number>, values: Float64Array): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(frameName(model, row), (sums.get(frameName(model, row)) ?? 0) + values[row]!);
  return sums;
}

describe('<parca-flamegraph> analysis', () => {
  it('inverts call stacks: the root’s children are the functions that were running, with their flat values', async () => {
    const { data: normal } = await loaded();
    const { data: inverted, el } = await loaded({ props: { invert: true } });
    expect(el.hasAttribute('invert')).to.equal(true);
    expect(inverted.model.total).to.equal(normal.model.total);
    // Bottom-up, a location's node under the root holds its self time over all stacks. A location with inlined
    // functions shows as its outermost function there, so self time counts for the frame it is inlined into.
    const outermost = (row: number) => {
      let current = row;
      while (normal.model.inlined[current] && normal.model.parent[current]! > 0) current = normal.model.parent[current]!;
      return current;
    };
    const expected = new Map<string, number>();
    for (let row = 1; row < normal.model.size; row++) {
      const flat = normal.model.flat[row]!;
      if (flat > 0) expected.set(frameName(normal.model, outermost(row)), (expected.get(frameName(normal.model, outermost(row))) ?? 0) + flat);
    }
    const actual = sumByName(inverted.model, rowsAt(inverted.model, 1), inverted.model.cumulative);
    expect(actual.size).to.be.greaterThan(1);
    expect(Object.fromEntries(actual)).to.deep.equal(Object.fromEntries(expected));
    // And it differs from the top-down tree, whose root children are entry points.
    expect([...sumByName(normal.model, rowsAt(normal.model, 1), normal.model.cumulative).keys()].sort()).to.not.deep.equal([...actual.keys()].sort());
  });

  // The seeded server knows no pprof labels (its Labels answer lists only job and instance: the seeder's
  // normalized WriteRaw drops sample labels), so this groups by the series labels, which Parca serves the same way.
  it('groups by labels: label rows form the level under the root, one per value', async () => {
    for (const [selector, label, expected] of [
      ['{job="api"}', 'instance', SEED_INSTANCES],
      ['{job=~"api|fib"}', 'job', ['api', 'fib']],
    ] as const) {
      const { el, data } = await loaded({ selector, props: { groupBy: [`labels.${label}`] } });
      const model = data.model;
      const labelRows = rowsAt(model, 1);
      const values = labelRows.map((row) => frameName(model, row)).sort();
      expect(values).to.deep.equal(expected.map((value) => `${label}="${value}"`));
      for (const row of labelRows) {
        expect(model.labelsOnly[row]).to.equal(1);
        expect(model.labels.get(label)!.value(row)).to.equal(/"(.*)"/.exec(frameName(model, row))![1]);
      }
      expect(labelRows.reduce((sum, row) => sum + model.cumulative[row]!, 0)).to.equal(model.total);
      for (const row of rowsAt(model, 2)) expect(model.labelsOnly[row]).to.equal(0);
      // Drawn as their own level, right under the root.
      const widest = labelRows.reduce((a, b) => (model.cumulative[a]! >= model.cumulative[b]! ? a : b));
      expect(el.frameRect(widest)).to.deep.include({ y: ROW_HEIGHT });
    }
  });

  it('groups by binary through the group-by attribute, and reports names Parca does not accept', async () => {
    const { el } = await loaded();
    const next = flamegraphSettled(el);
    el.setAttribute('group-by', 'binary');
    await next;
    expect(el.options.groupBy).to.deep.equal(['mapping_file']);
    el.setAttribute('group-by', 'binary, colour');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('Cannot group by colour');
  });

  it('re-queries once for several option changes, and not at all for the same options', async () => {
    const counter = recordingConnection();
    const { el } = await loaded({ connection: counter.connection });
    expect(counter.of('query').length).to.equal(1);
    const next = flamegraphSettled(el);
    el.invert = true;
    el.groupBy = ['labels.api'];
    el.filters = [{ field: 'function_name', match: 'contains', value: 'main' }];
    await next;
    expect(counter.of('query').length).to.equal(1 + 1);
    el.groupBy = ['labels.api'];
    el.invert = true;
    await el.updateComplete;
    expect(counter.of('query').length).to.equal(2, 'the same options again ask nothing');
  });

  it('filters stacks by function name: totals change, the filtered share shows, chips remove filters', async () => {
    const { el, data: all } = await loaded({ props: { controls: true } });
    const model = all.model;
    // A function on some stacks but not all; the stacks that contain it are what the search covers.
    const name = rowsAt(model, 1)
      .map((row) => frameName(model, row))
      .find((candidate) => searchFlamegraph(model, exactNameSearch(candidate)).value < model.total)!;
    expect(name).to.be.a('string');
    const covered = searchFlamegraph(model, exactNameSearch(name)).value;
    let next = flamegraphSettled(el);
    el.filters = [{ field: 'function_name', match: 'equal', value: name }];
    await next;
    const kept = el.data!;
    expect(kept.total).to.equal(covered);
    expect(kept.filtered).to.be.greaterThan(0);
    expect(kept.total).to.be.lessThan(all.total);
    expect(kept.total + kept.filtered).to.equal(all.total);
    const chips = parts(el, 'filter-chip');
    expect(chips.length).to.equal(1);
    expect(chips[0]!.textContent).to.contain(name);
    expect(part(el, 'filtered')!.textContent).to.contain(`${formatPercent(kept.filtered, all.total)} filtered out`);
    // The negation keeps exactly what the filter dropped.
    next = flamegraphSettled(el);
    el.filters = [{ field: 'function_name', match: 'not_equal', value: name }];
    await next;
    expect(el.data!.total).to.equal(kept.filtered);
    expect(el.data!.filtered).to.equal(kept.total);
    // Removing the chip queries everything again.
    next = flamegraphSettled(el);
    (part(el, 'filter-remove') as HTMLButtonElement).click();
    await next;
    expect(el.filters).to.deep.equal([]);
    expect(el.data!.total).to.equal(all.total);
    expect(part(el, 'filter-chip')).to.equal(null);
  });

  it('adds a filter from its form and reads the filters attribute', async () => {
    const { el, data: all } = await loaded({ props: { controls: true } });
    const form = part(el, 'filter-form') as HTMLFormElement;
    (form.elements.namedItem('field') as HTMLSelectElement).value = 'binary';
    (form.elements.namedItem('match') as HTMLSelectElement).value = 'not_contains';
    (form.elements.namedItem('value') as HTMLInputElement).value = 'no-such-binary';
    let next = flamegraphSettled(el);
    form.requestSubmit();
    await next;
    expect(el.filters).to.deep.equal([{ field: 'binary', match: 'not_contains', value: 'no-such-binary', scope: 'stack' } satisfies FrameFilter]);
    expect(el.data!.filtered).to.equal(0);
    expect(el.data!.total).to.equal(all.total);
    next = flamegraphSettled(el);
    el.setAttribute('filters', 'binary = no-such-binary');
    await next;
    expect(el.data!.total).to.equal(0);
    expect(part(el, 'filtered')!.textContent).to.contain('100% filtered out');
  });

  it('exports the view as a PNG at device resolution and the query as pprof', async () => {
    const { el } = await loaded({ props: { controls: true } });
    expect(part(el, 'export')!.querySelectorAll('button').length).to.equal(2);
    const png = await el.toPNG();
    expect(png.type).to.equal('image/png');
    const image = await createImageBitmap(png);
    expect(image.width).to.equal(canvasOf(el).width);
    expect(image.width).to.equal(Math.round(800 * devicePixelRatio));
    expect(image.height).to.equal(canvasOf(el).height);
    const pprof = await el.exportPprof();
    const profile = fromBinary(ProfileSchema, await gunzipIfNeeded(new Uint8Array(await pprof.arrayBuffer())));
    const types = profile.sampleType.map((t) => `${profile.stringTable[Number(t.type)]}:${profile.stringTable[Number(t.unit)]}`);
    expect(types).to.deep.equal(['cpu:nanoseconds']);
    expect(profile.sample.length).to.be.greaterThan(0);
    const sum = profile.sample.reduce((total, s) => total + Number(s.value[0]), 0);
    expect(sum).to.equal(el.data!.total);
  });

  it('diffs against a baseline range: changed frames take the growth or shrink color the legend shows', async () => {
    const full = seededRange();
    const middle = Math.round((full.startMs + full.endMs) / 2);
    // Jobs vary out of phase over the seeded hour, so between the halves their shares of the total change.
    const { el, data } = await loaded({
      selector: '{}',
      range: { startMs: middle, endMs: full.endMs },
      props: { baselineFrom: isoTime(full.startMs), baselineTo: isoTime(middle) },
    });
    expect(data.isDiff).to.equal(true);
    const model = data.model;
    const changed = rowsAt(model, 1).filter((r) => diffLevel(relativeChange(model.cumulative[r]!, model.diff[r]!)) !== 0);
    expect(changed.length).to.be.greaterThan(0);
    const row = changed.reduce((a, b) => (model.cumulative[a]! >= model.cumulative[b]! ? a : b));
    const slot = createDiffColorer(model)(row);
    const level = diffLevel(relativeChange(model.cumulative[row]!, model.diff[row]!));
    expect(level).to.not.equal(0);
    expect(slot).to.equal(slotOfLevel(level));
    const span = spanOf(model, row);
    const width = canvasOf(el).clientWidth;
    const pixel = pixelAt(el, span.x * width + (span.width * width) / 2, ROW_HEIGHT + 3);
    expect(pixel).to.deep.equal(rgbaOf(el.diffColors[slot]!));
    expect(pixel).to.not.deep.equal(rgbaOf(el.diffColors[0]!));
    const swatch = part(el, 'legend')!.querySelector(`[data-level="${level}"]`) as HTMLElement;
    expect(rgbaOf(getComputedStyle(swatch).backgroundColor)).to.deep.equal(pixel);
    expect(parts(el, 'legend-swatch').length).to.equal(el.diffColors.length);
    // The tooltip says what the frame was, is, and how it changed.
    const bounds = canvasOf(el).getBoundingClientRect();
    canvasOf(el).dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: bounds.left + span.x * width + 4, clientY: bounds.top + ROW_HEIGHT + 5 }));
    await el.updateComplete;
    const tooltip = part(el, 'tooltip')!.textContent;
    expect(tooltip).to.contain('Baseline').and.contain('Comparison').and.contain('Change');
    expect(tooltip).to.match(/[+−]\d+(\.\d+)?%/);
    // The colour-blind-safe palette redraws the same frame in its own color, and the legend follows.
    const redGreen = [...el.diffColors];
    el.diffPalette = 'blue-orange';
    await el.updateComplete;
    await el.drawComplete;
    expect(el.diffColors).to.not.deep.equal(redGreen);
    expect(pixelAt(el, span.x * width + (span.width * width) / 2, ROW_HEIGHT + 3)).to.deep.equal(rgbaOf(el.diffColors[slot]!));
    expect(rgbaOf(getComputedStyle(swatch).backgroundColor)).to.deep.equal(rgbaOf(el.diffColors[slot]!));
  });

  it('in a relative diff of several jobs, some frames grow and others shrink', async () => {
    const full = seededRange();
    const middle = Math.round((full.startMs + full.endMs) / 2);
    const { data } = await loaded({
      selector: '{}',
      range: { startMs: middle, endMs: full.endMs },
      props: { baselineFrom: isoTime(full.startMs), baselineTo: isoTime(middle) },
    });
    const levels = rowsAt(data.model, 1).map((row) => diffLevel(relativeChange(data.model.cumulative[row]!, data.model.diff[row]!)));
    expect(levels.some((l) => l > 0)).to.equal(true);
    expect(levels.some((l) => l < 0)).to.equal(true);
  });

  it('compares with the previous period from its control and stops comparing', async () => {
    const full = seededRange();
    const middle = Math.round((full.startMs + full.endMs) / 2);
    const { el } = await loaded({ range: { startMs: middle, endMs: full.endMs }, props: { controls: true } });
    expect(part(el, 'legend')).to.equal(null);
    const toggle = part(el, 'baseline')!.querySelector('input') as HTMLInputElement;
    let next = flamegraphSettled(el);
    toggle.click();
    await next;
    expect(Date.parse(el.baselineTo)).to.equal(middle);
    expect(Date.parse(el.baselineFrom)).to.equal(middle - (full.endMs - middle));
    // One job against its own previous half hour: its composition changed (seed-plan's drift), so frames show it.
    const model = el.data!.model;
    const levels = [...Array(model.size).keys()].slice(1).map((row) => diffLevel(relativeChange(model.cumulative[row]!, model.diff[row]!)));
    expect(
      levels.some((level) => level !== 0),
      'some frame changed',
    ).to.equal(true);
    expect(el.data!.isDiff).to.equal(true);
    expect(part(el, 'legend')).to.not.equal(null);
    next = flamegraphSettled(el);
    (part(el, 'baseline')!.querySelector('input') as HTMLInputElement).click();
    await next;
    expect(el.data!.isDiff).to.equal(false);
    expect(part(el, 'legend')).to.equal(null);
  });

  it('sets options from its controls, firing no event for properties set by code', async () => {
    const { el } = await loaded({ props: { controls: true } });
    let fired = 0;
    for (const name of ['parca-frame-select'] as const) el.addEventListener(name, () => fired++);
    const next = flamegraphSettled(el);
    (part(el, 'invert')!.querySelector('input') as HTMLInputElement).click();
    await next;
    expect(el.invert).to.equal(true);
    const groupBy = part(el, 'group-by')!.querySelector('select') as HTMLSelectElement;
    groupBy.value = 'filename';
    const again = flamegraphSettled(el);
    groupBy.dispatchEvent(new Event('change'));
    await again;
    expect(el.groupBy).to.deep.equal(['filename']);
    expect(el.options).to.deep.include({ invert: true, groupBy: ['function_file_name'] });
    // A label is typed in once "A label…" is chosen.
    groupBy.value = 'label';
    groupBy.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const label = part(el, 'options')!.querySelector<HTMLInputElement>('input[aria-label="Label to group by"]')!;
    expect(label.value).to.equal('');
    label.value = 'thread_name';
    const labelled = flamegraphSettled(el);
    label.dispatchEvent(new Event('change'));
    await labelled;
    expect(el.groupBy).to.deep.equal(['labels.thread_name']);
    expect(fired).to.equal(0);
  });
});
