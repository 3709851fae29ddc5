// The keyboard rules of a combobox with a suggestion list (ARIA 1.2 pattern), as a pure step: the list's state
// and a key in, the next state and what the field should do out. The element applies it to the DOM.

/** The list as the keyboard sees it: whether it is open, the option the arrows are on (-1: none) and how many there are. */
export interface ListboxState {
  readonly open: boolean;
  readonly active: number;
  readonly count: number;
}

/** The parts of a keydown the rules read (a KeyboardEvent fits). */
export interface ListboxKey {
  readonly key: string;
  readonly altKey?: boolean;
  readonly shiftKey?: boolean;
  readonly isComposing?: boolean;
}

/**
 * What a key the list handles does; the browser's default (caret jump, focus move) must then not happen.
 * `action`: `open`, the list opens for where the caret is now (the field syncs its caret first); `accept`, the
 * active option replaces what is being typed; `submit`, the query runs.
 */
export interface ListboxStep {
  readonly open: boolean;
  readonly active: number;
  readonly action?: 'open' | 'accept' | 'submit';
  /** Escape closed the list, so an enclosing dialog must not close too. */
  readonly stopPropagation?: boolean;
}

/** The step for a keydown, or undefined when the key is the field's (typing, caret moves, leaving). */
export function listboxKeydown({ open, active, count }: ListboxState, key: ListboxKey): ListboxStep | undefined {
  // Keys that confirm an IME composition belong to the IME.
  if (key.isComposing) return undefined;
  const visible = open && count > 0;
  const onOption = visible && active >= 0;
  switch (key.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      if (!open || key.altKey) return { open: true, active, action: 'open' };
      const forward = key.key === 'ArrowDown';
      // Past either end the arrows wrap; from no option they go to the first (down) or the last (up).
      const next = count === 0 ? active : active < 0 ? (forward ? 0 : count - 1) : (active + (forward ? 1 : -1) + count) % count;
      return { open, active: next };
    }
    case 'Enter':
      return { open, active, action: onOption ? 'accept' : 'submit' };
    case 'Tab':
      // Shift+Tab always leaves the field.
      return onOption && !key.shiftKey ? { open, active, action: 'accept' } : undefined;
    case 'Escape':
      return visible ? { open: false, active: -1, stopPropagation: true } : undefined;
  }
  return undefined;
}
