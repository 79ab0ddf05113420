import type { Catalogue } from '../en';

// The shape of one language's file in this folder. `messages` must hold exactly English's keys
// (a missing or unknown key fails tsc), written in ICU MessageFormat with English's placeholders.
export interface LocaleMeta {
  /** BCP 47 code, also the file's name. */
  code: string;
  /** The language's own name for itself, as the switcher shows it. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** 'complete' once every key is translated; 'community-draft' until then. */
  status: 'complete' | 'community-draft';
  /** Who, as a native speaker, signed the catalogue off. Unset: nobody has yet. */
  reviewedBy?: string;
}

export interface Locale {
  meta: LocaleMeta;
  messages: Catalogue;
}
