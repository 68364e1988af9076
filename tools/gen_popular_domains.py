#!/usr/bin/env python3
"""Generate src/link/data/popular_domains.txt.

Usage:
    python3 tools/gen_popular_domains.py MAJESTIC_CSV [OUT] [--top N] [--psl PSL_FILE]

MAJESTIC_CSV  Majestic Million extract (header GlobalRank,TldRank,Domain,...,IDN_Domain,...),
              e.g. ../shared/data/domains/majestic_million_top15000_2026-03.csv
OUT           output path (default: src/link/data/popular_domains.txt next to this tools/ dir)
--top N       keep only the N most popular Majestic entries
--psl FILE    Public Suffix List (default: /usr/share/publicsuffix/public_suffix_list.dat).
              Only the ICANN section is used, as Chromium's lookalike code does
              (private registries such as blogspot.com or github.io stay registrable
              domains here; src/link/data/free_hosting.txt covers them).

What it does (stdlib only, deterministic):
  1. Reads the `Domain` column in rank order, lower-cased. IDNs stay in punycode as given.
     A handful of Majestic rows carry a broken Domain (".com", ".at"); for those the
     IDN_Domain column is used when it is a plain ASCII name, otherwise the row is skipped.
  2. Majestic lists some hosts (en.wikipedia.org, mp.weixin.qq.com, beian.miit.gov.cn).
     Each entry is reduced to its registrable domain (eTLD+1, ICANN section of the PSL);
     the first (most popular) occurrence wins, duplicates are dropped. Entries that are
     themselves public suffixes (gouv.fr, gc.ca, or.kr ...) are kept as they are.
  3. Keeps the first RANKED entries in rank order (the engine uses rank only below 1,000:
     edit-distance and embedding targets) and sorts the rest, for the WASM build's size: a
     sorted stretch is what build.rs can regroup by suffix and front-code (the engine sorts
     it back when it decodes it); entries in rank order are compiled in as they are.
  4. Appends the hand-curated Chinese list below (entries already present are skipped).
"""

import csv
import os
import sys

DEFAULT_PSL = "/usr/share/publicsuffix/public_suffix_list.dat"

# Entries kept in rank order; keep in step with RANKED_ENTRIES in src/link/index.rs.
RANKED = 1000

# Registrable domains a user in China meets every day, in rough groups. gov.cn, edu.cn and
# ac.cn are public suffixes (their children such as mps.gov.cn are the registrable
# domains); they are listed so that the engine can recognise the official suffixes too.
CHINESE = """
# government, public-security and reporting services
gov.cn
www.gov.cn
mss.gov.cn
12339.gov.cn
mps.gov.cn
mfa.gov.cn
mod.gov.cn
moe.gov.cn
mof.gov.cn
mofcom.gov.cn
miit.gov.cn
most.gov.cn
ndrc.gov.cn
mohrss.gov.cn
nhc.gov.cn
stats.gov.cn
customs.gov.cn
chinatax.gov.cn
samr.gov.cn
pbc.gov.cn
safe.gov.cn
csrc.gov.cn
cac.gov.cn
court.gov.cn
spp.gov.cn
ccdi.gov.cn
beian.gov.cn
122.gov.cn
12306.cn
12377.cn
12315.cn
12321.cn
# education and research
edu.cn
ac.cn
cas.cn
tsinghua.edu.cn
pku.edu.cn
chsi.com.cn
cnki.net
# internet platforms, mail and cloud
qq.com
tencent.com
wechat.com
tenpay.com
baidu.com
weibo.com
weibo.cn
sina.com.cn
sina.cn
sina.com
sohu.com
163.com
126.com
yeah.net
netease.com
foxmail.com
21cn.com
263.net
139.com
aliyun.com
alibaba.com
alibabacloud.com
alipay.com
taobao.com
tmall.com
1688.com
aliexpress.com
dingtalk.com
jd.com
pinduoduo.com
yangkeduo.com
meituan.com
dianping.com
ele.me
ctrip.com
trip.com
qunar.com
zhihu.com
bilibili.com
douyin.com
toutiao.com
bytedance.com
feishu.cn
kuaishou.com
xiaohongshu.com
iqiyi.com
youku.com
douban.com
csdn.net
gitee.com
cnblogs.com
360.cn
so.com
sogou.com
xiaomi.com
mi.com
huawei.com
huaweicloud.com
oppo.com
vivo.com.cn
lenovo.com.cn
wps.cn
kdocs.cn
tencentcloud.com
qcloud.com
58.com
zhaopin.com
51job.com
# telecom operators
10086.cn
chinamobile.com
10010.com
chinaunicom.com.cn
chinatelecom.com.cn
189.cn
# banks and payment
icbc.com.cn
ccb.com
boc.cn
bankofchina.com
abchina.com
bankcomm.com
cmbchina.com
psbc.com
pingan.com
citicbank.com
cebbank.com
cmbc.com.cn
spdb.com.cn
cib.com.cn
unionpay.com
95516.com
# state and national media
xinhuanet.com
news.cn
people.com.cn
cctv.com
cntv.cn
chinadaily.com.cn
globaltimes.cn
china.com.cn
chinanews.com.cn
thepaper.cn
ifeng.com
gmw.cn
qstheory.cn
youth.cn
cri.cn
# post and logistics
chinapost.com.cn
ems.com.cn
sf-express.com
"""


class Psl:
    """Minimal Public Suffix List matcher (ICANN section only)."""

    def __init__(self, path):
        self.rules = set()
        self.wild = set()
        self.exc = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if "===BEGIN PRIVATE DOMAINS===" in line:
                    break
                if not line or line.startswith("//"):
                    continue
                rule = line.split()[0].lower()
                rule = rule.encode("idna").decode("ascii") if not rule.isascii() else rule
                if rule.startswith("!"):
                    self.exc.add(rule[1:])
                elif rule.startswith("*."):
                    self.wild.add(rule[2:])
                else:
                    self.rules.add(rule)

    def suffix_len(self, labels):
        """Number of labels of the public suffix of `labels` (default rule '*')."""
        best = 1
        for i in range(len(labels)):
            cand = ".".join(labels[i:])
            n = len(labels) - i
            if cand in self.exc:
                return n - 1
            if cand in self.rules and n > best:
                best = n
            if i + 1 < len(labels) and ".".join(labels[i + 1:]) in self.wild and n > best:
                best = n
        return best

    def registrable(self, host):
        labels = host.split(".")
        n = self.suffix_len(labels)
        if len(labels) <= n:
            return host  # the host is itself a public suffix
        return ".".join(labels[-(n + 1):])


def clean(name):
    name = (name or "").strip().lower().rstrip(".")
    if not name or name.startswith(".") or "." not in name:
        return None
    if not all(c.isalnum() or c in "-." for c in name) or not name.isascii():
        return None
    return name


def main(argv):
    args = [a for a in argv[1:]]
    psl_path = DEFAULT_PSL
    if "--psl" in args:
        i = args.index("--psl")
        psl_path = args[i + 1]
        del args[i:i + 2]
    top = None
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    src = args[0]
    here = os.path.dirname(os.path.abspath(__file__))
    out = args[1] if len(args) > 1 else os.path.join(
        here, "..", "src", "link", "data", "popular_domains.txt")
    if not os.path.exists(psl_path):
        print("Public Suffix List not found at %s; pass --psl FILE "
              "(https://publicsuffix.org/list/public_suffix_list.dat)" % psl_path, file=sys.stderr)
        return 2
    psl = Psl(psl_path)

    seen = set()
    majestic = []
    rows = skipped = reduced = 0
    with open(src, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows += 1
            name = clean(row.get("Domain")) or clean(row.get("IDN_Domain"))
            if not name:
                skipped += 1
                continue
            reg = psl.registrable(name)
            if reg != name:
                reduced += 1
            if reg not in seen:
                seen.add(reg)
                majestic.append(reg)

    if top is not None:
        for reg in majestic[top:]:
            seen.discard(reg)
        majestic = majestic[:top]

    chinese = []
    for line in CHINESE.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            chinese.append(line)
            continue
        if line not in seen:
            seen.add(line)
            chinese.append(line)

    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Popular registrable domains: the %d most popular first, in rank order, then the\n"
                "# rest of the list sorted.\n" % RANKED)
        f.write("# Source: Majestic Million top 15,000 (%s), https://majestic.com/reports/majestic-million\n"
                % os.path.basename(src))
        f.write("# Licence: CC BY 3.0, (c) Majestic-12 Ltd; attribution required (see README).\n")
        f.write("# Generated by tools/gen_popular_domains.py: hosts reduced to their registrable domain\n")
        f.write("# (ICANN section of the Public Suffix List), duplicates dropped, IDNs in punycode.\n")
        f.write("# Followed by a hand-curated list of Chinese sites (facts, no licence).\n")
        for d in majestic[:RANKED]:
            f.write(d + "\n")
        f.write("# --- the rest, sorted ---\n")
        for d in sorted(majestic[RANKED:]):
            f.write(d + "\n")
        f.write("# --- Chinese additions (not in the Majestic part above) ---\n")
        for d in chinese:
            f.write(d + "\n")

    n_cn = sum(1 for d in chinese if not d.startswith("#"))
    print("rows=%d skipped=%d reduced_to_registrable=%d majestic_unique=%d chinese_added=%d -> %s"
          % (rows, skipped, reduced, len(majestic), n_cn, os.path.normpath(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
