#!/usr/bin/env bash
# LureLens build entry point.
#   ./build.sh          build the WASM engine into extension/pkg and www/pkg, package dist/*.zip
#   ./build.sh serve    build, then serve www/ on http://127.0.0.1:8000 (PORT, HOST override)
#   ./build.sh test     install test dependencies, build, run every test tier
#   ./build.sh bench    build, run cargo bench and the browser benchmark
# Installs what it needs (rustup target, pinned wasm-bindgen CLI, Debian chromium, npm packages).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
WASM_BINDGEN_VERSION=0.2.130
CRATE=lurelens
# Cargo.toml's `wasm` profile: release optimised for size (the native build stays on speed).
WASM_OUT=target/wasm32-unknown-unknown/wasm/${CRATE}.wasm
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

ensure_rust_target() {
  command -v cargo >/dev/null || die "cargo not found: install Rust from rustup first"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  # The CLI must equal the crate's pinned wasm-bindgen version. No --locked: it fails here.
  if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
    say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (a few minutes)"
    cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
  fi
}

ensure_chromium() {
  # chromium-l10n carries the zh-CN UI locale (Debian's chromium has only en-US), which the
  # Chinese end-to-end run needs for chrome.i18n to pick _locales/zh_CN.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -f /usr/lib/chromium/locales/zh-CN.pak ]; then
    say "installing Debian chromium, chromium-driver and chromium-l10n"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-l10n
  fi
}

ensure_npm() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20+"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
}

build_wasm() {
  ensure_rust_target
  ensure_wasm_bindgen
  say "building the engine for wasm32"
  cargo build --profile wasm --target wasm32-unknown-unknown --lib
  for out in extension/pkg www/pkg; do
    rm -rf "$out"
    wasm-bindgen --target web --remove-name-section --out-dir "$out" "$WASM_OUT"
  done
  # The demo page explains verdicts with the extension's own words and helpers.
  mkdir -p www/pkg/shared
  cp -r extension/_locales www/pkg/shared/
  cp extension/lib/explain.js extension/content/highlight.js www/pkg/shared/
  ls -l extension/pkg/*.wasm
}

package() {
  say "packaging dist/lurelens-chromium.zip and dist/lurelens-firefox.zip"
  mkdir -p dist
  python3 - "$ROOT" <<'PY'
import json, os, sys, zipfile
root = sys.argv[1]
ext = os.path.join(root, "extension")
manifest = json.load(open(os.path.join(ext, "manifest.json"), encoding="utf-8"))

def variant(browser):
    m = json.loads(json.dumps(manifest))
    bg = m["background"]
    if browser == "chromium":
        m.pop("browser_specific_settings", None)
        bg.pop("scripts", None)          # Chromium warns about the Firefox-only key
    else:
        m.pop("key", None)               # Firefox ignores it; AMO rejects it
        bg.pop("service_worker", None)   # Firefox runs background.scripts
    return m

for browser in ("chromium", "firefox"):
    path = os.path.join(root, "dist", f"lurelens-{browser}.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, dirnames, filenames in os.walk(ext):
            dirnames.sort()
            for name in sorted(filenames):
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, ext)
                if rel == "manifest.json" or rel.endswith((".md", ".d.ts")) or name == ".gitignore":
                    continue
                z.write(full, rel)
        z.writestr("manifest.json", json.dumps(variant(browser), indent=2, ensure_ascii=False) + "\n")
    print(f"{path}: {os.path.getsize(path)} bytes")
PY
}

build() {
  build_wasm
  package
}

run_tests() {
  local failed=()
  ensure_chromium
  ensure_npm
  build

  say "tier 1: cargo test"
  cargo test || failed+=("cargo test")

  say "tier 2: wasm-bindgen-test in Node"
  if [ -f tests/wasm.rs ]; then
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      cargo test --target wasm32-unknown-unknown --test wasm || failed+=("wasm-bindgen-test")
  else
    echo "skipped: tests/wasm.rs does not exist yet"
  fi

  say "tier 3: node --test (JS glue, locales, manifest)"
  node --test tests/node/ || failed+=("node --test tests/node")

  say "tier 3b: web-ext lint (Firefox)"
  lint_firefox || failed+=("web-ext lint")

  say "tier 4: end-to-end in Chromium (Playwright)"
  node --test --test-concurrency=1 tests/e2e/ || failed+=("e2e")

  if [ ${#failed[@]} -gt 0 ]; then
    printf '\nFAILED tiers: %s\n' "${failed[*]}" >&2
    exit 1
  fi
  say "all test tiers passed"
}

lint_firefox() {
  # Lint the Firefox package as Firefox would load it.
  local dir
  dir=$(mktemp -d)
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    dist/lurelens-firefox.zip "$dir"
  local rc=0
  npx --no-install web-ext lint --source-dir "$dir" --warnings-as-errors --output text || rc=$?
  rm -rf "$dir"
  return $rc
}

serve() {
  build
  say "serving www/"
  exec node www/serve.mjs --port "${PORT:-8000}" --host "${HOST:-127.0.0.1}"
}

bench() {
  ensure_chromium
  ensure_npm
  build
  say "cargo bench"
  cargo bench
  say "browser benchmark (5,000 messages, 20,000 links)"
  node benches/browser-bench.mjs
}

case "${1:-build}" in
  build) build ;;
  serve) serve ;;
  test) run_tests ;;
  bench) bench ;;
  -h|--help|help) sed -n '2,7p' "$0" ;;
  *) die "unknown command '$1' (build | serve | test | bench)" ;;
esac
