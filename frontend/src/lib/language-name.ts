// Languages named for people, through Intl (no list of names to keep).

/** A language's name in `inLanguage` ("Afrikaans" for af in English), or its code. */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
