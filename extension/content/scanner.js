// Finds what to score on a page, sends it in batches, and shows the verdicts. Incremental:
// a MutationObserver queues changed subtrees, idle-time slices walk them, and a node whose
// content has not changed since it was scored is never sent again.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  const { cappedText, fingerprint, skipElement, TEXT_CAP } = ns.text;
  const C = ns.collect;
  const { atLeast, max: maxLevel } = ns.levels;

  const MAX_THREAD_MESSAGES = 100;
  const NODES_PER_CHECK = 64;

  /** Combines what a target's sources (its own verdict, its thread's) say into one model. */
  function combine(sources) {
    let model = null;
    for (const source of [sources.own, sources.thread]) {
      if (!source || source.level === 'none') continue;
      if (!model) {
        model = Object.assign({}, source, { hints: source.hints.slice() });
        continue;
      }
      const rules = new Set(model.hints.map((h) => h.rule));
      for (const h of source.hints) if (!rules.has(h.rule)) model.hints.push(h);
      model.level = maxLevel(model.level, source.level);
      if (source.stages && source.stages.length) model.stages = source.stages;
      if (source.kind === 'thread') model.kind = 'thread';
    }
    return model;
  }

  /** Whether a combined model is shown under the current settings and decisions. */
  function shouldShow(model, settings, silenced) {
    if (!model || model.level === 'none') return false;
    if (model.level === 'low' && !settings.show_low) return false;
    return !silenced;
  }

  function createScanner({ doc, api, decisions, getSettings, onEngineDown }) {
    const win = doc.defaultView;
    const origin = win.location.origin;
    let seen = new WeakMap();          // element → fingerprint of what was last sent for it
    const sources = new Map();         // target element → {own, thread} models
    const shown = new Map();           // target element → {ui, model, fp}
    const threadBlocks = new WeakMap(); // thread element → Set of its message blocks
    let repeatCache = new WeakMap();   // per run: sibling counts change as pages grow
    let blockCache = new WeakMap();    // per run: parent element → its message block
    const pendingRoots = new Set();
    let scheduled = false;
    let running = false;
    let stopped = false;
    let reportTimer = 0;
    let nextId = 1;
    let scannedCount = 0;
    const ids = new WeakMap();
    const layer = ns.hintLayer.createHintLayer(doc);
    let largePage = null; // decided at the first hint of each scan run; once large, stays so

    const batcher = ns.batcher.createBatcher(async (records) => {
      const reply = await api.send({ type: ns.MSG.SCAN_BATCH, records });
      if (!reply || reply.error) {
        if (reply && reply.engineDown) stop(true);
        throw new Error((reply && reply.error) || 'no reply from LureLens worker');
      }
      return reply.verdicts;
    });

    function idOf(target) {
      let id = ids.get(target);
      if (!id) { id = `h${nextId++}`; ids.set(target, id); }
      return id;
    }

    // ---- collecting ---------------------------------------------------------------------

    function acceptNode(node) {
      if (node.nodeType === 3) return /\S/.test(node.data) ? 1 : 3;
      if (skipElement(node) || node.hasAttribute('contenteditable')) return 2;
      return 1;
    }

    /** Walks `start` in time slices; fills `links` and `blocks` (Sets of elements). */
    async function walk(start, links, blocks, budget) {
      if (start.nodeType === 1 && (skipElement(start) || start.closest('[data-lurelens-ui],[contenteditable]'))) return;
      const rootEl = start.nodeType === 1 ? start : start.parentElement;
      if (!rootEl) return;
      // A change deep inside a message makes the whole message the unit to re-read.
      const enclosing = C.messageBlockOf(rootEl, repeatCache);
      if (enclosing && enclosing !== rootEl) blocks.add(enclosing);
      const linkAbove = rootEl.closest('a[href]');
      if (linkAbove) links.add(linkAbove);
      const walker = doc.createTreeWalker(rootEl, 5, { acceptNode });
      let n = 0;
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === 1) {
          if ((node.tagName === 'A' || node.tagName === 'AREA') && node.hasAttribute('href')) links.add(node);
        } else {
          const parent = node.parentElement;
          let block = blockCache.get(parent);
          if (block === undefined) {
            // Text inside a link is the link's (scored as a link): alone it makes no message,
            // or a list of 100,000 links would also be 100,000 messages.
            block = parent.closest('a[href]') ? null : C.messageBlockOf(node, repeatCache) || C.plainBlockOf(node);
            blockCache.set(parent, block);
          }
          if (block) blocks.add(block);
        }
        if (++n % NODES_PER_CHECK === 0) {
          await budget.check();
          if (stopped) return;
        }
      }
    }

    function linkItem(a) {
      const url = a.href;
      if (!C.isScorableLink(url, origin)) return null;
      const text = C.linkText(a);
      const fp = fingerprint('link', url, text);
      if (seen.get(a) === fp) return null;
      seen.set(a, fp);
      return {
        record: { url, text },
        done: (verdict) => setSource(a, 'own', verdict && toModel(verdict, 'link', 'url', url, fingerprint('link', url))),
      };
    }

    function blockItem(block, touchedThreads) {
      const isMessage = block.matches(C.MESSAGE_SELECTOR) || C.isRepeatedSibling(block, repeatCache);
      const msg = isMessage ? C.readMessage(block, TEXT_CAP) : C.readPlainBlock(block, TEXT_CAP);
      if (msg.text.length < C.MIN_MESSAGE_CHARS) return null;
      if (isMessage) {
        const thread = C.threadOf(block);
        if (thread) {
          let set = threadBlocks.get(thread);
          if (!set) { set = new Set(); threadBlocks.set(thread, set); }
          set.add(block);
          touchedThreads.add(thread);
        }
      }
      const fp = fingerprint('msg', msg.from, msg.text);
      if (seen.get(block) === fp || msg.self) { seen.set(block, fp); return null; }
      seen.set(block, fp);
      const record = msg.from ? { text: msg.text, from: msg.from } : { text: msg.text };
      return {
        record,
        done: (verdict) => setSource(block, 'own', verdict && !onlyItsLinks(verdict, block) &&
          withoutItsLinks(toModel(verdict, 'message', 'text', msg.text, fingerprint('msg', msg.text)), block)),
      };
    }

    /**
     * A message's link findings are shown by the badges of its links (when it has link
     * elements): its own explanation keeps to the words. The level stays the engine's.
     */
    function withoutItsLinks(model, block) {
      if (!block.querySelector('a[href]')) return model;
      const words = model.hints.filter((h) => !/^link\./.test(h.rule));
      if (words.length) model.hints = words;
      return model;
    }

    /** A block whose only findings are its own links' is shown by those links' hints. */
    function onlyItsLinks(verdict, block) {
      const hints = verdict.hints || [];
      return hints.length > 0 && hints.every((h) => /^link\./.test(h.rule)) && Boolean(block.querySelector('a[href]'));
    }

    /**
     * The blocks of `set` inside `thread`, in document order. One walk over the thread: sorting
     * with compareDocumentPosition costs O(siblings) per comparison, ruinous for 5,000 posts.
     */
    async function inDocumentOrder(thread, set, budget) {
      const out = [];
      const walker = doc.createTreeWalker(thread, 1 /* SHOW_ELEMENT */);
      let n = 0;
      for (let el = walker.nextNode(); el && out.length < set.size; el = walker.nextNode()) {
        if (set.has(el)) out.push(el);
        if (++n % 256 === 0) await budget.check();
      }
      for (const b of set) if (!b.isConnected || !thread.contains(b)) set.delete(b);
      return out;
    }

    /** One record for a conversation; its verdict is shown on the message where it turned. */
    async function threadItem(thread, budget) {
      const set = threadBlocks.get(thread);
      if (!set) return null;
      const blocks = await inDocumentOrder(thread, set, budget);
      if (blocks.length < 2) return null;
      const recent = blocks.slice(-MAX_THREAD_MESSAGES);
      const messages = recent.map((b) => C.readMessage(b, 1000));
      const selfName = '\u2063me';
      const thread_ = messages.map((m) => ({ from: m.self ? selfName : (m.from || '?'), text: m.text }));
      const fp = fingerprint('thread', ...thread_.map((m) => m.from + '\u0000' + m.text));
      if (seen.get(thread) === fp) return null;
      seen.set(thread, fp);
      const record = { thread: thread_ };
      if (messages.some((m) => m.self)) record.self = selfName;
      return {
        record,
        done: (verdict) => {
          const before = recent.filter((b) => (sources.get(b) || {}).thread);
          for (const b of before) setSource(b, 'thread', null, true);
          if (!verdict || verdict.level === 'none') { before.forEach(queueRender); return; }
          const at = Math.min(recent.length - 1, Math.max(0, verdict.alert_at ?? recent.length - 1));
          const target = recent[at];
          const model = toModel(verdict, 'thread', 'text', messages[at].text, fingerprint('msg', messages[at].text));
          // Thread hints carry evidence for many messages: keep those pointing at this one.
          model.hints = model.hints.map((h) => Object.assign({}, h, {
            evidence: (h.evidence || []).filter((e) => e.field === `thread[${at}].text` || e.index === at ||
              // Evidence that names no message: keep it only where the words really are.
              (e.field === 'text' && messages[at].text.slice(e.start, e.end) === e.text))
              .map((e) => Object.assign({}, e, { field: 'text' })),
          }));
          setSource(target, 'thread', model);
          for (const b of before) if (b !== target) queueRender(b);
        },
      };
    }

    /** Whether an ancestor of `node` is queued too (then its walk covers `node`). */
    function hasQueuedAncestor(node, set) {
      for (let el = node.parentNode; el; el = el.parentNode) if (set.has(el)) return true;
      return false;
    }

    function toModel(verdict, kind, field, fieldText, fp) {
      return {
        kind, level: verdict.level || 'none', score: verdict.score, hints: verdict.hints || [],
        stages: verdict.stages || [], field, fieldText, fp,
        url: kind === 'link' ? fieldText : undefined,
      };
    }

    // ---- showing ------------------------------------------------------------------------

    function setSource(target, which, model, quiet) {
      let s = sources.get(target);
      if (!s) { s = {}; sources.set(target, s); }
      s[which] = model;
      if (!quiet) queueRender(target);
    }

    // DOM writes are gathered and done together, in slices: every frame in which the page's
    // DOM changed costs a style, layout and paint pass over the whole page, which on a very
    // large page takes tens of milliseconds. While a scan is running, hints go in at most
    // every RENDER_INTERVAL_MS; a lone change (a new chat message) goes in at the next frame.
    const RENDER_INTERVAL_MS = 400;
    let renderInterval = RENDER_INTERVAL_MS; // grows on pages whose every frame is expensive
    const renderQueue = new Set();
    let renderScheduled = false;
    let lastFlush = 0;
    function queueRender(target) {
      renderQueue.add(target);
      if (renderScheduled) return;
      renderScheduled = true;
      const busy = running || batcher.pending > 0;
      const wait = busy ? Math.max(0, lastFlush + renderInterval - ns.time.now()) : 0;
      setTimeout(() => {
        // Background tabs get no animation frames; their hints (and badge) must still appear.
        if (doc.visibilityState === 'visible' && typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(flushRenders);
        else flushRenders();
      }, wait);
    }
    function flushRenders() {
      renderScheduled = false;
      lastFlush = ns.time.now();
      if (doc.visibilityState === 'visible' && typeof win.requestAnimationFrame === 'function') {
        // The next frame shows what this flush cost the page; keep such frames under ~10%.
        const started = ns.time.now();
        win.requestAnimationFrame(() => {
          const cost = ns.time.now() - started;
          renderInterval = Math.min(5000, Math.max(RENDER_INTERVAL_MS, cost * 10));
        });
      }
      const budget = ns.time.createBudget();
      for (const target of renderQueue) {
        renderQueue.delete(target);
        render(target);
        if (budget.spent() && renderQueue.size) {
          // Hidden tabs get no animation frames: continue on a timer.
          renderScheduled = true;
          setTimeout(flushRenders, 0);
          return;
        }
      }
    }

    function render(target) {
      const s = sources.get(target);
      const model = s ? combine(s) : null;
      const current = shown.get(target);
      const settings = getSettings();
      const show = target.isConnected && model &&
        shouldShow(model, settings, decisions.isSilenced(model.fp, origin));
      if (!show) {
        if (current) { current.ui.remove(); shown.delete(target); scheduleReport(); }
        return;
      }
      const key = `${model.level}|${model.hints.map((h) => h.rule).join(',')}`;
      if (current && current.key === key && current.ui.host.isConnected) return;
      if (current) current.ui.remove();
      model.id = idOf(target);
      const ui = ns.hintUi.createHint(doc, model, {
        t: api.t,
        reportEnabled: Boolean(settings.report),
        onAction: (act, m, choice) => onAction(act, m, target, choice),
      });
      const kind = model.kind === 'link' ? 'link' : 'message';
      if (largePage === null) largePage = ns.hintLayer.isLargePage(doc);
      if (largePage) layer.add(ui.host, target, kind);
      else ns.hintUi.placeHost(ui.host, target, kind);
      shown.set(target, { ui, model, key });
      scheduleReport();
    }

    async function onAction(act, model, target, choice = {}) {
      if (act === 'fine' || act === 'dismiss') {
        await decisions.record(act, model.fp, origin);
        render(target);
        return;
      }
      if (act === 'report') {
        const url = ns.report.buildReportUrl(getSettings().report, model, win.location.href, choice);
        if (url) win.open(url, '_blank', 'noopener');
      }
    }

    function rerenderAll() {
      for (const target of [...sources.keys()]) {
        if (!target.isConnected) { sources.delete(target); const c = shown.get(target); if (c) c.ui.remove(); shown.delete(target); continue; }
        render(target);
      }
      scheduleReport();
    }

    function summaries() {
      const out = [];
      for (const [target, { model }] of shown) {
        if (!target.isConnected) continue;
        out.push({
          id: model.id, kind: model.kind, level: model.level,
          rules: model.hints.map((h) => h.rule), families: model.hints.map((h) => h.family),
          keys: model.hints.map((h) => h.key || ''),
          label: (model.kind === 'link' ? model.url : model.fieldText || '').slice(0, 160),
        });
      }
      return out;
    }

    function scheduleReport() {
      clearTimeout(reportTimer);
      reportTimer = setTimeout(report, 50);
    }

    function report() {
      if (stopped) return;
      api.send({
        type: ns.MSG.REPORT_HINTS, hints: summaries(),
        busy: running || scheduled || batcher.pending > 0, scanned: scannedCount,
      });
    }

    // ---- scheduling ---------------------------------------------------------------------

    function queue(node) {
      if (stopped || !node) return;
      pendingRoots.add(node);
      if (!scheduled) {
        scheduled = true;
        ns.time.idle(150).then(run);
      }
    }

    async function run() {
      scheduled = false;
      if (running || stopped) { if (!stopped && pendingRoots.size) queue([...pendingRoots][0]); return; }
      running = true;
      if (!largePage) largePage = null; // the page may have grown large since the last run
      try {
        const roots = [...pendingRoots];
        pendingRoots.clear();
        repeatCache = new WeakMap();
        blockCache = new WeakMap();
        const budget = ns.time.createBudget();
        const links = new Set();
        const blocks = new Set();
        const rootSet = new Set(roots);
        for (const r of roots) {
          await budget.check(); // many small roots (a script adding nodes one by one) add up
          if (stopped) return;
          if (r.isConnected === false || hasQueuedAncestor(r, rootSet)) continue;
          await walk(r, links, blocks, budget);
        }
        const items = [];
        const touchedThreads = new Set();
        let n = 0;
        for (const a of links) {
          const item = linkItem(a);
          if (item) items.push(item);
          if (++n % NODES_PER_CHECK === 0) await budget.check();
          if (items.length >= ns.batcher.MAX_RECORDS) { batcher.add(items.splice(0)); }
        }
        for (const b of blocks) {
          if (!b.isConnected) continue;
          const item = blockItem(b, touchedThreads);
          if (item) items.push(item);
          if (++n % 16 === 0) await budget.check();
          if (items.length >= ns.batcher.MAX_RECORDS) { batcher.add(items.splice(0)); }
        }
        for (const t of touchedThreads) {
          const item = await threadItem(t, budget);
          if (item) items.push(item);
          await budget.check();
        }
        scannedCount += links.size + blocks.size;
        batcher.add(items);
        await batcher.drained();
      } catch (err) {
        // A hostile or broken page must never see an exception from us.
        if (win.console) win.console.debug('LureLens scan error', err);
      } finally {
        running = false;
        if (pendingRoots.size && !stopped) { scheduled = true; ns.time.idle(150).then(run); }
        scheduleReport();
      }
    }

    const observer = new win.MutationObserver((mutations) => {
      layer.reposition();
      for (const m of mutations) {
        if (m.type === 'characterData') { queue(m.target.parentElement); continue; }
        if (isOurs(m.target)) continue;
        for (const node of m.addedNodes) {
          if (node.nodeType === 1 && !isOurs(node)) queue(node);
          else if (node.nodeType === 3) queue(node.parentElement);
        }
        if (m.removedNodes.length) scheduleReport();
      }
    });

    function isOurs(node) {
      return node && node.nodeType === 1 && (node.hasAttribute('data-lurelens-ui') ||
        (node.tagName === 'LURELENS-HINT'));
    }

    function start() {
      if (!doc.body) return;
      observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
      // The worker clears a tab's list when it starts loading, which a same-page navigation
      // can also trigger: say again what is shown once it has settled.
      win.addEventListener('hashchange', () => setTimeout(report, 500));
      win.addEventListener('popstate', () => setTimeout(report, 500));
      queue(doc.body);
    }

    /** Stops scanning. With `untouched`, also removes every hint (the engine is down). */
    function stop(untouched) {
      stopped = true;
      observer.disconnect();
      if (untouched) {
        for (const { ui } of shown.values()) ui.remove();
        shown.clear();
        if (onEngineDown) onEngineDown();
      }
    }

    /** Settings or engine changed: forget fingerprints and score the page again. */
    function rescanAll() {
      seen = new WeakMap();
      queue(doc.body);
    }

    return {
      start, stop, rescanAll, rerenderAll,
      modelOf: (el) => (shown.get(el) || {}).model || null,
      summaries,
      get busy() { return running || scheduled || batcher.pending > 0; },
    };
  }

  ns.scanner = Object.freeze({ combine, shouldShow, createScanner });
})(globalThis);
