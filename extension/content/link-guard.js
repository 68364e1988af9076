// Holds a click on a `high` link: the page goes to the interstitial instead, which explains
// and offers "go back" (default) or "continue". Capture phase, so the page cannot act first.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  function linkFromEvent(event) {
    const path = typeof event.composedPath === 'function' ? event.composedPath() : [event.target];
    for (const node of path) {
      if (node && node.nodeType === 1 && (node.tagName === 'A' || node.tagName === 'AREA') &&
          node.hasAttribute('href')) return node;
    }
    return null;
  }

  /**
   * Installs the guard on `doc`. `verdictOf(link)` returns the link's shown model or null;
   * `open({url, ...})` asks the worker to show the interstitial.
   */
  function installLinkGuard(doc, verdictOf, open) {
    function onActivate(event) {
      if (event.defaultPrevented && event.type === 'click') return;
      if (event.type === 'auxclick' && event.button !== 1) return;
      const link = linkFromEvent(event);
      if (!link) return;
      const model = verdictOf(link);
      if (!model || model.level !== 'high') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const newTab = event.type === 'auxclick' || event.ctrlKey || event.metaKey || event.shiftKey ||
        (link.target && link.target !== '_self' && link.target !== '_top' && link.target !== '_parent');
      open({
        url: link.href,
        rules: model.hints.map((h) => h.rule),
        keys: model.hints.map((h) => h.key || ''),
        families: model.hints.map((h) => h.family),
        newTab: Boolean(newTab),
      });
    }
    doc.addEventListener('click', onActivate, true);
    doc.addEventListener('auxclick', onActivate, true);
    return () => {
      doc.removeEventListener('click', onActivate, true);
      doc.removeEventListener('auxclick', onActivate, true);
    };
  }

  ns.linkGuard = Object.freeze({ linkFromEvent, installLinkGuard });
})(globalThis);
