// The worker's view of settings: the user's own (storage.local) merged over the defaults and
// under the organisation's (storage.managed). Re-read when either changes.
// Managed storage can be slow to answer right after the browser starts (seconds) and can be
// empty at first: scanning does not wait for it longer than MANAGED_WAIT_MS, and a late or
// changed answer is applied when it comes (content scripts hear of it through POLICY_STAMP).
import '../lib/browser-api.js';
import '../lib/settings.js';

const { api, settings: S } = globalThis.LureLens;
const MANAGED_WAIT_MS = 400;
const MANAGED_RETRY_MS = [1500, 5000];
export const POLICY_STAMP = 'policyStamp';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSettingsStore(onChange) {
  let current = S.merge({}, {});
  let managed = {};

  async function userSettings() {
    const got = await api.localGet(S.STORAGE_KEY);
    return (got && got[S.STORAGE_KEY]) || {};
  }

  async function apply(nextManaged) {
    managed = nextManaged || {};
    for (const e of S.merge({}, managed).errors) {
      console.warn(`LureLens: managed setting "${e.key}" ignored: ${e.message}`);
    }
    current = S.merge(await userSettings(), managed);
    return current;
  }

  /** A managed answer that differs from what is in force: apply it and tell every tab. */
  async function managedArrived(next) {
    if (JSON.stringify(next || {}) === JSON.stringify(managed)) return;
    await apply(next);
    onChange(current);
    await api.localSet({ [POLICY_STAMP]: Date.now() });
  }

  const managedRead = api.managedGet();
  const ready = Promise.race([managedRead, sleep(MANAGED_WAIT_MS).then(() => null)])
    .then((first) => apply(first || {}))
    .catch((err) => {
      console.warn('LureLens: settings unreadable, defaults in force', err);
      return current;
    });

  ready.then(() => {
    managedRead.then(managedArrived, () => {});
    for (const delay of MANAGED_RETRY_MS) setTimeout(() => api.managedGet().then(managedArrived, () => {}), delay);
  });

  api.onStorageChanged(async (changes, area) => {
    if (area === 'managed') {
      await managedArrived(await api.managedGet());
    } else if (area === 'local' && changes[S.STORAGE_KEY]) {
      await apply(managed);
      onChange(current);
    }
  });

  return {
    ready,
    get: () => current,
  };
}
