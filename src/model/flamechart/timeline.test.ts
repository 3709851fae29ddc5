import { expect } from '@open-wc/testing';
import { buildFlamegraphRecord, randomChartSamples, timelineSpec } from '../../test-support/flamegraph-record.js';
import { overviewBins } from '../../elements/flamechart/chart-renderer.js';
import { FlamegraphDecodeError } from '../flamegraph/decode.js';
import { frameName } from '../flamegraph/names.js';
import { decodeTimeline, decodeTimelineSliced, forEachInWindow, overlapMs, rowAt, windowTotal } from './timeline.js';
import { MAX_FLAMECHART_MS, chartLimit, clampWindow, fitWindow, panWindow, zoomWindow } from './window.js';
import { absoluteRange, parseTimeRange } from '../time-range.js';

const START_NS = 1_796_000_000_123_000_000n;
const START_MS = 1_796_000_000_123;
const PERIOD_NS = 10_000_000;

function chart(count = 2_000, seed = 7) {
  const samples = randomChartSamples(count, START_NS, PERIOD_NS, seed);
  // Two samples at one moment with different roots, as a profile with a second thread has.
  samples.push({ stack: ['bgsweep'], timeNs: START_NS, value: PERIOD_NS / 4 });
  samples.sort((a, b) => Number(a.timeNs - b.timeNs));
  return { samples, timeline: decodeTimeline(buildFlamegraphRecord(timelineSpec(samples))) };
}

describe('flame chart timeline', () => {
  it('places every frame where its samples ran, exactly to the millisecond', () => {
    const { samples, timeline } = chart();
    // Every sample's stack is drawn at its time: at each depth the frame under the sample's moment has its name.
    for (const sample of samples.slice(0, 400)) {
      const ms = Number(sample.timeNs - START_NS) / 1e6 + START_MS;
      sample.stack.forEach((name, i) => {
        const rows: number[] = [];
        forEachInWindow(timeline, i + 1, ms, ms + 0.001, (row) => rows.push(row));
        expect(rows.map((row) => frameName(timeline.model, row))).to.include(name);
      });
    }
    expect(timeline.firstMs).to.equal(START_MS);
    expect(timeline.startMs[1]).to.equal(START_MS);
  });

  it('finds the frames of any window through its index as a scan of every frame does', () => {
    const { timeline } = chart(3_000, 11);
    const span = timeline.lastMs - timeline.firstMs;
    for (let k = 0; k < 200; k++) {
      const from = timeline.firstMs + ((k * 7919) % 1000) * (span / 1000) - 5;
      const to = from + ((k * 104729) % 997) * (span / 2000) + 0.5;
      const depth = 1 + (k % timeline.model.maxDepth);
      const indexed: number[] = [];
      forEachInWindow(timeline, depth, from, to, (row) => indexed.push(row));
      const scanned = [...Array(timeline.model.size).keys()].filter(
        (row) => row > 0 && timeline.model.depth[row] === depth && timeline.startMs[row]! < to && timeline.endMs[row]! > from,
      );
      expect(new Set(indexed), `depth ${depth} [${from}, ${to})`).to.deep.equal(new Set(scanned));
    }
  });

  it('totals a window as the part of each top-level frame inside it, the whole window as the root', () => {
    const { timeline } = chart();
    expect(windowTotal(timeline, timeline.firstMs, timeline.lastMs)).to.equal(timeline.model.total);
    const from = timeline.firstMs + 1234.5;
    const to = from + 2000.25;
    let scanned = 0;
    for (let row = 1; row < timeline.model.size; row++) if (timeline.model.depth[row] === 1) scanned += overlapMs(timeline, row, from, to) * 1e6;
    expect(windowTotal(timeline, from, to)).to.be.closeTo(scanned, 1e-3);
    // The overview's columns add up to the same time.
    const bins = overviewBins(timeline, { startMs: timeline.firstMs, endMs: timeline.lastMs }, 333);
    // (in ms of epoch times, each column's edges are exact to a quarter of a microsecond)
    expect(bins.reduce((a, b) => a + b, 0) * 1e6).to.be.closeTo(timeline.model.total, timeline.model.total * 1e-6);
  });

  it('hits the frame under a time, where frames of one depth overlap the one drawn (the first by start)', () => {
    const { timeline } = chart();
    const at = START_MS + 1;
    const row = rowAt(timeline, 1, at);
    // main and bgsweep both start at the first sample; main comes first and is the one drawn.
    expect(frameName(timeline.model, row)).to.equal('main');
    expect(rowAt(timeline, 1, timeline.lastMs + 10)).to.equal(-1);
    expect(rowAt(timeline, 0, at), 'the root is not a frame of the chart').to.equal(-1);
  });

  it('decodes in slices into the same timeline, and an empty record into none', async () => {
    const samples = randomChartSamples(500, START_NS, PERIOD_NS, 3);
    const bytes = buildFlamegraphRecord(timelineSpec(samples));
    const sliced = await decodeTimelineSliced(bytes, { sliceMs: 0 });
    const whole = decodeTimeline(bytes);
    expect(Array.from(sliced.order)).to.deep.equal(Array.from(whole.order));
    expect(Array.from(sliced.startMs)).to.deep.equal(Array.from(whole.startMs));
    expect(decodeTimeline(new Uint8Array(0)).model.size).to.equal(0);
  });

  it('refuses a record without timestamps: a flame graph, not a flame chart', () => {
    const bytes = buildFlamegraphRecord(timelineSpec(randomChartSamples(10, START_NS, PERIOD_NS)), { omitTimestamps: true });
    expect(() => decodeTimeline(bytes)).to.throw(FlamegraphDecodeError, 'no timestamp column');
  });
});

describe('flame chart windows', () => {
  const bounds = { startMs: 1000, endMs: 2000 };

  it('zooms around a time that stays where it is, and out to the whole window at most', () => {
    const zoomed = zoomWindow(bounds, 0.5, 1200, bounds);
    expect(zoomed).to.deep.equal({ startMs: 1100, endMs: 1600 });
    expect((1200 - zoomed.startMs) / (zoomed.endMs - zoomed.startMs)).to.equal((1200 - 1000) / 1000);
    expect(zoomWindow(zoomed, 4, 1200, bounds)).to.deep.equal(bounds);
  });

  it('pans and fits inside the window', () => {
    expect(panWindow({ startMs: 1100, endMs: 1600 }, 1000, bounds)).to.deep.equal({ startMs: 1500, endMs: 2000 });
    expect(panWindow({ startMs: 1100, endMs: 1600 }, -1000, bounds)).to.deep.equal({ startMs: 1000, endMs: 1500 });
    expect(fitWindow(1400, 1500, bounds)).to.deep.equal({ startMs: 1395, endMs: 1505 });
    expect(clampWindow({ startMs: 1500, endMs: 1500 }, bounds).endMs - 1500).to.be.closeTo(0.001, 1e-9);
  });

  it("keeps to Parca's limits: delta types in nanoseconds over at most 15 minutes, offering the nearest window", () => {
    const cpu = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';
    const hour = { startMs: 0, endMs: 3_600_000 };
    expect(chartLimit(cpu, parseTimeRange('now-15m', 'now'), { startMs: 0, endMs: MAX_FLAMECHART_MS })).to.equal(undefined);
    const relative = chartLimit(cpu, parseTimeRange('now-1h', 'now'), hour)!;
    expect(relative.reason).to.contain('at most 15 min');
    expect(relative.offer!.range).to.deep.equal(parseTimeRange('now-15m', 'now'));
    expect(chartLimit(cpu, absoluteRange(0, 3_600_000), hour)!.offer!.range).to.deep.equal(absoluteRange(3_600_000 - MAX_FLAMECHART_MS, 3_600_000));
    const around = chartLimit(cpu, absoluteRange(0, 3_600_000), hour, 1_800_000)!.offer!;
    expect(around.range).to.deep.equal(absoluteRange(1_800_000 - MAX_FLAMECHART_MS / 2, 1_800_000 + MAX_FLAMECHART_MS / 2));
    expect(chartLimit('memory:inuse_space:bytes:space:bytes', parseTimeRange('now-5m', 'now'), { startMs: 0, endMs: 1 })!.offer).to.equal(undefined);
    expect(chartLimit('process_cpu:samples:count:cpu:nanoseconds:delta', parseTimeRange('now-5m', 'now'), { startMs: 0, endMs: 1 })!.reason).to.contain('count');
  });
});
