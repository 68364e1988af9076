// The demo page's own labels (the explanations come from the extension's _locales).
export const STRINGS = {
  en: {
    title: 'LureLens demo', intro: 'Paste a message, a chat thread (one "Name: text" per line), an email (From:/Subject:/Attachments: then the body) or a URL. The verdict updates as you type. Nothing leaves this page: the engine runs here, in WebAssembly.',
    input: 'Text to check', mode: 'Read it as', auto: 'Detect automatically', message: 'Incoming message', outgoing: 'Message I am about to send',
    thread: 'Conversation', email: 'Email', url: 'Link (URL)', json: 'Engine record (JSON)', detected: 'Read as: $1',
    gallery: 'Examples', verdict: 'Verdict', score: 'Score $1 / 100', stages: 'Stages seen: $1', alertAt: 'The conversation turned at message $1.',
    noHints: 'Nothing matched. That is not a guarantee: stay alert.', empty: 'Type or paste something above.', engineError: 'The engine could not load: $1',
    json_invalid: 'That is not valid JSON.', json_not_record: 'JSON must be an engine record with url, text, thread or email.', rule: 'rule', evidence: 'Evidence',
    language: 'Language', loading: 'Loading the engine…', version: 'Engine $1',
  },
  zh: {
    title: 'LureLens 演示', intro: '粘贴一条消息、一段对话（每行“名字：内容”）、一封邮件（先写 发件人:/主题:/附件:，再写正文）或一个网址。结果随输入实时更新。任何内容都不会离开本页：引擎以 WebAssembly 在这里运行。',
    input: '要检查的内容', mode: '内容类型', auto: '自动识别', message: '收到的消息', outgoing: '我要发出的消息',
    thread: '对话', email: '邮件', url: '链接（网址）', json: '引擎记录（JSON）', detected: '识别为：$1',
    gallery: '示例', verdict: '结果', score: '分数 $1 / 100', stages: '出现的阶段：$1', alertAt: '对话在第 $1 条消息时出现转折。',
    noHints: '没有匹配项。但这不代表绝对安全，请保持警惕。', empty: '请在上方输入或粘贴内容。', engineError: '引擎无法加载：$1',
    json_invalid: '这不是有效的 JSON。', json_not_record: 'JSON 必须是包含 url、text、thread 或 email 的引擎记录。', rule: '规则', evidence: '证据',
    language: '语言', loading: '正在加载引擎…', version: '引擎 $1',
  },
};

export function say(lang, key, ...subs) {
  const s = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
  return s.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
}
