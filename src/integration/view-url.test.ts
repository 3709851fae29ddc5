// A flame graph's view (focus, search, sandwich, options) and a chosen baseline in the page URL through a
// source's `sync-url`: written on user changes, restored in a new page and on back/forward.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { ParcaBaselineSelectEvent } from '../events/baseline-select.js';
import { frameName } from '../model/flamegraph/names.js';
import { EMPTY_VIEW, readViewParams, viewIdsInParams, writeViewParams } from '../model/flamegraph/view-state.js';
import { absoluteRange } from '../model/time-range.js';
import { readRangeParams } from '../model/url-state.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { isoTime, flamegraphSettled } from '../test-support/elements.js';
import { clickFrame } from '../test-support/harness.js';

const env = testEnv();
const FIB = 'github.com/polarsignals/pprof-example-app-go/fib.Fibonacci';

async function mounted(id = '') {
  const range = seededRange();
  const el = document.createElement('parca-flamegraph');
  if (id) el.id = id;
  Object.assign(el, { trimThreshold: 0, searchField: true });
  el.style.width = '800px';
  const first = flamegraphSettled(el);
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source id="s" sync-url url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}' from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}
      >${el}</parca-source
    >
  `);
  await first;
  return { source, el };
}

describe('flame graph view in the URL', () => {
  const original = location.href;
  afterEach(() => {
    // Drops a test's counting wrappers (own properties over History.prototype's).
    Reflect.deleteProperty(history, 'pushState');
    Reflect.deleteProperty(history, 'replaceState');
    history.replaceState(null, '', original);
  });

  it('round-trips every field of a view through URL parameters, names with any character included', () => {
    const view = {
      focus: ['main.main', 'a > b, c&d=e', 'operator<<'],
      search: '/Add|Sub/',
      sandwich: 'math/big.(*Int).Add',
      invert: true,
      groupBy: ['mapping_file', 'labels.api'],
      filters: 'function_name ~ runtime; frame:address = 0x4011a0',
      presets: ['hide_libc', 'hide_v8_internals'],
      baselineFrom: 'now-2h',
      baselineTo: 'now-1h',
      diffAbsolute: true,
      labelAlign: 'right',
    };
    const params = writeViewParams(new URLSearchParams('keep=1&p.focus=old'), 'p.main', view);
    const read = readViewParams(new URLSearchParams(params.toString()), 'p.main');
    expect(read).to.deep.equal(view);
    expect(params.get('keep')).to.equal('1');
    expect(viewIdsInParams(params, 'p').sort()).to.deep.equal(['', 'main']);
    // Defaults leave no key behind.
    expect(writeViewParams(params, 'p.main', EMPTY_VIEW).toString()).to.equal('keep=1&p.focus=old');
    expect(readViewParams(new URLSearchParams('x=1'), 'p')).to.equal(undefined);
  });

  it('writes focus and search as the user changes them; typing replaces the history entry instead of adding one', async () => {
    const { el } = await mounted();
    // Counted by call: history.length stops at the browser's cap (50) in a long run.
    const steps = { push: 0, replace: 0 };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the originals, called below with history as `this`.
    const { pushState, replaceState } = history;
    history.pushState = (...args) => (steps.push++, pushState.apply(history, args));
    history.replaceState = (...args) => (steps.replace++, replaceState.apply(history, args));
    clickFrame(el, 'main.calculateFib');
    await el.settled;
    expect(el.focusPath).to.deep.equal(['main.calculateFib']);
    clickFrame(el, FIB);
    await el.settled;
    let params = new URLSearchParams(location.search);
    expect(params.getAll('s.focus')).to.deep.equal(['main.calculateFib', FIB]);
    expect(steps.push, 'each focus is a step back').to.equal(2);

    const field = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-field"]')!;
    for (const text of ['A', 'Ad', 'Add']) {
      field.value = text;
      field.dispatchEvent(new Event('input'));
    }
    params = new URLSearchParams(location.search);
    expect(params.get('s.search')).to.equal('Add');
    expect(steps, 'the first character adds an entry, the rest replace it').to.deep.equal({ push: 3, replace: 2 });
  });

  it('restores focus, search and options from a link, and follows back and forward', async () => {
    const link = new URLSearchParams(location.search);
    link.append('s.focus', 'main.calculateFib');
    link.append('s.focus', FIB);
    link.set('s.search', 'Add');
    link.set('s.group', 'mapping_file');
    history.replaceState(null, '', `${location.pathname}?${link}`);
    const { el } = await mounted();
    await el.updateComplete;
    expect(el.search).to.equal('Add');
    expect(el.groupBy).to.deep.equal(['mapping_file']);
    expect(frameName(el.data!.model, el.focusedRow)).to.equal(FIB);
    expect(el.focusPath).to.deep.equal(['main.calculateFib', FIB]);

    // A user focuses the root's child, then goes back to the link's view.
    const breadcrumb = el.shadowRoot!.querySelector('[part~="breadcrumb"]')!;
    [...breadcrumb.querySelectorAll('button')].find((b) => b.textContent.trim() === 'main.calculateFib')!.click();
    await el.updateComplete;
    expect(el.focusPath).to.deep.equal(['main.calculateFib']);
    const back = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
    history.back();
    await back;
    await el.updateComplete;
    await el.updateComplete;
    expect(el.focusPath).to.deep.equal(['main.calculateFib', FIB]);
  });

  it('offers the page URL as a link to the view where a source keeps it, and no link elsewhere', async () => {
    const { el } = await mounted();
    el.controls = true;
    clickFrame(el, 'main.calculateFib');
    await el.updateComplete;
    expect(el.viewLink()).to.equal(location.href);
    expect(new URL(el.viewLink()!).searchParams.getAll('s.focus')).to.deep.equal(['main.calculateFib']);
    const exportButtons = [...el.shadowRoot!.querySelectorAll('[part~="export"] button')].map((b) => b.textContent.trim());
    expect(exportButtons).to.include('Copy link');

    const alone = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph controls></parca-flamegraph>`);
    alone.connection = el.activeConnection;
    await alone.updateComplete;
    expect(alone.viewLink()).to.equal(undefined);
    expect([...alone.shadowRoot!.querySelectorAll('[part~="export"] button')].map((b) => b.textContent.trim())).to.not.include('Copy link');
  });

  it('keeps a baseline chosen for the source in the URL and diffs the flame graph against it', async () => {
    const { source, el } = await mounted();
    const { startMs, endMs } = seededRange();
    const baseline = absoluteRange(startMs, startMs + (endMs - startMs) / 2);
    const loaded = flamegraphSettled(el);
    el.dispatchEvent(new ParcaBaselineSelectEvent(baseline));
    await loaded;
    expect(source.query.baseline).to.deep.equal(baseline);
    expect(el.data!.isDiff, 'the graph is a diff').to.equal(true);
    expect(readRangeParams(new URLSearchParams(location.search), 's.base')).to.deep.equal(baseline);
    // Clearing it goes back to a plain merge.
    const plain = flamegraphSettled(el);
    el.dispatchEvent(new ParcaBaselineSelectEvent(undefined));
    await plain;
    expect(el.data!.isDiff).to.equal(false);
    expect(new URLSearchParams(location.search).has('s.base.from')).to.equal(false);
  });
});
