// Turns what someone pasted into one engine record (the CLI input shape). Pure: no DOM, no
// scoring — the engine decides everything about risk.

const URL_LIKE = /^(?:(?:https?|ftp):\/\/|data:|javascript:|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;
const HEADER = /^(from|to|subject|attachments?|发件人|收件人|主题|附件)\s*[:：]\s*(.*)$/i;
const SPEAKER = /^([^:：\n]{1,40}?)\s*[:：]\s*(\S.*)$/;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'）)】]+/gi;
const SELF_NAMES = new Set(['me', 'i', '我', 'self']);
const RECORD_KEYS = ['url', 'text', 'thread', 'email'];

function headerName(raw) {
  const k = raw.toLowerCase();
  if (k === 'from' || k === '发件人') return 'from';
  if (k === 'to' || k === '收件人') return 'to';
  if (k === 'subject' || k === '主题') return 'subject';
  return 'attachments';
}

export function parseEmail(input) {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const email = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]);
    if (!m) break;
    const name = headerName(m[1]);
    if (name === 'attachments') {
      email.attachments = (email.attachments || []).concat(m[2].split(/[,;，；]/).map((s) => s.trim()).filter(Boolean));
    } else if (name !== 'to') {
      email[name] = m[2].trim();
    }
  }
  const text = lines.slice(i).join('\n').trim();
  email.text = text;
  email.links = (text.match(URL_IN_TEXT) || []).map((href) => ({ href, text: href }));
  return email;
}

export function parseThread(input) {
  const messages = [];
  for (const line of input.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) continue;
    const m = SPEAKER.exec(line.trim());
    if (m) messages.push({ from: m[1].trim(), text: m[2].trim() });
    else if (messages.length) messages[messages.length - 1].text += `\n${line.trim()}`;
    else messages.push({ from: '?', text: line.trim() });
  }
  const record = { thread: messages };
  const self = messages.find((m) => SELF_NAMES.has(m.from.toLowerCase()));
  if (self) record.self = self.from;
  return record;
}

function looksLikeThread(input) {
  const lines = input.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length < 2) return false;
  const speakers = lines.filter((l) => SPEAKER.test(l) && !/^https?:/i.test(l));
  return speakers.length >= 2 && speakers.length >= lines.length * 0.6;
}

function looksLikeEmail(input) {
  const lines = input.split('\n').slice(0, 6);
  return lines.filter((l) => HEADER.test(l)).length >= 2 ||
    (lines.length > 1 && /^(from|发件人)\s*[:：]/i.test(lines[0]));
}

/**
 * `mode`: auto | message | outgoing | thread | email | url | json.
 * Returns {kind, record} or {error}.
 */
export function toRecord(input, mode = 'auto') {
  const text = String(input || '');
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty', record: null };
  if (mode === 'json' || (mode === 'auto' && /^\{[\s\S]*\}$/.test(trimmed))) {
    try {
      const record = JSON.parse(trimmed);
      if (record && typeof record === 'object' && RECORD_KEYS.some((k) => k in record)) {
        return { kind: 'json', record };
      }
      if (mode === 'json') return { error: 'json_not_record' };
    } catch {
      if (mode === 'json') return { error: 'json_invalid' };
    }
  }
  if (mode === 'url' || (mode === 'auto' && URL_LIKE.test(trimmed))) {
    const url = /^www\./i.test(trimmed) ? `http://${trimmed}` : trimmed;
    return { kind: 'url', record: { url } };
  }
  if (mode === 'email' || (mode === 'auto' && looksLikeEmail(text))) {
    return { kind: 'email', record: { email: parseEmail(text) } };
  }
  if (mode === 'thread' || (mode === 'auto' && looksLikeThread(text))) {
    return { kind: 'thread', record: parseThread(text) };
  }
  if (mode === 'outgoing') return { kind: 'outgoing', record: { text, direction: 'outgoing' } };
  return { kind: 'message', record: { text } };
}

/** The text an evidence field points into, so the page can highlight it in place. */
export function fieldText(record, field) {
  if (!record || !field) return null;
  if (record.url !== undefined) return field === 'url' ? record.url : field === 'text' ? record.text || '' : null;
  if (record.email) {
    const e = record.email;
    if (field === 'text' || field === 'body') return e.text || '';
    if (field === 'subject') return e.subject || '';
    if (field === 'from') return e.from || '';
    return null;
  }
  if (record.thread) {
    const m = /(\d+)/.exec(field);
    return m && record.thread[Number(m[1])] ? record.thread[Number(m[1])].text : null;
  }
  return field === 'text' ? record.text : field === 'from' ? record.from || '' : null;
}
