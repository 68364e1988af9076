// Styles inside the hint's closed shadow root (the page's CSS cannot reach in, ours cannot
// leak out). Colours by level; dark mode and reduced motion follow the reader's settings.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  ns.hintStyle = `
:host { all: initial; display: inline-block; vertical-align: middle; line-height: 1; }
* { box-sizing: border-box; }
.badge {
  all: unset; cursor: pointer; display: inline-flex; align-items: center; justify-content: center;
  min-width: 18px; height: 18px; padding: 0 5px; margin: 0 4px; border-radius: 9px;
  font: 700 12px/1 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif;
  color: #fff; background: var(--c); border: 1px solid var(--edge);
  transition: transform .12s ease-out, box-shadow .12s ease-out;
}
.badge:hover { transform: scale(1.1); }
.badge:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.level-low { --c: #475569; --edge: #334155; --soft: #f1f5f9; --ink: #1e293b; }
.level-medium { --c: #b45309; --edge: #92400e; --soft: #fffbeb; --ink: #451a03; }
.level-high { --c: #b91c1c; --edge: #7f1d1d; --soft: #fef2f2; --ink: #450a0a; }
.panel {
  position: fixed; margin: 0; inset: auto; width: min(360px, calc(100vw - 16px));
  max-height: min(85vh, 640px); overflow: auto; padding: 12px 14px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif;
  color: var(--ink); background: var(--soft); border: 1px solid var(--edge);
  border-left: 5px solid var(--c); border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.22); text-align: start; white-space: normal;
  transition: opacity .12s ease-out;
}
.panel[hidden] { display: none; }
.head { display: flex; gap: 8px; align-items: baseline; margin-bottom: 6px; }
.level { font-weight: 700; color: var(--c); }
.kind { opacity: .75; font-size: 12px; }
.reasons { margin: 0 0 8px; padding: 0; list-style: none; }
.reasons li { margin: 0 0 6px; }
.reasons strong { display: block; }
.reasons p, .advice, .stages { margin: 2px 0; }
.excerpt {
  margin: 6px 0 8px; padding: 6px 8px; border-radius: 4px; background: rgba(0,0,0,.05);
  overflow-wrap: anywhere; font-size: 13px; max-height: 9em; overflow: auto;
}
mark.evidence { background: #fde047; color: #111; padding: 0 1px; border-radius: 2px; }
.advice { font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.actions button {
  font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--edge); background: #fff; color: #111;
}
.actions button:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
.actions button[disabled] { opacity: .55; cursor: default; }
.include-text { display: block; font-size: 12px; margin-top: 8px; }
@media (prefers-color-scheme: dark) {
  .level-low { --soft: #1e293b; --ink: #e2e8f0; }
  .level-medium { --soft: #2a1a05; --ink: #fde68a; --c: #d97706; }
  .level-high { --soft: #2b0b0b; --ink: #fecaca; --c: #dc2626; }
  .excerpt { background: rgba(255,255,255,.08); }
  .actions button { background: #111827; color: #f9fafb; }
}
@media (prefers-reduced-motion: reduce) {
  .badge, .panel { transition: none; }
  .badge:hover { transform: none; }
}
`;
})(globalThis);
