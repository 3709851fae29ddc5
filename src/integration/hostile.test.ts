// A profile full of hostile strings (markup, script, bidi controls, 5,000-character and non-UTF-8 names, a
// markup label value) written into a real Parca: every element shows them as inert text.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { ParcaSandwichElement } from '../elements/sandwich/sandwich.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaQueryEditorElement } from '../elements/query-editor/query-editor.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { frameName } from '../model/flamegraph/names.js';
import { nextEvent } from '../test-support/events.js';
import { BIDI_FUNCTION, HOSTILE_TYPE, LONG_FUNCTION, MARKUP_FUNCTION, MARKUP_LABEL_VALUE, SCRIPT_FILE } from '../test-support/hostile.js';
import { recordScenario, seedHostileProfile, startChaosParca } from '../test-support/scenarios.js';

/** Every element under `root`, shadow trees included. */
function everything(root: Element | ShadowRoot): Element[] {
  const found: Element[] = root instanceof Element ? [root] : [];
  if (root instanceof Element && root.shadowRoot) found.push(...everything(root.shadowRoot));
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...everything(el.shadowRoot));
  }
  return found;
}

/** Elements or event-handler attributes under `root` that only parsed markup could have made. */
function injected(root: Element): string[] {
  const all = everything(root);
  return all
    .filter((el) => el.localName === 'img' || el.localName === 'svg' || el.localName === 'script')
    .map((el) => el.outerHTML)
    .concat(all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName} ${a.name}`)));
}

describe('hostile strings from a real Parca', function () {
  this.timeout(90_000);

  it('are shown as inert text in the flame graph, legend, tables, tooltips, breadcrumb, sandwich and autocomplete', async () => {
    const url = await startChaosParca();
    const atMs = await seedHostileProfile();
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${url} profile-type=${HOSTILE_TYPE} from=${new Date(atMs - 3_600_000).toISOString()} to=${new Date(atMs).toISOString()}>
        <parca-query-editor></parca-query-editor>
        <parca-metrics style="width: 700px"></parca-metrics>
        <parca-flamegraph style="width: 700px"></parca-flamegraph>
        <parca-function-table style="width: 700px"></parca-function-table>
        <parca-calltree style="width: 700px"></parca-calltree>
      </parca-source>`);
    const editor = source.querySelector('parca-query-editor') as ParcaQueryEditorElement;
    const metrics = source.querySelector('parca-metrics') as ParcaMetricsElement;
    const graph = source.querySelector('parca-flamegraph') as ParcaFlamegraphElement;
    while (!graph.data) await nextEvent(graph, 'parca-load');
    while (!metrics.data) await nextEvent(metrics, 'parca-load');

    // The flame graph decodes every hostile name as text.
    const model = graph.data.model;
    const names = Array.from({ length: model.size }, (_, row) => frameName(model, row));
    for (const name of [MARKUP_FUNCTION, BIDI_FUNCTION, LONG_FUNCTION]) expect(names).to.include(name);
    expect(
      names.some((n) => n.includes('\uFFFD')),
      'invalid UTF-8 becomes U+FFFD',
    ).to.equal(true);

    // Hover and click the markup frame: tooltip and breadcrumb show its text.
    const row = names.indexOf(MARKUP_FUNCTION);
    await graph.drawComplete;
    const rect = graph.frameRect(row)!;
    const canvas = graph.shadowRoot!.querySelector('canvas')!;
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + rect.x + Math.min(rect.width / 2, 20), clientY: box.top + rect.y + rect.height / 2, bubbles: true };
    canvas.dispatchEvent(new PointerEvent('pointermove', at));
    await graph.updateComplete;
    const tooltip = graph.shadowRoot!.querySelector('[part~="tooltip"]')!;
    expect(tooltip.textContent).to.contain(MARKUP_FUNCTION);
    expect(tooltip.textContent).to.contain(SCRIPT_FILE);
    canvas.dispatchEvent(new MouseEvent('click', at));
    await graph.updateComplete;
    expect(graph.shadowRoot!.querySelector('[part~="breadcrumb"]')!.textContent).to.contain(MARKUP_FUNCTION);

    // The function table lists it as text; its sandwich view names it as text.
    const table = source.querySelector('parca-function-table')!;
    while (!table.functionTable) await nextEvent(table, 'parca-load');
    await table.updateComplete;
    const tableNames = [...table.shadowRoot!.querySelectorAll('.table-row [title]')].map((b) => b.textContent.trim());
    expect(tableNames).to.include(MARKUP_FUNCTION);
    graph.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sandwich-button"]')!.click();
    await graph.updateComplete;
    expect(graph.sandwich).to.equal(MARKUP_FUNCTION);
    await graph.settled;
    const sandwich = graph.shadowRoot!.querySelector<ParcaSandwichElement>('[part~="sandwich"]')!;
    while (!sandwich.callees) await nextEvent(sandwich, 'parca-load');
    await sandwich.updateComplete;
    expect(sandwich.shadowRoot!.querySelector('[part~="header"]')!.textContent).to.contain(MARKUP_FUNCTION);
    expect(frameName(sandwich.callees.model, 1)).to.equal(MARKUP_FUNCTION);
    expect(sandwich.shadowRoot!.querySelector('script, img')).to.equal(null);

    // The call tree reveals the picked markup function as text.
    const tree = source.querySelector('parca-calltree')!;
    while (!tree.data) await nextEvent(tree, 'parca-load');
    table.pick(MARKUP_FUNCTION);
    await tree.updateComplete;
    const active = tree.shadowRoot!.querySelector('.tree-row[data-active] [title]');
    expect(active?.textContent).to.equal(MARKUP_FUNCTION);
    expect(tree.shadowRoot!.querySelector('script, img')).to.equal(null);

    // The legend and the accessible table show the markup label value as text.
    await metrics.updateComplete;
    expect(metrics.shadowRoot!.querySelector('[part~="legend"]')!.textContent).to.contain(MARKUP_LABEL_VALUE);

    // Autocomplete offers it as text too.
    const input = editor.shadowRoot!.querySelector<HTMLInputElement>('[part~="selector-input"]')!;
    input.focus();
    await sendKeys({ type: '{instance="' });
    const offered = () => [...editor.shadowRoot!.querySelectorAll('[part~="option"]')].map((o) => o.textContent.trim());
    // Label names, then the label's values, arrive as separate loads.
    for (let loads = 0; loads < 5 && !offered().includes(MARKUP_LABEL_VALUE); loads++) {
      await nextEvent(editor, 'parca-load');
      await editor.updateComplete;
    }
    expect(offered()).to.include(MARKUP_LABEL_VALUE);

    expect((window as { __pwned?: number }).__pwned, 'no script ran').to.equal(undefined);
    expect(injected(source), 'no markup was injected').to.deep.equal([]);
    await recordScenario('hostile strings: markup, script, bidi, long, invalid UTF-8', 5, 0);
  });
});
