import { expect } from '@open-wc/testing';
import { applyCompletion, completionContext, filterSuggestions, operatorSuggestions } from './completion.js';

/** `|` marks the cursor. */
function at(marked: string) {
  const cursor = marked.indexOf('|');
  return completionContext(marked.slice(0, cursor) + marked.slice(cursor + 1), cursor);
}

/** Applies a suggestion at the `|` and returns the result with `|` at the new cursor. */
function accept(marked: string, suggestion: string): string {
  const cursor = marked.indexOf('|');
  const text = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const edit = applyCompletion(text, completionContext(text, cursor), suggestion);
  return `${edit.text.slice(0, edit.cursor)}|${edit.text.slice(edit.cursor)}`;
}

describe('completionContext', () => {
  it('expects a label name at the start, after { and after a comma', () => {
    for (const text of ['|', '{|', '{|}', '{a="b", |}', '{a="b",|']) {
      expect(at(text), text).to.deep.equal({ kind: 'label-name', prefix: '', from: text.indexOf('|'), to: text.indexOf('|'), hasOperator: false });
    }
  });

  it('completes the label name being typed, replacing the whole word', () => {
    expect(at('{jo|')).to.deep.equal({ kind: 'label-name', prefix: 'jo', from: 1, to: 3, hasOperator: false });
    expect(at('{j|ob="x"}')).to.deep.equal({ kind: 'label-name', prefix: 'j', from: 1, to: 4, hasOperator: true });
    expect(at('jo|')).to.include({ kind: 'label-name', prefix: 'jo' });
  });

  it('expects an operator after a label name and a space, or a partial operator', () => {
    expect(at('{job |')).to.deep.equal({ kind: 'operator', label: 'job', prefix: '', from: 5, to: 5, hasValue: false });
    expect(at('{job!|')).to.deep.equal({ kind: 'operator', label: 'job', prefix: '!', from: 4, to: 5, hasValue: false });
    expect(at('{job !|"x"}')).to.deep.equal({ kind: 'operator', label: 'job', prefix: '!', from: 5, to: 6, hasValue: true });
  });

  it('expects a value for the label after an operator', () => {
    expect(at('{job=|')).to.deep.equal({ kind: 'label-value', label: 'job', op: '=', prefix: '', from: 5, to: 5 });
    expect(at('{job=~ |')).to.deep.equal({ kind: 'label-value', label: 'job', op: '=~', prefix: '', from: 7, to: 7 });
    expect(at('{job=|"fib"}')).to.deep.equal({ kind: 'label-value', label: 'job', op: '=', prefix: '', from: 5, to: 10 });
  });

  it('completes a value being typed inside quotes, with escapes decoded', () => {
    expect(at('{job="|')).to.deep.equal({ kind: 'label-value', label: 'job', op: '=', prefix: '', from: 5, to: 6 });
    expect(at('{job="fi|')).to.deep.equal({ kind: 'label-value', label: 'job', op: '=', prefix: 'fi', from: 5, to: 8 });
    expect(at('{a="x", job!="f|ib"}')).to.deep.equal({ kind: 'label-value', label: 'job', op: '!=', prefix: 'f', from: 13, to: 18 });
    expect(at('{job="a\\"|')).to.include({ prefix: 'a"' });
    expect(at('{job="a\\|')).to.include({ kind: 'label-value', prefix: 'a\\' });
  });

  it('completes an unquoted value as a value', () => {
    expect(at('{job=fi|')).to.deep.equal({ kind: 'label-value', label: 'job', op: '=', prefix: 'fi', from: 5, to: 7 });
  });

  it('expects nothing after a complete matcher, after } or before {', () => {
    for (const text of ['{job="fib"|', '{job="fib"}|', '|{', '{job="fib" |}']) expect(at(text), text).to.deep.equal({ kind: 'none' });
  });
});

describe('applyCompletion', () => {
  it('adds ="" after a label name and puts the cursor between the quotes', () => {
    expect(accept('{jo|', 'job')).to.equal('{job="|"');
    expect(accept('{a="b", |}', 'instance')).to.equal('{a="b", instance="|"}');
  });

  it('replaces only the name when an operator follows', () => {
    expect(accept('{j|ob!="x"}', 'instance')).to.equal('{instance|!="x"}');
  });

  it('inserts an operator with quotes, or just the operator before a value', () => {
    expect(accept('{job |', '!~')).to.equal('{job !~"|"');
    expect(accept('{job!|"x"}', '!=')).to.equal('{job!=|"x"}');
  });

  it('quotes and escapes a value, and regex-escapes it after =~', () => {
    expect(accept('{job="fi|', 'fib')).to.equal('{job="fib"|');
    expect(accept('{job="f|ib"}', 'a"b')).to.equal('{job="a\\"b"|}');
    expect(accept('{job=~"|', 'host-a:6060.x')).to.equal('{job=~"host-a:6060\\\\.x"|');
    expect(accept('{job=|', 'api')).to.equal('{job="api"|');
  });
});

describe('suggestion filters', () => {
  it('puts prefix matches first, then substring matches, ignoring case', () => {
    expect(filterSuggestions(['instance', 'job', 'Job_2', 'cronjob'], 'jo')).to.deep.equal(['job', 'Job_2', 'cronjob']);
    expect(filterSuggestions(['a', 'b', 'c'], '', 2)).to.deep.equal(['a', 'b']);
  });

  it('offers the operators a prefix allows', () => {
    expect(operatorSuggestions('')).to.deep.equal(['=', '!=', '=~', '!~']);
    expect(operatorSuggestions('!')).to.deep.equal(['!=', '!~']);
  });
});
