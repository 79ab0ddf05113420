/**
 * How deeply a JSON body may nest. The deepest thing either service accepts (a submission
 * envelope, a recipient list, a questionnaire) is under ten levels; 64 leaves room and stops a
 * `[[[[...` of ten thousand levels before a recursive schema check or `JSON.stringify` overflows
 * the stack (which answered 500).
 */
export const MAX_JSON_DEPTH = 64;

/** Thrown from body-parser's `verify`: a 400, mapped to `invalidRequest` by `parserProblem`. */
export class JsonTooDeepError extends Error {
  override readonly name = 'JsonTooDeepError';
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor() {
    super('JSON nests too deeply');
  }
}

/**
 * body-parser's `verify` hook: counts `[` and `{` outside strings in the raw bytes, before the
 * body is parsed, in one pass without recursion.
 */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}
