// Groups records into batches for the service worker: one message per batch, never one per
// link, and no batch so large that the worker's answer (or its structured clone) stalls.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  const MAX_RECORDS = 300;
  const MAX_CHARS = 300000;

  function recordChars(record) {
    if (record.url !== undefined) return record.url.length + (record.text || '').length;
    if (record.thread) return record.thread.reduce((n, m) => n + m.text.length + m.from.length, 0);
    if (record.email) return (record.email.text || '').length + 200;
    return (record.text || '').length + (record.from || '').length;
  }

  /** Splits items ({record, ...}) into batches bounded by record count and total text. */
  function splitIntoBatches(items, maxRecords = MAX_RECORDS, maxChars = MAX_CHARS) {
    const batches = [];
    let current = [];
    let chars = 0;
    for (const item of items) {
      const size = recordChars(item.record);
      if (current.length && (current.length >= maxRecords || chars + size > maxChars)) {
        batches.push(current);
        current = [];
        chars = 0;
      }
      current.push(item);
      chars += size;
    }
    if (current.length) batches.push(current);
    return batches;
  }

  /**
   * A queue that sends batches through `send(records) → Promise<verdicts[]>` and hands each
   * verdict to its item's `done(verdict)`. At most `parallel` batches are in flight.
   */
  function createBatcher(send, { parallel = 3, maxRecords = MAX_RECORDS, maxChars = MAX_CHARS } = {}) {
    const queue = [];
    let inFlight = 0;
    let idle = Promise.resolve();
    let resolveIdle = null;

    function settleIfIdle() {
      if (!queue.length && !inFlight && resolveIdle) {
        const r = resolveIdle;
        resolveIdle = null;
        r();
      }
    }

    function pump() {
      while (queue.length && inFlight < parallel) {
        const candidates = queue.splice(0, maxRecords);
        const [batch, ...rest] = splitIntoBatches(candidates, maxRecords, maxChars);
        // Items past the char cap go back to the front of the queue, in order.
        queue.unshift(...rest.flat());
        inFlight++;
        const records = batch.map((item, i) => Object.assign({}, item.record, { id: i }));
        Promise.resolve().then(() => send(records)).then((verdicts) => {
          batch.forEach((item, i) => {
            const v = verdicts && verdicts[i];
            item.done(v && !v.error ? v : null, v && v.error);
          });
        }, (err) => {
          for (const item of batch) item.done(null, String(err && err.message || err));
        }).finally(() => {
          inFlight--;
          pump();
          settleIfIdle();
        });
      }
    }

    return {
      /** Adds items ({record, done}); they go out with the next batch. */
      add(items) {
        if (!items.length) return;
        if (!resolveIdle) idle = new Promise((r) => { resolveIdle = r; });
        queue.push(...items);
        pump();
      },
      /** Resolves when nothing is queued or in flight. */
      drained() {
        settleIfIdle();
        return idle;
      },
      get pending() {
        return queue.length + inFlight;
      },
    };
  }

  ns.batcher = Object.freeze({ MAX_RECORDS, MAX_CHARS, recordChars, splitIntoBatches, createBatcher });
})(globalThis);
