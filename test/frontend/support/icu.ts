// A strict reader of the ICU MessageFormat subset the catalogues use: text, {name},
// {name, number|date|time[, style]}, {name, plural|selectordinal|select, key {message} ...} with
// '#' inside plural branches and apostrophe quoting ('{' or '' for a literal). It returns every
// argument with its type and branch keys, and throws on anything else (an unbalanced brace, a
// plural without 'other', a stray '}'), so a broken message fails the catalogue test.

export interface IcuArgument {
  name: string;
  type: 'simple' | 'number' | 'date' | 'time' | 'plural' | 'selectordinal' | 'select';
  branches: string[];
}

const formats = new Set(['number', 'date', 'time']);
const choices = new Set(['plural', 'selectordinal', 'select']);

export function icuArguments(message: string): IcuArgument[] {
  const found: IcuArgument[] = [];
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in “${message}”`);
  };
  const space = () => {
    while (/\s/.test(message[at] ?? '')) at++;
  };
  const word = (pattern: RegExp) => {
    space();
    const match = pattern.exec(message.slice(at));
    if (!match) fail('expected a name');
    at += match![0].length;
    space();
    return match![0];
  };
  const expect = (char: string) => {
    if (message[at] !== char) fail(`expected '${char}'`);
    at++;
  };

  // Reads text and arguments until the closing brace of the enclosing branch (or the end).
  const text = (nested: boolean) => {
    while (at < message.length) {
      const char = message[at]!;
      if (char === "'" && message[at + 1] === "'") at += 2;
      else if (char === "'" && /[{}#|]/.test(message[at + 1] ?? '')) {
        const end = message.indexOf("'", at + 1);
        if (end < 0) fail('unclosed quote');
        at = end + 1;
      } else if (char === '{') {
        at++;
        argument();
      } else if (char === '}') {
        if (!nested) fail("stray '}'");
        return;
      } else at++;
    }
    if (nested) fail("missing '}'");
  };

  const argument = () => {
    const name = word(/^[A-Za-z_]\w*/);
    if (message[at] === '}') {
      at++;
      found.push({ name, type: 'simple', branches: [] });
      return;
    }
    expect(',');
    const type = word(/^[a-z]+/);
    if (formats.has(type)) {
      if (message[at] === ',') {
        const end = message.indexOf('}', at);
        if (end < 0) fail("missing '}'");
        at = end;
      }
      expect('}');
      found.push({ name, type: type as IcuArgument['type'], branches: [] });
      return;
    }
    if (!choices.has(type)) fail(`unknown type ${type}`);
    expect(',');
    const branches: string[] = [];
    space();
    if (message.startsWith('offset:', at)) {
      at += 'offset:'.length;
      word(/^\d+/);
    }
    while (message[at] !== '}') {
      const key = word(type === 'select' ? /^\w+/ : /^(=\d+|zero|one|two|few|many|other)/);
      if (branches.includes(key)) fail(`branch ${key} twice`);
      branches.push(key);
      expect('{');
      text(true);
      expect('}');
      space();
      if (at >= message.length) fail("missing '}'");
    }
    at++;
    if (!branches.includes('other')) fail(`${type} without 'other'`);
    found.push({ name, type: type as IcuArgument['type'], branches });
  };

  text(false);
  return found;
}
