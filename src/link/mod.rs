//! Link scoring (DESIGN §3): every signal a URL and its visible text can give.
//!
//! Each signal has a fixed rule id (`link.*`, listed in `docs/engine-api.md`) and a weight.
//! Look-alike checks only run for hosts that are not themselves popular, protected or
//! allow-listed (Chromium's first filter), and a user subdomain on a free-hosting domain is never
//! vouched for by its popular parent.

pub mod domain;
pub mod extract;
pub mod idn;
pub(crate) mod index;
pub mod lists;
mod lookalike;
pub mod suffix;
pub mod tr39;
mod tr39_tables;

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

use crate::limits;
use crate::verdict::{Evidence, Hint};
use domain::{name_of, registrable};
use idn::to_unicode;
pub use index::LinkIndex;
use lookalike::Finding;

/// Nested redirects followed (a redirect whose target is itself a redirect …).
const MAX_REDIRECT_DEPTH: u8 = 2;

/// Extensions that are dangerous as attachments but not as web links.
const WEB_NATIVE_EXT: &[&str] = &["js", "com", "app", "url", "one", "html", "htm"];

/// Words that, in a registrable name, say the site is about accounts (with `LOGIN_WORDS`).
const LOGIN_NAME_WORDS: &[&str] = &[
    "oa", "portal", "sso", "mima", "chongzhi", "zhaohui", "reset", "secure", "security", "auth",
    "mail", "webmail", "update", "service", "support",
];

/// Words that claim a government body, in a mail's display name or a link's text. Not a bank or
/// a company's IT desk, which write from and link to their own domains.
pub const GOVERNMENT_WORDS: &[&str] = &[
    "国务院",
    "委员会",
    "发改委",
    "发展改革委",
    "国家安全",
    "公安",
    "税务局",
    "税务总局",
    "国家税务",
    "办公厅",
    "政府",
    "法院",
    "检察院",
    "保密局",
    "保密办",
    "保密工作",
    "保密委",
    "人社局",
    "社保局",
    "医保局",
    "ministry",
    "government",
    "police",
    "tax office",
    "revenue service",
    "hmrc",
    "irs.gov",
];

/// Words in a link's visible text that ask for a login (`请登录查看`, `Sign in to view`).
const LOGIN_TEXT_WORDS: &[&str] = &[
    "登录",
    "登陆",
    "输入密码",
    "账号密码",
    "验证账号",
    "立即验证",
    "点此验证",
    "验证身份",
    "账号异常",
    "账号存在异常",
    "log in",
    "login",
    "sign in",
    "signin",
    "verify your",
    "verify now",
    "password",
    "account suspended",
];

/// Words in a path or host that mark a login or account page.
const LOGIN_WORDS: &[&str] = &[
    "login",
    "log-in",
    "logon",
    "signin",
    "sign-in",
    "verify",
    "verification",
    "account",
    "accounts",
    "webscr",
    "password",
    "passwd",
    "credential",
    "authenticate",
    "unlock",
    "recover",
    "validate",
    "webmail",
    "owa",
    "denglu",
    "zhanghu",
    "mima",
    "chongzhi",
];

/// Where a URL sits, so evidence offsets point into the right field.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// Field name for evidence in the URL (`url`, `links[0].href`, `text` …).
    pub url_field: &'a str,
    /// UTF-16 offset of the URL inside that field (non-zero for URLs found in message text).
    pub url_base: u32,
    /// Field name of the visible link text, when there is one.
    pub text_field: &'a str,
}

impl Place<'static> {
    /// A link record: `url` and `text` fields.
    pub const LINK: Place<'static> = Place {
        url_field: "url",
        url_base: 0,
        text_field: "text",
    };
}

/// The family a link signal belongs to.
fn family_of(signal: &str) -> &'static str {
    match signal {
        "link.dangerous_download" | "link.double_extension" | "link.rtl_override" => "attachment",
        "link.official_claim" => "impersonation",
        _ => "credential_link",
    }
}

/// The explanation key of a rule id: `rule_` + id with `.` → `_` (link and email signals, and
/// the rules made from policy keywords).
pub fn key_of(signal: &str) -> String {
    format!("rule_{}", signal.replace('.', "_"))
}

/// All link signal ids, for the locale lint.
pub const SIGNALS: &[&str] = &[
    "link.skeleton_match",
    "link.edit_distance",
    "link.target_embedding",
    "link.combo_squat",
    "link.brand_elsewhere",
    "link.mixed_script",
    "link.whole_script",
    "link.punycode",
    "link.ip_host",
    "link.userinfo",
    "link.shortener",
    "link.official_claim",
    "link.open_redirect",
    "link.text_mismatch",
    "link.login_unfamiliar",
    "link.free_hosting",
    "link.data_url",
    "link.javascript_url",
    "link.malformed",
    "link.dangerous_download",
    "link.double_extension",
    "link.rtl_override",
];

/// Builds hints for one URL.
struct Collector<'a> {
    /// The URL as the caller gave it: evidence offsets point into this.
    orig: &'a str,
    place: Place<'a>,
    hints: Vec<Hint>,
}

impl Collector<'_> {
    fn add(&mut self, signal: &'static str, weight: u8, evidence: Vec<Evidence>) {
        if weight == 0 || self.hints.iter().any(|h| h.rule == signal) {
            return;
        }
        let family = family_of(signal);
        self.hints.push(Hint {
            rule: signal.into(),
            family,
            stage: "delivery",
            score: weight,
            evidence,
            key: key_of(signal).into(),
        });
    }

    /// Evidence covering the first case-insensitive occurrence of `needle` in the link's
    /// visible text `text`, or the whole text.
    fn text_evidence(&self, text: &str, needle: &str) -> Evidence {
        let (start, end) = find_utf16(text, needle);
        Evidence {
            field: self.place.text_field.to_string().into(),
            start,
            end,
            text: limits::utf16_slice(text, start, end),
            message: None,
        }
    }

    /// Evidence covering the first case-insensitive occurrence of `needle` in the URL, or the
    /// whole URL.
    fn span(&self, needle: &str) -> Evidence {
        let hay = self.orig.to_ascii_lowercase();
        let needle_l = needle.to_ascii_lowercase();
        let (start, end) = match (needle.is_empty(), hay.find(&needle_l)) {
            (false, Some(i)) => (i, i + needle_l.len()),
            _ => (0, self.orig.len()),
        };
        let s16 = limits::utf16_offset(self.orig, start);
        let e16 = limits::utf16_offset(self.orig, end);
        Evidence {
            field: self.place.url_field.to_string().into(),
            start: self.place.url_base + s16,
            end: self.place.url_base + e16,
            text: self.orig[start..end].to_string(),
            message: None,
        }
    }

    fn with_target(&self, needle: &str, target: &str) -> Vec<Evidence> {
        vec![self.span(needle), Evidence::target(target)]
    }
}

/// Scores URLs against the index.
pub struct LinkScorer {
    pub index: LinkIndex,
}

impl LinkScorer {
    pub fn new(index: LinkIndex) -> LinkScorer {
        LinkScorer { index }
    }

    /// Hints for one URL with optional visible text.
    pub fn score(&self, href: &str, text: Option<&str>, place: Place<'_>) -> Vec<Hint> {
        self.score_depth(href, text, place, 0)
    }

    fn score_depth(
        &self,
        href: &str,
        text: Option<&str>,
        place: Place<'_>,
        depth: u8,
    ) -> Vec<Hint> {
        let orig = limits::truncate(href, limits::MAX_URL_BYTES);
        let href = orig.trim();
        // Browsers drop tabs and newlines anywhere in a URL (`java\tscript:`); so do we.
        let stripped: String;
        // Whitespace inside the scheme is an evasion nobody writes by accident.
        let scheme_evasion = href
            .split(':')
            .next()
            .is_some_and(|s| s.len() < 16 && s.contains(['\t', '\n', '\r']));
        let href = if href.contains(['\t', '\n', '\r']) {
            stripped = href.replace(['\t', '\n', '\r'], "");
            stripped.as_str()
        } else {
            href
        };
        let mut c = Collector {
            orig,
            place,
            hints: Vec::new(),
        };
        if href.is_empty() {
            return c.hints;
        }
        if let Some(i) = href.find(is_bidi_control) {
            let ch = href[i..].chars().next().map_or(1, char::len_utf8);
            let needle = &href[i..i + ch];
            let ev = c.span(needle);
            c.add("link.rtl_override", 65, vec![ev]);
        }
        let lower_start: String = href
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower_start.starts_with("javascript:") || lower_start.starts_with("vbscript:") {
            let body = &href[href.find(':').map_or(0, |i| i + 1)..];
            let w = javascript_weight(body).max(if scheme_evasion { 70 } else { 0 });
            let ev = c.span("");
            c.add("link.javascript_url", w, vec![ev]);
            return c.hints;
        }
        if lower_start.starts_with("data:") {
            let w = data_url_weight(&lower_start);
            let ev = c.span("");
            c.add("link.data_url", w, vec![ev]);
            return c.hints;
        }
        if lower_start.starts_with("mailto:")
            || lower_start.starts_with("tel:")
            || href.starts_with('#')
        {
            return c.hints;
        }
        let Some(url) = parse_lenient(href) else {
            let ev = c.span("");
            c.add("link.malformed", 25, vec![ev]);
            return c.hints;
        };
        if !matches!(url.scheme(), "http" | "https" | "ftp") {
            return c.hints;
        }
        self.userinfo(&mut c, &url);
        let host = match url.host() {
            Some(Host::Domain(d)) => d.trim_end_matches('.').to_ascii_lowercase(),
            Some(Host::Ipv4(ip)) => return self.ip_link(c, href, &url, IpKind::V4(ip), text),
            Some(Host::Ipv6(ip)) => return self.ip_link(c, href, &url, IpKind::V6(ip), text),
            None => {
                let ev = c.span("");
                c.add("link.malformed", 25, vec![ev]);
                return c.hints;
            }
        };

        let reg = registrable(&host).unwrap_or(&host).to_string();
        let known = self.index.is_known(&host, &reg);
        let unicode_host = to_unicode(&host);
        let host_needle = if href.to_ascii_lowercase().contains(&host) {
            host.clone()
        } else {
            unicode_host.clone()
        };

        if host.split('.').any(|l| l.starts_with("xn--")) && !known {
            let ev = c.span(&host_needle);
            c.add("link.punycode", 15, vec![ev]);
        }
        if !known && !is_official_suffix(&reg) && host.contains('.') {
            self.lookalikes(&mut c, &host, &reg, &unicode_host, &host_needle);
        }
        let free_parent = self.index.free_hosting_parent(&host);
        if let Some(parent) = free_parent.filter(|_| !known) {
            let ev = c.with_target(&host_needle, parent);
            c.add("link.free_hosting", 20, ev);
        } else if self.index.is_free_hosting_host(&host) && !self.index.is_allowed(&host) {
            let ev = c.span(&host_needle);
            c.add("link.free_hosting", 15, vec![ev]);
        }
        // The link's visible text and its lower-case form, for the word lists below.
        let shown = text.map(|t| (t, t.to_ascii_lowercase()));
        let said = |words: &[&'static str]| {
            let (t, lower) = shown.as_ref()?;
            words.iter().find(|w| lower.contains(*w)).map(|w| (*t, *w))
        };
        if self.index.is_shortener(&host) && !self.index.is_allowed(&host) {
            let mut ev = vec![c.span(&host_needle)];
            // A login behind a shortened link hides where the password would go.
            let login = said(LOGIN_TEXT_WORDS);
            if let Some((t, w)) = login {
                ev.push(c.text_evidence(t, w));
            }
            c.add("link.shortener", if login.is_some() { 40 } else { 20 }, ev);
        }
        if let Some((t, word)) = said(GOVERNMENT_WORDS) {
            self.official_claim(&mut c, t, word, &host, &reg);
        }
        let redirect_target = self.open_redirect(&mut c, &url, &host, &reg, depth);
        self.path_signals(&mut c, &url, &host, known);
        if let Some(text) = text {
            self.text_mismatch(&mut c, text, &host, &reg, redirect_target.as_deref());
        }
        c.hints
    }

    fn lookalikes(&self, c: &mut Collector<'_>, host: &str, reg: &str, uhost: &str, needle: &str) {
        let ureg = to_unicode(reg);
        let uname = name_of(&ureg);
        let findings: [Option<Finding>; 5] = [
            lookalike::script_check(uhost),
            lookalike::skeleton_match(&self.index, uname, reg),
            lookalike::target_embedding(&self.index, host, reg),
            lookalike::combo_squat(&self.index, host, reg),
            lookalike::edit_distance(&self.index, uname, reg),
        ];
        let mut found_lookalike = false;
        for f in findings.into_iter().flatten() {
            // One look-alike verdict is enough: edit distance only when nothing stronger hit.
            if f.signal == "link.edit_distance" && found_lookalike {
                continue;
            }
            found_lookalike |= f.signal != "link.mixed_script" && f.signal != "link.whole_script";
            let ev = c.with_target(needle, &f.target);
            c.add(f.signal, f.weight, ev);
        }
    }

    /// A link to a raw IP address: the address itself, the path, and what the text shows.
    fn ip_link(
        &self,
        mut c: Collector<'_>,
        href: &str,
        url: &Url,
        ip: IpKind,
        text: Option<&str>,
    ) -> Vec<Hint> {
        self.ip_host(&mut c, href, url, ip);
        self.path_signals(&mut c, url, "", false);
        let host = url.host_str().unwrap_or("").to_string();
        if let Some(text) = text {
            self.text_mismatch(&mut c, text, &host, &host, None);
        }
        c.hints
    }

    fn ip_host(&self, c: &mut Collector<'_>, href: &str, url: &Url, ip: IpKind) {
        if ip.is_local() {
            return;
        }
        let shown = url.host_str().unwrap_or("");
        // The URL parser turns `http://3232235777/` or `0xC0.0xA8…` into dotted form: if the
        // author did not write the dotted form, the address was disguised.
        let disguised = matches!(ip, IpKind::V4(_)) && !href.contains(shown);
        let ev = if disguised { c.span("") } else { c.span(shown) };
        c.add("link.ip_host", if disguised { 55 } else { 35 }, vec![ev]);
    }

    fn userinfo(&self, c: &mut Collector<'_>, url: &Url) {
        if url.username().is_empty() && url.password().is_none() {
            return;
        }
        let user = url.username();
        let decoded = percent_decode(user);
        let looks_like_domain = decoded.contains('.') && !decoded.contains(' ');
        let ev = c.span(user);
        c.add(
            "link.userinfo",
            if looks_like_domain { 55 } else { 30 },
            vec![ev],
        );
    }

    /// Follows redirect parameters and known redirector paths; returns the target's registrable
    /// domain when there is one.
    fn open_redirect(
        &self,
        c: &mut Collector<'_>,
        url: &Url,
        host: &str,
        reg: &str,
        depth: u8,
    ) -> Option<String> {
        let mut target: Option<String> = None;
        for (k, v) in url.query_pairs() {
            if self.index.redirect_params.contains(&k.to_ascii_lowercase()) && is_absolute(&v) {
                target = Some(v.into_owned());
                break;
            }
        }
        if target.is_none() {
            let path = url.path();
            for (h, prefix) in &self.index.redirect_hosts {
                if *h == host
                    && !prefix.is_empty()
                    && path.trim_start_matches('/').starts_with(prefix)
                {
                    let rest = &path.trim_start_matches('/')[prefix.len()..];
                    if rest.contains('.') {
                        target = Some(format!("https://{}", rest.trim_start_matches('/')));
                    }
                }
            }
        }
        let t = target?;
        let inner = parse_lenient(&t)?;
        let inner_host = inner.host_str()?.to_ascii_lowercase();
        let inner_reg = registrable(&inner_host).unwrap_or(&inner_host).to_string();
        if inner_reg == reg {
            return Some(inner_reg);
        }
        let ev = c.with_target(&t.chars().take(60).collect::<String>(), &inner_host);
        c.add("link.open_redirect", 30, ev);
        if depth < MAX_REDIRECT_DEPTH {
            for h in self.score_depth(&t, None, c.place, depth + 1) {
                if !c.hints.iter().any(|x| x.rule == h.rule) {
                    c.hints.push(Hint {
                        // Evidence of the inner URL is relative to the inner string; point at
                        // the redirect parameter instead.
                        evidence: vec![c.span(&inner_host)],
                        ..h
                    });
                }
            }
        }
        Some(inner_reg)
    }

    /// Link text that names a government body (`word`, as in `国家税务总局 个税退税申请`) over a
    /// link to a domain that is not a government one, nor one the organisation vouches for.
    fn official_claim(&self, c: &mut Collector<'_>, text: &str, word: &str, host: &str, reg: &str) {
        if is_official_suffix(reg) || self.index.is_allowed(host) || self.index.is_protected(host) {
            return;
        }
        let ev = vec![c.text_evidence(text, word), c.span(host)];
        c.add("link.official_claim", 40, ev);
    }

    /// Hints for a file name written in message text (`会议纪要.pdf.scr`): a program dressed as
    /// a document by a double extension or a right-to-left override. A plain program name
    /// (`setup.exe`) is ordinary talk among colleagues and gets none.
    pub fn score_file_name(&self, name: &str, place: Place<'_>) -> Vec<Hint> {
        let mut c = Collector {
            orig: name,
            place,
            hints: Vec::new(),
        };
        if name.contains(is_bidi_control) {
            let ev = c.span(name);
            c.add("link.rtl_override", 65, vec![ev]);
        } else if self.index.is_double_extension(&name.to_lowercase()) {
            let ev = c.span(name);
            c.add("link.double_extension", 70, vec![ev]);
        }
        c.hints
    }

    /// Downloads, double extensions and login words in the path.
    fn path_signals(&self, c: &mut Collector<'_>, url: &Url, host: &str, known: bool) {
        let path = percent_decode(url.path());
        let last = path.rsplit('/').next().unwrap_or("");
        let lower = last.to_lowercase();
        let parts: Vec<&str> = lower.split('.').collect();
        if parts.len() >= 2 {
            let ext = parts[parts.len() - 1];
            // Scripts and pages a browser only displays are not downloads on the web (they are
            // as attachments); `x.com` at the end of a path is a name, not an executable.
            let dangerous =
                self.index.dangerous_ext.contains(ext) && !WEB_NATIVE_EXT.contains(&ext);
            if dangerous && self.index.is_double_extension(&lower) {
                let ev = c.span(last);
                c.add("link.double_extension", 70, vec![ev]);
            } else if dangerous {
                let ev = c.span(last);
                c.add(
                    "link.dangerous_download",
                    if known { 15 } else { 45 },
                    vec![ev],
                );
            } else if self.index.macro_ext.contains(ext) && !known {
                let ev = c.span(last);
                c.add("link.dangerous_download", 25, vec![ev]);
            }
        }
        if known {
            return;
        }
        if let Some(brand) = self.brand_elsewhere(host, &path) {
            let ev = c.with_target(&brand, &brand);
            c.add("link.brand_elsewhere", 30, ev);
        }
        let hay = format!("{host}{}", path.to_ascii_lowercase());
        let words = Words::of(&hay);
        if let Some(w) = LOGIN_WORDS.iter().find(|w| words.has(w)) {
            // A domain registered *as* a login page (`oa-portal-2025.top`, `mima-chongzhi.cc`)
            // is stronger than a login path on some site.
            let name = name_of(registrable(host).unwrap_or(host));
            let name_words = Words::of(name);
            let named = LOGIN_WORDS
                .iter()
                .chain(LOGIN_NAME_WORDS)
                .any(|w| name_words.has(w));
            let ev = c.span(w);
            c.add(
                "link.login_unfamiliar",
                if named { 45 } else { 20 },
                vec![ev],
            );
        }
    }

    /// A brand's name as a whole token in the subdomains or the path of a host that is not the
    /// brand's (`secure.example.top/paypal/signin`): the lure wears the brand without owning it.
    fn brand_elsewhere(&self, host: &str, path: &str) -> Option<String> {
        let reg = registrable(host).unwrap_or(host);
        let sub = host.strip_suffix(reg).unwrap_or("");
        let lower = path.to_ascii_lowercase();
        let tokens: Vec<&str> = sub
            .split(|c: char| !c.is_ascii_alphanumeric())
            .chain(lower.split(|c: char| !c.is_ascii_alphanumeric()))
            .filter(|t| t.len() >= 3)
            .collect();
        if tokens.is_empty() {
            return None;
        }
        let name = name_of(reg);
        tokens
            .iter()
            .filter_map(|t| self.index.brand_word(t))
            .find(|b| {
                (b.word.len() >= 5 || b.source == index::Source::Protected)
                    && !name.contains(b.word.as_str())
            })
            .map(|b| b.word.clone())
    }

    /// Visible text that shows a domain other than the href's (graded after Rspamd).
    fn text_mismatch(
        &self,
        c: &mut Collector<'_>,
        text: &str,
        host: &str,
        reg: &str,
        redirect_reg: Option<&str>,
    ) {
        let Some(shown) = domain_in_text(text) else {
            return;
        };
        let shown_reg = registrable(&shown).unwrap_or(&shown).to_string();
        if shown_reg == reg
            || domain::is_within(host, &shown)
            || domain::is_within(&shown, host)
            || redirect_reg == Some(shown_reg.as_str())
        {
            return;
        }
        let known_shown = self.index.is_known(&shown, &shown_reg);
        let d = normalized_distance(&shown_reg, reg);
        // A familiar or near-identical domain shown over a different one is the classic lure.
        let w = if known_shown || d <= 0.3 { 70 } else { 50 };
        let ev = vec![
            c.text_evidence(text, &shown),
            c.span(host),
            Evidence::target(&shown),
        ];
        c.add("link.text_mismatch", w, ev);
    }
}

#[derive(Debug, Clone, Copy)]
enum IpKind {
    V4(Ipv4Addr),
    V6(Ipv6Addr),
}

impl IpKind {
    fn is_local(self) -> bool {
        match self {
            IpKind::V4(ip) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
            IpKind::V6(ip) => ip.is_loopback() || (ip.segments()[0] & 0xfe00) == 0xfc00,
        }
    }
}

/// Government and military suffixes are not checked for look-alikes (Chromium skips them too):
/// anyone who can register under them is the authority itself.
pub fn is_official_suffix(reg: &str) -> bool {
    [
        ".gov", ".mil", ".gov.cn", ".edu.cn", ".ac.cn", ".gov.uk", ".gov.hk", ".gov.tw",
    ]
    .iter()
    .any(|s| reg.ends_with(s))
}

fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F)
}

fn javascript_weight(body: &str) -> u8 {
    let b = body.trim().to_ascii_lowercase();
    let idiom = b.is_empty()
        || b == ";"
        || b.starts_with("void(0)")
        || b.starts_with("void 0")
        || b == "return false"
        || b == "return false;";
    if idiom {
        return 0;
    }
    let suspicious = [
        "eval",
        "atob",
        "fromcharcode",
        "document.",
        "alert(",
        "prompt(",
        "fetch(",
        "\\u",
        "location",
        "window.open",
        "http",
        "\\x",
        "%3c",
    ];
    if suspicious.iter().any(|s| b.contains(s)) {
        70
    } else {
        30
    }
}

fn data_url_weight(lower_start: &str) -> u8 {
    let mime = lower_start.trim_start_matches("data:");
    if mime.starts_with("image/") && !mime.starts_with("image/svg") {
        20
    } else if mime.starts_with("text/html")
        || mime.starts_with("image/svg")
        || mime.starts_with("application/")
    {
        70
    } else {
        55
    }
}

/// Parse a URL; a bare `www.example.com/x` or `example.com` gets `http://`.
fn parse_lenient(s: &str) -> Option<Url> {
    let parse = |s: &str| Url::parse(&idn::ascii_url(s));
    if let Ok(u) = parse(s) {
        if u.has_host() || !matches!(u.scheme(), "http" | "https") {
            return Some(u);
        }
    }
    if s.starts_with("//") {
        return parse(&format!("http:{s}")).ok();
    }
    if !s.contains("://") && s.contains('.') {
        return parse(&format!("http://{s}")).ok().filter(|u| u.has_host());
    }
    None
}

fn is_absolute(v: &str) -> bool {
    let l = v.trim_start().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("//")
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_string())
}

/// `word` in `hay` with no ASCII letter on either side.
/// The words of a host and path, split once, for many [`contains_word`] questions.
struct Words<'a> {
    hay: &'a str,
    /// The runs of ASCII letters: a hyphen-free word is a word of `hay` exactly when it is one.
    runs: Vec<&'a str>,
}

impl<'a> Words<'a> {
    fn of(hay: &'a str) -> Words<'a> {
        let runs = hay
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|r| !r.is_empty())
            .collect();
        Words { hay, runs }
    }

    fn has(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            self.runs.contains(&word)
        } else {
            contains_word(self.hay, word)
        }
    }
}

fn contains_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphabetic())
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// The domain a link's visible text shows, if the text looks like a URL or a bare domain.
fn domain_in_text(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.len() > 2048 || t.contains(char::is_whitespace) {
        return None;
    }
    let rest = t
        .split_once("://")
        .map_or(t, |(scheme, r)| if scheme.len() <= 10 { r } else { t });
    let host_part = rest.split(['/', '?', '#']).next()?;
    let host_part = host_part.rsplit('@').next()?;
    let host_part = host_part.split(':').next()?;
    let tld = host_part.rsplit('.').next()?;
    if !host_part.contains('.') || tld.len() < 2 || !tld.chars().all(char::is_alphabetic) {
        return None;
    }
    match Host::parse(host_part) {
        Ok(Host::Domain(d)) if registrable(&d).is_some() => Some(d),
        _ => None,
    }
}

/// Rspamd's normalised edit distance: 2·lev / (|a| + |b|).
fn normalized_distance(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    let total = (a.len() + b.len()).max(1) as f32;
    2.0 * prev[b.len()] as f32 / total
}

/// UTF-16 span of the first case-insensitive occurrence of `needle` in `text` (or the whole).
fn find_utf16(text: &str, needle: &str) -> (u32, u32) {
    let lower = text.to_ascii_lowercase();
    match lower.find(&needle.to_ascii_lowercase()) {
        Some(i) => (
            limits::utf16_offset(text, i),
            limits::utf16_offset(text, i + needle.len()),
        ),
        None => (0, limits::utf16_offset(text, text.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_in_link_text() {
        assert_eq!(
            domain_in_text("https://www.PayPal.com/x").as_deref(),
            Some("www.paypal.com")
        );
        assert_eq!(domain_in_text("mail.qq.com"), Some("mail.qq.com".into()));
        assert_eq!(domain_in_text("Click here"), None);
        assert_eq!(domain_in_text("v1.2"), None);
    }

    #[test]
    fn distance_is_normalised() {
        assert!(normalized_distance("paypal.com", "paypal.com") < 0.01);
        assert!(normalized_distance("paypal.com", "paypa1.com") <= 0.3);
        assert!(normalized_distance("paypal.com", "evil.example") > 0.5);
    }

    #[test]
    fn word_boundaries_in_paths() {
        assert!(contains_word("evil.top/login.php", "login"));
        assert!(!contains_word("evil.top/loginsight", "login"));
        // Words answers as contains_word does, hyphenated words included.
        for (hay, word) in [
            ("evil.top/login.php", "login"),
            ("evil.top/loginsight", "login"),
            ("a.top/my-login", "login"),
            ("a.top/log-in.php", "log-in"),
            ("a.top/blog-in", "log-in"),
            ("a.top/x2login", "login"),
        ] {
            assert_eq!(
                Words::of(hay).has(word),
                contains_word(hay, word),
                "{hay} {word}"
            );
        }
    }
}
