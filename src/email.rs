//! Email-only signals: the sender line and the attachments. Subject and body go through the
//! message rules and the links through link scoring, like any other text and link.

use crate::limits;
use crate::link::domain::registrable;
use crate::link::idn::{self, to_unicode};
use crate::link::{is_official_suffix, LinkIndex, LinkScorer, Place, GOVERNMENT_WORDS};
use crate::verdict::{Evidence, Hint};

/// Free mail providers: an "official" sender does not write from these.
const FREEMAIL: &[&str] = &[
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "139.com",
    "189.cn",
    "aliyun.com",
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "ymail.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "gmx.com",
    "gmx.net",
    "mail.com",
    "proton.me",
    "protonmail.com",
    "tutanota.com",
    "yandex.com",
    "yandex.ru",
    "mail.ru",
    "zoho.com",
];

/// Words in a display name that claim an organisation or an official function.
const OFFICIAL_WORDS: &[&str] = &[
    "国家",
    "部门",
    "委员会",
    "安全部",
    "公安局",
    "税务局",
    "办公室",
    "办公厅",
    "政府",
    "公安",
    "法院",
    "检察院",
    "银行",
    "管理员",
    "信息中心",
    "网络中心",
    "保密",
    "安全中心",
    "人事处",
    "财务处",
    "admin",
    "administrator",
    "it support",
    "it department",
    "helpdesk",
    "help desk",
    "service desk",
    "security",
    "ministry",
    "government",
    "police",
    "bank",
    "office",
    "postmaster",
    "mailer-daemon",
    "hr department",
    "payroll",
];

/// The parts of a `From` line: `Display Name <user@domain>` or a bare address.
pub struct Sender {
    pub display: String,
    pub address: String,
    pub domain: String,
}

pub fn parse_sender(from: &str) -> Sender {
    let from = from.trim();
    let (display, address) = match (from.rfind('<'), from.rfind('>')) {
        (Some(l), Some(r)) if l < r => (
            from[..l].trim().trim_matches('"').trim().to_string(),
            from[l + 1..r].trim().to_string(),
        ),
        _ => (String::new(), from.to_string()),
    };
    let domain = address
        .rsplit_once('@')
        .map(|(_, d)| d.trim().trim_end_matches('.').to_ascii_lowercase())
        .unwrap_or_default();
    Sender {
        display,
        address,
        domain,
    }
}

fn hint(rule: &'static str, family: &'static str, score: u8, evidence: Vec<Evidence>) -> Hint {
    Hint {
        rule: rule.into(),
        family,
        stage: "delivery",
        score,
        evidence,
        key: crate::link::key_of(rule).into(),
    }
}

fn from_evidence(from: &str, needle: &str) -> Evidence {
    let (s, e) = match from.find(needle).filter(|_| !needle.is_empty()) {
        Some(i) => (
            limits::utf16_offset(from, i),
            limits::utf16_offset(from, i + needle.len()),
        ),
        None => (0, limits::utf16_offset(from, from.len())),
    };
    Evidence {
        field: "from".into(),
        start: s,
        end: e,
        text: limits::utf16_slice(from, s, e),
        message: None,
    }
}

/// Hints from the sender line: a display name naming another domain or brand than the address,
/// an official-sounding name on free mail, and look-alike signals on the sender's domain.
pub fn sender_hints(links: &LinkScorer, from: &str) -> Vec<Hint> {
    let mut out = Vec::new();
    let s = parse_sender(from);
    if s.domain.is_empty() {
        return out;
    }
    let addr_reg = registrable(&s.domain).unwrap_or(&s.domain).to_string();
    let display_l = s.display.to_lowercase();

    // A domain or address written in the display name that is not the sender's.
    let shown_domain = display_l
        .split(|c: char| c.is_whitespace() || "<>()[]\"'@,;".contains(c))
        .filter(|t| t.contains('.'))
        .filter_map(|t| idn::parse_host(t.trim_matches('.')))
        .filter_map(|h| match h {
            url::Host::Domain(d) => registrable(&d).map(str::to_string),
            _ => None,
        })
        .find(|r| *r != addr_reg);
    // A domain written in the display name outranks a brand named there. A brand word in the
    // name of a sender on the organisation's own domain (`People Team`) is the organisation's.
    let own = links.index.is_allowed(&s.domain) || links.index.is_protected(&s.domain);
    let claimed = shown_domain.map(|d| (d, 55)).or_else(|| {
        if own {
            return None;
        }
        links
            .index
            .brands
            .iter()
            .filter(|b| b.word.len() >= 5)
            .find(|b| contains_token(&display_l, &b.word) && !addr_reg.contains(&b.word))
            .map(|b| (b.word.clone(), 45))
    });
    if let Some((claim, weight)) = claimed {
        out.push(hint(
            "email.display_name_mismatch",
            "impersonation",
            weight,
            sender_evidence(from, &s, &claim),
        ));
    }
    let official = OFFICIAL_WORDS.iter().find(|w| display_l.contains(*w));
    if let (Some(word), true) = (official, FREEMAIL.contains(&addr_reg.as_str())) {
        out.push(hint(
            "email.official_sender_freemail",
            "impersonation",
            40,
            sender_evidence(from, &s, word),
        ));
    }
    // A government body's name on a domain that is not a government one (nor free mail,
    // covered above, nor one the organisation vouches for): `国家保密局 <x@gov-check.cn.com>`.
    let government = GOVERNMENT_WORDS.iter().find(|w| display_l.contains(*w));
    if let Some(word) = government {
        if !is_official_suffix(&addr_reg) && !FREEMAIL.contains(&addr_reg.as_str()) && !own {
            out.push(hint(
                "email.official_sender_unofficial_domain",
                "impersonation",
                35,
                sender_evidence(from, &s, word),
            ));
        }
    }
    // The sender's domain as a link: look-alikes of popular or protected domains.
    let place = Place {
        url_field: "from",
        url_base: 0,
        text_field: "from",
    };
    for h in links.score(&format!("http://{}/", s.domain), None, place) {
        if matches!(
            h.rule.as_str(),
            "link.skeleton_match"
                | "link.edit_distance"
                | "link.target_embedding"
                | "link.combo_squat"
                | "link.mixed_script"
                | "link.whole_script"
        ) {
            let shown = to_unicode(&s.domain);
            let needle = if from.contains(&shown) {
                shown
            } else {
                s.domain.clone()
            };
            let mut ev = vec![from_evidence(from, &needle)];
            ev.extend(h.evidence.into_iter().filter(|e| e.field == "target"));
            out.push(Hint { evidence: ev, ..h });
        }
    }
    out
}

/// Evidence for a sender-line hint: the display name, the address's domain, and what is claimed.
fn sender_evidence(from: &str, s: &Sender, claim: &str) -> Vec<Evidence> {
    vec![
        from_evidence(from, &s.display),
        from_evidence(from, &s.domain),
        Evidence::target(claim),
    ]
}

fn contains_token(hay: &str, word: &str) -> bool {
    hay.split(|c: char| !c.is_alphanumeric()).any(|t| t == word)
}

/// Hints from attachment names: executables, double extensions and bidi tricks, HTML pages and
/// macro documents, and archives whose password sits in the body (scanners cannot open them).
pub fn attachment_hints(
    index: &LinkIndex,
    names: &[String],
    body_gives_password: bool,
) -> Vec<Hint> {
    let mut out = Vec::new();
    for (i, name) in names.iter().take(limits::MAX_EMAIL_LINKS).enumerate() {
        let field = format!("attachments[{i}]");
        let whole = Evidence {
            field: field.clone().into(),
            start: 0,
            end: limits::utf16_offset(name, name.len()),
            text: name.clone(),
            message: None,
        };
        let has_bidi = name
            .chars()
            .any(|c| matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069));
        let clean: String = name
            .chars()
            .filter(|c| !matches!(*c as u32, 0x202A..=0x202E | 0x2066..=0x2069 | 0x200B..=0x200F))
            .collect::<String>()
            .to_lowercase();
        let parts: Vec<&str> = clean.trim().split('.').collect();
        let ext = if parts.len() >= 2 {
            parts[parts.len() - 1].trim()
        } else {
            ""
        };
        let dangerous = index.dangerous_ext.contains(ext);
        // A right-to-left override hides the real extension just as a decoy one does.
        let (rule, family, score) = if has_bidi || index.is_double_extension(&clean) {
            ("email.double_extension", "attachment", 75)
        } else if dangerous {
            ("email.dangerous_attachment", "attachment", 55)
        } else if index.html_ext.contains(ext) {
            ("email.dangerous_attachment", "attachment", 40)
        } else if index.macro_ext.contains(ext) {
            ("email.dangerous_attachment", "attachment", 30)
        } else if index.archive_ext.contains(ext) && body_gives_password {
            ("email.archive_password", "attachment", 45)
        } else {
            continue;
        };
        out.push(hint(rule, family, score, vec![whole]));
    }
    out
}

/// The email rule ids, for the locale lint.
pub const SIGNALS: &[&str] = &[
    "email.display_name_mismatch",
    "email.official_sender_freemail",
    "email.official_sender_unofficial_domain",
    "email.dangerous_attachment",
    "email.double_extension",
    "email.archive_password",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sender_lines() {
        let s = parse_sender("\"IT 部门\" <it-admin@Corp-Mail.example>");
        assert_eq!(s.display, "IT 部门");
        assert_eq!(s.domain, "corp-mail.example");
        let s = parse_sender("alice@example.com");
        assert_eq!(s.display, "");
        assert_eq!(s.domain, "example.com");
    }
}
