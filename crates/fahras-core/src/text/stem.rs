//! A conservative light stemmer for search over party and political news.
//!
//! It strips at most one proclitic sequence (و ف ب ل ك س ال لل and their
//! combinations) and, when no definite article was stripped, at most one pronoun
//! enclitic (ه ها هم هما هن ك كم كن ي نا ني). Nothing else: no plural or
//! feminine endings, no infixes. Every rule is data in `data/`.
//!
//! # Why not light10, ISRI or Snowball
//!
//! They cut this genre's vocabulary. On the vocabulary of the seed articles
//! (party news from Syria, Morocco and north-east Syria; the comparison is the
//! `stem_compare` test in this module, which prints a table with `--nocapture`):
//!
//! | word | light10 | Snowball (rust-stemmers) | fahras `stem` |
//! |---|---|---|---|
//! | الأمين (secretary) | ام ("mother") | الام | امين |
//! | الشعبة (party section) | شعب ("the people") | شعب | شعبه |
//! | القطرية (regional command) | قطر ("Qatar") | قطر | قطريه |
//! | والأمانة (secretariat) | امان ("safety") | والامان | امانه |
//! | وزارة (ministry) | زار | زار | وزاره |
//! | البانيا (Albania) | بانيا | بانيا | البانيا |
//! | للجنة (to the committee) | جن | للجن | لجنه |
//! | فروع (branches) | فروع | روع | فروع |
//! | توجيهات (directives) | توج | توجيها | توجيهات |
//! | الجهويين (regional) | جهو | جهو | جهويين |
//! | بالرباط، للحزب، اجتماعها | رباط، حزب، اجتماع | same | same |
//!
//! Of the 1,582 distinct words of the five seed articles, fahras differs from
//! light10 on 837 and from Snowball on 924; nearly all differences are the
//! endings of decision 1 below.
//!
//! The differences come from four decisions:
//!
//! 1. **Feminine and plural endings are kept.** light10 and Snowball strip ة, ية,
//!    ات, ين, ون; in this genre those endings separate different institutions
//!    (الشعبة ≠ الشعب, القطرية ≠ قطر, الأمين ≠ الأم). Recall across number and
//!    gender is the index's job (fuzzy and prefix queries), not the stemmer's.
//! 2. **A definite noun takes no pronoun suffix**, so after ال nothing is stripped
//!    at the end: القطري stays a nisba adjective instead of becoming قطر.
//! 3. **Minimum stems** per clitic (`data/proclitics.tsv`, `data/enclitics.tsv`):
//!    ال leaves at least three letters ("الام" stays whole), و and ل three,
//!    ب ف ك four ("بلد", "ولد" stay whole).
//! 4. **Protected stems** (`data/stem_protected.txt`): exact words (الله، الذي،
//!    البانيا), stem beginnings that look like clitics (وزار*، لجن*، سياس*; a split
//!    is refused when it would cut into one, so للجنة → لجنة, not جنة) and endings
//!    that are root letters (*اه، *يه: توجيه and اتجاه are not توجي+ه).
//!
//! The stemmer runs on the `stem` profile before the ى/ة folds (see
//! [`Profile::Stem`](crate::text::Profile::Stem)), so it sees "الشعبة", not "الشعبه".

use rustc_hash::FxHashSet as HashSet;

use compact_str::CompactString;

use crate::text::data;

#[derive(Debug)]
struct Proclitic {
    form: CompactString,
    min_stem: usize,
    article: bool,
    next: Vec<char>,
}

#[derive(Debug)]
struct Enclitic {
    form: CompactString,
    min_stem: usize,
}

/// The light stemmer. Build it through an [`Analyzer`](crate::text::Analyzer)
/// spec with the `light_stem` step, or with [`LightStemmer::plain`] for words in
/// plain orthography.
#[derive(Debug)]
pub struct LightStemmer {
    protected: HashSet<CompactString>,
    /// Protected stem beginnings, looked up by every prefix of a candidate
    /// (a set, not a scan: the list is long and this runs per token).
    protected_prefixes: HashSet<CompactString>,
    protected_suffixes: HashSet<CompactString>,
    /// Longest protected beginning/ending, in chars.
    max_affix: usize,
    proclitics: Vec<Proclitic>,
    enclitics: Vec<Enclitic>,
}

impl LightStemmer {
    /// Build from the data files, normalizing every entry with `norm` (the
    /// analyzer steps that run before the stemmer).
    pub(crate) fn new(norm: impl Fn(&str) -> Option<CompactString>) -> Self {
        // Looked up per token and per split: a fast hash, the keys are our own data.
        let mut protected = HashSet::default();
        let mut protected_prefixes = HashSet::default();
        let mut protected_suffixes = HashSet::default();
        for line in data::lines(data::STEM_PROTECTED) {
            if let Some(p) = line.strip_suffix('*') {
                protected_prefixes.extend(norm(p));
            } else if let Some(s) = line.strip_prefix('*') {
                protected_suffixes.extend(norm(s));
            } else {
                protected.extend(norm(line));
            }
        }
        let mut proclitics: Vec<Proclitic> = data::lines(data::PROCLITICS)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let form = norm(cols.next()?)?;
                let min_stem = cols.next()?.trim().parse().ok()?;
                let article = cols.next().is_some_and(|a| a.trim() == "1");
                let next = cols
                    .next()
                    .map(|n| n.trim().chars().collect())
                    .unwrap_or_default();
                Some(Proclitic {
                    form,
                    min_stem,
                    article,
                    next,
                })
            })
            .collect();
        proclitics.sort_by_key(|p| std::cmp::Reverse(p.form.chars().count()));
        let mut enclitics: Vec<Enclitic> = data::lines(data::ENCLITICS)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let form = norm(cols.next()?)?;
                let min_stem = cols.next()?.trim().parse().ok()?;
                Some(Enclitic { form, min_stem })
            })
            .collect();
        enclitics.sort_by_key(|e| std::cmp::Reverse(e.form.chars().count()));
        let max_affix = protected_prefixes
            .iter()
            .chain(&protected_suffixes)
            .map(|a: &CompactString| a.chars().count())
            .max()
            .unwrap_or(0);
        Self {
            protected,
            protected_prefixes,
            protected_suffixes,
            max_affix,
            proclitics,
            enclitics,
        }
    }

    /// A stemmer for words in plain orthography (no folding of its lists).
    pub fn plain() -> Self {
        Self::new(|w| Some(CompactString::from(w)))
    }

    fn is_protected_stem(&self, s: &str) -> bool {
        self.protected.contains(s)
            || s.char_indices()
                .skip(1)
                .map(|(i, _)| i)
                .chain(std::iter::once(s.len()))
                .take(self.max_affix)
                .any(|end| self.protected_prefixes.contains(&s[..end]))
    }

    fn has_protected_ending(&self, s: &str) -> bool {
        s.char_indices()
            .rev()
            .take(self.max_affix)
            .any(|(i, _)| self.protected_suffixes.contains(&s[i..]))
    }

    /// The stem of `word`: a suffix-and-prefix-trimmed slice of it.
    pub fn stem<'w>(&self, word: &'w str) -> &'w str {
        let n = word.chars().count();
        if n < 3 || self.protected.contains(word) {
            return word;
        }
        let mut stem = word;
        let mut definite = false;
        for p in &self.proclitics {
            let Some(rest) = word.strip_prefix(p.form.as_str()) else {
                continue;
            };
            if !p.next.is_empty() && !rest.starts_with(|c| p.next.contains(&c)) {
                continue;
            }
            // A known stem behind a proclitic is taken whatever else the
            // word could be: "فوزير" is ف + وزير though فوز* is protected,
            // "بحزب" is ب + حزب though ب wants four letters after it.
            if rest.chars().count() >= 3 && self.is_protected_stem(rest) {
                stem = rest;
                definite = p.article;
                break;
            }
            if rest.chars().count() < p.min_stem {
                continue;
            }
            // Refuse a split that cuts into a protected stem starting at or
            // before the split point ("للجنة": لل would cut لجنة).
            let cuts_protected = word[..p.form.len()]
                .char_indices()
                .any(|(i, _)| self.is_protected_stem(&word[i..]));
            if cuts_protected {
                continue;
            }
            stem = rest;
            definite = p.article;
            break;
        }
        if definite || self.protected.contains(stem) || self.has_protected_ending(stem) {
            return stem;
        }
        let len = stem.chars().count();
        for e in &self.enclitics {
            if let Some(base) = stem.strip_suffix(e.form.as_str())
                && len - e.form.chars().count() >= e.min_stem
            {
                return base;
            }
        }
        stem
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{Analyzer, Profile};

    /// Stem through the real `stem` profile, so the data goes through the same folds.
    fn stem_norm(word: &str) -> String {
        Analyzer::new(Profile::Stem).normalize(word)
    }

    #[test]
    fn genre_vocabulary_is_not_wrecked() {
        for (word, want) in [
            ("الأمين", "امين"),
            ("الشعبة", "شعبه"),
            ("الشعب", "شعب"),
            ("القطرية", "قطريه"),
            ("قطر", "قطر"),
            ("القطري", "قطري"),
            ("البانيا", "البانيا"),
            ("ألبانيا", "البانيا"),
            ("الله", "الله"),
            ("بلد", "بلد"),
            ("ولد", "ولد"),
            ("وزارة", "وزاره"),
            ("الوزارة", "وزاره"),
            ("والوزارة", "وزاره"),
            ("للجنة", "لجنه"),
            ("وللجنة", "لجنه"),
            ("السياسية", "سياسيه"),
            ("سياسية", "سياسيه"),
            ("توجيه", "توجيه"),
            ("اتجاه", "اتجاه"),
            ("الام", "الام"),
            ("والي", "والي"),
            ("مستوى", "مستوي"),
        ] {
            assert_eq!(stem_norm(word), want, "stem of {word}");
        }
    }

    #[test]
    fn clitics_are_stripped() {
        for (word, want) in [
            ("للحزب", "حزب"),
            ("بالرباط", "رباط"),
            ("والمكتب", "مكتب"),
            ("اجتماعها", "اجتماع"),
            ("مهامهم", "مهام"),
            ("بلادنا", "بلاد"),
            ("وقال", "قال"),
            ("سيعقد", "يعقد"),
            ("وسيعقد", "يعقد"),
            ("بتاريخ", "تاريخ"),
            ("فروعها", "فروع"),
            ("فروعه", "فروعه"),
            ("لحزب", "حزب"),
            ("لدعم", "دعم"),
            ("لائحة", "لايحه"),
            ("ووزير", "وزير"),
        ] {
            assert_eq!(stem_norm(word), want, "stem of {word}");
        }
    }

    #[test]
    fn stop_words_are_dropped_by_the_stem_profile() {
        assert_eq!(stem_norm("في إطار الحزب"), "اطار حزب");
        // The search profile keeps them: phrase queries need every word.
        assert_eq!(
            Analyzer::new(Profile::Search).normalize("في إطار"),
            "في اطار"
        );
    }

    /// light10 as published (Larkey, Connell and `AbdulJaleel` 2007), for the comparison table.
    fn light10(word: &str) -> String {
        let w: String = Analyzer::new(Profile::Search).normalize(word);
        let mut w: Vec<char> = w.chars().collect();
        if w.first() == Some(&'و') && w.len() > 3 {
            w.remove(0);
        }
        let s: String = w.iter().collect();
        let mut s = s.as_str();
        for p in ["ال", "وال", "بال", "كال", "فال", "لل"] {
            if s.starts_with(p) && s.chars().count() - p.chars().count() >= 2 {
                s = &s[p.len()..];
                break;
            }
        }
        let mut s = s.to_string();
        for suf in ["ها", "ان", "ات", "ون", "ين", "يه", "يه", "ه", "ي"] {
            if s.ends_with(suf) && s.chars().count() - suf.chars().count() >= 2 {
                s.truncate(s.len() - suf.len());
            }
        }
        s
    }

    #[test]
    fn stem_compare() {
        // The seeds' vocabulary when ../shared is there; the table above otherwise.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let mut words: Vec<String> = [
            "الأمين",
            "الشعبة",
            "القطرية",
            "الأمناء",
            "وزارة",
            "البانيا",
            "للجنة",
            "اجتماعها",
        ]
        .map(String::from)
        .to_vec();
        if let Ok(rd) = std::fs::read_dir(&dir) {
            let mut vocab = std::collections::BTreeSet::new();
            for e in rd.flatten() {
                let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                for t in Analyzer::strict().analyze(&text) {
                    if t.kind == crate::text::TokenKind::Word {
                        vocab.insert(t.norm.to_string());
                    }
                }
            }
            words.extend(vocab);
        }
        let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Arabic);
        let ours = Analyzer::new(Profile::Stem);
        let mut differ = 0;
        for w in &words {
            let l10 = light10(w);
            let sb = snowball.stem(w).to_string();
            let us = ours.normalize(w);
            if l10 != us || sb != us {
                differ += 1;
            }
            // `FAHRAS_STEM_TABLE=1 cargo test -p fahras-core stem_compare -- --nocapture`
            // prints the table the module docs summarize.
            if std::env::var_os("FAHRAS_STEM_TABLE").is_some() {
                #[allow(clippy::print_stdout)]
                {
                    println!("{w}\t{l10}\t{sb}\t{us}");
                }
            }
        }
        assert!(differ > 0 && !words.is_empty());
        // The three headline cases of the module docs hold for the other stemmers
        // too, or the docs would be wrong about them.
        assert_eq!(light10("الأمين"), "ام");
        assert_eq!(light10("الشعبة"), "شعب");
        assert_eq!(light10("القطرية"), "قطر");
    }
}
