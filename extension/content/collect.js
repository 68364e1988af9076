// Generic page heuristics: which elements are links, which are messages (with sender and
// thread where the structure shows them), which are compose boxes. No site adapters needed
// for pages built from articles, ARIA roles or repeated sibling blocks.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  const { cappedText } = ns.text;

  const MIN_MESSAGE_CHARS = 8;
  const MAX_CLIMB = 12;

  /** Elements that are a message (or post, comment, mail preview) by their own markup. */
  const MESSAGE_SELECTOR = [
    'article', '[role="article"]', '[role="listitem"]', '[role="log"] > *', '[role="feed"] > *',
    '[itemtype*="Comment"]', '[itemtype*="Message"]', '[itemtype*="EmailMessage"]',
    '[data-message]', '[data-message-id]',
  ].join(',');
  /** Elements that hold a conversation. */
  const THREAD_SELECTOR = [
    '[role="log"]', '[role="feed"]', '[role="list"]', '[data-thread]', '.thread',
    '.conversation', '.messages', '.chat', '.comments', '.posts',
  ].join(',');
  const SENDER_SELECTOR = [
    '[itemprop="author"]', '[rel="author"]', '[data-sender]', '[data-author]', '.author',
    '.sender', '.from', '.username', '.user-name', '.nick', '.nickname', 'cite',
  ].join(',');
  const BODY_SELECTOR = [
    '[itemprop="text"]', '[itemprop="articleBody"]', '[data-body]', '.body', '.content',
    '.text', '.message-body', '.msg-text', '.post-body', '.bubble',
  ].join(',');
  const SELF_CLASS = /(^|[\s_-])(me|self|mine|own|outgoing|sent)($|[\s_-])/i;

  /** Containers whose repeated children can be messages; inline or cell tags never are. */
  const REPEATABLE = new Set(['DIV', 'LI', 'SECTION', 'ARTICLE', 'ASIDE', 'TR', 'DL', 'FIGURE']);
  /** Where a stray text node's block ends when no message structure is found. */
  const BLOCK = new Set(['P', 'LI', 'TD', 'TH', 'DIV', 'BLOCKQUOTE', 'PRE', 'DD', 'DT',
    'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
    'BODY', 'FORM', 'LABEL', 'HEADER', 'FOOTER', 'NAV', 'TABLE']);

  /** Tag and first class: "msg" and "msg me" are the same kind of block. */
  function signature(el) {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/)[0] : '';
    return `${el.tagName}|${cls}`;
  }

  /** True when `el` is one of 3+ siblings of the same tag and class (a list of posts). */
  function isRepeatedSibling(el, cache) {
    const parent = el.parentElement;
    if (!parent || !REPEATABLE.has(el.tagName)) return false;
    let sigs = cache && cache.get(parent);
    if (!sigs) {
      sigs = new Map();
      let n = 0;
      for (const child of parent.children) {
        if (++n > 400) break; // a parent with thousands of children is decided by its first 400
        const s = signature(child);
        sigs.set(s, (sigs.get(s) || 0) + 1);
      }
      if (cache) cache.set(parent, sigs);
    }
    return (sigs.get(signature(el)) || 0) >= 3;
  }

  /**
   * The message block that `node` belongs to, or null. An explicit match (article, ARIA role)
   * wins over a nearer repeated-sibling match, so paragraphs inside a post stay one message.
   */
  function messageBlockOf(node, cache) {
    let el = node.nodeType === 1 ? node : node.parentElement;
    let repeated = null;
    for (let depth = 0; el && depth < MAX_CLIMB; depth++, el = el.parentElement) {
      if (el.tagName === 'BODY' || el.tagName === 'HTML') break;
      if (el.matches(MESSAGE_SELECTOR)) return el;
      if (!repeated && isRepeatedSibling(el, cache)) repeated = el;
    }
    return repeated;
  }

  /** Nearest block-level ancestor: the unit for text outside any message structure. */
  function plainBlockOf(node) {
    let el = node.nodeType === 1 ? node : node.parentElement;
    while (el && !BLOCK.has(el.tagName)) el = el.parentElement;
    return el;
  }

  function threadOf(block) {
    const explicit = block.parentElement && block.parentElement.closest(THREAD_SELECTOR);
    if (explicit) return explicit;
    return block.parentElement;
  }

  function isSelf(block) {
    const cls = typeof block.className === 'string' ? block.className : '';
    return SELF_CLASS.test(cls) || block.hasAttribute('data-self') ||
      block.getAttribute('data-direction') === 'outgoing';
  }

  /** Sender and text of a message block; the sender line is not part of the text. */
  function readMessage(block, cap) {
    const attrSender = block.getAttribute('data-sender') || block.getAttribute('data-author') ||
      block.getAttribute('data-from');
    const senderEl = attrSender ? null : block.querySelector(SENDER_SELECTOR);
    const from = attrSender || (senderEl ? cappedText(senderEl, 200).text : '');
    const bodyEl = block.querySelector(BODY_SELECTOR);
    const exclude = senderEl ? new Set([senderEl]) : undefined;
    const { text, truncated } = cappedText(bodyEl || block, cap, exclude);
    return { from, text, truncated, self: isSelf(block) };
  }

  /**
   * Text of a block outside any message structure, without the text of nested blocks (they
   * are units of their own): a sidebar's "Compose" button is not read together with the
   * inbox table inside the same sidebar.
   */
  function readPlainBlock(block, cap) {
    const nested = (el) => el !== block && (BLOCK.has(el.tagName) || REPEATABLE.has(el.tagName) ||
      el.matches(MESSAGE_SELECTOR));
    return Object.assign({ from: '', self: false }, cappedText(block, cap, nested));
  }

  const LINK_TEXT_CAP = 300;

  /** Visible text of a link; the common one-text-node link takes a fast path (no walker). */
  function linkText(a) {
    const only = a.firstChild;
    if (only && only === a.lastChild && only.nodeType === 3) {
      return only.data.slice(0, LINK_TEXT_CAP * 2).replace(/\s+/g, ' ').trim().slice(0, LINK_TEXT_CAP);
    }
    return cappedText(a, LINK_TEXT_CAP).text;
  }

  const SKIP_SCHEMES = /^(mailto|tel|sms|about|blob|chrome|chrome-extension|moz-extension|edge):/i;

  /**
   * Whether a link is worth scoring. Links to the page's own origin lead where the reader
   * already is; fragments and app-internal schemes go nowhere new.
   */
  function isScorableLink(href, pageOrigin) {
    if (!href || SKIP_SCHEMES.test(href)) return false;
    if (/^(javascript|data):/i.test(href)) return true;
    let url;
    try { url = new URL(href); } catch { return true; } // malformed: the engine says so
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ftp:') return false;
    return url.origin !== pageOrigin;
  }

  function isComposeBox(el) {
    if (!el || el.nodeType !== 1) return false;
    if (el.tagName === 'TEXTAREA') return !el.readOnly && !el.disabled;
    return el.isContentEditable === true || el.getAttribute('contenteditable') === 'true' ||
      el.getAttribute('contenteditable') === '';
  }

  /** The outermost editable element that contains `el` (the compose box itself). */
  function composeRootOf(el) {
    let box = null;
    for (let cur = el; cur && cur.nodeType === 1; cur = cur.parentElement) {
      if (isComposeBox(cur)) box = cur;
      if (cur.tagName === 'TEXTAREA') break;
    }
    return box;
  }

  function composeText(box, cap) {
    if (box.tagName === 'TEXTAREA') return String(box.value).slice(0, cap);
    return cappedText(box, cap).text;
  }

  ns.collect = Object.freeze({
    MESSAGE_SELECTOR, THREAD_SELECTOR, SENDER_SELECTOR, BODY_SELECTOR, MIN_MESSAGE_CHARS,
    isRepeatedSibling, messageBlockOf, plainBlockOf, threadOf, isSelf, readMessage, readPlainBlock,
    linkText, isScorableLink, isComposeBox, composeRootOf, composeText,
  });
})(globalThis);
