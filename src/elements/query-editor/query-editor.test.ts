import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { SEED_FIXTURES } from '../../../scripts/parca/seed-plan.js';
import { createConnection } from '../../client/connection.js';
import '../../define.js';
import '../../define/query-editor.js';
import { ParcaQueryChangeEvent } from '../../events/query-change.js';
import { ParcaQuerySubmitEvent } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaSourceChangeEvent } from '../../events/source-change.js';
import { recordingConnection } from '../../test-support/recording-connection.js';
import type { ParcaSourceElement } from '../source/source.js';
import { absoluteRange, formatTimeBound } from '../../model/time-range.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import type { ParcaQueryEditorElement } from './query-editor.js';
import { queryEditorStyles } from './query-editor.styles.js';
import { part } from '../../test-support/harness.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);
const FROM = new Date(startMs).toISOString();
const TO = new Date(endMs).toISOString();
const SEEDED_CPU_JOBS = SEED_FIXTURES.filter((f) => f.name === 'process_cpu').map((f) => f.job);

/** The jobs Parca itself reports for the CPU type in the seeded range (what the editor must offer). */
async function cpuJobs(): Promise<string[]> {
  const parca = createConnection({ url: env.parcaUrl });
  const { labelValues } = await parca.values({ labelName: 'job', profileType: CPU_TYPE, start: timestampFromMs(startMs), end: timestampFromMs(endMs) });
  return [...labelValues].sort();
}

function options(el: ParcaQueryEditorElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="option"]')].map((o) => o.textContent.trim());
}

/** Resolves with the next parca-load anywhere on the page (set up before the element exists). */
function nextLoad(): Promise<Event> {
  return nextEvent(document, 'parca-load');
}

async function underSource(editorAttrs: { profileType?: string; selector?: string } = {}, sourceType = CPU_TYPE) {
  const loaded = nextLoad();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} from=${FROM} to=${TO} profile-type=${sourceType}>
      <parca-query-editor profile-type=${editorAttrs.profileType ?? ''} selector=${editorAttrs.selector ?? ''}></parca-query-editor>
    </parca-source>
  `);
  const editor = source.querySelector('parca-query-editor')!;
  await loaded;
  await editor.updateComplete;
  return { source, editor };
}

/** Focuses the selector field and types into it like a person (once its autocomplete, loaded on focus, is there). */
async function typeSelector(editor: ParcaQueryEditorElement, text: string): Promise<void> {
  part<HTMLInputElement>(editor, 'selector-input')!.focus();
  await editor.settled;
  await sendKeys({ type: text });
  await editor.updateComplete;
}

/** Counts events of the query protocol on the document while `body` runs. */
async function countEvents(body: () => Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const names = [ParcaQuerySubmitEvent.eventName, ParcaQueryChangeEvent.eventName, ParcaRangeSelectEvent.eventName];
  const count = (event: Event) => (counts[event.type] = (counts[event.type] ?? 0) + 1);
  names.forEach((name) => document.addEventListener(name, count));
  try {
    await body();
  } finally {
    names.forEach((name) => document.removeEventListener(name, count));
  }
  return counts;
}

describe('<parca-query-editor>', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('lists the seeded profile types grouped by profile name', async () => {
    const { editor } = await underSource();
    const groups = [...editor.shadowRoot!.querySelectorAll('optgroup')];
    const labels = groups.map((g) => g.label);
    expect(labels).to.include.members(['CPU', 'Memory', 'Wall clock']);
    expect(labels.indexOf('CPU')).to.be.lessThan(labels.indexOf('Memory'));
    const cpu = groups.find((g) => g.label === 'CPU')!;
    const cpuOptions = [...cpu.querySelectorAll('option')];
    expect(cpuOptions.map((o) => o.value)).to.include(CPU_TYPE);
    expect(cpuOptions.map((o) => o.textContent.trim())).to.include('cpu (nanoseconds), delta');
    const select = part<HTMLSelectElement>(editor, 'profile-type-select')!;
    expect(select.value).to.equal(CPU_TYPE);
  });

  it('takes its initial query from attributes, else from the source', async () => {
    const { editor } = await underSource();
    expect(editor.profileType).to.equal(CPU_TYPE);
    expect(part<HTMLInputElement>(editor, 'selector-input')!.value).to.equal('');
    const own = await underSource({ profileType: 'memory:inuse_space:bytes:space:bytes', selector: '{job="kube-client"}' });
    expect(part<HTMLSelectElement>(own.editor, 'profile-type-select')!.value).to.equal('memory:inuse_space:bytes:space:bytes');
    expect(part<HTMLInputElement>(own.editor, 'selector-input')!.value).to.equal('{job="kube-client"}');
  });

  it('keeps a chosen type the range has no data for, marked', async () => {
    const missing = 'process_cpu:nothing:count:cpu:nanoseconds:delta';
    const { editor } = await underSource({ profileType: missing });
    const select = part<HTMLSelectElement>(editor, 'profile-type-select')!;
    expect(select.value).to.equal(missing);
    expect(select.selectedOptions[0]!.textContent).to.contain('no data');
    expect(part(editor, 'profile-type-note')!.textContent).to.contain('No data');
  });

  it('filters a long type list with a search field', async () => {
    const loaded = nextLoad();
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} from=${FROM} to=${TO}><parca-query-editor search-threshold="2"></parca-query-editor></parca-source>
    `);
    const editor = source.querySelector('parca-query-editor')!;
    await loaded;
    await editor.updateComplete;
    const filter = part<HTMLInputElement>(editor, 'profile-type-filter')!;
    filter.focus();
    await sendKeys({ type: 'wall' });
    await editor.updateComplete;
    const shown = [...editor.shadowRoot!.querySelectorAll('optgroup')].map((g) => g.label);
    expect(shown).to.deep.equal(['Wall clock']);
    expect(part(editor, 'hint')!.textContent).to.contain('Choose a profile type');
    expect(part<HTMLButtonElement>(editor, 'run')!.disabled).to.equal(true);
  });

  it('offers the seeded label names for a prefix, then the seeded values', async () => {
    const { editor } = await underSource();
    const labels = nextLoad();
    await typeSelector(editor, '{jo');
    await labels;
    await editor.updateComplete;
    expect(options(editor)).to.include('job');
    expect(options(editor).every((o) => o.includes('jo'))).to.equal(true);
    const input = part<HTMLInputElement>(editor, 'selector-input')!;
    expect(input.getAttribute('aria-expanded')).to.equal('true');

    const values = nextLoad();
    await sendKeys({ press: 'ArrowDown' });
    await editor.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect(part(editor, 'option-active')!.textContent.trim()).to.equal('job');
    await sendKeys({ press: 'Enter' });
    await values;
    await editor.updateComplete;
    expect(input.value).to.equal('{job=""');
    expect(input.selectionStart).to.equal(6);
    const jobs = await cpuJobs();
    expect(jobs).to.include.members(['fib', 'api']);
    expect(jobs.every((job) => SEEDED_CPU_JOBS.includes(job))).to.equal(true);
    expect(options(editor)).to.deep.equal(jobs);
  });

  it('submits with Enter and the source takes the query', async () => {
    const { source, editor } = await underSource();
    await typeSelector(editor, '{job="fib"}');
    const changed = nextEvent(source, ParcaSourceChangeEvent.eventName);
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.query).to.include({ profileType: CPU_TYPE, selector: '{job="fib"}', kind: 'both' });
    expect(source.query.selector).to.equal('{job="fib"}');
  });

  it('applies a query kind at once, in canonical text, and runs the same query again with Run', async () => {
    const { source, editor } = await underSource({ selector: ' job = "api" , instance=~"host-a.*",' });
    const metrics = editor.shadowRoot!.querySelector<HTMLInputElement>('input[name="kind"][value="metrics"]')!;
    const change = nextEvent(editor, ParcaQueryChangeEvent.eventName);
    const applied = nextEvent(editor, ParcaQuerySubmitEvent.eventName);
    metrics.click();
    expect((await change).query.kind).to.equal('metrics');
    const canonical = { profileType: CPU_TYPE, selector: '{job="api", instance=~"host-a.*"}', kind: 'metrics' };
    expect((await applied).query).to.deep.equal(canonical);
    expect(source.query.kind).to.equal('metrics');
    const window = source.query.window;
    const again = nextEvent(editor, ParcaQuerySubmitEvent.eventName);
    part<HTMLButtonElement>(editor, 'run')!.click();
    expect((await again).query).to.deep.equal(canonical);
    expect(source.query.window, 'Run applies the query anew').not.to.equal(window);
  });

  it('applies a profile type at once when the selector is valid, and says when an edit waits for Run', async () => {
    const { source, editor } = await underSource();
    const select = part<HTMLSelectElement>(editor, 'profile-type-select')!;
    const other = [...select.options].find((o) => o.value && o.value !== CPU_TYPE)!.value;
    const applied = nextEvent(source, ParcaSourceChangeEvent.eventName);
    select.value = other;
    select.dispatchEvent(new Event('change'));
    expect((await applied).query.profileType).to.equal(other);
    await editor.updateComplete;
    expect(part(editor, 'draft-note')).to.equal(null);
    await typeSelector(editor, '{job="fib"}');
    expect(part(editor, 'draft-note')!.textContent).to.contain('Run');
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(part(editor, 'draft-note')).to.equal(null);
  });

  it('shows where a malformed selector is wrong and sends nothing', async () => {
    const { editor } = await underSource();
    const counts = await countEvents(async () => {
      await typeSelector(editor, '{job=fib}');
      await sendKeys({ press: 'Enter' });
      part<HTMLButtonElement>(editor, 'run')!.click();
      await editor.updateComplete;
    });
    expect(counts[ParcaQuerySubmitEvent.eventName] ?? 0).to.equal(0);
    expect(counts[ParcaQueryChangeEvent.eventName]).to.equal('{job=fib}'.length);
    const error = part(editor, 'selector-error')!;
    expect(error.textContent).to.contain('values are double-quoted: "fib" (at character 6)');
    expect(part(editor, 'selector-error-mark')!.textContent).to.equal('fib');
    expect(part<HTMLInputElement>(editor, 'selector-input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(part<HTMLButtonElement>(editor, 'run')!.disabled).to.equal(true);
    await expect(editor).to.be.accessible();
  });

  it('can be used with the keyboard alone', async () => {
    const { source, editor } = await underSource();
    editor.focus();
    expect(editor.shadowRoot!.activeElement).to.equal(part(editor, 'profile-type-select'));
    await sendKeys({ press: 'Tab' });
    const input = part<HTMLInputElement>(editor, 'selector-input')!;
    expect(editor.shadowRoot!.activeElement).to.equal(input);
    const labels = nextLoad();
    await sendKeys({ type: '{' });
    await labels;
    await editor.updateComplete;
    // Arrow to `job` wherever it is in the list, accept it with Tab.
    const jobAt = options(editor).indexOf('job');
    expect(jobAt).to.be.greaterThan(-1);
    for (let i = 0; i <= jobAt; i++) await sendKeys({ press: 'ArrowDown' });
    const values = nextLoad();
    await sendKeys({ press: 'Tab' });
    await values;
    await editor.updateComplete;
    expect(editor.shadowRoot!.activeElement).to.equal(input);
    // Up from nothing goes to the last value.
    await sendKeys({ press: 'ArrowUp' });
    await editor.updateComplete;
    const jobs = await cpuJobs();
    const last = jobs[jobs.length - 1]!;
    expect(part(editor, 'option-active')!.textContent.trim()).to.equal(last);
    await sendKeys({ press: 'Enter' });
    await editor.updateComplete;
    expect(input.value).to.equal(`{job="${last}"`);
    // Escape closes the list without touching the text; Enter then runs the query.
    await sendKeys({ type: ', ' });
    await editor.updateComplete;
    await sendKeys({ press: 'Escape' });
    await editor.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '}' });
    const changed = nextEvent(source, ParcaSourceChangeEvent.eventName);
    await sendKeys({ press: 'Enter' });
    expect((await changed).query.selector).to.equal(`{job="${last}"}`);
  });

  it('changes the range through parca-range-select and shows the source range', async () => {
    const { source, editor } = await underSource();
    const from = part<HTMLInputElement>(editor, 'range-from')!;
    expect(new Date(from.value).getTime()).to.equal(Math.floor(startMs / 1000) * 1000);
    const presets = [...editor.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="range-preset"]')];
    expect(presets.map((b) => b.textContent.trim())).to.deep.equal(['5m', '15m', '1h', '6h', '24h', '7d']);
    const selected = nextEvent(editor, ParcaRangeSelectEvent.eventName);
    presets[1]!.click();
    expect(formatTimeBound((await selected).range.from)).to.equal('now-15m');
    await editor.updateComplete;
    expect(formatTimeBound(source.query.range.from)).to.equal('now-15m');
    expect(presets[1]!.getAttribute('aria-pressed')).to.equal('true');

    const to = part<HTMLInputElement>(editor, 'range-to')!;
    from.value = '2026-01-01T10:00:00';
    to.value = '2026-01-01T11:00:00';
    const typed = nextEvent(editor, ParcaRangeSelectEvent.eventName);
    to.dispatchEvent(new Event('change', { bubbles: true }));
    expect((await typed).range).to.deep.equal(absoluteRange(new Date(2026, 0, 1, 10).getTime(), new Date(2026, 0, 1, 11).getTime()));
    await editor.updateComplete;
    expect(source.from).to.equal(new Date(2026, 0, 1, 10).toISOString());
  });

  it('fires nothing when code sets its properties', async () => {
    const { editor } = await underSource();
    const counts = await countEvents(async () => {
      editor.profileType = 'memory:inuse_space:bytes:space:bytes';
      editor.selector = '{job="x"';
      editor.queryKind = 'profile';
      await editor.updateComplete;
    });
    expect(counts).to.deep.equal({});
    expect(part(editor, 'selector-error')).to.exist;
  });

  it('works alone with a connection, caches suggestions per type and range, and aborts superseded requests', async () => {
    const recording = recordingConnection();
    const loaded = nextLoad();
    const editor = await fixture<ParcaQueryEditorElement>(
      html`<parca-query-editor profile-type=${CPU_TYPE} .connection=${recording.connection}></parca-query-editor>`,
    );
    await loaded;
    recording.hold();
    await typeSelector(editor, '{job="');
    // The label request for `{` was superseded by the value request for `job`.
    const suggestionCalls = () => recording.calls.filter((call) => call.method === 'labels' || call.method === 'values');
    const [first] = suggestionCalls();
    expect(first!.method).to.equal('labels');
    expect(first!.signal!.aborted).to.equal(true);
    const values = nextLoad();
    recording.release();
    await values;
    await editor.updateComplete;
    expect(options(editor)).to.include('fib');

    const before = suggestionCalls().length;
    await sendKeys({ press: 'Escape' });
    await sendKeys({ type: 'f' });
    await editor.updateComplete;
    expect(options(editor)).to.deep.equal(['fib']);
    expect(suggestionCalls().length, 'answered from the cache').to.equal(before);

    const submitted = nextEvent(editor, ParcaQuerySubmitEvent.eventName);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '}' });
    await sendKeys({ press: 'Enter' });
    expect((await submitted).query.selector).to.equal('{job="fib"}');
  });

  it('is accessible, with suggestions shown', async () => {
    const { editor } = await underSource();
    await expect(editor).to.be.accessible();
    const labels = nextLoad();
    await typeSelector(editor, '{');
    await labels;
    await sendKeys({ press: 'ArrowDown' });
    await editor.updateComplete;
    expect(part(editor, 'listbox')!.hidden).to.equal(false);
    await expect(editor).to.be.accessible();
  });

  it('follows dark mode through its custom properties', async () => {
    const { editor } = await underSource();
    const light = getComputedStyle(editor).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(editor).backgroundColor).not.to.equal(light);
    const dark = getComputedStyle(editor).backgroundColor;
    // The theme attribute overrides the user's scheme, both ways.
    editor.theme = 'light';
    await editor.updateComplete;
    expect(getComputedStyle(editor).backgroundColor).to.equal(light);
    await emulateMedia({ colorScheme: 'light' });
    editor.theme = 'dark';
    await editor.updateComplete;
    expect(getComputedStyle(editor).backgroundColor).to.equal(dark);
    editor.style.setProperty('--parca-color-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(editor).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('has forced-colors rules that use system colors for the active suggestion and range', () => {
    // Chromium under puppeteer cannot emulate forced colors, so the rules themselves are checked.
    const rules = queryEditorStyles.flatMap((sheet) => [...sheet.styleSheet!.cssRules]);
    const forced = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'));
    expect(forced, 'a forced-colors media rule').not.to.be.empty;
    const active = forced.flatMap((m) => [...m.cssRules]).find((r) => r instanceof CSSStyleRule && r.selectorText.includes('option-active')) as CSSStyleRule;
    expect(active, 'a forced-colors rule for the active option').to.exist;
    expect(active.selectorText).to.contain('range-preset-active');
    expect(active.style.backgroundColor.toLowerCase()).to.equal('highlight');
    expect(active.style.color.toLowerCase()).to.equal('highlighttext');
  });
});

describe('<parca-query-editor> sum by', () => {
  const MEMORY_TYPE = 'memory:alloc_space:bytes:space:bytes';
  const parca = () => createConnection({ url: env.parcaUrl });
  const range = () => ({ start: timestampFromMs(startMs), end: timestampFromMs(endMs) });
  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  /** The label names Parca has for the type in the seeded range, as a sum-by can name them (no `__*`). */
  async function parcaLabelNames(profileType: string): Promise<string[]> {
    const { labelNames } = await parca().labels({ ...range(), profileType });
    return labelNames.filter((name) => !name.startsWith('__')).sort();
  }

  /** How many series Parca answers for the whole type summed by `sumBy` (empty: every label name, as the chart asks). */
  async function parcaSeriesCount(profileType: string, sumBy: string[]): Promise<number> {
    const by = sumBy.length ? sumBy : await parcaLabelNames(profileType);
    const { series } = await parca().queryRange({ query: `${profileType}{}`, ...range(), step: { seconds: 60n }, sumBy: by });
    return series.length;
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(condition(), what).to.equal(true);
  }

  /** A source with an editor and a chart, both loaded. */
  async function explorer(sourceAttrs: { id?: string; syncUrl?: boolean; profileType?: string } = {}) {
    const loads = nextEvent(document, 'parca-load');
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source id=${sourceAttrs.id ?? 'sum'} ?sync-url=${sourceAttrs.syncUrl} url=${env.parcaUrl} from=${FROM} to=${TO} profile-type=${sourceAttrs.profileType ?? CPU_TYPE}>
        <parca-query-editor></parca-query-editor>
        <parca-metrics style="width: 800px"></parca-metrics>
      </parca-source>
    `);
    const editor = source.querySelector('parca-query-editor')!;
    const metrics = source.querySelector('parca-metrics')!;
    await loads;
    await Promise.all([editor.settled, metrics.settled]);
    return { source, editor, metrics };
  }

  const checkboxes = (editor: ParcaQueryEditorElement) => [...editor.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="sum-by-option"] input')];
  const pickerNames = (editor: ParcaQueryEditorElement) => checkboxes(editor).map((box) => box.value);

  async function openPicker(editor: ParcaQueryEditorElement): Promise<void> {
    part<HTMLButtonElement>(editor, 'sum-by-button')!.click();
    await until(() => checkboxes(editor).length > 0, 'the picker lists label names');
  }

  /** Checks or unchecks one label name and waits for the source to run the query and the chart to show it. */
  async function toggle(editor: ParcaQueryEditorElement, source: ParcaSourceElement, name: string) {
    const applied = nextEvent(source, 'parca-source-change');
    checkboxes(editor)
      .find((box) => box.value === name)!
      .click();
    const event = await applied;
    const metrics = source.querySelector('parca-metrics')!;
    await metrics.settled;
    return event;
  }

  it('lists exactly the label names Parca has for the type and range, and says which is in effect', async () => {
    const { editor } = await explorer();
    const button = part<HTMLButtonElement>(editor, 'sum-by-button')!;
    expect(button.textContent).to.contain('Sum by: all labels (default)');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await openPicker(editor);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const expected = await parcaLabelNames(CPU_TYPE);
    expect(expected).to.include.members(['instance', 'job']);
    expect(pickerNames(editor)).to.deep.equal(expected);
    expect(checkboxes(editor).every((box) => !box.checked)).to.equal(true);
    await expect(editor).to.be.accessible();
  });

  it('changes the series the chart shows as Parca sums them, through the query change and submit events', async () => {
    const { source, editor, metrics } = await explorer();
    expect(metrics.data!.series).to.have.length(await parcaSeriesCount(CPU_TYPE, []));
    await openPicker(editor);
    const changed = nextEvent(editor, ParcaQueryChangeEvent.eventName);
    const submitted = nextEvent(editor, ParcaQuerySubmitEvent.eventName);
    const byJob = await toggle(editor, source, 'job');
    expect((await changed).query.sumBy).to.deep.equal(['job']);
    expect((await submitted).query).to.deep.include({ profileType: CPU_TYPE, sumBy: ['job'] });
    expect(byJob.query.sumBy).to.deep.equal(['job']);
    expect(metrics.data!.series).to.have.length(await parcaSeriesCount(CPU_TYPE, ['job']));
    for (const series of metrics.data!.series) expect(series.labels.map((l) => l.name)).to.deep.equal(['job']);
    expect(part(editor, 'sum-by-button')!.textContent).to.contain('Sum by: job');

    await toggle(editor, source, 'instance');
    expect(source.query.sumBy).to.deep.equal(['job', 'instance']);
    expect(metrics.data!.series).to.have.length(await parcaSeriesCount(CPU_TYPE, ['job', 'instance']));

    const reset = nextEvent(source, 'parca-source-change');
    part<HTMLButtonElement>(editor, 'sum-by-default')!.click();
    expect((await reset).query.sumBy).to.deep.equal([]);
    await metrics.settled;
    expect(metrics.data!.series).to.have.length(await parcaSeriesCount(CPU_TYPE, []));
    expect(part(editor, 'sum-by-button')!.textContent).to.contain('all labels (default)');
  });

  it('can be used with the keyboard alone', async () => {
    const { source, editor } = await explorer();
    const button = part<HTMLButtonElement>(editor, 'sum-by-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => editor.shadowRoot!.activeElement === checkboxes(editor)[0], 'focus goes to the first label name');
    const at = pickerNames(editor).indexOf('job');
    for (let i = 0; i < at; i++) await sendKeys({ press: 'Tab' });
    expect(editor.shadowRoot!.activeElement).to.equal(checkboxes(editor)[at]);
    const applied = nextEvent(source, 'parca-source-change');
    await sendKeys({ press: 'Space' });
    expect((await applied).query.sumBy).to.deep.equal(['job']);
    await editor.updateComplete;
    expect(editor.shadowRoot!.activeElement, 'focus stays on the label name').to.equal(checkboxes(editor)[at]);
    await sendKeys({ press: 'Escape' });
    await editor.updateComplete;
    expect(part(editor, 'sum-by-picker')).to.equal(null);
    expect(editor.shadowRoot!.activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('is disabled, and says why, for a type that does not sum series', async () => {
    const { editor } = await underSource({}, MEMORY_TYPE);
    const button = part<HTMLButtonElement>(editor, 'sum-by-button')!;
    expect(button.disabled).to.equal(true);
    const note = part(editor, 'sum-by-note')!;
    expect(note.textContent).to.contain('delta');
    expect(button.getAttribute('aria-describedby')).to.equal(note.id);
    await expect(editor).to.be.accessible();
  });

  it('round-trips the choice through the URL of a source that syncs it, and back and forward', async () => {
    const { source, editor } = await explorer({ id: 'sb', syncUrl: true });
    await openPicker(editor);
    await toggle(editor, source, 'job');
    expect(new URLSearchParams(location.search).get('sb.sum-by')).to.equal('job');
    await toggle(editor, source, 'instance');
    expect(new URLSearchParams(location.search).get('sb.sum-by')).to.equal('job,instance');

    // A new page from the link.
    const restored = await explorer({ id: 'sb', syncUrl: true });
    expect(restored.source.query.sumBy).to.deep.equal(['job', 'instance']);
    expect(part(restored.editor, 'sum-by-button')!.textContent).to.contain('Sum by: job, instance');
    expect(restored.metrics.data!.series).to.have.length(await parcaSeriesCount(CPU_TYPE, ['job', 'instance']));

    const back = nextEvent(restored.source, 'parca-source-change');
    history.back();
    const event = await back;
    expect(event.cause).to.equal('history');
    expect(event.query.sumBy).to.deep.equal(['job']);
    await restored.editor.updateComplete;
    expect(part(restored.editor, 'sum-by-button')!.textContent).to.contain('Sum by: job');
  });
});
