// One inline hint: a small badge beside a link or message, in a closed shadow root, and
// its explanation panel (hover, focus or tap). Every piece of page text goes in as text.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  const { explainHint, stageLabel, levelLabel } = ns.explain;
  const { excerpt, buildHighlighted, spansFor } = ns.highlight;

  const HOST_TAG = 'lurelens-hint';
  const SHOW_DELAY_MS = 120;
  const HIDE_DELAY_MS = 300;
  let nextPanelId = 1;

  function el(doc, tag, props, children) {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  const MAX_FAMILIES = 3;
  const MAX_PER_FAMILY = 2;

  /**
   * The explanation, grouped by pattern (family), strongest first; within a family, distinct
   * rule explanations. Returns {groups: [{title, lines, advice}], more}.
   */
  function reasonsOf(model, t) {
    const groups = new Map();
    const ranked = model.hints.slice().sort((a, b) => (b.score || 0) - (a.score || 0));
    for (const hint of ranked) {
      const words = explainHint(hint, t);
      let g = groups.get(words.family);
      if (!g) { g = { title: words.title, advice: words.advice, lines: [] }; groups.set(words.family, g); }
      if (!g.lines.includes(words.explanation)) g.lines.push(words.explanation);
    }
    const all = [...groups.values()];
    const shown = all.slice(0, MAX_FAMILIES).map((g) => Object.assign({}, g, { lines: g.lines.slice(0, MAX_PER_FAMILY) }));
    const more = all.slice(MAX_FAMILIES).reduce((n, g) => n + g.lines.length, 0) +
      all.slice(0, MAX_FAMILIES).reduce((n, g) => n + Math.max(0, g.lines.length - MAX_PER_FAMILY), 0);
    return { groups: shown, more };
  }

  /** "Include the matched text": off by default, so a report carries page text only by choice. */
  function reportChoice(doc, model, t, actions) {
    const report = actions.find((a) => a.act === 'report');
    if (!report || report.disabled || !model.fieldText) return null;
    const box = el(doc, 'input', { type: 'checkbox', 'data-include-text': '' });
    return el(doc, 'label', { class: 'include-text' }, [box, doc.createTextNode(` ${t('hint_report_include_text')}`)]);
  }

  function panelContent(doc, model, t, actions) {
    const { groups: reasons, more } = reasonsOf(model, t);
    const field = model.field || 'text';
    const cut = excerpt(model.fieldText || '', spansFor(model.hints, field));
    const quote = el(doc, 'blockquote', { class: 'excerpt' });
    if (cut.cutStart) quote.appendChild(doc.createTextNode('… '));
    quote.appendChild(buildHighlighted(doc, cut.text, cut.spans));
    if (cut.cutEnd) quote.appendChild(doc.createTextNode(' …'));
    const stages = model.kind === 'thread' && (model.stages || []).length > 1
      ? el(doc, 'p', { class: 'stages', text: t('hint_stages', [model.stages.map((s) => stageLabel(s, t)).join(' → ')]) })
      : null;
    const buttons = actions.map(({ act, label, disabled }) => {
      const b = el(doc, 'button', { type: 'button', 'data-act': act, text: label });
      if (disabled) b.disabled = true;
      return b;
    });
    return [
      el(doc, 'div', { class: 'head' }, [
        el(doc, 'span', { class: 'level', text: levelLabel(model.level, t) }),
        el(doc, 'span', { class: 'kind', text: t(`kind_${model.kind}`) || model.kind }),
      ]),
      // What matched comes first: the reader sees the words before the reasons.
      model.fieldText ? el(doc, 'p', { class: 'kind', text: t('hint_matched') }) : null,
      model.fieldText ? quote : null,
      el(doc, 'ul', { class: 'reasons' }, reasons.map((r) => el(doc, 'li', {}, [
        el(doc, 'strong', { text: r.title }),
        ...r.lines.map((line) => el(doc, 'p', { text: line })),
      ])).concat(more > 0 ? [el(doc, 'li', { text: t('hint_more', [String(more)]) })] : [])),
      stages,
      el(doc, 'p', { class: 'advice', text: reasons.length ? reasons[0].advice : t('family_generic_advice') }),
      reportChoice(doc, model, t, actions),
      el(doc, 'div', { class: 'actions' }, buttons),
    ];
  }

  /**
   * Creates the hint host for `model` ({id, kind, level, hints, stages, field, fieldText}).
   * `options`: {t, onAction(act, model, {includeText}), reportEnabled}. Returns {host, close(), remove()}.
   */
  function createHint(doc, model, options) {
    const t = options.t;
    const host = doc.createElement(HOST_TAG);
    host.setAttribute('data-lurelens-ui', '');
    host.setAttribute('data-lurelens-hint', model.id);
    host.setAttribute('data-level', model.level);
    host.setAttribute('data-kind', model.kind);
    host.setAttribute('data-rules', model.hints.map((h) => h.rule).join(' '));
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = ns.hintStyle;
    const panelId = `lurelens-panel-${nextPanelId++}`;
    const levelText = levelLabel(model.level, t);
    const badge = el(doc, 'button', {
      type: 'button', class: `badge level-${model.level}`, 'aria-expanded': 'false',
      'aria-controls': panelId, 'aria-haspopup': 'dialog',
      'aria-label': t('hint_badge_label', [levelText]) || levelText,
      text: model.level === 'low' ? 'i' : '!',
    });
    const actions = [
      { act: 'fine', label: t('action_fine') },
      { act: 'dismiss', label: t('action_dismiss') },
      { act: 'report', label: t('action_report'), disabled: !options.reportEnabled },
    ];
    const panel = el(doc, 'div', {
      class: `panel level-${model.level}`, id: panelId, role: 'dialog',
      'aria-label': t('hint_panel_label'),
    }, panelContent(doc, model, t, actions));
    panel.hidden = true;
    const canPopover = typeof panel.showPopover === 'function';
    if (canPopover) panel.setAttribute('popover', 'manual');
    shadow.append(style, badge, panel);

    let showTimer = 0;
    let hideTimer = 0;
    let pinned = false;

    /** Beside the badge, inside the viewport: below it, or above, or on the roomier side. */
    function place() {
      const view = doc.defaultView;
      const r = badge.getBoundingClientRect();
      const width = Math.min(360, view.innerWidth - 16);
      panel.style.left = `${Math.max(8, Math.min(r.left, view.innerWidth - width - 8))}px`;
      panel.style.maxHeight = '';
      const height = panel.getBoundingClientRect().height;
      const roomBelow = view.innerHeight - r.bottom - 14;
      const roomAbove = r.top - 14;
      let top;
      if (height <= roomBelow) top = r.bottom + 6;
      else if (height <= roomAbove) top = r.top - 6 - height;
      else if (roomBelow >= roomAbove) {
        panel.style.maxHeight = `${Math.max(120, roomBelow)}px`;
        top = r.bottom + 6;
      } else {
        panel.style.maxHeight = `${Math.max(120, roomAbove)}px`;
        top = r.top - 6 - Math.min(height, Math.max(120, roomAbove));
      }
      panel.style.top = `${Math.max(8, top)}px`;
      panel.style.bottom = 'auto';
    }

    function open() {
      clearTimeout(hideTimer);
      if (!panel.hidden) return;
      panel.hidden = false;
      if (canPopover) { try { panel.showPopover(); } catch { /* already shown */ } }
      place();
      doc.defaultView.addEventListener('scroll', place, { capture: true, passive: true });
      doc.defaultView.addEventListener('resize', place, { passive: true });
      badge.setAttribute('aria-expanded', 'true');
      host.setAttribute('data-open', '');
    }
    function close() {
      clearTimeout(showTimer);
      pinned = false;
      if (panel.hidden) return;
      if (canPopover) { try { panel.hidePopover(); } catch { /* not shown */ } }
      panel.hidden = true;
      doc.defaultView.removeEventListener('scroll', place, { capture: true });
      doc.defaultView.removeEventListener('resize', place);
      badge.setAttribute('aria-expanded', 'false');
      host.removeAttribute('data-open');
    }
    const hoverOpen = () => { clearTimeout(hideTimer); showTimer = setTimeout(open, SHOW_DELAY_MS); };
    const hoverClose = () => { clearTimeout(showTimer); if (!pinned) hideTimer = setTimeout(close, HIDE_DELAY_MS); };

    badge.addEventListener('mouseenter', hoverOpen);
    badge.addEventListener('mouseleave', hoverClose);
    panel.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    panel.addEventListener('mouseleave', hoverClose);
    badge.addEventListener('focus', open);
    badge.addEventListener('click', (e) => {
      // The badge often sits inside a link or a clickable row: the page must not act on it.
      e.preventDefault();
      e.stopPropagation();
      if (panel.hidden) { open(); pinned = true; } else if (pinned) close(); else pinned = true;
    });
    shadow.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.stopPropagation(); close(); badge.focus(); }
    });
    host.addEventListener('focusout', (e) => {
      if (!host.contains(e.relatedTarget) && e.relatedTarget !== host) hideTimer = setTimeout(() => {
        if (!shadow.activeElement) close();
      }, HIDE_DELAY_MS);
    });
    panel.addEventListener('click', (e) => {
      e.stopPropagation();
      const act = e.target && e.target.getAttribute && e.target.getAttribute('data-act');
      const include = panel.querySelector('input[data-include-text]');
      if (act && !e.target.disabled) options.onAction(act, model, { includeText: Boolean(include && include.checked) });
    });
    // Stop the hint's own clicks from reaching a link or row it sits in.
    host.addEventListener('click', (e) => { e.preventDefault(); e.stopPropagation(); });

    return {
      host,
      open,
      close,
      remove() { close(); host.remove(); },
    };
  }

  /**
   * Puts the host beside its target: after a link; for a message, right after the sender's
   * name when the page shows one, else at the start of the message (inside the first cell
   * for table rows, so the table stays valid).
   */
  function placeHost(host, target, kind) {
    if (kind === 'link') {
      target.after(host);
      return;
    }
    const sender = target.tagName !== 'BODY' && target.querySelector(ns.collect.SENDER_SELECTOR);
    if (sender) {
      sender.after(host);
      return;
    }
    if (target.tagName === 'TR' && target.cells && target.cells[0]) {
      target.cells[0].prepend(host);
      return;
    }
    target.prepend(host);
  }

  ns.hintUi = Object.freeze({ HOST_TAG, createHint, placeHost });
})(globalThis);
