// The controls read the profile's own metadata (Parca's PROFILE_METADATA report): a binary legend that hides a
// binary's frames, and the label names offered for grouping.
import { expect, fixture, html } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import '../../define.js';
import { createConnection } from '../../client/connection.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { baseName } from '../../model/flamegraph/names.js';
import { LAB_CPU_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { nextEvent } from '../../test-support/events.js';
import { part, parts } from '../../test-support/harness.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';

const env = testEnv();

async function controlled(selector: string, type = CPU_TYPE): Promise<ParcaFlamegraphElement> {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${type} selector=${selector} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph controls trim-threshold="0" style="display: block; width: 900px"></parca-flamegraph>
    </parca-source>
  `);
  const graph = source.querySelector('parca-flamegraph')!;
  await graph.settled;
  await graph.updateComplete;
  return graph;
}

/** Parca's answer for the selector's metadata, or its merged flame graph with a frame filter hiding `binary`. */
async function direct(selector: string, hide?: string, type = CPU_TYPE) {
  const range = seededRange();
  const merge = { query: `${type}${selector}`, start: timestampFromMs(range.startMs), end: timestampFromMs(range.endMs) };
  return createConnection({ url: env.parcaUrl }).query({
    mode: QueryRequest_Mode.MERGE,
    reportType: hide ? QueryRequest_ReportType.FLAMEGRAPH_ARROW : QueryRequest_ReportType.PROFILE_METADATA,
    nodeTrimThreshold: 0,
    options: { case: 'merge', value: merge },
    filter: hide
      ? [{ filter: { case: 'frameFilter', value: { filter: { case: 'criteria', value: { binary: { condition: { case: 'notEqual', value: hide } } } } } } }]
      : [],
  });
}

describe('<parca-flamegraph> controls from the profile metadata', function () {
  this.timeout(60_000);

  it('lists exactly the binaries of the frames; hiding one removes its frames as Parca does, showing it brings them back', async () => {
    // The lab's CPU profiles: an app's frames, kernel frames, and frames with no binary.
    const graph = await controlled('{}', LAB_CPU_TYPE);
    const model = graph.data!.model;
    const framesBinaries = new Set([...Array(model.size).keys()].map((row) => baseName(model.mappingFile.value(row))).filter((b) => b));
    const legend = () => parts<HTMLButtonElement>(graph, 'binary');
    expect(new Set(legend().map((b) => b.textContent.trim()))).to.deep.equal(framesBinaries);
    expect(framesBinaries.size, `a profile with several binaries (${model.size} frames)`).to.be.at.least(2);
    expect(legend().every((b) => b.getAttribute('aria-pressed') === 'true')).to.equal(true);
    const binary = legend()[0]!.textContent.trim();

    const changed = nextEvent(graph, 'parca-view-change');
    legend()[0]!.click();
    expect((await changed).view.filters).to.equal(`frame:binary != ${binary}`);
    await graph.settled;
    await graph.updateComplete;
    const after = graph.data!.model;
    expect(
      [...Array(after.size).keys()].some((row) => baseName(after.mappingFile.value(row)) === binary),
      'no frame of the hidden binary',
    ).to.equal(false);
    const parca = await direct('{}', binary, LAB_CPU_TYPE);
    expect(graph.data!.total).to.equal(Number(parca.total));
    expect(after.size, 'the frames Parca keeps').to.be.greaterThan(1);
    const hidden = legend().find((b) => b.textContent.trim() === binary)!;
    expect(hidden.getAttribute('aria-pressed')).to.equal('false');
    // Shown again.
    hidden.click();
    await graph.settled;
    expect(graph.filters).to.deep.equal([]);
    await expect(graph).to.be.accessible();
  });

  it('offers the profile’s label names for grouping, as Parca lists them', async () => {
    const graph = await controlled('{job="api"}');
    const parca = await direct('{job="api"}');
    const labels = parca.report.case === 'profileMetadata' ? parca.report.value.labels : [];
    expect(labels.length, 'the seeded profile has pprof labels').to.be.greaterThan(0);
    const select = part(graph, 'group-by')!.querySelector('select')!;
    select.value = 'label';
    select.dispatchEvent(new Event('change'));
    await graph.updateComplete;
    const offered = [...graph.shadowRoot!.querySelectorAll('#group-labels option')].map((o) => o.getAttribute('value'));
    expect(offered).to.deep.equal([...new Set(labels)].sort());
  });
});
