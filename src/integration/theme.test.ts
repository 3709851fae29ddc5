// Every visual element follows prefers-color-scheme, and its `theme` attribute overrides it both ways.
import { expect, fixture } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../define.js';
import type { ParcaElement } from '../elements/parca-element.js';

const TAGS = ['parca-query-editor', 'parca-metrics', 'parca-flamegraph'];

describe('themes', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const tag of TAGS) {
    it(`<${tag}> is dark under a dark scheme or theme="dark", light under theme="light"`, async () => {
      await emulateMedia({ colorScheme: 'light' });
      const el = await fixture<ParcaElement>(html`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
      const light = getComputedStyle(el).color;
      await emulateMedia({ colorScheme: 'dark' });
      const dark = getComputedStyle(el).color;
      expect(dark, 'the dark scheme changes the text color').not.to.equal(light);
      el.theme = 'light';
      await el.updateComplete;
      expect(getComputedStyle(el).color).to.equal(light);
      await emulateMedia({ colorScheme: 'light' });
      el.theme = 'dark';
      await el.updateComplete;
      expect(getComputedStyle(el).color).to.equal(dark);
    });
  }
});
