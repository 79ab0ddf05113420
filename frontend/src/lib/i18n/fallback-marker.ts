// Marks in the page every English stand-in that t() wrapped (./fallback.ts): the marks are
// removed and the element gets lang="en" (screen readers switch voice) and a class that
// underlines it with dots, so a reader of a community draft sees what is not translated yet.
import { FALLBACK_OPEN, stripFallback } from './fallback';

export const FALLBACK_CLASS = 'i18n-fallback';
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'value'];

function mark(element: Element | null) {
  if (!element) return;
  element.setAttribute('lang', 'en');
  element.classList.add(FALLBACK_CLASS);
}

function visitText(node: Text) {
  const text = node.nodeValue ?? '';
  if (!text.includes(FALLBACK_OPEN)) return;
  node.nodeValue = stripFallback(text);
  mark(node.parentElement);
}

function visitElement(element: Element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value?.includes(FALLBACK_OPEN)) {
      element.setAttribute(name, stripFallback(value));
      mark(element);
    }
  }
}

function sweep(root: Node) {
  if (root.nodeType === Node.TEXT_NODE) return visitText(root as Text);
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return;
  if (root.nodeType === Node.ELEMENT_NODE) visitElement(root as Element);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) visitText(n as Text);
    else visitElement(n as Element);
  }
}

/** Watches the document until the returned function is called. */
export function markFallbacks(root: Node = document): () => void {
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') visitText(r.target as Text);
      else if (r.type === 'attributes') visitElement(r.target as Element);
      else r.addedNodes.forEach(sweep);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  return () => observer.disconnect();
}
