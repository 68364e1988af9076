//! Finding URLs and bare domains inside message text, in one linear pass.
//!
//! Every `.` between two URL characters is a candidate: the scan grows it to the surrounding run
//! of URL characters and keeps it if its host ends in a known public suffix. Bare names whose
//! "suffix" is also a common file extension (`report.zip`, `clip.mov`) count only with a scheme
//! or `www.`; `user@example.com` is an address, not a link.

use crate::limits::MAX_URLS_PER_FIELD;
use crate::normalize::is_cjk;

use super::domain::has_listed_suffix;

/// File extensions that are also top-level domains; as a bare word they are file names.
const FILE_LIKE_TLDS: &[&str] = &[
    "zip", "mov", "py", "rs", "md", "sh", "pl", "exe", "app", "doc", "pdf", "txt", "jpg", "png",
    "js", "ts", "css", "html", "htm", "json", "xml", "csv", "go", "so", "dll", "log", "ini",
];

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
        || (!c.is_ascii() && c.is_alphanumeric() && !is_cjk(c))
}

/// Byte ranges of the URLs in `text`, in order, at most [`MAX_URLS_PER_FIELD`].
pub fn find_urls(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut resume = 0;
    let mut from = 0;
    while let Some(off) = text[from..].find('.') {
        let dot = from + off;
        from = dot + 1;
        if dot < resume || dot == 0 || dot + 1 >= bytes.len() {
            continue;
        }
        let before = text[..dot].chars().next_back().unwrap_or(' ');
        let after = text[dot + 1..].chars().next().unwrap_or(' ');
        let host_letter = |c: char| c.is_alphanumeric() && !is_cjk(c);
        if !host_letter(before) || !host_letter(after) {
            continue;
        }
        // Grow left and right over URL characters.
        let start = text[..dot]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_url_char(*c))
            .last()
            .map_or(dot, |(i, _)| i)
            .max(resume);
        // Past the host, a path may hold any letters (`/d/保密自查工具.exe`) up to a space or
        // CJK punctuation.
        let mut end = dot;
        let mut in_path = false;
        for (i, c) in text[dot..].char_indices() {
            in_path |= c == '/';
            let ok = is_url_char(c) || (in_path && c.is_alphanumeric());
            if !ok {
                break;
            }
            end = dot + i + c.len_utf8();
        }
        // Opening brackets and quotes before a URL are not part of it.
        let start = start + text[start..end].len()
            - text[start..end]
                .trim_start_matches(['(', '[', '\'', '"'])
                .len();
        let end = start + trim_trailing(&text[start..end]);
        resume = end;
        from = end.max(from);
        if let Some(range) = accept(text, start, end) {
            out.push(range);
            if out.len() >= MAX_URLS_PER_FIELD {
                break;
            }
        }
    }
    out
}

/// Characters that end a file name written in text: spaces, quotes, brackets and the
/// punctuation that separates it from the sentence (a Chinese colon, a comma).
fn ends_file_name(c: char) -> bool {
    c.is_whitespace()
        || "\"'<>()[]{}|,;:!?*`".contains(c)
        || "：，；。！？、“”‘’（）【】《》「」".contains(c)
}

/// Byte ranges of the words in `text` that look like file names with an extension
/// (`会议纪要.pdf.scr`, `Org_Chart.docx.exe`), at most [`MAX_URLS_PER_FIELD`]; URLs and paths
/// (anything with a `/` or `\\`) are left to [`find_urls`].
pub fn find_file_names(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(off) = text[from..].find('.') {
        let dot = from + off;
        let start = text[..dot]
            .char_indices()
            .rev()
            .find(|&(_, c)| ends_file_name(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[dot..]
            .char_indices()
            .find(|&(_, c)| ends_file_name(c))
            .map_or(text.len(), |(i, _)| dot + i);
        from = end.max(dot + 1);
        let word = text[start..end].trim_end_matches('.');
        let ext = word.rsplit('.').next().unwrap_or("");
        let named = word.len() > ext.len() + 1 && !word.starts_with('.');
        if named
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
            && !word.contains(['/', '\\', '@'])
        {
            out.push((start, start + word.len()));
            if out.len() >= MAX_URLS_PER_FIELD {
                break;
            }
        }
    }
    out
}

/// Length of `s` without trailing punctuation that ends a sentence rather than a URL.
fn trim_trailing(s: &str) -> usize {
    let mut t = s;
    loop {
        let trimmed = t.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
        // A closing parenthesis belongs to the URL only if it has an opening one.
        let trimmed = if trimmed.ends_with(')') && !trimmed.contains('(') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == t.len() {
            return t.len();
        }
        t = trimmed;
    }
}

fn accept(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let cand = &text[start..end];
    let lower = cand.to_ascii_lowercase();
    let has_scheme = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("ftp://");
    let (start, cand) = if !has_scheme {
        // "登录 http" never reaches here; a scheme in the middle (`see:http://`) restarts there.
        match lower.find("://") {
            Some(i) if i >= 4 => {
                // Start right after the last non-letter before `://` (which may be multi-byte).
                let s = lower[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_ascii_alphabetic())
                    .map_or(0, |(j, c)| j + c.len_utf8());
                (start + s, &cand[s..])
            }
            _ => (start, cand),
        }
    } else {
        (start, cand)
    };
    let lower = cand.to_ascii_lowercase();
    let has_scheme = lower.contains("://");
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if !has_scheme && authority.contains('@') {
        return None; // an email address
    }
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    if host
        .split('.')
        .all(|l| l.chars().all(|c| c.is_ascii_digit()))
    {
        // Dotted numbers: an IP address with a scheme, or a version / amount without one.
        return (has_scheme && host.split('.').count() == 4).then_some((start, start + cand.len()));
    }
    let tld = host.rsplit('.').next().unwrap_or("");
    let ascii_host = super::idn::parse_host(host).map(|h| h.to_string())?;
    if !has_listed_suffix(&ascii_host) {
        return None;
    }
    let www = rest.starts_with("www.");
    if !has_scheme && !www && (FILE_LIKE_TLDS.contains(&tld) || tld.len() < 2) {
        return None;
    }
    Some((start, start + cand.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(t: &str) -> Vec<&str> {
        find_urls(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn finds_urls_and_bare_domains() {
        assert_eq!(
            urls("登录https://icbc-verify.top/a?b=1。谢谢"),
            vec!["https://icbc-verify.top/a?b=1"]
        );
        assert_eq!(
            urls("see www.example.com, or paypa1.com."),
            vec!["www.example.com", "paypa1.com"]
        );
        assert_eq!(
            urls("(https://a.example.org/x)"),
            vec!["https://a.example.org/x"]
        );
    }

    #[test]
    fn finds_file_names_between_words_and_punctuation() {
        let names = |t: &str| -> Vec<String> {
            find_file_names(t)
                .into_iter()
                .map(|(s, e)| t[s..e].to_string())
                .collect()
        };
        assert_eq!(
            names("下载后直接双击打开：会议纪要.pdf.scr"),
            vec!["会议纪要.pdf.scr"]
        );
        assert_eq!(
            names("open it: Org_Chart_2025.docx.exe, then reply."),
            vec!["Org_Chart_2025.docx.exe"]
        );
        assert_eq!(
            names("see (notes.txt) and \"a b.pdf\"."),
            vec!["notes.txt", "b.pdf"]
        );
        assert!(names("Thanks. Version 2. https://x.example/a.exe C:\\tmp\\x.exe").is_empty());
    }

    #[test]
    fn skips_files_versions_and_addresses() {
        assert!(urls("open report.zip and notes.txt").is_empty());
        assert!(urls("version 1.2.3 costs 3.50").is_empty());
        assert!(urls("mail me at alice@example.com").is_empty());
        assert_eq!(urls("http://1.2.3.4/x"), vec!["http://1.2.3.4/x"]);
    }
}
