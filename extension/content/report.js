// The "report" action: a mailto: or https: address the organisation configured, filled with a
// summary (rule ids, the link for link hints). Page text is never included here; nothing is
// sent by the extension itself — the reader's mail client or browser does, when they choose.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  function summaryLines(model, pageUrl) {
    const lines = [`LureLens ${model.kind} hint, level ${model.level}`];
    lines.push(`Rules: ${model.hints.map((h) => h.rule).join(', ')}`);
    if (model.kind === 'link' && model.url) lines.push(`Link: ${model.url}`);
    if (pageUrl) lines.push(`Page: ${pageUrl}`);
    return lines;
  }

  /** The address to open, or '' when none is configured or it is not mailto:/https:. */
  function buildReportUrl(target, model, pageUrl) {
    if (!target) return '';
    const lines = summaryLines(model, pageUrl);
    if (/^mailto:/i.test(target)) {
      const sep = target.includes('?') ? '&' : '?';
      return `${target}${sep}subject=${encodeURIComponent('LureLens report')}&body=${encodeURIComponent(lines.join('\n'))}`;
    }
    if (/^https:\/\//i.test(target)) {
      let url;
      try { url = new URL(target); } catch { return ''; }
      url.searchParams.set('rules', model.hints.map((h) => h.rule).join(','));
      if (model.kind === 'link' && model.url) url.searchParams.set('link', model.url);
      return url.href;
    }
    return '';
  }

  ns.report = Object.freeze({ summaryLines, buildReportUrl });
})(globalThis);
