// Reading ICU messages as trees (FormatJS's parser, the one intl-messageformat uses), for the
// catalogue checks and the pseudo-locale. Pure; nothing here runs on a first page load.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export function parseMessage(message: string): MessageFormatElement[] {
  return parse(message, { ignoreTag: true, requiresOtherClause: true });
}

/** Every argument name a message uses ({name}, {count, plural, ...}), nested ones included. */
export function argumentNames(elements: MessageFormatElement[]): Set<string> {
  const names = new Set<string>();
  const walk = (list: MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (el.type === TYPE.tag) {
        walk(el.children);
        continue;
      }
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(elements);
  return names;
}

/** The plural selectors ('one', 'other', '=0', ...) of each plural argument, by name. */
export function pluralSelectors(elements: MessageFormatElement[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (list: MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.plural) {
        const set = found.get(el.value) ?? new Set<string>();
        for (const key of Object.keys(el.options)) set.add(key);
        found.set(el.value, set);
      }
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(elements);
  return found;
}
