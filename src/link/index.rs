//! The look-up tables link scoring needs, built once per engine from the compiled-in lists and
//! the policy.

use std::collections::{HashMap, HashSet};

use crate::matcher::Literals;

use super::domain::{is_within, name_of, registrable, skeleton};
use super::lists;
use crate::policy::Policy;

/// `popular_domains.txt` holds its first this many entries in rank order and sorts the rest
/// (which build.rs can regroup, so it compresses better): every rank-dependent limit below must
/// stay within it.
const RANKED_ENTRIES: usize = 1000;
const _: () = assert!(EDIT_DISTANCE_TOP <= RANKED_ENTRIES && EMBEDDING_TOP <= RANKED_ENTRIES);

/// Popular domains ranked above this are edit-distance and embedding targets (Chromium uses the
/// top 500 for edit distance; more targets means more false alarms).
const EDIT_DISTANCE_TOP: usize = 500;
const EMBEDDING_TOP: usize = 1000;

/// The most popular domains are embedding targets even when their name is short.
const SHORT_EMBED_TOP: usize = 100;

/// A domain's `.`/`-` tokens joined with `.`, the key of [`LinkIndex::embed_targets`].
pub fn token_key(domain: &str) -> String {
    domain
        .split(['.', '-'])
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

/// Names shorter than this are never edit-distance or embedding targets (Chromium: 5).
pub const MIN_FUZZY_NAME: usize = 5;

/// Suffix-like official domains that are worth protecting although their name is short; Chromium
/// misses `gov-cn.example`, so LureLens adds them.
const OFFICIAL_EMBED: &[&str] = &[
    "gov.cn", "edu.cn", "ac.cn", "mil.cn", "12306.cn", "12377.cn", "gov.uk", "gov.hk", "gov.tw",
    "gov.sg", "gov.au", "go.jp", "gouv.fr", "gc.ca",
];

/// Where a look-alike target comes from; the stronger the source, the stronger the hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Popular,
    Brand,
    Protected,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub domain: String,
    pub source: Source,
}

/// An edit-distance target: its name and the name's skeleton as characters (compared often).
#[derive(Debug, Clone)]
pub struct EditTarget {
    pub skel: Vec<char>,
    pub name: Vec<char>,
    /// [`char_mask`]s of `skel` and `name`.
    pub masks: [u64; 2],
    pub target: Target,
}

/// Which characters occur in `s`, one bit each (a code point's bit is its value mod 64). One
/// edit or swap changes at most two bits, so two names whose masks differ in more cannot be
/// one edit apart: most targets are ruled out by one XOR.
pub fn char_mask(s: &[char]) -> u64 {
    s.iter().fold(0, |m, &c| m | 1 << (c as u32 % 64))
}

/// A brand or keyword and whether it must stand as a whole `-`/`.` token.
#[derive(Debug, Clone)]
pub struct Term {
    pub word: String,
    pub whole_token: bool,
    pub source: Source,
}

pub struct LinkIndex {
    popular: HashSet<&'static str>,
    /// Skeleton of a target's name → the target.
    pub skeletons: HashMap<String, Target>,
    /// Targets for edit distance and swaps.
    pub edit_targets: Vec<EditTarget>,
    /// Registrable domains that, embedded in another host, are a lure; keyed by their `.`/`-`
    /// tokens joined with `.` (`corp-example.cn` → `corp.example.cn`).
    pub embed_targets: HashMap<String, Source>,
    pub brands: Vec<Term>,
    pub keywords: Vec<Term>,
    /// Automata over `brands` and `keywords` (one pass per host instead of one per term).
    brand_ac: Literals,
    keyword_ac: Literals,
    /// Brand word → index in `brands` (whole-token look-ups).
    brand_words: HashMap<String, usize>,
    shorteners: HashSet<&'static str>,
    free_hosting: HashSet<&'static str>,
    free_hosting_hosts: Vec<&'static str>,
    pub redirect_params: HashSet<String>,
    pub redirect_hosts: Vec<(&'static str, &'static str)>,
    pub dangerous_ext: HashSet<&'static str>,
    pub decoy_ext: HashSet<&'static str>,
    pub macro_ext: HashSet<&'static str>,
    pub archive_ext: HashSet<&'static str>,
    pub html_ext: HashSet<&'static str>,
    allow: Vec<String>,
    protected: Vec<String>,
}

impl LinkIndex {
    pub fn new(policy: &Policy) -> LinkIndex {
        let popular_ranked: Vec<&'static str> = lists::entries(lists::popular_domains()).collect();
        let mut skeletons: HashMap<String, Target> = HashMap::new();
        let mut edit_targets = Vec::new();
        let mut embed_targets = HashMap::new();

        let mut add_target = |domain: &str, source: Source, rank: usize| {
            let name = name_of(domain);
            if name.len() < 3 {
                return;
            }
            let skel = skeleton(name);
            let better = skeletons.get(&skel).is_none_or(|t| source > t.source);
            if better {
                skeletons.insert(
                    skel.clone(),
                    Target {
                        domain: domain.to_string(),
                        source,
                    },
                );
            }
            if name.len() >= MIN_FUZZY_NAME
                && (source != Source::Popular || rank < EDIT_DISTANCE_TOP)
            {
                let skel: Vec<char> = skel.chars().collect();
                let name: Vec<char> = name.chars().collect();
                edit_targets.push(EditTarget {
                    masks: [char_mask(&skel), char_mask(&name)],
                    skel,
                    name,
                    target: Target {
                        domain: domain.to_string(),
                        source,
                    },
                });
            }
            if name.len() >= MIN_FUZZY_NAME && (source != Source::Popular || rank < EMBEDDING_TOP) {
                let e = embed_targets.entry(token_key(domain)).or_insert(source);
                *e = (*e).max(source);
            }
        };
        let brand_names: HashSet<&str> = lists::entries(lists::BRANDS).collect();
        for (rank, d) in popular_ranked.iter().enumerate() {
            // A popular domain whose name is a known brand is a target whatever its rank.
            let source = if brand_names.contains(name_of(d)) {
                Source::Brand
            } else {
                Source::Popular
            };
            add_target(d, source, rank);
        }
        let protected_regs: Vec<&str> = policy
            .protected_domains
            .iter()
            .map(|d| registrable(d).unwrap_or(d))
            .collect();
        for reg in &protected_regs {
            add_target(reg, Source::Protected, 0);
        }
        // A protected domain is an embedding target whatever the length of its name.
        for reg in &protected_regs {
            embed_targets.insert(token_key(reg), Source::Protected);
        }
        for d in OFFICIAL_EMBED {
            embed_targets.entry(token_key(d)).or_insert(Source::Brand);
        }
        // A popular government site is an embedding target whatever its rank, also without its
        // country code (`chinatax-gov.com` for `chinatax.gov.cn`): who imitates a tax office
        // needs no ranking to be dangerous.
        for d in &popular_ranked {
            let under = |o: &&&str| d.strip_suffix(**o).is_some_and(|r| r.ends_with('.'));
            let Some(official) = OFFICIAL_EMBED.iter().find(under) else {
                continue;
            };
            if name_of(d).len() < MIN_FUZZY_NAME {
                continue;
            }
            embed_targets.entry(token_key(d)).or_insert(Source::Popular);
            if let Some(gov) = official.split('.').next() {
                let key = format!("{}.{gov}", token_key(name_of(d)));
                embed_targets.entry(key).or_insert(Source::Popular);
            }
        }
        // The very top sites are embedding targets even with short names (`qq.com`, `jd.com`).
        for d in popular_ranked.iter().take(SHORT_EMBED_TOP) {
            if name_of(d).len() >= 2 {
                embed_targets.entry(token_key(d)).or_insert(Source::Popular);
            }
        }

        let brand_sections = lists::sections(lists::BRANDS);
        let mut brands: Vec<Term> = Vec::new();
        for (section, words) in &brand_sections {
            let whole = matches!(*section, "short" | "word");
            for w in words {
                brands.push(Term {
                    word: w.to_string(),
                    whole_token: whole || w.len() <= 4,
                    source: Source::Brand,
                });
            }
        }
        for b in &policy.brands {
            let word: String = b.chars().filter(|c| c.is_alphanumeric()).collect();
            if word.len() >= 3 {
                brands.push(Term {
                    whole_token: word.len() <= 4,
                    word,
                    source: Source::Protected,
                });
            }
        }
        let keywords: Vec<Term> = lists::entries(lists::COMBO_KEYWORDS)
            .map(|k| Term {
                word: k.to_string(),
                whole_token: k.len() <= 3,
                source: Source::Popular,
            })
            .collect();

        let redirect = lists::sections(lists::REDIRECT_PARAMS);
        let redirect_params = redirect
            .get("")
            .map(|v| v.iter().map(|p| p.to_ascii_lowercase()).collect())
            .unwrap_or_default();
        let redirect_hosts = redirect
            .get("hosts")
            .map(|v| {
                v.iter()
                    .map(|e| e.split_once('/').map_or((*e, ""), |(h, p)| (h, p)))
                    .collect()
            })
            .unwrap_or_default();

        let ext = lists::sections(lists::DANGEROUS_EXTENSIONS);
        let set = |name: &str| -> HashSet<&'static str> {
            ext.get(name)
                .map(|v| v.iter().copied().collect())
                .unwrap_or_default()
        };
        let free = lists::sections(lists::FREE_HOSTING);

        let automaton = |terms: &[Term]| {
            // Only a set past the automaton's 2^31 states fails to build; then none match.
            Literals::new(terms.iter().map(|t| t.word.as_str())).unwrap_or_default()
        };
        let brand_ac = automaton(&brands);
        let keyword_ac = automaton(&keywords);
        let mut brand_words = HashMap::new();
        for (i, b) in brands.iter().enumerate() {
            // Keep the strongest source for a word listed twice.
            let e = brand_words.entry(b.word.clone()).or_insert(i);
            if brands[*e].source < b.source {
                *e = i;
            }
        }
        LinkIndex {
            brand_ac,
            keyword_ac,
            brand_words,
            popular: popular_ranked.into_iter().collect(),
            skeletons,
            edit_targets,
            embed_targets,
            brands,
            keywords,
            shorteners: lists::entries(lists::SHORTENERS).collect(),
            free_hosting: free
                .get("")
                .map(|v| v.iter().copied().collect())
                .unwrap_or_default(),
            free_hosting_hosts: free.get("hosts").cloned().unwrap_or_default(),
            redirect_params,
            redirect_hosts,
            dangerous_ext: set(""),
            decoy_ext: set("documents"),
            macro_ext: set("macro_documents"),
            archive_ext: set("archives"),
            html_ext: set("html"),
            allow: policy.allow.clone(),
            protected: policy.protected_domains.clone(),
        }
    }

    /// `(brand index, byte offset)` of every brand occurrence in `s`.
    pub fn brand_hits(&self, s: &str) -> Vec<(usize, usize)> {
        overlapping(&self.brand_ac, s)
    }

    /// `(keyword index, byte offset)` of every keyword occurrence in `s`.
    pub fn keyword_hits(&self, s: &str) -> Vec<(usize, usize)> {
        overlapping(&self.keyword_ac, s)
    }

    /// The brand spelled exactly `word`, if any.
    pub fn brand_word(&self, word: &str) -> Option<&Term> {
        self.brand_words.get(word).map(|&i| &self.brands[i])
    }

    /// The free-hosting domain `host` is a user subdomain of, if any (`x.weebly.com` → `weebly.com`;
    /// `weebly.com` and `www.weebly.com` themselves are not).
    pub fn free_hosting_parent(&self, host: &str) -> Option<&'static str> {
        let mut rest = host;
        while let Some((_, parent)) = rest.split_once('.') {
            if let Some(&d) = self.free_hosting.get(parent) {
                let sub = &host[..host.len() - parent.len() - 1];
                return (sub != "www").then_some(d);
            }
            rest = parent;
        }
        None
    }

    /// Is this a path-based publishing host (`sites.google.com`, `docs.google.com`)?
    pub fn is_free_hosting_host(&self, host: &str) -> bool {
        self.free_hosting_hosts.contains(&host)
    }

    pub fn is_shortener(&self, host: &str) -> bool {
        let mut rest = host;
        loop {
            if self.shorteners.contains(rest) {
                return true;
            }
            match rest.split_once('.') {
                Some((_, parent)) if parent.contains('.') => rest = parent,
                _ => return false,
            }
        }
    }

    /// Is the host's registrable domain one people know (popular, protected or allow-listed)?
    /// A user subdomain of a free-hosting domain is never known through its parent.
    pub fn is_known(&self, host: &str, reg: &str) -> bool {
        if self.free_hosting_parent(host).is_some() {
            // Only an explicit allow entry for this very host vouches for it.
            return self.allow.iter().any(|a| a == host)
                || self.protected.iter().any(|p| p == host);
        }
        self.popular.contains(reg) || self.is_allowed(host) || self.is_protected(host)
    }

    /// Is `name` (lower-case) a program dressed as a document: a dangerous extension right
    /// after a document one (`report.pdf.exe`, `纪要.doc.scr`)?
    pub fn is_double_extension(&self, name: &str) -> bool {
        let mut parts = name.rsplit('.');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(ext), Some(prev), Some(_)) => {
                self.dangerous_ext.contains(ext.trim()) && self.decoy_ext.contains(prev.trim())
            }
            _ => false,
        }
    }

    pub fn is_popular(&self, reg: &str) -> bool {
        self.popular.contains(reg)
    }

    pub fn is_allowed(&self, host: &str) -> bool {
        self.allow.iter().any(|a| is_within(host, a))
    }

    pub fn is_protected(&self, host: &str) -> bool {
        self.protected.iter().any(|p| is_within(host, p))
    }
}

fn overlapping(ac: &Literals, s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    ac.for_each(s, |i, start, _| out.push((i as usize, start)));
    out
}
