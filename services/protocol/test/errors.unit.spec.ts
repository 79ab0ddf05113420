// Error names survive minification: the browser's worker hands the page an error's name only,
// and the page decides what to tell the person from it (frontend/src/lib/services/desk/case.ts).
import { describe, expect, it } from 'vitest';
import * as protocol from '../src/index.ts';
import { ProtocolError } from '../src/errors.ts';

type ErrorClass = new () => ProtocolError;

const errorClasses: [string, ErrorClass][] = Object.entries(protocol).flatMap(([name, value]) =>
  typeof value === 'function' && value.prototype instanceof ProtocolError
    ? [[name, value as unknown as ErrorClass]]
    : [],
);

describe('protocol error names', () => {
  it('exports the error classes this test walks', () => {
    expect(errorClasses.map(([name]) => name)).toEqual(
      expect.arrayContaining(['SignatureError', 'FormatError', 'ReturnPathError']),
    );
  });

  it.each(errorClasses)('%s is named for its export even when the class is renamed', (name, C) => {
    // What a minifier does: the same class under another name.
    const Renamed = { n: class extends C {} }.n;
    expect(Renamed.name).not.toBe(name);
    expect(new Renamed().name).toBe(name);
    expect(new C().name).toBe(name);
  });
});
