#!/usr/bin/env python3
"""Writes the deployment samples in docs/policies/ from one source, example-policy.json.

    python3 tools/gen_policy_samples.py

Every file it writes is checked by tests/node/admin-policies.test.js (schema, settings
checks, engine). Titles and descriptions come from extension/managed_schema.json; the
Chinese ADML strings are below.
"""
import collections
import json
import pathlib
import plistlib
import uuid
from xml.sax.saxutils import escape, quoteattr

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "policies"
ID = "jkeddaofoeajlamkgdgcnlofjokokdch"  # from the manifest "key"
GECKO_ID = "lurelens@lurelens.invalid"
UPDATE_URL = "https://extensions.example.com/lurelens/updates.xml"
XPI_URL = "https://extensions.example.com/lurelens/lurelens-firefox.xpi"
O = collections.OrderedDict

BROWSERS = {  # name: (registry/ADMX key root, macOS preference domain)
    "chrome": (r"Software\Policies\Google\Chrome", "com.google.Chrome"),
    "edge": (r"Software\Policies\Microsoft\Edge", "com.microsoft.Edge"),
}

ZH = {  # title, description
    "protected_domains": ("受保护的域名", "本组织自己的域名（如 example.com）；仿冒这些域名的链接标为高风险。"),
    "brands": ("品牌", "品牌和组织名称；把它们与其他词拼接或仿冒它们的域名会被标出。"),
    "keywords": ("受保护的关键词", "项目代号等不得发给外部联系人的词；发出的消息提到它们时会先请你确认。"),
    "allow": ("允许列表", "链接永不被标为仿冒的域名或主机（如 partner.example.net）。"),
    "disabled_rules": ("已关闭的规则", "要关闭的规则编号或类别，如 befriend.peer 或 befriend。"),
    "extra_rules": ("附加规则", "用引擎规则格式（JSON）写的附加规则。无法使用的规则会被忽略并在设置页显示，其余照常生效。"),
    "sensitivity": ("灵敏度", "low（只提示明确的情况）、normal（默认）或 high（尽早提醒）。"),
    "show_low": ("显示低级别提示", "是否显示低级别的轻量标记（默认否）。"),
    "report": ("报告地址", "提示上“报告”按钮打开的 https: 网址或 mailto: 地址，附带规则编号（和链接）；只有用户勾选时才附上页面文字。"),
    "interstitial": ("拦截页模式", "点击高风险链接时：warn（默认，员工可以继续）或 block（禁止）。"),
    "locked": ("锁定的设置", "员工不能在设置页修改的设置名（sensitivity、show_low、allow）。本策略设定的每一项本身也已锁定。"),
}
ZH_CHOICES = {"low": "低", "normal": "普通", "high": "高", "warn": "提醒", "block": "禁止"}
CHOICES = {"sensitivity": ["low", "normal", "high"], "interstitial": ["warn", "block"]}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=O)


def dump_json(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def chromium_json(policy):
    return O([
        ("ExtensionSettings", O([(ID, O([("installation_mode", "force_installed"), ("update_url", UPDATE_URL)]))])),
        ("3rdparty", O([("extensions", O([(ID, policy)]))])),
    ])


def firefox_json(policy):
    return O([("policies", O([
        ("ExtensionSettings", O([(GECKO_ID, O([("installation_mode", "force_installed"), ("install_url", XPI_URL)]))])),
        ("3rdparty", O([("Extensions", O([(GECKO_ID, policy)]))])),
    ]))])


def reg_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def windows_reg(policy, browser, title):
    root = "HKEY_LOCAL_MACHINE\\" + BROWSERS[browser][0].replace("Software", "SOFTWARE")
    base = f"{root}\\3rdparty\\extensions\\{ID}\\policy"
    lines = [
        "Windows Registry Editor Version 5.00", "",
        f"; LureLens for {title}: force-install, and the organisation's settings (docs/admin.md).",
        "; Lists are numbered values in a subkey; extra_rules, a list of objects, is one JSON string.", "",
        f"[{root}\\ExtensionInstallForcelist]", f'"1"={reg_string(ID + ";" + UPDATE_URL)}', "",
        f"[{base}]",
    ]
    lists = []
    for key, value in policy.items():
        if key == "extra_rules":
            lines.append(f"{reg_string(key)}={reg_string(json.dumps(value, ensure_ascii=False, separators=(',', ':')))}")
        elif isinstance(value, bool):
            lines.append(f"{reg_string(key)}=dword:{int(value):08x}")
        elif isinstance(value, str):
            lines.append(f"{reg_string(key)}={reg_string(value)}")
        elif value:
            lists.append((key, value))
    lines.append("")
    for key, values in lists:
        lines.append(f"[{base}\\{key}]")
        lines += [f'"{i}"={reg_string(v)}' for i, v in enumerate(values, 1)]
        lines.append("")
    return "\r\n".join(lines)


def mobileconfig(policy):
    def uid(name):
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "https://lurelens.invalid/" + name)).upper()

    content = []
    for browser, (_, domain) in BROWSERS.items():
        content.append(O([
            ("PayloadType", domain), ("PayloadVersion", 1),
            ("PayloadIdentifier", f"com.example.lurelens.{browser}"), ("PayloadUUID", uid(browser)),
            ("PayloadDisplayName", f"{browser.title()}: install LureLens"),
            ("ExtensionInstallForcelist", [f"{ID};{UPDATE_URL}"]),
        ]))
        settings = O([
            ("PayloadType", f"{domain}.extensions.{ID}"), ("PayloadVersion", 1),
            ("PayloadIdentifier", f"com.example.lurelens.{browser}-settings"),
            ("PayloadUUID", uid(browser + "-settings")),
            ("PayloadDisplayName", f"LureLens settings ({browser.title()})"),
        ])
        settings.update(policy)
        content.append(settings)
    profile = O([
        ("PayloadType", "Configuration"), ("PayloadVersion", 1), ("PayloadIdentifier", "com.example.lurelens"),
        ("PayloadUUID", uid("profile")), ("PayloadDisplayName", "LureLens (Example Corp)"),
        ("PayloadDescription", "Installs LureLens in Google Chrome and Microsoft Edge and sets the organisation's LureLens settings."),
        ("PayloadOrganization", "Example Corp"), ("PayloadScope", "System"), ("PayloadContent", content),
    ])
    return plistlib.dumps(dict(profile), sort_keys=False)


ADMX_NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"


def admx(schema, browser):
    key = f"{BROWSERS[browser][0]}\\3rdparty\\extensions\\{ID}\\policy"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<policyDefinitions revision="1.0" schemaVersion="1.0" xmlns="{ADMX_NS}">',
        "  <policyNamespaces>",
        f'    <target prefix="lurelens" namespace="LureLens.Policies.{browser.title()}"/>',
        "  </policyNamespaces>",
        '  <resources minRequiredRevision="1.0"/>',
        "  <supportedOn><definitions>",
        '    <definition name="SUPPORTED_LURELENS" displayName="$(string.SUPPORTED_LURELENS)"/>',
        "  </definitions></supportedOn>",
        '  <categories><category name="lurelens" displayName="$(string.lurelens)"/></categories>',
        "  <policies>",
    ]
    for name, prop in schema["properties"].items():
        head = (f'    <policy name="{name}" class="Machine" displayName="$(string.{name})" '
                f'explainText="$(string.{name}_Explain)" key="{escape(key)}"')
        tail = ['      <parentCategory ref="lurelens"/>', '      <supportedOn ref="SUPPORTED_LURELENS"/>']
        if prop["type"] == "boolean":
            out.append(head + f' valueName="{name}">')
            out += tail + ['      <enabledValue><decimal value="1"/></enabledValue>',
                           '      <disabledValue><decimal value="0"/></disabledValue>']
        else:
            out.append(head + f' presentation="$(presentation.{name})">')
            out += tail + ["      <elements>"]
            if name in CHOICES:
                out.append(f'        <enum id="{name}" valueName="{name}">')
                out += [f'          <item displayName="$(string.{name}_{c})"><value><string>{c}</string></value></item>'
                        for c in CHOICES[name]]
                out.append("        </enum>")
            elif prop["type"] == "array" and prop["items"]["type"] == "string":
                out.append(f'        <list id="{name}" key="{escape(key)}\\{name}" valuePrefix=""/>')
            else:  # a string, or a list of objects written as JSON text
                out.append(f'        <text id="{name}" valueName="{name}" maxLength="65535"/>')
            out.append("      </elements>")
        out.append("    </policy>")
    out += ["  </policies>", "</policyDefinitions>", ""]
    return "\n".join(out)


def adml(schema, lang):
    zh = lang == "zh-CN"
    strings = [("lurelens", "LureLens"),
               ("SUPPORTED_LURELENS", "LureLens 0.1 及以上" if zh else "LureLens 0.1 and later")]
    presentations = []
    for name, prop in schema["properties"].items():
        title, desc = ZH[name] if zh else (prop["title"], prop["description"])
        strings += [(name, title), (f"{name}_Explain", desc)]
        for c in CHOICES.get(name, []):
            strings.append((f"{name}_{c}", f"{ZH_CHOICES[c]} ({c})" if zh else c))
        if prop["type"] == "boolean":
            continue
        label = escape(title)
        if name in CHOICES:
            body = f'<dropdownList refId="{name}" noSort="true">{label}</dropdownList>'
        elif prop["type"] == "array" and prop["items"]["type"] == "string":
            body = f'<listBox refId="{name}">{label}</listBox>'
        else:
            body = f'<textBox refId="{name}"><label>{label}</label></textBox>'
        presentations.append(f'      <presentation id="{name}">{body}</presentation>')
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<policyDefinitionResources revision="1.0" schemaVersion="1.0" xmlns="{ADMX_NS}">',
           "  <displayName>LureLens</displayName>",
           "  <description>{}</description>".format("LureLens 组织设置" if zh else "LureLens organisation settings"),
           "  <resources>", "    <stringTable>"]
    out += [f"      <string id={quoteattr(i)}>{escape(t)}</string>" for i, t in strings]
    out += ["    </stringTable>", "    <presentationTable>"] + presentations
    out += ["    </presentationTable>", "  </resources>", "</policyDefinitionResources>", ""]
    return "\n".join(out)


def main():
    policy = load(OUT / "example-policy.json")
    schema = load(ROOT / "extension" / "managed_schema.json")
    (OUT / "chromium-linux.json").write_text(dump_json(chromium_json(policy)), encoding="utf-8")
    (OUT / "firefox-policies.json").write_text(dump_json(firefox_json(policy)), encoding="utf-8")
    # regedit's own format is UTF-16 with a byte-order mark (the keywords are not ASCII).
    (OUT / "chrome-windows.reg").write_text(windows_reg(policy, "chrome", "Google Chrome on Windows"), encoding="utf-16")
    (OUT / "edge-windows.reg").write_text(windows_reg(policy, "edge", "Microsoft Edge on Windows"), encoding="utf-16")
    (OUT / "lurelens.mobileconfig").write_bytes(mobileconfig(policy))
    for browser in BROWSERS:
        (OUT / "admx" / browser / "en-US").mkdir(parents=True, exist_ok=True)
        (OUT / "admx" / browser / "zh-CN").mkdir(parents=True, exist_ok=True)
        (OUT / "admx" / browser / f"lurelens-{browser}.admx").write_text(admx(schema, browser), encoding="utf-8")
        for lang in ("en-US", "zh-CN"):
            (OUT / "admx" / browser / lang / f"lurelens-{browser}.adml").write_text(adml(schema, lang), encoding="utf-8")


if __name__ == "__main__":
    main()
