// The outgoing check: before text leaves through a compose box (send button, form submit,
// Enter in a chat box), score it as outgoing; if it trips the check, ask first. "Don't send"
// is the default. The text is scored while typing, so most sends need no wait.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  const C = ns.collect;
  const { atLeast } = ns.levels;

  const TYPE_DEBOUNCE_MS = 300;
  const OUTGOING_CAP = 20000;
  const SEND_CONTROL = 'button, [role="button"], input[type="submit"], input[type="button"], input[type="image"]';

  /** The compose boxes a send control belongs to: its form's, else its nearby container's. */
  function composeBoxesFor(control) {
    const scope = control.form || control.closest('form');
    if (scope) return [...scope.querySelectorAll('textarea, [contenteditable]')].filter(C.isComposeBox);
    let el = control.parentElement;
    for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
      const boxes = [...el.querySelectorAll('textarea, [contenteditable]')].filter(C.isComposeBox);
      if (boxes.length) return boxes;
    }
    return [];
  }

  /** Enter sends in chat boxes: contenteditable or single-row textareas; Ctrl/Cmd+Enter anywhere. */
  function isSendKey(event, box) {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing) return false;
    if (event.ctrlKey || event.metaKey) return true;
    if (box.tagName !== 'TEXTAREA') return true;
    return Number(box.getAttribute('rows') || 2) <= 1;
  }

  function createConfirmDialog(doc, t) {
    return function confirmSend(verdict, text) {
      return new Promise((resolve) => {
        const host = doc.createElement(ns.hintUi.HOST_TAG);
        host.setAttribute('data-lurelens-ui', '');
        host.setAttribute('data-lurelens-confirm', 'open');
        host.setAttribute('data-level', verdict.level);
        host.setAttribute('data-rules', (verdict.hints || []).map((h) => h.rule).join(' '));
        const shadow = host.attachShadow({ mode: 'closed' });
        const style = doc.createElement('style');
        style.textContent = `${ns.hintStyle}
dialog { border: 0; padding: 0; background: transparent; max-width: min(440px, 92vw); }
dialog::backdrop { background: rgba(0,0,0,.45); }
dialog .panel { position: static; width: auto; max-height: 80vh; }
h2 { font-size: 16px; margin: 0 0 6px; }`;
        const dialog = doc.createElement('dialog');
        dialog.setAttribute('aria-labelledby', 'lurelens-confirm-title');
        const panel = doc.createElement('div');
        panel.className = `panel level-${verdict.level}`;
        const title = doc.createElement('h2');
        title.id = 'lurelens-confirm-title';
        title.textContent = t('outgoing_title');
        const intro = doc.createElement('p');
        intro.textContent = t('outgoing_body');
        const list = doc.createElement('ul');
        list.className = 'reasons';
        list.append(...ns.explain.reasonItems(doc, verdict.hints || [], t));
        const cut = ns.highlight.excerpt(text, ns.highlight.spansFor(verdict.hints, 'text'));
        const quote = doc.createElement('blockquote');
        quote.className = 'excerpt';
        quote.appendChild(ns.highlight.buildHighlighted(doc, cut.text, cut.spans));
        const actions = doc.createElement('div');
        actions.className = 'actions';
        const cancel = doc.createElement('button');
        cancel.type = 'button';
        cancel.setAttribute('data-act', 'cancel');
        cancel.textContent = t('outgoing_cancel');
        const send = doc.createElement('button');
        send.type = 'button';
        send.setAttribute('data-act', 'send');
        send.textContent = t('outgoing_send_anyway');
        actions.append(cancel, send);
        panel.append(title, intro, list, quote, actions);
        dialog.appendChild(panel);
        shadow.append(style, dialog);
        (doc.body || doc.documentElement).appendChild(host);

        let settled = false;
        const finish = (ok) => {
          if (settled) return;
          settled = true;
          host.setAttribute('data-lurelens-confirm', ok ? 'sent' : 'cancelled');
          try { dialog.close(); } catch { /* already closed */ }
          host.remove();
          resolve(ok);
        };
        cancel.addEventListener('click', () => finish(false));
        send.addEventListener('click', () => finish(true));
        dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
        dialog.showModal();
        cancel.focus();
      });
    };
  }

  /**
   * Installs the check on `doc`. `score(text)` resolves to a verdict for
   * {text, direction: "outgoing"}; `threshold` is the level that asks first.
   */
  function installOutgoingCheck(doc, { score, t, threshold = 'medium' }) {
    const last = new WeakMap(); // compose box → {text, verdict}
    const timers = new WeakMap();
    let bypass = false;
    const confirmSend = createConfirmDialog(doc, t);

    async function scoreBox(box) {
      const text = C.composeText(box, OUTGOING_CAP);
      const known = last.get(box);
      if (known && known.text === text && known.verdict) return known;
      if (!text.trim()) return { text, verdict: { level: 'none', hints: [] } };
      const verdict = await score(text);
      const entry = { text, verdict: verdict || { level: 'none', hints: [] } };
      last.set(box, entry);
      return entry;
    }

    function onInput(event) {
      const box = C.composeRootOf(event.target);
      if (!box) return;
      clearTimeout(timers.get(box));
      timers.set(box, setTimeout(() => { scoreBox(box).catch(() => {}); }, TYPE_DEBOUNCE_MS));
    }

    /** Holds the event, checks every box, then replays the send if the reader agrees. */
    async function gate(event, boxes, replay) {
      const withText = boxes.filter((b) => C.composeText(b, 1).trim());
      if (!withText.length) return;
      // Known-safe text goes through untouched; anything else waits for the verdict.
      const cached = withText.map((b) => last.get(b));
      const allKnownSafe = cached.every((c, i) => c && c.text === C.composeText(withText[i], OUTGOING_CAP) &&
        !atLeast(c.verdict.level, threshold));
      if (allKnownSafe) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      let risky = null;
      try {
        for (const box of withText) {
          const { text, verdict } = await scoreBox(box);
          if (atLeast(verdict.level, threshold)) { risky = { text, verdict }; break; }
        }
      } catch {
        risky = null; // the engine failed: never trap the reader's message
      }
      const ok = risky ? await confirmSend(risky.verdict, risky.text) : true;
      if (!ok) return;
      bypass = true;
      try { replay(); } finally { bypass = false; }
    }

    function onSubmit(event) {
      if (bypass) return;
      const form = event.target;
      const boxes = [...form.querySelectorAll('textarea, [contenteditable]')].filter(C.isComposeBox);
      const submitter = event.submitter;
      gate(event, boxes, () => {
        if (typeof form.requestSubmit === 'function') form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
        else form.submit();
      });
    }

    function onClick(event) {
      if (bypass || event.button !== 0) return;
      const control = event.target && event.target.closest && event.target.closest(SEND_CONTROL);
      if (!control || control.closest('[data-lurelens-ui]')) return;
      // A real submit button fires "submit" next; that path handles it.
      if (control.form && (control.type === 'submit' || control.type === 'image')) return;
      gate(event, composeBoxesFor(control), () => control.click());
    }

    function onKeydown(event) {
      if (bypass) return;
      const box = C.composeRootOf(event.target);
      if (!box || !isSendKey(event, box)) return;
      const init = {
        key: event.key, code: event.code, keyCode: event.keyCode, which: event.which,
        ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true, composed: true,
      };
      const target = event.target;
      gate(event, [box], () => {
        target.dispatchEvent(new KeyboardEvent('keydown', init));
        target.dispatchEvent(new KeyboardEvent('keyup', init));
      });
    }

    doc.addEventListener('input', onInput, true);
    doc.addEventListener('submit', onSubmit, true);
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKeydown, true);
    return () => {
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('submit', onSubmit, true);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKeydown, true);
    };
  }

  ns.outgoing = Object.freeze({ composeBoxesFor, isSendKey, installOutgoingCheck });
})(globalThis);
