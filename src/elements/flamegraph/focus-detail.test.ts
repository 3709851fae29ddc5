// Detail on focus against Parca: a frame focused in a trimmed graph shows the frames Parca had trimmed, with the
// values an untrimmed query gives them; a wider focus shows the coarse graph again without asking.
import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import { createConnection } from '../../client/connection.js';
import { frameName } from '../../model/flamegraph/names.js';
import { focusPathOf, rowOfFocusPath } from '../../model/flamegraph/view-state.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange } from '../../model/time-range.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { clickFrame, part } from '../../test-support/harness.js';
import { recordingConnection } from '../../test-support/recording-connection.js';
import type { ParcaSourceElement } from '../source/source.js';
import { fetchFlamegraph } from './fetch.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';

const env = testEnv();

/** Rows of `model` in the subtree of `row` (itself included). */
function subtree(model: { size: number; parent: Int32Array }, row: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < model.size; r++) {
    for (let a = r; a >= 0; a = model.parent[a]!) {
      if (a === row) {
        rows.push(r);
        break;
      }
    }
  }
  return rows;
}

describe('<parca-flamegraph> detail on focus', function () {
  this.timeout(60_000);

  it('shows the frames a trimmed graph dropped under a focused frame, valued as an untrimmed query; back without asking', async () => {
    const range = seededRange();
    const recording = recordingConnection(createConnection({ url: env.parcaUrl }));
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source .connection=${recording.connection} profile-type=${CPU_TYPE} selector='{job="api"}' from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
        <!-- A coarse threshold set by the page: frames of a few percent lose their detail. -->
        <parca-flamegraph search-field trim-threshold="2" style="display: block; width: 600px"></parca-flamegraph>
      </parca-source>
    `);
    const graph = source.querySelector('parca-flamegraph') as ParcaFlamegraphElement;
    await graph.settled;
    const coarse = graph.data!;
    expect(coarse.trimmed, 'a coarse graph trims').to.be.greaterThan(0);

    // The same profile untrimmed, from Parca.
    const whole = await fetchFlamegraph(
      createConnection({ url: env.parcaUrl }),
      createQueryState({ profileType: CPU_TYPE, selector: '{job="api"}', range: absoluteRange(range.startMs, range.endMs) }),
      0,
      new AbortController().signal,
    );
    // The frame to focus: the widest drawn one whose subtree the coarse graph trimmed, of a small share.
    const model = coarse.model;
    const trimmedUnder = (r: number) => subtree(whole.model, rowOfFocusPath(whole.model, focusPathOf(model, r))).length > subtree(model, r).length;
    // A frame with a small share of the total (the whole graph's threshold hides most of its detail).
    const candidate = [...Array(model.size).keys()].filter((r) => r > 0 && graph.frameRect(r) && model.cumulative[r]! < model.total / 2 && trimmedUnder(r));
    expect(candidate.length, 'a frame whose subtree was trimmed').to.be.greaterThan(0);
    const row = candidate.sort((a, b) => model.cumulative[b]! - model.cumulative[a]!)[0]!;
    const path = focusPathOf(model, row);
    const asked = recording.calls.length;
    clickFrame(graph, row);
    await graph.updateComplete;
    expect(part(graph, 'detail-note')!.textContent).to.contain(frameName(model, row));
    await graph.settled;
    await graph.updateComplete;
    const fine = graph.data!;
    expect(fine, 'the detail answer is shown').to.not.equal(coarse);
    expect(graph.focusPath).to.deep.equal(path);
    const focused = rowOfFocusPath(fine.model, path);
    expect(focused).to.equal(graph.focusedRow);
    const fineRows = subtree(fine.model, focused);
    const coarseRows = subtree(model, row);
    expect(fineRows.length, 'frames absent from the trimmed graph').to.be.greaterThan(coarseRows.length);
    expect(part(graph, 'detail-note')!.textContent).to.contain('finer');

    // Against Parca untrimmed: every frame of the focused subtree has the value the whole profile gives it.
    for (const r of fineRows) {
      const there = rowOfFocusPath(whole.model, focusPathOf(fine.model, r));
      expect(focusPathOf(whole.model, there), focusPathOf(fine.model, r).join(' > ')).to.deep.equal(focusPathOf(fine.model, r));
      expect(whole.model.cumulative[there], frameName(fine.model, r)).to.equal(fine.model.cumulative[r]);
    }
    expect(recording.calls.length - asked, 'one request for the detail').to.equal(1);

    // Reset: the coarse graph again, without asking.
    const before = recording.calls.length;
    graph.resetFocus();
    await graph.settled;
    await graph.updateComplete;
    expect(graph.data).to.equal(coarse);
    expect(recording.calls.length).to.equal(before);
    expect(part(graph, 'detail-note')).to.equal(null);
  });
});
