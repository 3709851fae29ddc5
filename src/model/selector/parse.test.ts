import { expect } from '@open-wc/testing';
import { formatSelector, quoteValue } from './format.js';
import { type Selector, SelectorSyntaxError, describeProblem, parseSelector, parseSelectorOrThrow } from './parse.js';
import { regexProblem } from './regex.js';
import { tokenize } from './tokens.js';

function parsed(text: string): Selector {
  const result = parseSelector(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got ${describeProblem(result.error)}`);
  return result.selector;
}

function problem(text: string): { offset: number; end: number; reason: string } {
  const result = parseSelector(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, it parsed as ${formatSelector(result.selector)}`);
  return result.error;
}

describe('selector tokens', () => {
  it('gives each token its offsets and raw text', () => {
    const tokens = tokenize('{ job =~ "a\\"b" ,}');
    expect(tokens.map((t) => [t.kind, t.start, t.end, t.text])).to.deep.equal([
      ['lbrace', 0, 1, '{'],
      ['word', 2, 5, 'job'],
      ['op', 6, 8, '=~'],
      ['string', 9, 15, '"a\\"b"'],
      ['comma', 16, 17, ','],
      ['rbrace', 17, 18, '}'],
    ]);
    expect(tokens[3]!.value).to.equal('a"b');
  });

  it('keeps an unterminated string as one token to the end of the text', () => {
    const [, , , value] = tokenize('{a="xy');
    expect(value).to.include({ kind: 'string', start: 3, end: 6, closed: false, value: 'xy' });
  });
});

describe('parseSelector', () => {
  it('reads every operator', () => {
    expect(parsed('{a="1", b!="2", c=~"3", d!~"4"}').matchers).to.deep.equal([
      { name: 'a', op: '=', value: '1' },
      { name: 'b', op: '!=', value: '2' },
      { name: 'c', op: '=~', value: '3' },
      { name: 'd', op: '!~', value: '4' },
    ]);
  });

  it('reads empty selectors as no matchers', () => {
    for (const text of ['', '   ', '{}', '{ }', ' { } ']) expect(parsed(text).matchers, JSON.stringify(text)).to.deep.equal([]);
  });

  it('accepts matchers without braces', () => {
    expect(parsed('job="api",instance=~"a.*"')).to.deep.equal(parsed('{job="api", instance=~"a.*"}'));
  });

  it('accepts a trailing comma, as Prometheus does', () => {
    expect(parsed('{job="api",}').matchers).to.have.length(1);
    expect(parsed('job="api",').matchers).to.have.length(1);
  });

  it('accepts label names with _, : and . but not a leading digit', () => {
    expect(parsed('{_a.b:c_1="x", __name__="y"}').matchers.map((m) => m.name)).to.deep.equal(['_a.b:c_1', '__name__']);
    expect(problem('{1a="x"}')).to.deep.equal({ offset: 1, end: 3, reason: 'a label name starts with a letter or _' });
  });

  it('decodes escapes', () => {
    const [m] = parsed(String.raw`{a="q\" b\\ n\n t\t u\u00e9 U\U0001F600 x\x41 o\101 \a\b\f\r\v"}`).matchers;
    expect(m!.value).to.equal('q" b\\ n\n t\t ué U😀 xA oA \x07\b\f\r\v');
  });

  it('keeps unicode values as they are', () => {
    expect(parsed('{team="équipe-東京-😀"}').matchers[0]!.value).to.equal('équipe-東京-😀');
  });

  it('reads braces, commas and quotes inside values as text', () => {
    expect(parsed('{a=~"x{2,3}(,|})", b="}{,"}').matchers).to.deep.equal([
      { name: 'a', op: '=~', value: 'x{2,3}(,|})' },
      { name: 'b', op: '=', value: '}{,' },
    ]);
  });

  it('allows an empty value (the label is absent) and an empty regex', () => {
    expect(parsed('{a="", b=~""}').matchers.map((m) => m.value)).to.deep.equal(['', '']);
  });

  it('allows repeated label names, as Prometheus does', () => {
    expect(parsed('{a="1", a!="2"}').matchers).to.have.length(2);
  });

  it('throws a SelectorSyntaxError from parseSelectorOrThrow', () => {
    expect(() => parseSelectorOrThrow('{a=}')).to.throw(SelectorSyntaxError, 'expected a double-quoted value (at character 4)');
  });
});

describe('parseSelector errors and their positions', () => {
  const cases: [text: string, offset: number, end: number, reason: string][] = [
    ['{', 1, 1, 'missing closing }'],
    ['{a="b"', 6, 6, 'missing closing }'],
    ['{a="b",', 7, 7, 'missing closing }'],
    ['{a', 2, 2, 'expected =, !=, =~ or !~ after a'],
    ['{a}', 2, 3, 'expected =, !=, =~ or !~ after a'],
    ['{a "b"}', 3, 6, 'expected =, !=, =~ or !~ after a'],
    ['{a=}', 3, 4, 'expected a double-quoted value'],
    ['{a=', 3, 3, 'expected a double-quoted value'],
    ['{a=b}', 3, 4, 'values are double-quoted: "b"'],
    ["{a='b'}", 3, 4, 'values use double quotes'],
    ['{a=`b`}', 3, 4, 'values use double quotes'],
    ['{a!"b"}', 2, 3, 'expected != or !~'],
    ['{a=="b"}', 3, 4, 'expected a double-quoted value'],
    ['{a=\\x}', 3, 4, 'unexpected character "\\\\"'],
    ['{a~"b"}', 2, 3, 'unexpected character "~"'],
    ['{a="b" c="d"}', 7, 8, 'expected , or }'],
    ['a="b" c="d"', 6, 7, 'expected ,'],
    ['{,}', 1, 2, 'unexpected ,: expected a label name'],
    ['{a="b",,}', 7, 8, 'unexpected ,: expected a label name'],
    [',', 0, 1, 'unexpected ,: expected a label name'],
    ['{"a"="b"}', 1, 4, 'expected a label name'],
    ['{=~"b"}', 1, 3, 'expected a label name'],
    ['{a="b"}}', 7, 8, 'unexpected text after }'],
    ['{a="b"} x', 8, 9, 'unexpected text after }'],
    ['{}{}', 2, 3, 'unexpected text after }'],
    ['a="b"}', 5, 6, 'unexpected }: there is no opening {'],
    ['{a="b}', 3, 6, 'unterminated string: missing closing "'],
    ['{a="b\n"}', 3, 5, 'unterminated string: missing closing "'],
    ['{a="x\\qy"}', 5, 7, 'invalid escape \\q'],
    ['{a="\\u12"}', 4, 8, 'invalid escape \\u12: expected 4 hex digits'],
    ['{a="\\uD800"}', 4, 10, '\\u escape is not a Unicode character'],
    ['{a="\\xff"}', 4, 8, 'byte escapes above \\x7f are not text: use \\u'],
    ['{a="\\12"}', 4, 7, 'invalid escape \\12: expected 3 octal digits'],
    ['{a="\\', 4, 5, 'unfinished escape'],
    ['{a="b"@}', 6, 7, 'unexpected character "@"'],
    ['{a@="b"}', 2, 3, 'unexpected character "@"'],
    ['{😀="b"}', 1, 3, 'unexpected character "😀"'],
    ['{a=~"("}', 4, 7, 'invalid regular expression: unterminated group'],
    ['{a!~"[a-"}', 4, 9, 'invalid regular expression: unterminated character class'],
    ['{a=~"*"}', 4, 7, 'invalid regular expression: nothing to repeat'],
    ['{a=~"x(?=y)"}', 4, 12, 'lookaround is not supported'],
    ['{a=~"(x)\\\\1"}', 4, 12, 'backreferences are not supported'],
  ];
  for (const [text, offset, end, reason] of cases) {
    it(`${JSON.stringify(text)} → ${offset}: ${reason}`, () => {
      expect(problem(text)).to.deep.equal({ offset, end, reason });
    });
  }

  it('does not check regexes after = and !=', () => {
    expect(parsed('{a="(", b!="["}').matchers).to.have.length(2);
  });
});

describe('regexProblem (RE2 approximated)', () => {
  it('accepts RE2 syntax JavaScript spells differently', () => {
    for (const re of ['(?i)api', '(?i:api)-x', '(?P<name>a+)', '[[:alpha:]]+', '[^[:digit:]]', '\\Q.*(\\E', '\\Aabc\\z', 'a{2,3}', '[]a]', '.*', '\\pL', '(?s).']) {
      expect(regexProblem(re), re).to.equal(undefined);
    }
  });

  it('refuses what RE2 cannot compile', () => {
    for (const re of ['(', ')', '[', 'a**', '(?<=a)b', '(?!a)', '\\1', '(?)']) expect(regexProblem(re), re).to.be.a('string');
  });
});

describe('formatSelector', () => {
  it('writes canonical text', () => {
    expect(formatSelector(parsed(' job = "api" ,instance!~"a.*" , '))).to.equal('{job="api", instance!~"a.*"}');
    expect(formatSelector(parsed(''))).to.equal('{}');
  });

  it('escapes what needs escaping and keeps unicode', () => {
    expect(quoteValue('a"b\\c\nd\te\r\x01\x7fé')).to.equal('"a\\"b\\\\c\\nd\\te\\r\\x01\\x7fé"');
  });

  const samples: Selector[] = [
    { matchers: [] },
    { matchers: [{ name: 'job', op: '=', value: 'api' }] },
    { matchers: [{ name: 'a.b:c', op: '!=', value: '' }] },
    { matchers: [{ name: 'q', op: '=', value: '"quoted" \\back\\ {braces}, commas\n\ttabs \x00 é 😀' }] },
    {
      matchers: [
        { name: 'r', op: '=~', value: 'x{2,3}(,|})\\.\\"' },
        { name: 's', op: '!~', value: '(?i)^a[[:alpha:]]' },
      ],
    },
  ];
  for (const sample of samples) {
    it(`round-trips ${formatSelector(sample)}`, () => {
      expect(parsed(formatSelector(sample))).to.deep.equal(sample);
    });
  }
});
