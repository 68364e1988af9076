// Reads an element's visible text without ever copying more than a cap: a 10 MB text node
// costs one slice, not a 10 MB string walked character by character.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  /** Per-record text cap, in UTF-16 code units. Evidence spans index into the capped text. */
  const TEXT_CAP = 4000;
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT',
    'OPTION', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'LURELENS-HINT']);
  /** Elements that separate words: text on either side must not run together. */
  const BREAKS = new Set(['P', 'DIV', 'BR', 'LI', 'TD', 'TH', 'TR', 'BLOCKQUOTE', 'PRE', 'H1', 'H2',
    'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'DD', 'DT', 'HR', 'IMG',
    'UL', 'OL', 'TABLE', 'ASIDE', 'NAV', 'MAIN', 'FIGURE', 'FIGCAPTION', 'ADDRESS']);

  function skipElement(el) {
    return SKIP.has(el.tagName) || (el.hasAttribute && el.hasAttribute('data-lurelens-ui'));
  }

  /**
   * Visible text of `el`, whitespace collapsed, at most `cap` code units.
   * `exclude` (optional Set of elements, or a predicate) is skipped with its subtree (e.g. the
   * sender line, or nested blocks that are scored on their own).
   */
  function cappedText(el, cap = TEXT_CAP, exclude) {
    if (!el) return { text: '', truncated: false };
    const doc = el.ownerDocument || el;
    const walker = doc.createTreeWalker(el, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode(node) {
        if (node.nodeType === 1) {
          if (skipElement(node) || (exclude && (typeof exclude === 'function' ? exclude(node) : exclude.has(node)))) {
            return 2; // REJECT the subtree
          }
          return BREAKS.has(node.tagName) ? 1 : 3; // visit breaks, skip other elements
        }
        return 1;
      },
    });
    let out = '';
    let truncated = false;
    let pendingSpace = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) { pendingSpace = out.length > 0; continue; }
      const prev = node.previousSibling; // text right after a block: <p>a</p>b
      if (prev && prev.nodeType === 1 && BREAKS.has(prev.tagName)) pendingSpace = out.length > 0;
      const room = cap - out.length;
      if (room <= 0) { truncated = true; break; }
      // Read at most a little more than the room left; whitespace runs shrink it further.
      let chunk = node.data.length > room * 2 + 64 ? node.data.slice(0, room * 2 + 64) : node.data;
      if (chunk.length < node.data.length) truncated = true;
      chunk = chunk.replace(/\s+/g, ' ');
      if (chunk === ' ' || chunk === '') { pendingSpace = out.length > 0; continue; }
      if (chunk[0] === ' ') { pendingSpace = out.length > 0; chunk = chunk.slice(1); }
      let trailing = false;
      if (chunk.endsWith(' ')) { trailing = true; chunk = chunk.slice(0, -1); }
      if (pendingSpace) out += ' ';
      out += chunk;
      pendingSpace = trailing;
    }
    if (out.length > cap) { out = out.slice(0, cap); truncated = true; }
    return { text: out, truncated };
  }

  /** A cheap fingerprint (FNV-1a, 32 bit) so unchanged text is never scored twice. */
  function fingerprint(...parts) {
    let h = 0x811c9dc5;
    for (const part of parts) {
      const s = String(part);
      for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      h ^= 0x1f;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }

  ns.text = Object.freeze({ TEXT_CAP, cappedText, fingerprint, skipElement });
})(globalThis);
