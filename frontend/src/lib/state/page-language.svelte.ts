// The language the pages are shown in, read from <html lang>, which the language switcher sets
// (the i18n module owns the choice; this only follows it, so questionnaires can match it).

const read = () => document.documentElement.lang || 'en';

class PageLanguage {
  current = $state('en');

  constructor() {
    if (typeof document === 'undefined') return;
    this.current = read();
    new MutationObserver(() => (this.current = read())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
    });
  }
}

export const pageLanguage = new PageLanguage();
