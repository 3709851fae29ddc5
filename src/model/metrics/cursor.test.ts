import { expect } from '@open-wc/testing';
import { metricUnit } from '../units.js';
import { type CursorState, cursorAction, neighbourSeries } from './cursor.js';
import type { ChartData, ChartSeries } from './series.js';

type Values = (number | null | undefined)[];

/** A chart over times 0, 60, 120… s, one series per row of values. */
function chart(...rows: Values[]): ChartData {
  const series = rows.map((values, s): ChartSeries => ({
    key: `{s="${s}"}`,
    labels: [{ name: 's', value: String(s) }],
    values,
    durationsMs: new Float64Array(values.length),
    counts: new Int32Array(values.length),
    peak: Math.max(0, ...values.filter((v): v is number => v != null)),
    trough: 0,
    points: values.filter((v) => v != null).length,
  }));
  return { timestamps: Float64Array.from(rows[0]!, (_, i) => i * 60), series, unit: metricUnit('', false), perSecond: false };
}

const at = (series: number, index: number) => ({ series, index });
const state = (cursor?: { series: number; index: number }, anchor?: number): CursorState => ({ cursor, anchor });

describe('metrics keyboard cursor', () => {
  // Series 1 stops before the end; series 2 has no point at all.
  const data = chart([1, 2, 3, 4], [5, null, 6, null], [null, null, null, null]);
  const order = [1, 0];

  it('starts on the last point of the first visible series, whichever key moves it', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'End']) {
      expect(cursorAction(data, order, state(), key, false), key).to.deep.equal({ kind: 'move', to: at(1, 2), anchor: undefined });
    }
    expect(cursorAction(data, order, state(), 'Home', false)).to.deep.include({ to: at(1, 0) });
  });

  it("starts again when the cursor's series is hidden", () => {
    expect(cursorAction(data, [0], state(at(1, 0)), 'ArrowRight', false)).to.deep.include({ to: at(0, 3) });
  });

  it("moves left and right over the series' points, skipping gaps and staying at either end", () => {
    expect(cursorAction(data, order, state(at(1, 0)), 'ArrowRight', false)).to.deep.include({ to: at(1, 2) });
    expect(cursorAction(data, order, state(at(1, 2)), 'ArrowRight', false)).to.deep.include({ to: at(1, 2) });
    expect(cursorAction(data, order, state(at(0, 1)), 'ArrowLeft', false)).to.deep.include({ to: at(0, 0) });
  });

  it('moves up and down to the series above or below at the same time', () => {
    const three = chart([1, 2], [5, 0], [3, 3]);
    expect(cursorAction(three, [0, 1, 2], state(at(0, 0)), 'ArrowUp', false)).to.deep.include({ to: at(2, 0) });
    expect(cursorAction(three, [0, 1, 2], state(at(2, 0)), 'ArrowUp', false)).to.deep.include({ to: at(1, 0) });
    expect(cursorAction(three, [0, 1, 2], state(at(1, 0)), 'ArrowUp', false)).to.deep.include({ to: at(1, 0) });
    expect(cursorAction(three, [0, 1, 2], state(at(0, 1)), 'ArrowDown', false)).to.deep.include({ to: at(1, 1) });
    // Hidden series and series without a point there are passed over.
    expect(neighbourSeries(three, [0, 1], at(0, 0), 1)).to.deep.equal(at(1, 0));
    expect(neighbourSeries(data, [0, 1], at(0, 1), 1)).to.deep.equal(at(0, 1));
  });

  it('leaves the cursor where it is when the series has no point to go to', () => {
    expect(cursorAction(data, [2, 0], state(), 'ArrowRight', false)).to.deep.equal({ kind: 'move', to: undefined, anchor: undefined });
  });

  it('anchors a selection at the first Shift+arrow and drops it on a plain arrow', () => {
    const shifted = cursorAction(data, order, state(at(0, 3)), 'ArrowLeft', true);
    expect(shifted).to.deep.equal({ kind: 'move', to: at(0, 2), anchor: 3 });
    expect(cursorAction(data, order, state(at(0, 2), 3), 'ArrowLeft', true)).to.deep.include({ to: at(0, 1), anchor: 3 });
    expect(cursorAction(data, order, state(at(0, 2), 3), 'ArrowLeft', false)).to.deep.include({ anchor: undefined });
    expect(cursorAction(data, order, state(at(0, 2), 3), 'ArrowUp', false)).to.deep.include({ anchor: 3 });
  });

  it("picks the cursor's point on Enter, or the range from the anchor to it", () => {
    expect(cursorAction(data, order, state(at(0, 1)), 'Enter', false)).to.deep.equal({ kind: 'pick', point: at(0, 1) });
    expect(cursorAction(data, order, state(at(0, 1), 1), 'Enter', false)).to.deep.equal({ kind: 'pick', point: at(0, 1) });
    expect(cursorAction(data, order, state(at(0, 1), 3), 'Enter', false)).to.deep.equal({ kind: 'range', startMs: 180_000, endMs: 60_000 });
    expect(cursorAction(data, order, state(undefined, 3), 'Enter', false)).to.deep.equal({ kind: 'none' });
  });

  it('makes the range a baseline on B, and ignores B without one', () => {
    expect(cursorAction(data, order, state(at(0, 1), 3), 'b', false)).to.deep.equal({ kind: 'baseline', startMs: 180_000, endMs: 60_000 });
    expect(cursorAction(data, order, state(at(0, 1), 3), 'B', true)).to.deep.include({ kind: 'baseline' });
    expect(cursorAction(data, order, state(at(0, 1)), 'b', false)).to.deep.equal({ kind: 'none' });
    expect(cursorAction(data, order, state(at(0, 1), 1), 'B', false)).to.deep.equal({ kind: 'none' });
  });

  it('clears the cursor or an anchor on Escape, and lets other keys and empty charts be', () => {
    expect(cursorAction(data, order, state(at(0, 1)), 'Escape', false)).to.deep.equal({ kind: 'clear' });
    expect(cursorAction(data, order, state(undefined, 2), 'Escape', false)).to.deep.equal({ kind: 'clear' });
    expect(cursorAction(data, order, state(), 'Escape', false)).to.deep.equal({ kind: 'none' });
    expect(cursorAction(data, order, state(at(0, 1)), 'a', false)).to.deep.equal({ kind: 'none' });
    expect(cursorAction(data, [], state(at(0, 1)), 'ArrowLeft', false)).to.deep.equal({ kind: 'none' });
  });
});
