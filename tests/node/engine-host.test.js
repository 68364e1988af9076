import test from 'node:test';
import assert from 'node:assert/strict';
import { createEngineHost } from '../../extension/background/engine-host.js';

function fakeEngine(behaviour) {
  return { scoreBatch: (records) => behaviour(records) };
}

test('scores a batch once the module is loaded', async () => {
  const host = createEngineHost({
    loadModule: async () => {},
    makeEngine: () => fakeEngine((rs) => rs.map((r) => ({ id: r.id, level: 'none' }))),
  });
  const reply = await host.score([{ id: 1, text: 'hi' }]);
  assert.deepEqual(reply, { verdicts: [{ id: 1, level: 'none' }] });
  assert.equal(host.state, 'ready');
});

test('a throwing engine is rebuilt and the batch retried once', async () => {
  let built = 0;
  const host = createEngineHost({
    loadModule: async () => {},
    makeEngine: () => {
      built++;
      const broken = built === 1;
      return fakeEngine((rs) => { if (broken) throw new Error('unreachable executed'); return rs.map(() => ({ level: 'low' })); });
    },
  });
  const reply = await host.score([{ text: 'x' }]);
  assert.deepEqual(reply, { verdicts: [{ level: 'low' }] });
  assert.equal(built, 2);
});

test('an engine that keeps failing gives an error, not an exception', async () => {
  const host = createEngineHost({ loadModule: async () => {}, makeEngine: () => fakeEngine(() => { throw new Error('boom'); }) });
  const reply = await host.score([{ text: 'x' }]);
  assert.equal(reply.error, 'boom');
  assert.equal(reply.engineDown, undefined);
});

test('a module that cannot load puts the host down and says so', async () => {
  const states = [];
  const host = createEngineHost({
    loadModule: async () => { throw new Error('CompileError: bad magic'); },
    makeEngine: () => { throw new Error('never'); },
    onStateChange: (s) => states.push(s),
  });
  const reply = await host.score([{ text: 'x' }]);
  assert.equal(reply.engineDown, true);
  assert.match(reply.error, /bad magic/);
  assert.deepEqual(states, ['down']);
});

test('a policy the engine refuses falls back to defaults and reports why', async () => {
  const host = createEngineHost({
    loadModule: async () => {},
    makeEngine: (json) => { if (json.includes('bogus')) throw new Error('unknown key "bogus"'); return fakeEngine(() => []); },
  });
  await host.setPolicy('{"bogus":1}');
  assert.match(host.policyError, /bogus/);
  assert.equal(host.state, 'ready');
});

test('a lenient engine\'s dropped keys are listed', async () => {
  const dropped = [{ key: 'extra_rules[1]', message: 'unknown concept' }];
  const host = createEngineHost({
    loadModule: async () => {},
    makeEngine: (json) => Object.assign(fakeEngine(() => []), { policyErrors: () => (json === '{}' ? [] : dropped) }),
  });
  await host.setPolicy('{"extra_rules":[{},{}]}');
  assert.deepEqual(host.policyErrors, dropped);
  await host.setPolicy('{}');
  assert.deepEqual(host.policyErrors, []);
});

test('records that are not an array are refused', async () => {
  const host = createEngineHost({ loadModule: async () => {}, makeEngine: () => fakeEngine(() => []) });
  assert.ok((await host.score('nope')).error);
});
