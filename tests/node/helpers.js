// Loads the extension's classic scripts (they fill globalThis.LureLens) and builds DOMs.
import { JSDOM } from 'jsdom';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXT = path.join(ROOT, 'extension');

const CONTENT_ORDER = [
  'lib/browser-api.js', 'lib/messages.js', 'lib/levels.js', 'lib/settings.js', 'lib/explain.js',
  'content/text-cap.js', 'content/time-slice.js', 'content/collect.js', 'content/batcher.js',
  'content/highlight.js', 'content/hint-style.js', 'content/hint-ui.js', 'content/hint-layer.js', 'content/decisions.js',
  'content/link-guard.js', 'content/outgoing.js', 'content/report.js', 'content/scanner.js',
];

/**
 * Chromium's id for an extension whose manifest has `key`: sha256 of the DER public key, the
 * first 32 hex digits mapped 0-f → a-p. Policies are written against this id.
 */
export async function chromiumExtensionId(manifest) {
  const der = Buffer.from(manifest.key, 'base64');
  const hash = Buffer.from(await crypto.subtle.digest('SHA-256', der)).toString('hex').slice(0, 32);
  return [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Imports the content-script files in manifest order; returns the shared namespace. */
export async function loadLureLens() {
  for (const file of CONTENT_ORDER) await import(pathToFileURL(path.join(EXT, file)).href);
  return globalThis.LureLens;
}

export function dom(html, url = 'https://forum.example/thread/1') {
  return new JSDOM(`<!doctype html><html><body>${html}</body></html>`, { url }).window;
}

/** A translator over a messages.json object, chrome.i18n semantics ('' when missing). */
export function translatorFor(messages) {
  return (key, subs) => {
    const entry = messages[key];
    if (!entry) return '';
    const list = [].concat(subs ?? []);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (w, name) => {
      const ph = (entry.placeholders || {})[name.toLowerCase()];
      return ph ? ph.content.replace(/\$(\d)/g, (_, n) => list[n - 1] ?? '') : w;
    });
  };
}
