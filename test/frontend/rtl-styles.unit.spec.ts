// The front end's styles mirror for right-to-left languages (issue 16, Arabic): every side is a
// logical one (inline-start/end), so `dir="rtl"` on the page flips borders, indents, floats and
// alignment without a second stylesheet. A physical left or right in app.css or a component's
// <style> fails here, with the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '../../frontend/src');

function styleFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return styleFiles(path);
    return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
  });
}

/** The CSS of a file: all of a .css file, the <style> blocks of a .svelte file (by line). */
function cssLines(path: string): { line: number; text: string }[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  let inside = path.endsWith('.css');
  return lines.flatMap((text, index) => {
    if (!path.endsWith('.css')) {
      if (/<style[\s>]/.test(text)) inside = true;
      if (/<\/style>/.test(text)) {
        inside = false;
        return [];
      }
    }
    return inside ? [{ line: index + 1, text }] : [];
  });
}

const physical = [
  /\b(margin|padding|border)-(left|right)\b/,
  /(^|[\s;{])(left|right)\s*:/,
  /\b(text-align|float|clear)\s*:\s*(left|right)\b/,
  /\bborder-(top|bottom)-(left|right)-radius\b/,
];

describe('front-end styles', () => {
  it('use logical sides only, so Arabic pages mirror', () => {
    const files = styleFiles(src);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((path) =>
      cssLines(path)
        .filter(({ text }) => physical.some((pattern) => pattern.test(text)))
        .map(({ line, text }) => `${relative(src, path)}:${line}: ${text.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
