//! The words of `data/events/words.tsv`, folded by the search analyzer so
//! that text and list agree on spelling.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use crate::extract::entity::{DirectiveKind, MeetingKind};
use crate::text::{Analyzer, data};

/// Who a reporting verb's grammatical person points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Person {
    /// He, she, it: a subject is named beside the verb or earlier.
    Third,
    /// We: the speaker quoted.
    We,
    /// They: the meeting's participants, unless a subject is named.
    They,
}

/// A finite reporting verb.
#[derive(Clone, Copy, Debug)]
#[allow(clippy::struct_excessive_bools)] // one flag per column value of words.tsv
pub(super) struct Verb {
    pub kind: DirectiveKind,
    pub person: Person,
    /// A directive only before a `need` word (أكد … ضرورة).
    pub weak: bool,
    /// A directive only before a verbal or list noun (أصدر قرارات).
    pub obj: bool,
    /// Not a directive before أن or عن (أعلن أن).
    pub stmt: bool,
}

/// How a verb holds a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MeetVerb {
    /// A meeting noun must follow (عقد اجتماعاً).
    NeedsNoun,
    /// Its object pronoun is the meeting (عقده).
    Itself,
    /// The verb is the meeting (انعقد، التقى).
    Intransitive,
}

/// What one word does; a word may do several things ("مطالبة" is a
/// participle after a comma and a verbal noun at the head of a list item).
#[derive(Clone, Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per word class of words.tsv
pub(super) struct Word {
    pub verb: Option<Verb>,
    pub part: Option<DirectiveKind>,
    /// A participle that is a directive only before a `need` word (مؤكداً).
    pub part_weak: bool,
    pub noun: Option<DirectiveKind>,
    pub light: bool,
    pub closing: bool,
    pub list_noun: Option<DirectiveKind>,
    pub list_cue: bool,
    pub need: bool,
    pub deadline: bool,
    pub after: bool,
    pub link: bool,
    pub meet: Option<MeetVerb>,
    pub meet_noun: Option<MeetingKind>,
    pub meet_adj: Option<MeetingKind>,
    pub chair: bool,
    /// A meeting verb whose subject chairs the meeting (ترأس).
    pub chairs: bool,
    pub held: bool,
    pub pron: bool,
    pub rel: bool,
    pub assembly: bool,
    pub generic: bool,
}

impl Word {
    /// Whether the word, read as a verb, can open a directive or a meeting.
    pub(super) fn opens_as_verb(&self) -> bool {
        self.verb.is_some()
            || self.part.is_some()
            || self.light
            || self.closing
            || self.meet.is_some()
    }

    /// Whether the word, read as a noun, can open a directive, a meeting or
    /// a list of decisions.
    pub(super) fn opens_as_noun(&self) -> bool {
        self.noun.is_some() || self.meet_noun.is_some() || self.list_noun.is_some() || self.list_cue
    }

    /// Whether the word may stand in a verb's place: verbal readings only.
    fn verbal(&self) -> bool {
        self.verb.is_some()
            || self.part.is_some()
            || self.light
            || self.closing
            || self.link
            || self.meet.is_some()
            || self.deadline
            || self.need
            || self.pron
            || self.rel
    }
}

/// Proclitics before a verb.
const VERB_CLITICS: [&str; 2] = ["و", "ف"];
/// Proclitics and the article before a noun, longest first.
const NOUN_CLITICS: [&str; 15] = [
    "وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "وب", "فب", "ول", "و", "ب", "ل", "ك",
];

/// The event word list, and every form a token may take of its words
/// (proclitics before them), so that reading a token is one hash lookup.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: Vec<Word>,
    /// Each form's readings, both in one entry so a token is one lookup.
    forms: HashMap<CompactString, Forms>,
}

/// The readings of one written form: each a word and its proclitic letters.
#[derive(Clone, Copy, Debug, Default)]
struct Forms {
    /// As a verb or particle: the word, or و / ف and the word.
    verbal: Option<(u32, u8)>,
    /// As a noun: the word, or proclitics and the article before it.
    nominal: Option<(u32, u8)>,
}

/// A word read in a token, with the letters of proclitics before it.
pub(super) type Read<'l> = (&'l Word, u8);

impl Lexicon {
    /// Load and fold `data/events/words.tsv`. Rows the code does not know
    /// are skipped: the file is compiled in and checked by the tests.
    pub(super) fn load(analyzer: &Analyzer) -> Self {
        let mut words: HashMap<CompactString, Word> = HashMap::default();
        for line in data::lines(data::EVENT_WORDS) {
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (Some(form), Some(class)) = (cols.first(), cols.get(1)) else {
                continue;
            };
            let Some(norm) = analyzer.normalize_token(form) else {
                continue;
            };
            let kind = cols.get(2).copied().unwrap_or("");
            let flags = cols.get(3).copied().unwrap_or("");
            let flag = |f: &str| flags.split(',').any(|x| x.trim() == f);
            let dk = kind.parse::<DirectiveKind>().ok();
            let mk = kind.parse::<MeetingKind>().ok();
            let w = words.entry(norm).or_default();
            match *class {
                "verb" => {
                    w.verb = dk.map(|kind| Verb {
                        kind,
                        person: if flag("we") {
                            Person::We
                        } else if flag("they") {
                            Person::They
                        } else {
                            Person::Third
                        },
                        weak: flag("weak"),
                        obj: flag("obj"),
                        stmt: flag("stmt"),
                    });
                }
                "part" => {
                    w.part = dk;
                    w.part_weak = flag("weak");
                }
                "noun" => w.noun = dk,
                "light" => w.light = true,
                "closing" => w.closing = true,
                "listnoun" => w.list_noun = dk,
                "listcue" => w.list_cue = true,
                "need" => w.need = true,
                "deadline" => w.deadline = true,
                "after" => w.after = true,
                "link" => w.link = true,
                "meetverb" => {
                    w.meet = Some(MeetVerb::NeedsNoun);
                    w.chairs = flag("chair");
                }
                "meetself" => w.meet = Some(MeetVerb::Itself),
                "meetintr" => w.meet = Some(MeetVerb::Intransitive),
                "meetnoun" => w.meet_noun = mk,
                "meetadj" => w.meet_adj = mk,
                "chair" => w.chair = true,
                "held" => w.held = true,
                "pron" => w.pron = true,
                "rel" => w.rel = true,
                "assembly" => w.assembly = true,
                "generic" => w.generic = true,
                _ => {}
            }
        }
        let mut lex = Self::default();
        for (norm, w) in words {
            let id = u32::try_from(lex.words.len()).unwrap_or(u32::MAX);
            let verbal = w.verbal();
            lex.words.push(w);
            // The word as written wins over a proclitic reading of another.
            let f = lex.forms.entry(norm).or_default();
            f.nominal = Some((id, 0));
            if verbal {
                f.verbal = Some((id, 0));
            }
        }
        // Longest proclitic first, words in a fixed order: the reading a
        // form gets does not depend on hash order ("والاجتماع" is و + ال +
        // اجتماع, as the article rule wants).
        let mut forms: Vec<(CompactString, u32)> = lex
            .forms
            .iter()
            .filter_map(|(k, f)| Some((k.clone(), f.nominal?.0)))
            .collect();
        forms.sort();
        for c in NOUN_CLITICS {
            let n = u8::try_from(c.chars().count()).unwrap_or(0);
            for (norm, id) in forms.iter().filter(|(f, _)| f.chars().count() >= 3) {
                lex.forms
                    .entry(format!("{c}{norm}").into())
                    .or_default()
                    .nominal
                    .get_or_insert((*id, n));
            }
        }
        for c in VERB_CLITICS {
            for (norm, id) in &forms {
                if norm.chars().count() >= 2 && lex.words[*id as usize].verbal() {
                    lex.forms
                        .entry(format!("{c}{norm}").into())
                        .or_default()
                        .verbal
                        .get_or_insert((*id, 1));
                }
            }
        }
        lex
    }

    /// Every written form with its readings packed for [`Slot`]: a reading
    /// is one past the word id in the low 24 bits and the proclitic letters
    /// above them, 0 for none.
    ///
    /// [`Slot`]: crate::extract::vocab::Slot
    pub(crate) fn packed(&self) -> impl Iterator<Item = (&CompactString, [u32; 2])> {
        let pack = |r: Option<(u32, u8)>| {
            r.filter(|&(id, _)| id < 0x00ff_ffff)
                .map_or(0, |(id, c)| (id + 1) | (u32::from(c) << 24))
        };
        self.forms
            .iter()
            .map(move |(k, f)| (k, [pack(f.verbal), pack(f.nominal)]))
    }

    /// A token's readings from its packed form ([`Self::packed`]): as a verb
    /// or particle (as is, or after و or ف) and as a noun (as is, or after
    /// proclitics and the article).
    pub(super) fn unpack(&self, packed: [u32; 2]) -> (Option<Read<'_>>, Option<Read<'_>>) {
        let read = |p: u32| {
            let id = (p & 0x00ff_ffff).checked_sub(1)?;
            Some((self.words.get(id as usize)?, (p >> 24) as u8))
        };
        (read(packed[0]), read(packed[1]))
    }
}
