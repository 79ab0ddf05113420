// The report being written. It lives in this module's memory only: never localStorage, cookies,
// IndexedDB or the URL, so closing the tab leaves nothing behind on the device.

import type { Channel, Question } from '$lib/api/intake';
import { localiseAll, questionnaireLanguages } from '$lib/api/questionnaire';
import { sealedAnswers, type SealedAnswers } from '$lib/api/sealed-answers';
import { pageLanguage } from './page-language.svelte';

export interface Attachment {
  id: string;
  name: string;
  type: string;
  /** The file's bytes (the cleaned image, or the file as chosen); read in slices when sent. */
  blob: Blob;
  /** What the browser stripped from an image, as catalogue keys; empty for untouched files. */
  removed: string[];
  cleaned: boolean;
  /** A blob: URL of the cleaned image, for the preview. */
  previewUrl?: string;
}

export type Answer = string | boolean | undefined;

class ReportDraft {
  // Raw (not deeply reactive): these are replaced whole, and they cross to the worker, which
  // cannot clone Svelte proxies.
  channel = $state.raw<Channel | undefined>();
  answers = $state<Record<string, Answer>>({});
  attachments = $state.raw<Attachment[]>([]);
  /** Set once after a successful submission; cleared when the receipt page is left. */
  receipt = $state<string | undefined>();
  acknowledgeBy = $state<string | undefined>();
  /** The questions' language the whistleblower chose; unset: the pages' language. */
  chosenLanguage = $state<string | undefined>();

  /** The language the questions are read in: sealed with the answers, never sent otherwise. */
  get language(): string {
    return this.chosenLanguage ?? pageLanguage.current;
  }

  /** The languages the channel's questionnaire is written in, its default first. */
  get languages(): string[] {
    return this.channel ? questionnaireLanguages(this.channel.questionnaire) : [];
  }

  /** Each question in the chosen language, or in the questionnaire's default where it lacks it. */
  get questions(): Question[] {
    return this.channel ? localiseAll(this.channel.questionnaire, this.language) : [];
  }

  /** What is sealed: the answers given and the language they were given in. */
  sealed(): SealedAnswers {
    return sealedAnswers(this.language, this.answers);
  }

  choose(channel: Channel): void {
    if (this.channel?.id !== channel.id) {
      this.answers = {};
      this.chosenLanguage = undefined;
    }
    this.channel = channel;
  }

  missingRequired(): Question[] {
    return this.questions.filter((q) => q.required && isEmpty(this.answers[q.id]));
  }

  clear(): void {
    for (const a of this.attachments) if (a.previewUrl) URL.revokeObjectURL(a.previewUrl);
    this.channel = undefined;
    this.answers = {};
    this.chosenLanguage = undefined;
    this.attachments = [];
    this.receipt = undefined;
    this.acknowledgeBy = undefined;
  }
}

export function isEmpty(answer: Answer): boolean {
  return answer === undefined || (typeof answer === 'string' && answer.trim() === '');
}

export const draft = new ReportDraft();
