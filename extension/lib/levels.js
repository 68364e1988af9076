// Verdict levels, ordered. The engine emits the names; the UI compares them.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  const ORDER = ['none', 'low', 'medium', 'high'];
  ns.levels = Object.freeze({
    ORDER,
    rank(level) {
      const i = ORDER.indexOf(level);
      return i < 0 ? 0 : i;
    },
    atLeast(level, floor) {
      return ns.levels.rank(level) >= ns.levels.rank(floor);
    },
    max(a, b) {
      return ns.levels.rank(a) >= ns.levels.rank(b) ? a : b;
    },
  });
})(globalThis);
