// Every page is prerendered, so its forms are in the HTML before the scripts that handle them
// have run. A form submitted in that moment (a slow phone, a loaded Tor circuit) is submitted by
// the browser itself: the page reloads at `?` and what was typed is gone. So submit buttons stay
// disabled until the root layout has mounted; typing is allowed meanwhile and kept (Svelte's
// hydration takes an input's value over from the DOM). Without JavaScript they stay disabled,
// and the whistleblower's pages point to /safe instead.
let mounted = $state(false);

export const hydration = {
  /** True once the page's scripts handle its forms. */
  get done(): boolean {
    return mounted;
  },
};

/** Called once by the root layout's onMount. */
export function markHydrated(): void {
  mounted = true;
}
