//! The gazetteers and word lists of name extraction, from `data/entities`,
//! `data/orgs`, `data/people` and `data/places`, folded by the search analyzer
//! so that text and lists agree on spelling.
//!
//! Single words that build phrases (titles, heads of organization names,
//! honorifics) are looked up by their bare form in a hash map; multi-word
//! names (places, organizations, given names) are found in one trie over
//! the document's token ids ([`Gazetteer`]).

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{Code, Gazetteer};
use crate::extract::entity::{OrgKind, PlaceType};
use crate::text::{Analyzer, data};

/// What one word can do in a phrase; a word can do several things
/// ("مكتب" heads an organization's name and a branch).
#[derive(Clone, Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per word class of words.tsv
pub(crate) struct WordInfo {
    /// Heads an organization's name.
    pub org_head: Option<OrgHead>,
    /// Heads a branch; `Some(true)` when plural.
    pub branch_head: Option<bool>,
    /// A branch head only before a generic party noun ("محافظة الحزب").
    pub branch_party: bool,
    /// A level that makes a branch ("الجهوية").
    pub branch_adj: bool,
    /// Heads a title.
    pub title: Option<Title>,
    /// Qualifies a title ("العام").
    pub title_adj: bool,
    /// A form of address.
    pub honorific: bool,
    /// A form of address that is more often a common noun ("حاجة" is a
    /// pilgrim and a need: "هناك حاجة لزيادة …"): only a listed name
    /// follows it.
    pub honorific_noun: bool,
    /// A name particle; `Some(true)` when it leads a name ("سيدي").
    pub particle: Option<bool>,
    /// A generic organization noun ("الحزب").
    pub generic: bool,
    /// A place unit; `Some(true)` when it is part of the LOC span.
    pub unit: Option<bool>,
    /// The kinds of place a unit names ("مدينة": a city or a capital; "حي":
    /// a district): where a form names several places, these come first.
    pub unit_names: Vec<PlaceType>,
    /// A plural or generic place noun ("المحافظات").
    pub area: bool,
    /// Never part of a name.
    pub stop: bool,
    /// A verb of saying: a name may follow ("وقال …").
    pub say: bool,
    /// A word of sports reporting ("مباراة", "الدوري"): a club named by a
    /// city or a common word near it is the club. `Some(false)` for one
    /// that is also a word of other news ("لقاء", "الدور"), which counts
    /// only beside another.
    pub sport: Option<bool>,
    /// What a person is or does ("اللاعب", "المخرج", "الشاعر"): no entity
    /// itself, but a name may follow, also one no list holds.
    /// `Some(true)` for an adjective that may stand between ("الراحل").
    pub cue: Option<bool>,
}

/// The head of an organization's name.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OrgHead {
    pub kind: OrgKind,
    /// The definite word alone is a specific body ("الحكومة").
    pub alone: bool,
    /// A proper name follows ("حزب ...").
    pub name: bool,
    /// Also a common noun ("حركة" movement, traffic; "تجمع" gathering): a
    /// [`Lexicon::flow`] word after it makes no name.
    pub common: bool,
}

/// The head of a title.
#[derive(Clone, Debug)]
#[allow(clippy::struct_excessive_bools)] // one flag per column value of words.tsv
pub(crate) struct Title {
    /// Singular form, folded: the office.
    pub office: CompactString,
    pub plural: bool,
    /// A title on its own when definite ("الوالي").
    pub alone: bool,
    /// A title only with a title qualifier ("ولي العهد"; "ولي الأمر" is
    /// no office).
    pub qualified: bool,
    /// Its complement may be another title ("نائب رئيس الجمهورية").
    pub deputy: bool,
    /// In the plural before a party or its generic noun, members and no
    /// office ("أعضاء الحزب", "نواب الحركة").
    pub member: bool,
    /// A plural title completes it ("رئيس الوزراء").
    pub presides: bool,
}

/// A place of the gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Place {
    pub canonical: CompactString,
    pub country: Option<CompactString>,
    pub kind: PlaceType,
    /// Switched off ("#!" in the gazetteer): the bare form is also a common
    /// word, so it is read only after a unit word ("حي الرمل").
    pub off: bool,
}

/// An organization of the gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Org {
    pub canonical: CompactString,
    pub kind: OrgKind,
    pub country: Option<CompactString>,
    /// The form is also a common word: only read with context.
    pub cue: bool,
    /// A sports club: sports reporting around the form is context.
    pub club: bool,
}

impl Org {
    /// Same organization as `other` (forms of one name share a canonical).
    pub(crate) fn same(&self, other: &Org) -> bool {
        self.canonical == other.canonical
    }
}

/// What a gazetteer form names.
#[derive(Clone, Debug)]
pub(crate) enum Named {
    Place(u32),
    Org(u32),
    /// A given name; `common` when it is also an ordinary word, `foreign`
    /// when transliterated ("جاك", "كوندوليزا").
    Given {
        common: bool,
        foreign: bool,
    },
    /// A divine name that follows "عبد".
    Divine,
    /// A public figure named without title or given name: index into
    /// [`Lexicon::persons`].
    Person(u32),
}

/// A gazetteer pattern: the forms it stands for and whether the article's
/// alef was dropped after ل ("للاذقية").
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub named: Vec<Named>,
    pub elided: bool,
}

/// Everything name extraction knows.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// What each word of the word lists can do.
    pub infos: Vec<WordInfo>,
    /// Every written form name extraction knows as written, read once at
    /// load so a token is one lookup: listed words with their proclitics
    /// and article ("وللحزب", "بالأمين"), gazetteer words and stop words.
    /// It is read for every token, so its entries are kept small and the
    /// many proclitic forms of names are kept apart: the table stays in
    /// cache.
    pub vocab: HashMap<CompactString, Known>,
    /// The readings [`Known`] points to.
    pub spellings: Vec<Spelled>,
    /// Honorifics of several words ("آية الله", "حجة الإسلام"), folded,
    /// longest first: kept out of a PERSON span like one-word honorifics.
    pub honorific_phrases: Vec<Vec<CompactString>>,
    /// What moves, is traded or gathers ("رياح", "تجارة", "عناصر"), folded
    /// and without the article: after a head that is also a common noun
    /// ([`OrgHead::common`]) it makes a common phrase ("حركة الرياح
    /// السطحية"), not an organization's name.
    pub flow: rustc_hash::FxHashSet<CompactString>,
    pub stopwords: rustc_hash::FxHashSet<CompactString>,
    /// Common words of `data/entities/common_words.txt` that are no name
    /// (verbs, nouns, adverbs): a name read from context ends before them.
    /// Forms that are also given names or words of listed persons are left
    /// out at load, so the lists cannot contradict each other.
    pub common: rustc_hash::FxHashSet<CompactString>,
    /// The pronouns of `data/enclitics.tsv`, and ه: a common word with a
    /// pronoun attached ("مصرعه") is still no name.
    pub enclitics: Vec<CompactString>,
    /// The divine names that follow "عبد" (`abd` in `given_names.tsv`): the
    /// last word of "فتح الله" or "سعد الله" is no family name alone.
    pub divine: rustc_hash::FxHashSet<CompactString>,
    /// The nationality adjectives of `data/places/nationalities.tsv`
    /// (folded, no article): `true` for a state outside the Arab world,
    /// whose people's names no given-name list holds.
    pub nationalities: HashMap<CompactString, bool>,
    /// The ordinals of `data/dates/numbers.tsv` ("الخامس", "الثانية"): after
    /// a given name a regnal number, part of the name ("محمد الخامس").
    pub ordinals: rustc_hash::FxHashSet<CompactString>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    /// Canonical names of the public figures of `data/people/persons.tsv`.
    pub persons: Vec<CompactString>,
    pub patterns: Vec<Pattern>,
    pub gazetteer: Gazetteer,
}

/// The conjunctions and prepositions written joined to the next word.
pub(crate) const CONJ: [char; 2] = ['و', 'ف'];
/// See [`CONJ`].
const PREP: [char; 3] = ['ب', 'ل', 'ك'];

/// A written form of a listed word: which word, and what came before it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spelled {
    /// Index into [`Lexicon::infos`].
    pub info: u32,
    /// Letters of proclitics before the article or the word.
    pub clitic: u8,
    /// Whether the article ال was there.
    pub def: bool,
    /// The preposition among the proclitics, if any.
    pub prep: Option<char>,
}

/// What the lexicon knows of one written form.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Known {
    /// One past the index of its reading in [`Lexicon::spellings`]; 0 for
    /// none.
    spelled: u32,
    /// One past its gazetteer word id; 0 for none.
    word: u32,
    /// A stop word.
    pub stop: bool,
    /// The first word of an honorific of several words ("آية" of "آية الله"),
    /// also behind و or ف: only there is the phrase list read.
    pub phrase_head: bool,
}

impl Known {
    /// What the lexicon knows of a form it does not list.
    pub(crate) const NONE: Self = Self {
        spelled: 0,
        word: 0,
        stop: false,
        phrase_head: false,
    };

    /// Its reading in the word lists.
    pub(crate) fn spelled(self, lex: &Lexicon) -> Option<&Spelled> {
        lex.spellings.get(self.spelled.checked_sub(1)? as usize)
    }

    /// Its id as a gazetteer word.
    pub(crate) fn word(self) -> Option<Code> {
        self.word.checked_sub(1).map(Code::Word)
    }
}

impl Lexicon {
    /// Whether a folded token is a common word that is no name, as written
    /// or with a conjunction, a preposition, the article or an attached
    /// pronoun taken off ("بمقر", "والمقر", "مصرعه"). `ha` when the word
    /// is written with a final ه: a ة folds to ه too, and "عرفة" is a name,
    /// not "عرف" with a pronoun.
    pub(crate) fn is_common(&self, norm: &str, ha: bool) -> bool {
        let common = |w: &str| w.chars().count() >= 2 && self.common.contains(w);
        let mut found = false;
        splits(norm, |clitic, def, _, base| {
            // A proclitic leaves a word of three letters at least.
            if clitic > 0 && !def && base.chars().count() < 3 {
                return false;
            }
            found = common(base)
                || !def
                    && self.enclitics.iter().filter(|e| ha || *e != "ه").any(|e| {
                        base.strip_suffix(e.as_str())
                            .is_some_and(|b| b.chars().count() >= 3 && common(b))
                    });
            found
        });
        found
    }

    /// Whether a folded token is a nationality adjective with the article,
    /// behind any proclitic ("والروسي", "الفرنسية"): `Some(true)` for a
    /// state outside the Arab world.
    pub(crate) fn nationality(&self, norm: &str) -> Option<bool> {
        let mut found = None;
        splits(norm, |_, def, _, base| {
            found = def.then(|| self.nationality_base(base)).flatten();
            found.is_some()
        });
        found
    }

    /// A nationality adjective without the article, masculine or feminine
    /// ("روسي", "فرنسيه"): `Some(true)` for a state outside the Arab world.
    pub(crate) fn nationality_base(&self, base: &str) -> Option<bool> {
        let masc = base.strip_suffix('ه').unwrap_or(base);
        self.nationalities.get(masc).copied()
    }
}

/// The readings of `norm` with proclitics and the article taken off, fewest
/// letters taken first: `(clitic letters, definite, preposition, base)`.
pub(crate) fn splits(norm: &str, mut each: impl FnMut(u8, bool, Option<char>, &str) -> bool) {
    let mut try_rest = |clitic: u8, prep: Option<char>, rest: &str| -> bool {
        if each(clitic, false, prep, rest) {
            return true;
        }
        if let Some(base) = rest.strip_prefix("ال")
            && base.chars().count() >= 2
            && each(clitic, true, prep, base)
        {
            return true;
        }
        false
    };
    if try_rest(0, None, norm) {
        return;
    }
    // The word as it is, then behind its conjunction (no allocation: this
    // runs for many tokens of every document).
    let conj = norm
        .chars()
        .next()
        .filter(|c| CONJ.contains(c))
        .map(|c| &norm[c.len_utf8()..]);
    for (n, rest) in [(0u8, Some(norm)), (1, conj)] {
        let Some(rest) = rest else { continue };
        if n > 0 && rest.chars().count() >= 2 && try_rest(n, None, rest) {
            return;
        }
        let Some(p) = rest.chars().next().filter(|c| PREP.contains(c)) else {
            continue;
        };
        let after = &rest[p.len_utf8()..];
        // ل before the article drops its alef: "للحزب" is ل + الحزب.
        if p == 'ل'
            && let Some(base) = after.strip_prefix('ل')
            && base.chars().count() >= 2
            && try_rest(n + 1, Some(p), &format!("ال{base}"))
        {
            return;
        }
        if after.chars().count() >= 2 && try_rest(n + 1, Some(p), after) {
            return;
        }
    }
}

/// Every form [`splits`] reads as a listed word, with its reading: the word
/// behind each proclitic and article, and ل before the article without its
/// alef ("للحزب"). Running `splits` on each keeps its order of readings.
fn spelled(
    words: HashMap<CompactString, WordInfo>,
) -> (Vec<WordInfo>, HashMap<CompactString, Spelled>) {
    let mut index: HashMap<CompactString, u32> = HashMap::default();
    let mut infos = Vec::with_capacity(words.len());
    for (w, info) in words {
        index.insert(w, u32::try_from(infos.len()).unwrap_or(u32::MAX));
        infos.push(info);
    }
    let mut readings: HashMap<CompactString, Spelled> = HashMap::default();
    for w in index.keys() {
        let mut forms: Vec<String> = Vec::with_capacity(30);
        for c in ["", "و", "ف"] {
            for p in ["", "ب", "ل", "ك"] {
                for a in ["", "ال"] {
                    forms.push(format!("{c}{p}{a}{w}"));
                }
            }
            forms.push(format!("{c}لل{w}"));
            if let Some(rest) = w.strip_prefix('ا')
                && rest.starts_with('ل')
            {
                forms.push(format!("{c}ل{rest}"));
            }
        }
        for form in forms {
            if readings.contains_key(form.as_str()) {
                continue;
            }
            let mut found = None;
            splits(&form, |clitic, def, prep, base| {
                found = index.get(base).map(|&info| Spelled {
                    info,
                    clitic,
                    def,
                    prep,
                });
                found.is_some()
            });
            if let Some(r) = found {
                readings.insert(CompactString::from(form), r);
            }
        }
    }
    (infos, readings)
}

/// Fold a written form the way the text is folded: tokens' norms joined by
/// one space.
fn fold(analyzer: &Analyzer, form: &str) -> CompactString {
    let mut out = CompactString::default();
    for t in analyzer.analyze(form) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.norm);
    }
    out
}

fn cols(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn opt(s: &str) -> Option<CompactString> {
    (!s.is_empty() && s != "-" && s != "INT").then(|| CompactString::from(s))
}

impl Lexicon {
    #[allow(clippy::too_many_lines)] // one loop per data file
    pub(crate) fn load(analyzer: &Analyzer) -> Self {
        let mut words: HashMap<CompactString, WordInfo> = HashMap::default();
        let mut honorific_phrases: Vec<Vec<CompactString>> = Vec::new();
        let mut flow = rustc_hash::FxHashSet::default();
        for line in data::lines(data::ENTITY_WORDS) {
            let c = cols(line);
            let (form, class) = (c[0], c.get(1).copied().unwrap_or(""));
            let arg = c.get(2).copied().unwrap_or("");
            let flags = c.get(3).copied().unwrap_or("");
            let has = |f: &str| flags.split(',').any(|x| x == f);
            let folded = fold(analyzer, form);
            if class == "honorific" && folded.contains(' ') {
                honorific_phrases.push(folded.split(' ').map(CompactString::from).collect());
                continue;
            }
            // Not a word of the names vocabulary: listed there, it would
            // end every name before it.
            if class == "flow" {
                flow.insert(folded);
                continue;
            }
            let w = words.entry(folded).or_default();
            match class {
                "org_head" => {
                    w.org_head = Some(OrgHead {
                        kind: arg.parse().unwrap_or(OrgKind::Other),
                        alone: has("alone"),
                        name: has("name"),
                        common: has("common"),
                    });
                }
                "branch_head" => {
                    w.branch_head = Some(has("pl"));
                    w.branch_party = has("party");
                }
                "branch_adj" => w.branch_adj = true,
                "title" => {
                    w.title = Some(Title {
                        office: fold(analyzer, arg),
                        plural: has("pl"),
                        alone: has("alone"),
                        qualified: has("qualified"),
                        deputy: has("deputy"),
                        member: has("member"),
                        presides: has("presides"),
                    });
                }
                "title_adj" => w.title_adj = true,
                "honorific" => {
                    w.honorific = true;
                    w.honorific_noun = has("noun");
                }
                "particle" => w.particle = Some(arg == "lead"),
                "generic" => w.generic = true,
                "unit" => {
                    w.unit = Some(arg == "keep");
                    w.unit_names = flags.split(',').filter_map(|f| f.parse().ok()).collect();
                }
                "area" => w.area = true,
                "stop" => w.stop = true,
                "cue" => w.cue = Some(arg == "adj"),
                "sport" => w.sport = Some(arg != "weak"),
                "say" => {
                    w.say = true;
                    w.stop = true;
                }
                other => debug_assert!(false, "unknown class {other}"),
            }
        }
        let stopwords: rustc_hash::FxHashSet<CompactString> = data::lines(data::STOPWORDS)
            .map(|l| fold(analyzer, l))
            .collect();

        let mut forms: HashMap<CompactString, Vec<Named>> = HashMap::default();
        let mut places = Vec::new();
        let mut place_ids: HashMap<(CompactString, PlaceType, bool), u32> = HashMap::default();
        // Switched-off rows ("#!") are kept, marked: a unit word makes them safe.
        let switched = |file: &'static str| {
            file.lines().filter_map(|l| {
                let l = l.trim();
                if let Some(off) = l.strip_prefix("#!") {
                    Some((off.trim(), true))
                } else if l.is_empty() || l.starts_with('#') {
                    None
                } else {
                    Some((l, false))
                }
            })
        };
        let place_rows = switched(data::PLACES)
            .map(|(l, off)| (l, false, off))
            .chain(switched(data::WORLD).map(|(l, off)| (l, true, off)));
        for (line, world, off) in place_rows {
            let c = cols(line);
            if c.len() < 4 {
                continue;
            }
            let kind: PlaceType = c[3].parse().unwrap_or(PlaceType::City);
            let canonical = CompactString::from(c[1]);
            let id = *place_ids
                .entry((canonical.clone(), kind, off))
                .or_insert_with(|| {
                    places.push(Place {
                        canonical,
                        country: if world && c[2] == "-" {
                            None
                        } else {
                            opt(c[2])
                        },
                        kind,
                        off,
                    });
                    u32::try_from(places.len() - 1).unwrap_or(u32::MAX)
                });
            forms
                .entry(fold(analyzer, c[0]))
                .or_default()
                .push(Named::Place(id));
        }
        let mut orgs = Vec::new();
        for line in data::lines(data::ORGS) {
            let c = cols(line);
            if c.len() < 3 {
                continue;
            }
            orgs.push(Org {
                canonical: CompactString::from(c[1]),
                kind: c[2].parse().unwrap_or(OrgKind::Other),
                country: c.get(3).and_then(|s| opt(s)),
                cue: c.get(4).is_some_and(|f| f.contains("cue")),
                club: c.get(4).is_some_and(|f| f.contains("club")),
            });
            let id = u32::try_from(orgs.len() - 1).unwrap_or(u32::MAX);
            forms
                .entry(fold(analyzer, c[0]))
                .or_default()
                .push(Named::Org(id));
        }
        for line in data::lines(data::GIVEN_NAMES) {
            let c = cols(line);
            let gender = c.get(1).copied().unwrap_or("");
            let named = if gender == "abd" {
                Named::Divine
            } else {
                Named::Given {
                    common: c.get(2).is_some_and(|f| f.contains("common")),
                    foreign: c.get(2).is_some_and(|f| f.contains("foreign")),
                }
            };
            forms.entry(fold(analyzer, c[0])).or_default().push(named);
        }

        let mut persons: Vec<CompactString> = Vec::new();
        let mut person_ids: HashMap<CompactString, u32> = HashMap::default();
        for line in data::lines(data::PERSONS) {
            let c = cols(line);
            let (Some(form), Some(canonical)) = (c.first(), c.get(1)) else {
                continue;
            };
            let id = *person_ids
                .entry(CompactString::from(*canonical))
                .or_insert_with(|| {
                    persons.push(CompactString::from(*canonical));
                    u32::try_from(persons.len() - 1).unwrap_or(u32::MAX)
                });
            forms
                .entry(fold(analyzer, form))
                .or_default()
                .push(Named::Person(id));
        }

        // Every word of a given name or a listed person: no common word.
        let names_words: rustc_hash::FxHashSet<CompactString> = forms
            .iter()
            .filter(|(_, named)| {
                named
                    .iter()
                    .any(|n| matches!(n, Named::Given { .. } | Named::Person(_)))
            })
            .flat_map(|(form, _)| form.split(' ').map(CompactString::from))
            .collect();
        let divine: rustc_hash::FxHashSet<CompactString> = forms
            .iter()
            .filter(|(_, named)| named.iter().any(|n| matches!(n, Named::Divine)))
            .map(|(form, _)| form.clone())
            .collect();
        let mut pats: Vec<(CompactString, Pattern)> = Vec::with_capacity(forms.len() * 2);
        for (form, named) in forms {
            if form.is_empty() {
                continue;
            }
            // "للاذقية": ل before the article drops its alef.
            if let Some(rest) = form.strip_prefix('ا')
                && rest.starts_with('ل')
                && form.starts_with("ال")
            {
                pats.push((
                    CompactString::from(rest),
                    Pattern {
                        named: named.clone(),
                        elided: true,
                    },
                ));
            }
            pats.push((
                form,
                Pattern {
                    named,
                    elided: false,
                },
            ));
        }
        // Two forms can fold to one elided pattern; merge them.
        pats.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.elided.cmp(&b.1.elided)));
        pats.dedup_by(|b, a| {
            if a.0 == b.0 && a.1.elided == b.1.elided {
                a.1.named.append(&mut b.1.named);
                true
            } else {
                false
            }
        });
        let (infos, readings) = spelled(words);
        let (gazetteer, codes) = Gazetteer::new(pats.iter().map(|p| (p.0.as_str(), p.1.elided)));
        let mut vocab: HashMap<CompactString, Known> = HashMap::default();
        let mut spellings = Vec::with_capacity(readings.len());
        for (form, r) in readings {
            spellings.push(r);
            vocab.entry(form).or_default().spelled = u32::try_from(spellings.len()).unwrap_or(0);
        }
        for (form, code) in codes {
            if let Code::Word(id) = code {
                vocab.entry(form).or_default().word = id + 1;
            }
        }
        for form in &stopwords {
            vocab.entry(form.clone()).or_default().stop = true;
        }
        for head in honorific_phrases.iter().filter_map(|p| p.first()) {
            vocab.entry(head.clone()).or_default().phrase_head = true;
            for conj in CONJ {
                let form = CompactString::from(format!("{conj}{head}"));
                vocab.entry(form).or_default().phrase_head = true;
            }
        }
        let common = data::lines(data::COMMON_WORDS)
            .map(|l| fold(analyzer, l))
            .filter(|f| !names_words.contains(f))
            .collect();
        let enclitics = data::lines(data::ENCLITICS)
            .filter_map(|l| l.split('\t').next())
            .chain(["ه"])
            .map(CompactString::from)
            .collect();
        // An adjective that is also an ordinary word ("قطري" is also
        // "regional", "مالي" "financial") is no cue.
        let nationalities = data::lines(data::NATIONALITIES)
            .map(cols)
            .filter(|c| c.len() >= 3 && c.get(3).is_none_or(|f| !f.contains("ambiguous")))
            .map(|c| (fold(analyzer, c[0]), c[2] == "foreign"))
            .collect();
        let ordinals = data::lines(data::DATE_NUMBERS)
            .map(cols)
            .filter(|c| c.get(1) == Some(&"ordinal"))
            .map(|c| fold(analyzer, c[0]))
            .collect();
        let patterns = pats.into_iter().map(|p| p.1).collect();
        // Longest first: "آية الله العظمى" before "آية الله".
        honorific_phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Self {
            infos,
            vocab,
            spellings,
            honorific_phrases,
            flow,
            stopwords,
            common,
            enclitics,
            divine,
            nationalities,
            ordinals,
            places,
            orgs,
            persons,
            patterns,
            gazetteer,
        }
    }
}
