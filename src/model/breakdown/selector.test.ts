import { expect } from '@open-wc/testing';
import { parseSelector } from '../selector/index.js';
import { actionMatcher, selectorWithLabel } from './selector.js';

describe('breakdown selector editing', () => {
  it('includes a value by adding label="value" after the matchers there are', () => {
    expect(selectorWithLabel('{job="x"}', 'instance', 'a', 'include')).to.equal('{job="x", instance="a"}');
    expect(selectorWithLabel('{}', 'instance', 'a', 'include')).to.equal('{instance="a"}');
    expect(selectorWithLabel('', 'instance', 'a', 'include')).to.equal('{instance="a"}');
  });

  it('excludes a value with label!="value"', () => {
    expect(selectorWithLabel('{job="x"}', 'instance', 'a', 'exclude')).to.equal('{job="x", instance!="a"}');
  });

  it('replaces every matcher the selector had on the label, the others kept in their order', () => {
    expect(selectorWithLabel('{instance="b", job="x"}', 'instance', 'a', 'include')).to.equal('{job="x", instance="a"}');
    expect(selectorWithLabel('{job="x",instance=~"host-.*",instance!="c"}', 'instance', 'a', 'exclude')).to.equal('{job="x", instance!="a"}');
    expect(selectorWithLabel('{job="x",instance!="a"}', 'instance', 'a', 'include')).to.equal('{job="x", instance="a"}');
  });

  it('keeps the other matchers as they were, operators and escapes included', () => {
    const text = selectorWithLabel('{job=~"a|b", path="C:\\\\x \\"q\\""}', 'instance', 'a', 'include');
    expect(text).to.equal('{job=~"a|b", path="C:\\\\x \\"q\\"", instance="a"}');
    const parsed = parseSelector(text);
    expect(parsed.ok && parsed.selector.matchers[1]!.value).to.equal('C:\\x "q"');
  });

  it('quotes values so the selector parses back to the value', () => {
    for (const value of ['host-a:6060', 'with "quotes"', 'back\\slash', 'new\nline', '']) {
      const text = selectorWithLabel('{}', 'instance', value, 'include');
      const parsed = parseSelector(text);
      expect(parsed.ok, text).to.equal(true);
      if (parsed.ok) expect(parsed.selector.matchers).to.deep.equal([{ name: 'instance', op: '=', value }]);
    }
  });

  it('adds the matcher to a selector that does not parse rather than losing it', () => {
    expect(selectorWithLabel('{job=x}', 'instance', 'a', 'include')).to.equal('{job=x, instance="a"}');
  });

  it('makes the matcher of each action', () => {
    expect(actionMatcher('job', 'x', 'exclude')).to.deep.equal({ name: 'job', op: '!=', value: 'x' });
    expect(actionMatcher('job', 'x', 'include')).to.deep.equal({ name: 'job', op: '=', value: 'x' });
  });
});
