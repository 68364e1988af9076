// Where hints go on very large pages: one layer in the browser's top layer, instead of
// beside each target. Inserting anything into a huge page (a list of 100,000 links) makes the
// browser style and lay out that whole list again — hundreds of milliseconds per frame,
// whatever the number of hints — and even adding a positioned layer to <html> costs one such
// pass. A hidden popover costs nothing to insert, and once shown it is laid out on its own.
// The layer is fixed to the viewport, so it follows its targets on every scroll (also of
// inner scroll boxes), resize and page change, a frame late at most.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  /** From this many elements on, a page counts as large. */
  const LARGE_PAGE_ELEMENTS = 20000;
  /** Hosts this far (px) above or below the viewport are still drawn, for smooth scrolling. */
  const MARGIN = 400;

  /** Whether hints on this page go in the layer. Reading the count walks the tree once. */
  function isLargePage(doc) {
    return doc.getElementsByTagName('*').length >= LARGE_PAGE_ELEMENTS;
  }

  /** Where a host sits for its target, in viewport coordinates; null when the target is not laid out. */
  function spotFor(target, kind) {
    const anchor = kind === 'link' ? target
      : (target.tagName !== 'BODY' && target.querySelector(ns.collect.SENDER_SELECTOR)) || target;
    const rects = anchor.getClientRects();
    if (!rects.length) return null;
    if (anchor !== target || kind === 'link') {
      // After the link or the sender's name: the end of its last line box.
      const r = rects[rects.length - 1];
      return { x: r.right + 2, y: r.top };
    }
    return { x: rects[0].left, y: rects[0].top };
  }

  function createHintLayer(doc) {
    const win = doc.defaultView;
    let layer = null;
    const placed = new Map(); // host → {target, kind}
    let frame = 0;

    function ensureLayer() {
      if (layer && layer.isConnected) return layer;
      layer = doc.createElement('lurelens-layer');
      layer.setAttribute('data-lurelens-ui', '');
      // No `all: initial` here: it would override the hidden popover's display: none.
      layer.setAttribute('style', 'position: fixed; inset: 0 auto auto 0; width: 0; height: 0; margin: 0; ' +
        'padding: 0; border: 0; overflow: visible; background: transparent; z-index: 2147483646;');
      const popover = typeof layer.showPopover === 'function';
      if (popover) layer.setAttribute('popover', 'manual'); // hidden until shown: free to insert
      doc.documentElement.appendChild(layer);
      if (popover) {
        try { layer.showPopover(); } catch { /* shown already, or the page forbids it: fixed layer */ }
      }
      return layer;
    }

    /** Every read first, then every write: one layout however many hints there are. */
    function place() {
      frame = 0;
      if (!layer) return;
      const origin = layer.getBoundingClientRect();
      const height = win.innerHeight;
      const moves = [];
      for (const [host, { target, kind }] of placed) {
        if (!host.isConnected || !target.isConnected) {
          placed.delete(host);
          host.remove();
          continue;
        }
        moves.push([host, spotFor(target, kind)]);
      }
      for (const [host, spot] of moves) {
        // Hosts far outside the viewport are not drawn at all (a panel being read stays).
        const away = !spot || spot.y < -MARGIN || spot.y > height + MARGIN;
        host.style.display = away && !host.hasAttribute('data-open') ? 'none' : '';
        if (spot) host.style.transform = `translate(${Math.round(spot.x - origin.left)}px, ${Math.round(spot.y - origin.top)}px)`;
      }
    }

    function schedule() {
      if (frame || !placed.size) return;
      frame = typeof win.requestAnimationFrame === 'function' && doc.visibilityState === 'visible'
        ? win.requestAnimationFrame(place) : win.setTimeout(place, 50);
    }

    let listening = false;
    function listen() {
      if (listening) return;
      listening = true;
      // Capture: scrolls of inner boxes do not bubble, and their links move too.
      win.addEventListener('scroll', schedule, { capture: true, passive: true });
      win.addEventListener('resize', schedule, { passive: true });
    }

    return {
      /**
       * Shows `host` for `target` ('link' or 'message'), placed at the next frame. (Its place
       * in the tab order is the end of the page: the price of not touching the page's flow.)
       */
      add(host, target, kind) {
        host.style.position = 'absolute';
        host.style.top = '0';
        host.style.left = '0';
        host.style.display = 'none'; // until placed
        ensureLayer().appendChild(host);
        placed.set(host, { target, kind });
        listen();
        schedule();
      },
      /** The page changed: targets may have moved. */
      reposition: schedule,
      get size() { return placed.size; },
    };
  }

  ns.hintLayer = Object.freeze({ LARGE_PAGE_ELEMENTS, isLargePage, createHintLayer });
})(globalThis);
