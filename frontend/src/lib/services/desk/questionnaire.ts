import type { Question } from '$lib/api/intake';

/**
 * The administrator's quick questionnaire format: one question per line, a trailing * marks it
 * required, "?" at the start makes it a long answer. Published as { questions: [...] }.
 */
export function questionnaireFromLines(text: string): { questions: Question[] } {
  const questions = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i): Question => {
      const required = line.endsWith('*');
      const long = line.startsWith('?');
      const label = line.replace(/\*$/, '').replace(/^\?/, '').trim();
      return { id: `q${i + 1}`, label, kind: long ? 'longtext' : 'text', required };
    });
  return { questions };
}
