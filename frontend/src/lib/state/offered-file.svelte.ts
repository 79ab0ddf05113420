// A file made in this browser and offered through a blob: link (the case file PDF, the case list
// CSV): progress while it is made, a failure, or the link. Only one blob URL lives at a time: a
// new attempt or the page's end revokes it, so a decrypted copy is not left behind in memory.
import { tick } from 'svelte';

export interface MadeFile {
  url: string;
  name: string;
}

export class OfferedFile<Progress> {
  progress = $state<Progress | undefined>();
  file = $state<MadeFile | undefined>();
  failed = $state(false);

  /** Makes the file; once it is offered, `focus` puts the keyboard on its link. */
  async make(
    run: (onProgress: (p: Progress) => void) => Promise<MadeFile | 'failed'>,
    options: { initial?: Progress; focus?: () => void } = {},
  ): Promise<void> {
    this.failed = false;
    this.revoke();
    this.progress = options.initial;
    const result = await run((p) => (this.progress = p));
    this.progress = undefined;
    if (result === 'failed') this.failed = true;
    else {
      this.file = result;
      await tick();
      options.focus?.();
    }
  }

  revoke(): void {
    if (this.file) URL.revokeObjectURL(this.file.url);
    this.file = undefined;
  }
}
