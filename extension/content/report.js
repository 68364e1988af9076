// The "report" action: a mailto: or https: address the organisation configured, filled with a
// summary (rule ids, the link for link hints). The matched page text goes in only when the
// reader ticks "include the matched text". Nothing is sent by the extension itself: the
// reader's mail client or browser opens the address, and the reader chooses to send.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  /** Page text in a report is capped: mail clients and servers refuse very long addresses. */
  const MAX_TEXT = 1000;

  function clipped(text) {
    const s = String(text || '');
    return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
  }

  function summaryLines(model, pageUrl, { includeText = false } = {}) {
    const lines = [`LureLens ${model.kind} hint, level ${model.level}`];
    lines.push(`Rules: ${model.hints.map((h) => h.rule).join(', ')}`);
    if (model.kind === 'link' && model.url) lines.push(`Link: ${model.url}`);
    if (pageUrl) lines.push(`Page: ${pageUrl}`);
    if (includeText && model.fieldText) lines.push('', 'Text:', clipped(model.fieldText));
    return lines;
  }

  /**
   * The address to open, or '' when none is configured or it is not mailto:/https:.
   * `choice.includeText` adds the matched text (the reader ticked it).
   */
  function buildReportUrl(target, model, pageUrl, choice = {}) {
    if (!target) return '';
    if (/^mailto:/i.test(target)) {
      const lines = summaryLines(model, pageUrl, choice);
      const sep = target.includes('?') ? '&' : '?';
      return `${target}${sep}subject=${encodeURIComponent('LureLens report')}&body=${encodeURIComponent(lines.join('\n'))}`;
    }
    if (/^https:\/\//i.test(target)) {
      let url;
      try { url = new URL(target); } catch { return ''; }
      url.searchParams.set('rules', model.hints.map((h) => h.rule).join(','));
      if (model.kind === 'link' && model.url) url.searchParams.set('link', model.url);
      if (choice.includeText && model.fieldText) url.searchParams.set('text', clipped(model.fieldText));
      return url.href;
    }
    return '';
  }

  ns.report = Object.freeze({ summaryLines, buildReportUrl });
})(globalThis);
