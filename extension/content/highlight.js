// Evidence highlighting. Page text is only ever placed with createTextNode/textContent:
// a lure that contains markup stays inert text.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  /** Sorted, clamped, non-overlapping [start, end) spans (UTF-16 units); takes {start, end} or [start, end]. */
  function normaliseSpans(spans, length) {
    const clean = (spans || [])
      .map((s) => (Array.isArray(s) ? { start: s[0], end: s[1] } : s))
      .map((s) => [Math.max(0, Math.min(length, s.start | 0)), Math.max(0, Math.min(length, s.end | 0))])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const merged = [];
    for (const [a, b] of clean) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  }

  /** Never cut a surrogate pair in half when trimming an excerpt. */
  function safeCut(text, i) {
    if (i > 0 && i < text.length) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) return i - 1;
    }
    return i;
  }

  /**
   * A window of `text` around its spans, at most about `max` units, with the spans shifted
   * into it. Long messages show the part that matters, with "…" where text was cut.
   */
  function excerpt(text, spans, max = 280) {
    const merged = normaliseSpans(spans, text.length);
    if (text.length <= max) return { text, spans: merged, cutStart: false, cutEnd: false };
    const first = merged.length ? merged[0][0] : 0;
    let start = safeCut(text, Math.max(0, first - Math.floor(max / 4)));
    const end = safeCut(text, Math.min(text.length, start + max));
    if (end - start < max) start = safeCut(text, Math.max(0, end - max));
    const shifted = merged
      .filter(([a, b]) => b > start && a < end)
      .map(([a, b]) => [Math.max(a, start) - start, Math.min(b, end) - start]);
    return { text: text.slice(start, end), spans: shifted, cutStart: start > 0, cutEnd: end < text.length };
  }

  /** A fragment of text nodes and <mark> elements; no HTML parsing anywhere. */
  function buildHighlighted(doc, text, spans, markClass = 'evidence') {
    const frag = doc.createDocumentFragment();
    let at = 0;
    for (const [a, b] of normaliseSpans(spans, text.length)) {
      if (a > at) frag.appendChild(doc.createTextNode(text.slice(at, a)));
      const mark = doc.createElement('mark');
      mark.className = markClass;
      mark.textContent = text.slice(a, b);
      frag.appendChild(mark);
      at = b;
    }
    if (at < text.length) frag.appendChild(doc.createTextNode(text.slice(at)));
    return frag;
  }

  /** Evidence spans of `hints` that point into `field` (e.g. "text" or "url"). */
  function spansFor(hints, field) {
    const out = [];
    for (const hint of hints || []) {
      for (const ev of hint.evidence || []) {
        if ((ev.field || 'text') === field) out.push({ start: ev.start, end: ev.end });
      }
    }
    return out;
  }

  ns.highlight = Object.freeze({ normaliseSpans, excerpt, buildHighlighted, spansFor });
})(globalThis);
