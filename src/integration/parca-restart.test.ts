// A real Parca going down mid-session and coming back: the element says what happened, keeps its last good
// view, and recovers on the next query without a reload.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import type { ParcaQueryEditorElement } from '../elements/query-editor/query-editor.js';
import { CPU_TYPE } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { recordScenario, startChaosParca, stopChaosParca } from '../test-support/scenarios.js';

function optionCount(editor: ParcaQueryEditorElement): number {
  return editor.shadowRoot!.querySelectorAll('[part~="profile-type-select"] option').length;
}

describe('Parca down mid-session, then restarted', function () {
  // Starting and seeding a Parca takes seconds, and this test does it twice.
  this.timeout(90_000);

  it('keeps the last good view while Parca is down and recovers when it is back', async () => {
    const url = await startChaosParca();
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${url} profile-type=${CPU_TYPE}><parca-query-editor></parca-query-editor></parca-source>`);
    const editor = source.querySelector('parca-query-editor')!;
    while (optionCount(editor) <= 1) await nextEvent(editor, 'parca-load');
    await editor.updateComplete;
    const good = optionCount(editor);
    expect(good).to.be.greaterThan(3);

    await stopChaosParca();
    const failed = nextEvent(editor, 'parca-error');
    source.from = 'now-2h';
    const { error } = await failed;
    await editor.updateComplete;
    expect(error.kind).to.equal('unreachable');
    expect(optionCount(editor), 'the last good list stays').to.equal(good);
    const shown = editor.shadowRoot!.querySelector('[part~="error"]');
    expect(shown?.textContent).to.contain('could not be reached');

    await startChaosParca();
    const loaded = nextEvent(editor, 'parca-load');
    source.from = 'now-3h';
    await loaded;
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    // A restarted Parca is seeded afresh (other tests may have written more into the old one).
    expect(optionCount(editor)).to.be.greaterThan(3);
    await recordScenario('fault: Parca down mid-session and restarted', 1, 0);
  });
});
