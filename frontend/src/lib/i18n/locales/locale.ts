// The type a translated catalogue in this folder declares itself with (`satisfies Locale`):
// exactly English's keys (a missing or unknown key fails tsc). The shape itself, and the looser
// one a community draft may use (`satisfies LocaleModule`), live in ../types.ts. Not a language:
// the registry and the build skip this file.
import type { LocaleModule, MessageKey } from '../types';

export type { LocaleMeta } from '../types';
export type Catalogue = Record<MessageKey, string>;
export type Locale = LocaleModule<Catalogue>;
