// The case page's keyboard shortcuts: one key each for the common steps, listed on the help
// overlay (`?`). Pure: the page maps a key press to a step here and does the step itself.

export type ShortcutStep = 'next' | 'previous' | 'acknowledge' | 'reply' | 'assign' | 'help';

/** Key to step, in the order the help overlay lists them. */
const keys: Record<string, ShortcutStep> = {
  n: 'next',
  p: 'previous',
  a: 'acknowledge',
  r: 'reply',
  i: 'assign',
  '?': 'help',
};
export const shortcuts: readonly { key: string; step: ShortcutStep }[] = Object.entries(keys).map(
  ([key, step]) => ({ key, step }),
);

/** What the key press came from: the event's fields the decision needs. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Tag name of the event's target (upper or lower case), and whether it is editable. */
  targetTag: string;
  targetEditable: boolean;
  /** Already handled by something else (a dialog's Escape, a form). */
  defaultPrevented: boolean;
}

const typingTags = new Set(['input', 'textarea', 'select']);

/**
 * The step a key press asks for, or undefined. Never while typing (an input, a text area, a
 * list, anything editable: an "a" in a message stays an "a"), never with Ctrl, Cmd or Alt
 * (the browser's and the screen reader's own shortcuts), never for a press already handled.
 */
export function shortcutStep(press: KeyPress): ShortcutStep | undefined {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  if (press.targetEditable || typingTags.has(press.targetTag.toLowerCase())) return undefined;
  return Object.hasOwn(keys, press.key) ? keys[press.key] : undefined;
}

/** The case after (or before) `current` in the list last shown; undefined past either end. */
export function neighbourCase(
  order: readonly string[],
  current: string,
  direction: 1 | -1,
): string | undefined {
  const at = order.indexOf(current);
  if (at < 0) return direction === 1 ? order[0] : undefined;
  return order[at + direction];
}
