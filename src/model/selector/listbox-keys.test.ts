import { expect } from '@open-wc/testing';
import { type ListboxKey, type ListboxState, listboxKeydown } from './listbox-keys.js';

const open = (active: number, count = 3): ListboxState => ({ open: true, active, count });
const closed: ListboxState = { open: false, active: -1, count: 3 };

/** The active option after pressing `keys` in turn, starting from `state`. */
function activeAfter(state: ListboxState, ...keys: string[]): number {
  let current = state;
  for (const key of keys) {
    const step = listboxKeydown(current, { key });
    if (step) current = { ...current, open: step.open, active: step.active };
  }
  return current.active;
}

describe('listboxKeydown', () => {
  it('moves through the options with the arrows, wrapping at both ends', () => {
    expect(activeAfter(open(-1), 'ArrowDown')).to.equal(0);
    expect(activeAfter(open(-1), 'ArrowUp')).to.equal(2);
    expect(activeAfter(open(0), 'ArrowDown', 'ArrowDown')).to.equal(2);
    expect(activeAfter(open(2), 'ArrowDown')).to.equal(0);
    expect(activeAfter(open(0), 'ArrowUp')).to.equal(2);
    expect(listboxKeydown(open(1), { key: 'ArrowDown' })).to.deep.equal({ open: true, active: 2 });
  });

  it('keeps the caret in the field on an arrow even with no options', () => {
    expect(listboxKeydown(open(-1, 0), { key: 'ArrowDown' })).to.deep.equal({ open: true, active: -1 });
  });

  it('opens a closed list with an arrow, and an open one with Alt+arrow, without moving', () => {
    for (const [state, key] of [
      [closed, { key: 'ArrowDown' }],
      [closed, { key: 'ArrowUp' }],
      [open(1), { key: 'ArrowDown', altKey: true }],
    ] as const) {
      expect(listboxKeydown(state, key), key.key).to.deep.equal({ open: true, active: state.active, action: 'open' });
    }
  });

  it('accepts the active option with Enter or Tab, and runs the query with Enter otherwise', () => {
    expect(listboxKeydown(open(1), { key: 'Enter' })).to.deep.equal({ open: true, active: 1, action: 'accept' });
    expect(listboxKeydown(open(2), { key: 'Tab' })).to.deep.equal({ open: true, active: 2, action: 'accept' });
    for (const state of [open(-1), closed, open(0, 0)]) {
      expect(listboxKeydown(state, { key: 'Enter' }), JSON.stringify(state)).to.deep.equal({ open: state.open, active: state.active, action: 'submit' });
    }
  });

  it('lets Tab and Shift+Tab leave the field when no option is accepted', () => {
    expect(listboxKeydown(open(-1), { key: 'Tab' })).to.equal(undefined);
    expect(listboxKeydown(closed, { key: 'Tab' })).to.equal(undefined);
    expect(listboxKeydown(open(1), { key: 'Tab', shiftKey: true })).to.equal(undefined);
  });

  it('closes a shown list with Escape and keeps the key from enclosing handlers', () => {
    expect(listboxKeydown(open(1), { key: 'Escape' })).to.deep.equal({ open: false, active: -1, stopPropagation: true });
    // With nothing shown, Escape is the page's (a dialog may close).
    expect(listboxKeydown(closed, { key: 'Escape' })).to.equal(undefined);
    expect(listboxKeydown(open(-1, 0), { key: 'Escape' })).to.equal(undefined);
  });

  it('leaves other keys, and every key during IME composition, to the field', () => {
    const keys: ListboxKey[] = [{ key: 'a' }, { key: 'ArrowLeft' }, { key: 'Enter', isComposing: true }, { key: 'ArrowDown', isComposing: true }];
    for (const key of keys) expect(listboxKeydown(open(1), key), key.key).to.equal(undefined);
  });
});
