import type { MultilingualQuestion, Questionnaire, QuestionText } from '../../api/questionnaire';

/**
 * The administrator's quick questionnaire format: one question per line, a trailing * marks it
 * required, "?" at the start makes it a long answer, and "| key=words" after it, once per
 * answer, makes it a choice ("Is it still going on?* | yes=Yes | no=No"). Each further language
 * writes the same questions in the same order, with the same keys; its markers are not read.
 * A line of only "-" leaves that question unwritten in that language: the pages show it in the
 * default language there, marked as such.
 */
interface Line {
  /** "-": not written in this language. */
  untranslated?: boolean;
  label: string;
  required: boolean;
  long: boolean;
  options: [string, string][];
}

function parseLine(line: string): Line {
  if (line === '-')
    return { untranslated: true, label: '', required: false, long: false, options: [] };
  const [head = '', ...parts] = line.split('|').map((p) => p.trim());
  const options = parts.filter(Boolean).map((p): [string, string] => {
    const at = p.indexOf('=');
    return at < 0 ? [p, p] : [p.slice(0, at).trim(), p.slice(at + 1).trim()];
  });
  return {
    label: head.replace(/\*$/, '').replace(/^\?/, '').trim(),
    required: head.endsWith('*'),
    long: head.startsWith('?'),
    options,
  };
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(parseLine);

/** One language only, English unless told (what the single textarea always wrote). */
export function questionnaireFromLines(text: string, language = 'en'): Questionnaire {
  const built = questionnaireFromLanguages(language, { [language]: text });
  if (!built.ok) throw new Error('a single language always agrees with itself');
  return built.questionnaire;
}

/**
 * The questionnaire from each language's lines, the default language's first: refused (ok:
 * false) when a language has another number of questions or other answer keys, which the desk
 * would refuse too.
 */
export function questionnaireFromLanguages(
  defaultLanguage: string,
  texts: Record<string, string>,
): { ok: true; questionnaire: Questionnaire } | { ok: false } {
  const base = linesOf(texts[defaultLanguage] ?? '');
  const others = Object.entries(texts)
    .filter(([code]) => code !== defaultLanguage)
    .map(([code, text]) => [code, linesOf(text)] as const);
  if (others.some(([, lines]) => lines.length !== base.length)) return { ok: false };
  const keysOf = (l: Line) =>
    l.options
      .map(([k]) => k)
      .sort()
      .join('\n');
  const questions = base.map((line, i): MultilingualQuestion => {
    const choice = line.options.length > 0;
    const textOf = (l: Line): QuestionText => ({
      label: l.label,
      ...(choice ? { options: Object.fromEntries(l.options) } : {}),
    });
    return {
      id: `q${i + 1}`,
      kind: choice ? 'choice' : line.long ? 'longtext' : 'text',
      required: line.required,
      ...(choice ? { options: line.options.map(([k]) => k) } : {}),
      text: Object.fromEntries([
        [defaultLanguage, textOf(line)],
        ...others
          .filter(([, lines]) => !lines[i]!.untranslated)
          .map(([code, lines]) => [code, textOf(lines[i]!)]),
      ]),
    };
  });
  const agree =
    !base.some((l) => l.untranslated) &&
    others.every(([, lines]) =>
      lines.every((l, i) => l.untranslated || keysOf(l) === keysOf(base[i]!)),
    );
  return agree ? { ok: true, questionnaire: { defaultLanguage, questions } } : { ok: false };
}
