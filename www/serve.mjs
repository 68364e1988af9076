#!/usr/bin/env node
// A small static server for www/: correct MIME types (application/wasm for the engine), the
// strict Content-Security-Policy header on the CSP sample page, and nothing else.
// Usage: node www/serve.mjs [--port 8000] [--host 127.0.0.1]   (PORT/HOST env also work)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.map': 'application/json',
};

/** Extra headers per path: the strict-CSP sample page must arrive with its policy. */
const STRICT_CSP = "default-src 'none'; script-src 'self'";
function extraHeaders(urlPath) {
  if (/\/samples\/strict-csp(\.html)?$/.test(urlPath)) return { 'Content-Security-Policy': STRICT_CSP };
  return {};
}

export function resolvePath(root, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]); } catch { return null; }
  const full = path.normalize(path.join(root, decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null; // no escaping www/
  return full;
}

export function createServer(root = ROOT) {
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(req.url, 'http://x').pathname;
    let file = resolvePath(root, urlPath);
    if (!file) { res.writeHead(400).end('bad path'); return; }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) file = path.join(file, 'index.html');
      fs.readFile(file, (readErr, body) => {
        if (readErr) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          ...extraHeaders(urlPath),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    });
  });
}

/** Starts a server; resolves {server, url}. Port 0 picks a free port (tests). */
export function start({ port = 8000, host = '127.0.0.1', root = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const server = createServer(root);
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const port = Number(arg('--port') || process.env.PORT || 8000);
  const host = arg('--host') || process.env.HOST || '127.0.0.1';
  start({ port, host }).then(({ url }) => {
    console.log(`LureLens demo and sample pages: ${url}/  (Ctrl+C to stop)`);
  }, (err) => {
    console.error(`cannot listen on ${host}:${port}: ${err.message}`);
    process.exit(1);
  });
}
