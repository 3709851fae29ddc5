// Each of the six filter fields, and Parca's presets, against Parca itself: the element's totals equal those of a
// request whose Filter messages this test writes by hand from the proto (not through the library's own mapping).
import { expect, fixture, html } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import '../../define.js';
import { createConnection } from '../../client/connection.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { FILTER_PRESETS, presetsFor } from '../../model/flamegraph/filter-presets.js';
import { type FrameFilter, normalizeFilter, parseFilters } from '../../model/flamegraph/filters.js';
import { LAB_CPU_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { nextEvent } from '../../test-support/events.js';
import { part } from '../../test-support/harness.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';

const env = testEnv();
const SELECTOR = '{job="fib"}';

async function graph(filters: string, presets: string[] = [], controls = false, [type, selector] = [CPU_TYPE, SELECTOR]): Promise<ParcaFlamegraphElement> {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${type} selector=${selector} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph ?controls=${controls} filters=${filters} .presets=${presets} trim-threshold="0" style="display: block; width: 800px"></parca-flamegraph>
    </parca-source>
  `);
  const el = source.querySelector('parca-flamegraph')!;
  await el.settled;
  return el;
}

type Criteria = Record<string, { condition: { case: string; value: string | bigint } }>;

/** What Parca answers for the query with these criteria (one Filter per entry), as total and filtered. */
async function parcaTotals(
  filters: { scope: 'stack' | 'frame'; criteria: Criteria }[],
  [type, selector] = [CPU_TYPE, SELECTOR],
): Promise<{ total: number; filtered: number }> {
  const range = seededRange();
  const connection = createConnection({ url: env.parcaUrl });
  const response = await connection.query({
    mode: QueryRequest_Mode.MERGE,
    reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
    nodeTrimThreshold: 0,
    options: { case: 'merge', value: { query: `${type}${selector}`, start: timestampFromMs(range.startMs), end: timestampFromMs(range.endMs) } },
    filter: filters.map(({ scope, criteria }) => ({
      filter: { case: scope === 'stack' ? 'stackFilter' : 'frameFilter', value: { filter: { case: 'criteria', value: criteria } } },
    })) as never,
  });
  return { total: Number(response.total), filtered: Number(response.filtered) };
}

describe('<parca-flamegraph> filter fields and presets', function () {
  this.timeout(120_000);

  it('filters stacks by each of the six fields with the totals Parca gives for the same filter', async () => {
    const whole = await graph('');
    const model = whole.data!.model;
    // A line of a frame to filter by; addresses: the unsymbolized profile's (Go's symbolized one has none).
    const line = String(model.locationLine[[...Array(model.size).keys()].find((r) => r > 0 && model.locationLine[r])!]);
    const bare = [LAB_CPU_TYPE, '{job="bare"}'] as [string, string];
    const cases: [text: string, criteria: Criteria, query?: [string, string]][] = [
      ['function_name ~ big.nat', { functionName: { condition: { case: 'contains', value: 'big.nat' } } }],
      ['system_name ^= math/big', { systemName: { condition: { case: 'startsWith', value: 'math/big' } } }],
      ['binary !~ no-such-binary', { binary: { condition: { case: 'notContains', value: 'no-such-binary' } } }],
      ['filename ~ arith', { filename: { condition: { case: 'contains', value: 'arith' } } }],
      ['address = 0x4011a0', { address: { condition: { case: 'equal', value: 0x4011a0n } } }, bare],
      [`line != ${line}`, { lineNumber: { condition: { case: 'notEqual', value: BigInt(line) } } }],
    ];
    for (const [text, criteria, query] of cases) {
      const el = await graph(text, [], false, query);
      const expected = await parcaTotals([{ scope: 'stack', criteria }], query);
      expect({ total: el.data!.total, filtered: el.data!.filtered }, text).to.deep.equal(expected);
      const all = query ? (await graph('', [], false, query)).data!.total : whole.data!.total;
      expect(el.data!.total + el.data!.filtered, `${text}: kept and filtered make the whole`).to.equal(all);
      if (!text.startsWith('binary')) expect(el.data!.filtered, `${text} removed something`).to.be.greaterThan(0);
    }
  });

  it('applies a preset as its filters, before the page’s own, with Parca’s totals; chips toggle presets', async () => {
    const preset = FILTER_PRESETS.find((p) => p.key === 'hide_rust_futures')!;
    // Frame filters keep every stack's value: this Go profile keeps its total, its frames named run/poll… go.
    const el = await graph('function_name !~ fmt', ['hide_rust_futures']);
    const expected = await parcaTotals([
      ...preset.filters.map((f) => ({
        scope: f.scope ?? 'stack',
        criteria: { [f.field === 'function_name' ? 'functionName' : 'binary']: { condition: { case: camel(f.match), value: f.value } } },
      })),
      { scope: 'stack' as const, criteria: { functionName: { condition: { case: 'notContains', value: 'fmt' } } } },
    ]);
    expect({ total: el.data!.total, filtered: el.data!.filtered }).to.deep.equal(expected);
    expect(el.view.presets).to.deep.equal(['hide_rust_futures']);

    const controlled = await graph('', [], true);
    const chips = () => [...controlled.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="preset"]')];
    // Offered for this (not a wallclock) profile type: the seven that are not wallclock-only.
    expect(chips().map((chip) => chip.textContent.trim())).to.deep.equal(presetsFor(CPU_TYPE).map((p) => p.name));
    expect(chips()).to.have.length(7);
    const changed = nextEvent(controlled, 'parca-view-change');
    chips()
      .find((chip) => chip.textContent.includes('Hide libc'))!
      .click();
    expect((await changed).view.presets).to.deep.equal(['hide_libc']);
    await controlled.settled;
    expect(
      chips()
        .find((chip) => chip.textContent.includes('Hide libc'))!
        .getAttribute('aria-pressed'),
    ).to.equal('true');
    await expect(controlled).to.be.accessible();
  });

  it('says so when a preset is unknown or a number field gets text, and keeps the last good graph', async () => {
    const el = await graph('');
    const total = el.data!.total;
    const failed = nextEvent(el, 'parca-error');
    el.presets = ['hide_everything'];
    expect((await failed).error.message).to.contain('No filter preset is called "hide_everything"');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('hide_libc');
    expect(el.data!.total).to.equal(total);
    expect(() => normalizeFilter({ field: 'address', match: 'contains', value: '0x1' })).to.throw('compares as a number');
    expect(() => parseFilters('line = twelve')).to.throw('is not a number');
    expect(parseFilters('frame:file ~ arith.go; addr != 0X4011A0')).to.deep.equal([
      { field: 'filename', match: 'contains', value: 'arith.go', scope: 'frame' },
      { field: 'address', match: 'not_equal', value: '0x4011a0', scope: 'stack' },
    ] satisfies FrameFilter[]);
  });
});

function camel(match: FrameFilter['match']): string {
  return match.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
}
