import { expect } from '@open-wc/testing';
import { create } from '@bufbuild/protobuf';
import { QueryRequestSchema, QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { parseTimeRange } from '../time-range.js';
import { DIFF_STEPS, NEUTRAL_BAND, buildDiffPalette, diffLevel, formatChange, levelThreshold, parseColor, relativeChange, slotOfLevel } from './diff-colors.js';
import { FilterSyntaxError, filteredFraction, formatFilters, parseFilters, toFilterMessage } from './filters.js';
import { describeFilter } from './filter-text.js';
import { legendStops } from './diff-legend.js';
import { buildQueryRequest, parseGroupBy } from './request.js';
import { shiftRange } from '../time-range.js';

const WINDOW = { query: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta{job="fib"}', startMs: 1_000_000, endMs: 2_000_000 };
const PLAIN = { invert: false, groupBy: [], filters: [], absolute: false };

describe('flame graph analysis model', () => {
  it('maps group-by names to the fields Parca accepts and reports the others', () => {
    expect(parseGroupBy('binary, filename,address , labels.api, function')).to.deep.equal({
      fields: ['mapping_file', 'function_file_name', 'location_address', 'labels.api', 'function_name'],
      unknown: [],
    });
    expect(parseGroupBy(['label:thread_name', 'labels.thread_name', 'nope'])).to.deep.equal({ fields: ['labels.thread_name'], unknown: ['nope'] });
    expect(parseGroupBy('')).to.deep.equal({ fields: [], unknown: [] });
  });

  it('parses and formats the filter attribute', () => {
    const filters = parseFilters('function_name ~ runtime; binary != libc.so.6 ; frame:fn starts_with main.');
    expect(filters).to.deep.equal([
      { field: 'function_name', match: 'contains', value: 'runtime', scope: 'stack' },
      { field: 'binary', match: 'not_equal', value: 'libc.so.6', scope: 'stack' },
      { field: 'function_name', match: 'starts_with', value: 'main.', scope: 'frame' },
    ]);
    expect(parseFilters(formatFilters(filters))).to.deep.equal(filters);
    expect(describeFilter(filters[1]!)).to.equal('binary is not "libc.so.6"');
    expect(() => parseFilters('color = red')).to.throw(FilterSyntaxError);
    expect(() => parseFilters('binary =')).to.throw(FilterSyntaxError);
  });

  it('turns filters into Parca stack and frame filter messages', () => {
    const [stack, frame] = parseFilters('function_name !^= runtime.; frame:binary = fib');
    const request = create(QueryRequestSchema, { filter: [toFilterMessage(stack!), toFilterMessage(frame!)] });
    const [a, b] = request.filter;
    expect(a!.filter.case).to.equal('stackFilter');
    const criteria = a!.filter.case === 'stackFilter' && a!.filter.value.filter.case === 'criteria' ? a!.filter.value.filter.value : undefined;
    expect(criteria?.functionName?.condition).to.deep.equal({ case: 'notStartsWith', value: 'runtime.' });
    expect(b!.filter.case).to.equal('frameFilter');
    const frameCriteria = b!.filter.case === 'frameFilter' && b!.filter.value.filter.case === 'criteria' ? b!.filter.value.filter.value : undefined;
    expect(frameCriteria?.binary?.condition).to.deep.equal({ case: 'equal', value: 'fib' });
    expect(filteredFraction(75, 25)).to.equal(0.25);
    expect(filteredFraction(0, 0)).to.equal(0);
  });

  it('builds a merge with the options, and a diff when there is a baseline', () => {
    const merge = create(
      QueryRequestSchema,
      buildQueryRequest(WINDOW, { ...PLAIN, invert: true, groupBy: ['labels.api'] }, QueryRequest_ReportType.FLAMEGRAPH_ARROW, 0.5),
    );
    expect(merge.mode).to.equal(QueryRequest_Mode.MERGE);
    expect(merge.invertCallStack).to.equal(true);
    expect(merge.groupBy?.fields).to.deep.equal(['labels.api']);
    expect(merge.nodeTrimThreshold).to.equal(0.5);
    expect(merge.options.case === 'merge' && merge.options.value.query).to.equal(WINDOW.query);
    const baseline = { ...WINDOW, startMs: 0, endMs: 1_000_000 };
    const diff = create(QueryRequestSchema, buildQueryRequest(WINDOW, { ...PLAIN, baseline, absolute: true }, QueryRequest_ReportType.PPROF, 0.5));
    expect(diff.mode).to.equal(QueryRequest_Mode.DIFF);
    expect(diff.invertCallStack).to.equal(undefined);
    expect(diff.nodeTrimThreshold).to.equal(undefined, 'no trimming for pprof');
    if (diff.options.case !== 'diff') throw new Error('not a diff');
    const { a, b, absolute } = diff.options.value;
    expect(absolute).to.equal(true);
    expect(a?.options.case === 'merge' && Number(a.options.value.end!.seconds)).to.equal(1000);
    expect(b?.options.case === 'merge' && Number(b.options.value.start!.seconds)).to.equal(1000);
  });

  it('finds the previous period of a range', () => {
    const relative = parseTimeRange('now-1h', 'now');
    const previous = shiftRange(relative, 3_600_000);
    expect(previous).to.deep.equal(parseTimeRange('now-2h', 'now-1h'));
    const absolute = parseTimeRange('2024-01-01T01:00:00Z', '2024-01-01T02:00:00Z');
    expect(shiftRange(absolute, Date.parse('2024-01-01T02:00:00Z') - Date.parse('2024-01-01T01:00:00Z'))).to.deep.equal(
      parseTimeRange('2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z'),
    );
  });

  it('colors a diff by relative change with a neutral band', () => {
    expect(relativeChange(150, 50)).to.equal(0.5);
    expect(relativeChange(50, -50)).to.equal(-0.5);
    expect(relativeChange(10, 10)).to.equal(Number.POSITIVE_INFINITY);
    expect(relativeChange(10, 0)).to.equal(0);
    expect(diffLevel(NEUTRAL_BAND / 2)).to.equal(0);
    expect(diffLevel(-NEUTRAL_BAND / 2)).to.equal(0);
    expect(diffLevel(NEUTRAL_BAND)).to.equal(1);
    expect(diffLevel(-0.01)).to.be.lessThan(0);
    expect(diffLevel(0.5)).to.be.greaterThan(diffLevel(0.05));
    expect(diffLevel(Number.POSITIVE_INFINITY)).to.equal(DIFF_STEPS);
    expect(diffLevel(-1)).to.equal(-DIFF_STEPS);
    // Every level's threshold reaches that level, and just below it the level before.
    for (let level = 2; level <= DIFF_STEPS; level++) {
      const t = levelThreshold(level);
      expect(diffLevel(t * 1.0001)).to.equal(level);
      expect(diffLevel(t * 0.9999)).to.equal(level - 1);
    }
    expect(formatChange(0.125)).to.equal('+12.5%');
    expect(formatChange(-0.03)).to.equal('−3%');
    expect(formatChange(Number.POSITIVE_INFINITY)).to.equal('new');
  });

  it('builds a palette whose slots match the legend', () => {
    const neutral = parseColor('#cccccc')!;
    const palette = buildDiffPalette(neutral, parseColor('rgb(255, 0, 0)')!, parseColor('#00f')!);
    expect(palette.length).to.equal(2 * DIFF_STEPS + 1);
    expect(palette[0]).to.equal('#cccccc');
    expect(palette[slotOfLevel(DIFF_STEPS)]).to.equal('#ff0000');
    expect(palette[slotOfLevel(-DIFF_STEPS)]).to.equal('#0000ff');
    expect(new Set(palette).size).to.equal(palette.length, 'every level has its own color');
    const stops = legendStops();
    expect(stops.map((s) => s.level)).to.deep.equal(Array.from({ length: 2 * DIFF_STEPS + 1 }, (_, i) => i - DIFF_STEPS));
    expect(new Set(stops.map((s) => s.slot)).size).to.equal(palette.length);
    expect(stops[DIFF_STEPS]!.label).to.equal('within ±0.1%');
  });
});
