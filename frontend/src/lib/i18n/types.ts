import type en from './locales/en';

/** Every key of the English catalogue; the other languages are typed against it. */
export type MessageKey = keyof typeof en.messages;

/** A language's catalogue: any subset of the English keys (a community draft may lack some). */
export type Messages = Partial<Record<MessageKey, string>>;

export interface LocaleMeta {
  /** BCP 47 tag: also what Intl formats dates, numbers and plurals with. */
  code: string;
  /** The language's own name for itself (endonym), shown in the switcher. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** 'complete' fails the build on any missing key; a 'community-draft' falls back per string. */
  status: 'complete' | 'community-draft';
  /** Who signed the translation off; until set, pages say "community draft". */
  reviewedBy?: string;
}

/** The default export of each file in ./locales. */
export interface LocaleModule<M = Messages> {
  meta: LocaleMeta;
  messages: M;
}

/** The pseudo-locale's tag (accented, longer English; ./pseudo.ts). */
export const PSEUDO_CODE = 'en-XA';

export type MessageParams = Record<string, string | number | Date>;
