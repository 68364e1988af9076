// The demo page: the same generated WASM package as the extension, the extension's own
// explanation words; this file only wires input to engine to display.
import init, { Engine } from './pkg/lurelens.js';
import { toRecord, fieldText } from './demo-input.js';
import { makeTranslator, loadMessages, pickLanguage } from './demo-i18n.js';
import { EXAMPLES } from './demo-examples.js';
import { say } from './demo-strings.js';

const { explain, highlight } = globalThis.LureLens;
const $ = (id) => document.getElementById(id);
const input = $('input');
const modeSelect = $('mode');
const langSelect = $('lang');

let engine = null;
let lang = pickLanguage(navigator.languages);
let t = () => '';
let timer = 0;

function short(l) { return l === 'zh_CN' ? 'zh' : 'en'; }

function applyLabels() {
  document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-s]')) el.textContent = say(short(lang), el.dataset.s);
  langSelect.value = lang;
  renderGallery();
}

function renderGallery() {
  const gallery = $('gallery');
  gallery.replaceChildren();
  const mine = short(lang);
  const ordered = [...EXAMPLES.filter((e) => e.lang === mine), ...EXAMPLES.filter((e) => e.lang !== mine)];
  for (const ex of ordered) {
    const b = document.createElement('button');
    b.type = 'button';
    b.lang = ex.lang === 'zh' ? 'zh-CN' : 'en';
    b.textContent = ex.label;
    b.addEventListener('click', () => {
      input.value = ex.text;
      modeSelect.value = ex.mode;
      update();
      input.focus();
    });
    gallery.appendChild(b);
  }
}

function hintItem(hint, record) {
  const words = explain.explainHint(hint, t);
  const li = document.createElement('li');
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = words.title;
  const why = document.createElement('div');
  why.textContent = words.explanation;
  const evidence = document.createElement('div');
  for (const ev of hint.evidence || []) {
    const mark = document.createElement('mark');
    mark.className = 'evidence';
    mark.textContent = ev.text ?? (fieldText(record, ev.field) || '').slice(ev.start, ev.end);
    evidence.append(mark, document.createTextNode(' '));
  }
  const advice = document.createElement('p');
  advice.className = 'advice';
  advice.textContent = words.advice;
  const code = document.createElement('code');
  code.textContent = `${say(short(lang), 'rule')}: ${hint.rule} · ${hint.family} · ${hint.score}`;
  li.append(title, why, evidence, advice, code);
  return li;
}

/** The main text with every evidence span that points into it marked. */
function mainHighlight(record, verdict) {
  const field = record.url !== undefined ? 'url' : record.email ? 'text' : record.thread ? null : 'text';
  const box = $('highlighted');
  box.replaceChildren();
  if (!field) return;
  const text = fieldText(record, field) || '';
  box.appendChild(highlight.buildHighlighted(document, text, highlight.spansFor(verdict.hints, field)));
}

function showVerdict(record, verdict) {
  $('verdict').hidden = false;
  $('status').textContent = '';
  const level = $('level');
  level.className = `level level-${verdict.level}`;
  level.textContent = explain.levelLabel(verdict.level, t);
  $('score').textContent = say(short(lang), 'score', verdict.score);
  const stages = verdict.stages || [];
  let stageText = stages.length ? say(short(lang), 'stages', stages.map((s) => explain.stageLabel(s, t)).join(' → ')) : '';
  if (verdict.alert_at !== undefined && verdict.alert_at !== null) stageText += ` ${say(short(lang), 'alertAt', verdict.alert_at + 1)}`;
  $('stages').textContent = stageText;
  mainHighlight(record, verdict);
  const list = $('hints');
  list.replaceChildren(...(verdict.hints || []).map((h) => hintItem(h, record)));
  if (!verdict.hints || !verdict.hints.length) {
    const li = document.createElement('li');
    li.textContent = say(short(lang), 'noHints');
    list.appendChild(li);
  }
}

function update() {
  if (!engine) return;
  const parsed = toRecord(input.value, modeSelect.value);
  $('detected').textContent = parsed.kind && parsed.kind !== 'empty' ? say(short(lang), 'detected', say(short(lang), parsed.kind === 'json' ? 'json' : parsed.kind)) : '';
  if (parsed.error) {
    $('verdict').hidden = true;
    $('status').textContent = say(short(lang), parsed.error);
    return;
  }
  if (!parsed.record) {
    $('verdict').hidden = true;
    $('status').textContent = say(short(lang), 'empty');
    return;
  }
  try {
    const [verdict] = engine.scoreBatch([parsed.record]);
    if (verdict.error) {
      $('verdict').hidden = true;
      $('status').textContent = verdict.error;
      return;
    }
    showVerdict(parsed.record, verdict);
  } catch (err) {
    // A panic aborts the instance: build a fresh engine for the next try.
    $('status').textContent = String(err && err.message || err);
    engine = new Engine('{}');
  }
}

async function setLanguage(next) {
  lang = next;
  t = makeTranslator(await loadMessages('pkg/shared', lang));
  applyLabels();
  update();
}

async function main() {
  await setLanguage(lang);
  try {
    await init();
    engine = new Engine('{}');
    $('version').textContent = say(short(lang), 'version', Engine.version());
    $('status').textContent = say(short(lang), 'empty');
  } catch (err) {
    $('status').textContent = say(short(lang), 'engineError', String(err && err.message || err));
    return;
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(update, 120); });
  modeSelect.addEventListener('change', update);
  langSelect.addEventListener('change', () => setLanguage(langSelect.value));
  const fromHash = decodeURIComponent(location.hash.slice(1));
  if (fromHash) input.value = fromHash;
  update();
}

main();
