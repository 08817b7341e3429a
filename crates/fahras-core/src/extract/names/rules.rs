//! The phrase rules: what no list can say. Each rule reads the longest
//! phrase of its kind starting at a token and returns it with the phrases
//! nested in it ("أمين فرع اللاذقية للحزب" is a ROLE holding a BRANCH holding
//! a LOC).
//!
//! - ORG: a gazetteer name, or a head noun ("حزب", "وزارة", "المكتب") and its
//!   modifiers to the phrase's boundary, with "ل" + the party it belongs to.
//! - BRANCH: a unit ("فرع", "شعب", "الكتابة") and the place or level that
//!   makes it a branch ("فرع اللاذقية", "المكاتب الإقليمية").
//! - ROLE: a title ("أمين", "الكاتب") with its qualifiers and complement.
//! - PERSON: honorific + name, given name + name, or a name beside a title.
//! - LOC: a gazetteer place, or a unit word + place ("ولاية سطيف").

use compact_str::CompactString;

use super::lexicon::{Named, Title, WordInfo};
use super::view::{Hit, Last, Reading, View};
use crate::extract::entity::{EntityKind, OrgKind, PlaceType};

/// Kind-specific facts a rule found.
#[derive(Clone, Debug)]
pub(crate) enum Info {
    Loc {
        place: Option<u32>,
    },
    Org {
        org: Option<u32>,
        kind: OrgKind,
    },
    Branch {
        plural: bool,
    },
    Role {
        office: CompactString,
        plural: bool,
        /// A state office that stands alone ("الرئيس", "الوزير").
        state: bool,
        generic: Option<CompactString>,
    },
    Person {
        honorifics: Vec<CompactString>,
        /// The public figure it names ([`super::lexicon::Lexicon::persons`]).
        known: Option<u32>,
    },
}

/// A phrase over tokens `start..end`, the first `clitic` letters of its
/// first token left out of the span.
#[derive(Clone, Debug)]
pub(crate) struct Phrase {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub clitic: u8,
    pub kids: Vec<Phrase>,
    pub info: Info,
}

/// Letters that are proclitics when a word starts with them.
const CLITIC_LETTERS: [char; 5] = ['و', 'ب', 'ل', 'ف', 'ك'];

impl Phrase {
    /// A PERSON over `start..end` with its honorifics.
    fn person(start: usize, end: usize, clitic: u8, honorifics: Vec<CompactString>) -> Self {
        Self {
            kind: EntityKind::Person,
            start,
            end,
            clitic,
            kids: Vec::new(),
            info: Info::Person {
                honorifics,
                known: None,
            },
        }
    }

    /// The same PERSON, naming public figure `id`.
    fn known(mut self, id: u32) -> Self {
        if let Info::Person { known, .. } = &mut self.info {
            *known = Some(id);
        }
        self
    }
}

/// The longest cap on a name's tokens after its first.
const NAME_MAX: usize = 4;

/// Letters of a proclitic left out of a span: all of them, except that a ل
/// before the article stays ("للحزب" is not "لحزب" with a word left).
fn span_clitic(r: &Reading<'_>, norm: &str) -> u8 {
    if r.prep == Some('ل') && r.def {
        // "للحزب": keep the ل; a و before it still goes ("وللحزب").
        r.clitic - 1
    } else if r.def || !norm.starts_with("ال") {
        r.clitic
    } else {
        0
    }
}

impl View<'_, '_> {
    /// The place a gazetteer hit names, first of its forms.
    fn place_of(&self, h: &Hit) -> Option<u32> {
        self.named(h).iter().find_map(|n| match n {
            Named::Place(id) if !self.lex.places[*id as usize].off => Some(*id),
            _ => None,
        })
    }

    /// The place a unit word names (switched-off forms included): first one
    /// of a kind the unit names, then one read on its own, then any. So "في
    /// مدينة الرياض" is Riyadh and "حي الرياض" the Nouakchott district, not
    /// the first row of the list either way.
    fn place_after_unit(&self, h: &Hit, unit: &WordInfo) -> Option<u32> {
        let places = || {
            self.named(h).iter().filter_map(|n| match n {
                Named::Place(id) => Some(*id),
                _ => None,
            })
        };
        let of_kind = |id: &u32| {
            unit.unit_names
                .contains(&self.lex.places[*id as usize].kind)
        };
        let on = |id: &u32| !self.lex.places[*id as usize].off;
        places()
            .filter(of_kind)
            .find(on)
            .or_else(|| places().find(of_kind))
            .or_else(|| places().find(on))
            .or_else(|| places().next())
    }

    fn org_of(&self, h: &Hit) -> Option<u32> {
        self.named(h).iter().find_map(|n| match n {
            Named::Org(id) => Some(*id),
            _ => None,
        })
    }

    /// Letters a hit leaves out of its span: the proclitics, except a ل
    /// whose article lost its alef ("للاذقية" stays whole; "لحزب" -> "حزب").
    fn hit_clitic(&self, h: &Hit) -> u8 {
        if h.lam && h.prefix > 0 && self.lex.patterns[h.pattern as usize].elided {
            h.prefix - 1
        } else {
            h.prefix
        }
    }

    /// LOC at `i`: a gazetteer place, or a unit word and the place it names.
    pub(crate) fn loc_at(&self, i: usize, clitic_ok: bool) -> Option<Phrase> {
        if !self.joins(i) && !self.toks.get(i).is_some_and(super::view::Tok::is_word) {
            return None;
        }
        if let Some(r) = self.word(i)
            && let Some(keep) = r.info.unit
            && (clitic_ok || r.clitic == 0)
            && !r.def
            && self.joins(i + 1)
        {
            let inner = self
                .hits(i + 1)
                .iter()
                .find(|h| h.prefix == 0 && self.place_after_unit(h, r.info).is_some());
            let end = inner.map(|h| h.end).or_else(|| {
                // An unlisted place after a unit: one or two name-like words.
                let n = (i + 1..(i + 3).min(self.len()))
                    .take_while(|&k| {
                        self.joins(k)
                            && self.name_like(k)
                            && !self.is_stop_for_place(k)
                            // "من جهة أخرى" is "on the other hand".
                            && !self.common(k)
                    })
                    .count();
                (n > 0 && (r.info.unit == Some(true) || self.unit_names_place(i)))
                    .then_some(i + 1 + n)
            })?;
            let place = inner.and_then(|h| self.place_after_unit(h, r.info));
            return Some(if keep {
                Phrase {
                    kind: EntityKind::Loc,
                    start: i,
                    end,
                    clitic: span_clitic(&r, self.toks[i].norm),
                    kids: Vec::new(),
                    info: Info::Loc { place },
                }
            } else {
                Phrase {
                    kind: EntityKind::Loc,
                    start: i + 1,
                    end,
                    clitic: 0,
                    kids: Vec::new(),
                    info: Info::Loc { place },
                }
            });
        }
        // A one-word place behind a proclitic, unless the whole word is a
        // common one ("لغات" is no ل + "غات", "بحوث" no ب + "حوث"); a
        // longer name is a name ("بالولايات المتحدة").
        let h = self.hits(i).iter().find(|h| {
            (clitic_ok || h.prefix == 0)
                && self.place_of(h).is_some()
                && (h.prefix == 0 || h.end > i + 1 || !self.common(i))
        })?;
        // A one-word place with the article right after a definite noun is
        // that noun's adjective ("الثورة البيضاء", "الشركة السعودية"),
        // unless the noun names places ("العاصمة", "محافظة") or a
        // nationality stands between ("العاصمة السودانية الخرطوم"). A
        // state or a capital is no adjective unless it is shaped like one
        // ("التزام اليمن" only looks definite).
        let state = |h: &Hit| {
            self.place_of(h).is_some_and(|p| {
                matches!(
                    self.lex.places[p as usize].kind,
                    PlaceType::Country | PlaceType::Capital
                )
            })
        };
        if h.end == i + 1
            && h.prefix == 0
            && i > 0
            && self.definite(i)
            && self.joins(i)
            && self.definite(i - 1)
            && !self.place_hit(i - 1)
            && self.nationality(i - 1).is_none()
            && self
                .word(i - 1)
                .is_none_or(|w| w.info.unit.is_none() && !w.info.area)
            && (self.nisba(i) || !state(h))
        {
            return None;
        }
        Some(Phrase {
            kind: EntityKind::Loc,
            start: i,
            end: h.end,
            clitic: self.hit_clitic(h),
            kids: Vec::new(),
            info: Info::Loc {
                place: self.place_of(h),
            },
        })
    }

    /// "مدينة", "بلدة" and "قرية" name a place even when it is not listed.
    fn unit_names_place(&self, i: usize) -> bool {
        let n = self.toks[i].norm;
        ["مدينه", "بلده", "قريه", "حي", "ناحيه", "قضاء"]
            .iter()
            .any(|u| n.ends_with(u))
    }

    fn is_stop_for_place(&self, k: usize) -> bool {
        self.stop(k) || self.word(k).is_some()
    }

    /// Whether token `k` can be part of a name: a word that is no function
    /// word, title, honorific or head.
    pub(crate) fn name_like(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        if t.kind != crate::text::TokenKind::Word || self.dated[k] || self.stop(k) {
            return false;
        }
        match self.word(k) {
            Some(r) if r.clitic == 0 => {
                let w = r.info;
                w.particle.is_some()
                    || !(w.title.is_some()
                        || w.honorific
                        || w.org_head.is_some()
                        || w.branch_head.is_some()
                        || w.unit.is_some()
                        || w.generic
                        || w.area
                        || w.title_adj
                        || w.branch_adj)
            }
            _ => true,
        }
    }

    /// A definite word that can modify a head noun (an adjective or a
    /// genitive): no title, honorific, unit, or word that starts a phrase.
    fn modifier(&self, k: usize) -> bool {
        if !self.joins(k) || self.stop(k) {
            return false;
        }
        let norm = self.toks[k].norm;
        let def = norm.starts_with("ال") || norm.starts_with("وال");
        if !def {
            return false;
        }
        match self.word(k) {
            Some(r) => {
                let w = r.info;
                !(w.title.is_some() && !w.title_adj || w.honorific || w.unit.is_some() || w.stop)
            }
            None => true,
        }
    }

    /// A relational adjective of a title's domain: a definite nisba no list
    /// knows (a nationality says whose office it is, which the title's tail
    /// reads; a listed word is read by its own rule, an ordinal counts, a
    /// listed name is a name). After a feminine noun only a feminine nisba agrees:
    /// "رئيس البعثة الحلبي" is the head of the mission, Mr al-Halabi.
    fn domain_adjective(&self, k: usize, feminine: bool) -> bool {
        // `joins` first: it is what says `k` is a word of this text.
        self.joins(k) && {
            let norm = self.toks[k].norm;
            norm.starts_with("ال")
                && norm.chars().count() >= 5
                && if feminine {
                    norm.ends_with("يه")
                } else {
                    self.nisba(k)
                }
                && self.word(k).is_none()
                && !self.lex.ordinals.contains(norm)
                && self.nationality(k).is_none()
                && self.hits(k).iter().all(|h| {
                    !self
                        .named(h)
                        .iter()
                        .any(|n| matches!(n, Named::Given { .. } | Named::Person(_)))
                })
        }
    }

    /// ORG at `i`.
    pub(crate) fn org_at(&self, i: usize, clitic_ok: bool) -> Option<Phrase> {
        let gaz = self.org_hit(i, clitic_ok);
        let headed = self.headed_org(i, clitic_ok, gaz.as_ref().map(|g| g.end));
        let best = match (gaz, headed) {
            (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
            (a, b) => a.or(b),
        }?;
        let end = best.end;
        let listed = matches!(best.info, Info::Org { org: Some(_), .. });
        let best = self.tail(best);
        // A listed place that a head begins is the place ("قناة السويس",
        // the canal), unless what follows makes a body of it ("الاتحاد
        // الروسي لكرة القدم").
        if !listed
            && best.end == end
            && self
                .hits(i)
                .iter()
                .any(|h| h.end >= end && self.place_of(h).is_some())
        {
            return None;
        }
        Some(best)
    }

    fn org_hit(&self, i: usize, clitic_ok: bool) -> Option<Phrase> {
        let h = self.hits(i).iter().find(|h| {
            (clitic_ok || h.prefix == 0)
                && self.org_of(h).is_some_and(|o| {
                    let org = &self.lex.orgs[o as usize];
                    !org.cue || self.cued(i, h.end)
                })
        })?;
        let id = self.org_of(h)?;
        let org = &self.lex.orgs[id as usize];
        Some(Phrase {
            kind: EntityKind::Org,
            start: i,
            end: h.end,
            clitic: self.hit_clitic(h),
            kids: Vec::new(),
            info: Info::Org {
                org: Some(id),
                kind: org.kind,
            },
        })
    }

    /// A short form that is also a common word is read as a name when it is
    /// quoted, or follows a head noun that names its kind.
    fn cued(&self, i: usize, end: usize) -> bool {
        let quote = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                t.kind == crate::text::TokenKind::Punct
                    && t.norm.chars().any(|c| "\"«»“”'‘’".contains(c))
            })
        };
        // Named earlier in the article, or a club in a sentence on sport,
        // when it is no adjective of the noun before ("المنتخب المصري",
        // "الرئيس المصري": a definite noun takes no genitive with the
        // article).
        let adjective = i > 0
            && self.definite(i - 1)
            && self.joins(i)
            // Behind a preposition it is no adjective ("الظهير الشاب للأهلي").
            && self.toks[i].norm.starts_with("ال")
            && self.nisba(end - 1);
        !adjective
            && self.hits(i).iter().filter(|h| h.end == end).any(|h| {
                self.org_of(h).is_some_and(|o| {
                    let org = &self.lex.orgs[o as usize];
                    self.seen
                        .iter()
                        .any(|s| self.lex.orgs[*s as usize].same(org))
                        || org.club && self.sporting(i, end)
                })
            })
            || (i > 0 && quote(i - 1) && quote(end))
            || (i > 0 && ["فريق", "نادي", "لفريق", "وفريق"].contains(&self.toks[i - 1].norm))
            || (i > 0
                && self.word(i - 1).is_some_and(|r| {
                    // A head or title before it, or a verb of saying whose
                    // subject it is and which no article makes a common noun
                    // ("أعلنت حماس", not "وأوضح البيان"). A title with the
                    // article has an adjective after it, not what it heads:
                    // "رئيس الاتفاق" is the club's, "الرئيس المصري" Egypt's.
                    r.info.org_head.is_some_and(|h| h.name)
                        || r.info.title.is_some() && !r.def
                        || r.info.say && !self.definite(i)
                }))
    }

    /// A king's or a prince's name at `k`, title first ("الملك فهد"): the
    /// PERSON after the title.
    pub(crate) fn royal_name(&self, k: usize) -> Option<Phrase> {
        let w = self
            .word(k)
            .filter(|w| w.def && w.clitic == 0 && self.joins(k))?;
        let title = w.info.title.as_ref()?;
        if !["ملك", "امير"].contains(&title.office.as_str())
            || !self.joins(k + 1)
            || self.given(k + 1).is_none() && self.abd(k + 1).is_none()
        {
            return None;
        }
        // One given name is the whole name of a king ("الملك فهد"); a royal
        // name goes on by nasab, a family ("آل سعود") or a regnal number,
        // not by another word ("الأمير سلطان الوفد", "الملك عبد الله
        // خادم الحرمين").
        let mut end = self.name_at(k + 1, true)?;
        // The given name may be an "عبد" compound ("الأمير عبد القادر").
        let first = self.abd(k + 1).unwrap_or(k + 2);
        if end > first
            && !self.lex.ordinals.contains(self.toks[first].norm)
            && self.word(first).is_none_or(|w| w.info.particle.is_none())
        {
            end = first;
        }
        Some(Phrase::person(k + 1, end, 0, Vec::new()))
    }

    /// Whether the sentence around `i..end` reports sport: a word of
    /// sports reporting within a few tokens, no sentence end between.
    fn sporting(&self, i: usize, end: usize) -> bool {
        const REACH: usize = 10;
        let strength = |k: usize| self.word(k).and_then(|w| w.info.sport);
        // A strong word is enough, weak ones take two, or one in an article
        // on sport.
        let mut weak = usize::from(self.sporty());
        let mut sport = |k: usize| match strength(k) {
            Some(true) => true,
            Some(false) => {
                weak += 1;
                weak >= 2
            }
            None => false,
        };
        let ends = |k: usize| {
            self.toks[k].kind == crate::text::TokenKind::Punct
                && self.toks[k].norm.chars().any(|c| ".!؟?;؛".contains(c))
        };
        let mut k = i;
        while k > 0 && i - k < REACH {
            k -= 1;
            if ends(k) {
                break;
            }
            if sport(k) {
                return true;
            }
        }
        (end..self.len().min(end + REACH))
            .take_while(|&k| !ends(k))
            .any(sport)
    }

    /// An organization's name read from its head noun at `i`; `listed_end`
    /// is where a gazetteer name starting at `i` ends, if one does.
    #[allow(clippy::too_many_lines)] // the three shapes of a headed name
    fn headed_org(&self, i: usize, clitic_ok: bool, listed_end: Option<usize>) -> Option<Phrase> {
        let r = self.word(i)?;
        let head = r.info.org_head?;
        if !clitic_ok && r.clitic > 0 || !self.toks[i].is_word() {
            return None;
        }
        let clitic = span_clitic(&r, self.toks[i].norm);
        let mut kids = Vec::new();
        let mut j = i + 1;
        if head.name && !r.def {
            // A listed name with its head ("حزب البعث العربي الاشتراكي"),
            // "حزب" + a listed name, or a name to its boundary.
            let listed = if let Some(end) = listed_end {
                j = end;
                true
            } else if let Some(inner) = self.org_hit(j, false) {
                j = inner.end;
                kids.push(inner);
                true
            } else {
                // "حركة الرياح", "تجمع العناصر": a common phrase.
                if head.common && self.flow(j) {
                    return None;
                }
                let start = j;
                while j < self.len() && j - start < 6 {
                    if self.modifier(j) || self.joins(j) && self.place_hit(j) {
                        j += 1;
                    } else if self.toks[j].norm == "من"
                        && self.toks.get(j + 1).is_some_and(|t| t.norm == "اجل")
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                if j == start {
                    return None;
                }
                false
            };
            // Adjectives after a name ("حزب النهوض الوطني العراقي"). After
            // a listed name only a relational one: a definite noun there
            // starts the clause that goes on ("لحزب البعث العربي الاشتراكي
            // الاجتماع الدوري").
            while self.modifier(j)
                && self
                    .word(j)
                    .is_none_or(|w| w.info.title_adj || w.clitic == 0 && w.info.org_head.is_none())
                && (!listed || self.relational(j))
                && j - i < 8
            {
                if self
                    .hits(j)
                    .first()
                    .is_some_and(|h| self.place_of(h).is_some())
                    && !self.toks[j].norm.ends_with('ي')
                {
                    break;
                }
                j += 1;
            }
        } else if r.def {
            // "المكتب السياسي", "الهيئة العليا", "الحكومة اللبنانية".
            let start = j;
            // The first modifier names the body's function: a relational
            // adjective ("السياسي", "القطرية") or a listed one ("العليا"); a
            // qualitative one ("القيادة الحكيمة") makes no name.
            // An ordinal counts ("المجموعة الثانية"): no name, except of
            // a channel ("القناة الأولى").
            while j - start < 3
                && self.modifier(j)
                && self.adjective(j)
                && self.relational(j)
                && (head.kind == OrgKind::Media || !self.lex.ordinals.contains(self.toks[j].norm))
            {
                j += 1;
            }
            if j == start && !head.alone || head.name && j - start < 2 {
                return None;
            }
        } else {
            // Construct state: "وزارة الصحة", "مجلس مدينة اللاذقية",
            // "لجنة استقبال طلبات الترشيح", "جامعة دمشق".
            let start = j;
            while j - start < 3
                && self.joins(j)
                && self.name_like(j)
                && !self.definite(j)
                && !self.place_hit(j)
                && self.word(j).is_none()
                && self.toks[j].norm.chars().count() > 2
            {
                j += 1;
            }
            if let Some(p) = self.royal_name(j) {
                // "مستشفى الملك فهد", "جامعة الأمير سلطان": named after a
                // king or a prince.
                j = p.end;
                kids.push(p);
            } else if let Some(loc) = self.loc_at(j, false).filter(|_| self.joins(j)) {
                j = loc.end;
                kids.push(loc);
            } else if let Some(b) = self.branch_at(j, false).filter(|_| self.joins(j)) {
                j = b.end;
                kids.push(b);
            } else if self.modifier(j) {
                j += 1;
                // Coordinated genitives: "الصيد والاقتصاد", "التجارة الداخلية وحماية المستهلك".
                loop {
                    if self.modifier(j)
                        && self.adjective_or_coord(j)
                        && (self.relational(j) || self.toks[j].norm.starts_with("وال"))
                    {
                        j += 1;
                    } else {
                        break;
                    }
                    if j - i > 7 {
                        break;
                    }
                }
            } else {
                return None;
            }
        }
        Some(Phrase {
            kind: EntityKind::Org,
            start: i,
            end: j,
            clitic,
            kids,
            info: Info::Org {
                org: None,
                kind: head.kind,
            },
        })
    }

    /// Whether `k` is the definite form of a [`Lexicon::flow`] word.
    ///
    /// [`Lexicon::flow`]: super::lexicon::Lexicon::flow
    fn flow(&self, k: usize) -> bool {
        self.definite(k)
            && self.toks[k]
                .norm
                .strip_prefix("ال")
                .is_some_and(|w| self.lex.flow.contains(w))
    }

    /// Whether `k` reads as a listed place (no proclitic).
    fn place_hit(&self, k: usize) -> bool {
        self.hits(k)
            .iter()
            .any(|h| h.prefix == 0 && self.place_of(h).is_some())
    }

    /// A definite word that is an adjective or a genitive noun of a body
    /// name, not one that starts another phrase.
    fn adjective(&self, k: usize) -> bool {
        !self.toks[k].norm.starts_with("وال")
            && self.word(k).is_none_or(|r| {
                r.info.title_adj
                    || r.info.branch_adj && r.info.title.is_none()
                    || r.info.org_head.is_none()
                        && r.info.branch_head.is_none()
                        && r.info.title.is_none()
                        && !r.info.area
            })
            && !self.place_hit(k)
    }

    /// A relational (nisba) adjective, or one the lists know as a title's
    /// or a level's qualifier.
    fn relational(&self, k: usize) -> bool {
        let n = self.toks[k].norm;
        n.ends_with('ي')
            || n.ends_with("يه")
            || self
                .word(k)
                .is_some_and(|w| w.clitic == 0 && (w.info.title_adj || w.info.branch_adj))
    }

    /// An adjective, or a coordinated definite noun that ends the name or
    /// takes an adjective ("الصيد والاقتصاد البحري"), not one that starts
    /// a clause of its own ("مجلس المرأة والمؤلف من …").
    fn adjective_or_coord(&self, k: usize) -> bool {
        self.adjective(k)
            || self.toks[k].norm.starts_with("وال")
                && (!self.joins(k + 1) || self.relational(k + 1) && self.modifier(k + 1))
    }

    /// The tails that attach an organization, a branch or a role to what
    /// it belongs to: "للحزب", "لحزب البعث", "لـ«التجمع»", "بالقيروان".
    pub(crate) fn tail(&self, mut p: Phrase) -> Phrase {
        // A listed name or a party takes no tail ("حركة النهضة بصفاقس" is the
        // party and a place); a club, a company or a university belongs to no
        // party ("فرع جامعة دمشق للحزب": the branch does).
        let (listed, body) = match &p.info {
            Info::Org { org, kind } => (
                org.is_some() || *kind == OrgKind::Party,
                matches!(kind, OrgKind::PartyBody | OrgKind::Parliament),
            ),
            _ => (false, true),
        };
        if listed {
            return p;
        }
        let mut lam = false;
        let mut bi = false;
        loop {
            let j = p.end;
            if !self.joins(j) && !self.punct(j, "«") && !self.punct(j, "\"") {
                break;
            }
            let t = &self.toks[j];
            // "لـ" written apart, then a quoted name.
            if !lam && (t.norm == "ل") {
                let k =
                    if self.punct(j + 1, "«") || self.punct(j + 1, "\"") || self.punct(j + 1, "“")
                    {
                        j + 2
                    } else {
                        j + 1
                    };
                if let Some(o) = self.org_at(k, false) {
                    let close = usize::from(
                        self.punct(o.end, "»") || self.punct(o.end, "\"") || self.punct(o.end, "”"),
                    );
                    p.end = o.end + close;
                    p.kids.push(o);
                    lam = true;
                    continue;
                }
                break;
            }
            let Some(r) = self.word(j).or_else(|| self.bare_prep(j)) else {
                break;
            };
            match r.prep {
                Some('ل') if !lam => {
                    if let Some(o) = self
                        .org_at(j, true)
                        .filter(|o| body && o.clitic < self.letters(j))
                    {
                        p.end = o.end;
                        p.kids.push(o);
                    } else if r.info.generic && r.def && body {
                        p.end = j + 1;
                        if let Info::Role { generic, .. } = &mut p.info
                            && generic.is_none()
                        {
                            // "للمجلس" -> "المجلس", the noun the title belongs to.
                            let n = self.toks[j].norm;
                            let bare = n.strip_prefix("ل").unwrap_or(n);
                            let bare = if bare.starts_with("ال") {
                                bare.to_owned()
                            } else {
                                format!("ا{bare}")
                            };
                            *generic = Some(CompactString::from(bare));
                        }
                    } else if let Some(l) = self
                        .loc_at(j, true)
                        .filter(|_| p.kind == EntityKind::Branch)
                    {
                        p.end = l.end;
                        p.kids.push(l);
                    } else if let Some(end) = self.purpose(j).filter(|_| p.kind == EntityKind::Org)
                    {
                        // "اللجنة المركزية للانتخابات", "الجامعة التونسية لكرة اليد".
                        p.end = end;
                    } else {
                        break;
                    }
                    lam = true;
                }
                Some('ب') if !bi => {
                    // The place must carry the ب: "بالقيروان", not "بشار".
                    if let Some(l) = self.loc_at(j, true).filter(|l| l.clitic > 0 || l.start > j) {
                        p.end = l.end;
                        p.kids.push(l);
                    } else if let Some(o) =
                        self.org_at(j, true).filter(|_| p.kind != EntityKind::Org)
                    {
                        p.end = o.end;
                        p.kids.push(o);
                    } else if r.info.generic && r.def && p.kind == EntityKind::Role {
                        p.end = j + 1;
                    } else {
                        break;
                    }
                    bi = true;
                }
                _ => break,
            }
        }
        p
    }

    /// What an organization is for, after ل: a noun no list knows, with
    /// the article ("للإحصاء") or as the first of a construct ("لتسويق
    /// الأسماك"), and its relational adjectives ("للمؤتمر الإقليمي").
    fn purpose(&self, j: usize) -> Option<usize> {
        let n = self.toks[j].norm;
        let rest = n.strip_prefix('ل')?;
        if self.word(j).is_some_and(|w| !w.info.area) || self.place_hit(j) || self.letters(j) < 4 {
            return None;
        }
        let mut k = j + 1;
        if !(rest.starts_with('ل') || rest.starts_with("ال")) {
            // Indefinite: a construct whose second noun has the article.
            if !(self.joins(k) && self.modifier(k) && self.word(k).is_none() && !self.place_hit(k))
            {
                return None;
            }
            k += 1;
        }
        // "النادي" after "لكرة القدم" is the next phrase's head.
        while self.joins(k)
            && self.modifier(k)
            && self.relational(k)
            && self.word(k).is_none_or(|w| w.info.org_head.is_none())
            && k < j + 4
        {
            k += 1;
        }
        Some(k)
    }

    /// A token read as a preposition and a word not in the lists ("لحزب"
    /// when "حزب" is, "بالقيروان").
    fn bare_prep(&self, j: usize) -> Option<Reading<'static>> {
        static NONE: std::sync::LazyLock<super::lexicon::WordInfo> =
            std::sync::LazyLock::new(Default::default);
        let n = self.toks.get(j)?.norm;
        let p = n.chars().next().filter(|c| *c == 'ل' || *c == 'ب')?;
        Some(Reading {
            info: &NONE,
            clitic: 1,
            def: n[p.len_utf8()..].starts_with("ال") || n.starts_with("لل"),
            prep: Some(p),
        })
    }

    fn letters(&self, j: usize) -> u8 {
        u8::try_from(self.toks[j].norm.chars().count()).unwrap_or(u8::MAX)
    }

    /// BRANCH at `i`.
    #[allow(clippy::too_many_lines)] // a grammar rule reads best in one piece
    pub(crate) fn branch_at(&self, i: usize, clitic_ok: bool) -> Option<Phrase> {
        let r = self.word(i)?;
        let plural = r.info.branch_head?;
        if !clitic_ok && r.clitic > 0 || !self.toks[i].is_word() {
            return None;
        }
        // "محافظة الحزب", "شعب الحزب", "الشعب الحزبية", "شعب المدينة",
        // "الشعب والفرق الحزبية"; not "شعب مصر" (a people) or "شعب إب" (a
        // club).
        if r.info.branch_party
            && !self.word(i + 1).is_some_and(|w| {
                w.clitic == 0 && (w.def && w.info.generic || w.info.branch_adj)
                    || plural && (w.clitic == 0 && w.info.area || w.info.branch_head.is_some())
            })
        {
            return None;
        }
        let clitic = span_clitic(&r, self.toks[i].norm);
        let mut kids = Vec::new();
        let mut j = i + 1;
        let mut level = false;
        // A level: "المكتب الجهوي", "الشعب الحزبية", "مكاتب محلية".
        while self.joins(j)
            && self
                .word(j)
                .is_some_and(|w| w.info.branch_adj && w.clitic == 0)
        {
            j += 1;
            level = true;
        }
        if !level && !r.def {
            // A place or a generic body: "فرع اللاذقية", "فروع الحزب",
            // "أمانات المحافظات", "فرع جامعة دمشق".
            if let Some(loc) = self.loc_at(j, false).filter(|_| self.joins(j)) {
                j = loc.end;
                kids.push(loc);
            } else if self.joins(j)
                && self.word(j).is_some_and(|w| {
                    w.clitic == 0
                        && w.def
                        && (w.info.generic || w.info.area || w.info.branch_head.is_some())
                })
            {
                j += 1;
                // "أمانات المراكز والأقسام", "الشعب والفرق".
                if self.joins(j)
                    && self.word(j).is_some_and(|w| {
                        w.clitic == 1 && w.def && (w.info.area || w.info.branch_head.is_some())
                    })
                {
                    j += 1;
                }
            } else if let Some(o) = self.org_at(j, false).filter(|o| {
                self.joins(j)
                    && matches!(
                        o.info,
                        Info::Org {
                            kind: OrgKind::Other,
                            ..
                        }
                    )
            }) {
                j = o.end;
                kids.push(o);
            } else {
                return None;
            }
            // "شعبة الشيخ بدر الحزبية".
            while self.joins(j)
                && self
                    .word(j)
                    .is_some_and(|w| w.info.branch_adj && w.clitic == 0)
            {
                j += 1;
            }
        } else if !level {
            // Definite plural heads stand alone as generic branches only
            // with a level: "الفروع المحلية"; "الشعب والفرق الحزبية".
            if plural
                && self.joins(j)
                && self
                    .word(j)
                    .is_some_and(|w| w.clitic == 1 && w.def && w.info.branch_head.is_some())
                && self
                    .word(j + 1)
                    .is_some_and(|w| w.info.branch_adj && w.clitic == 0)
            {
                j += 2;
            } else {
                return None;
            }
        }
        let mut p = Phrase {
            kind: EntityKind::Branch,
            start: i,
            end: j,
            clitic,
            kids,
            info: Info::Branch { plural },
        };
        p = self.tail(p);
        // "في المحافظات", "في البصرة", "في الكليات والمدن الجامعية".
        let j = p.end;
        if self.joins(j) && self.toks[j].norm == "في" {
            if let Some(loc) = self.loc_at(j + 1, false).filter(|_| self.joins(j + 1)) {
                p.end = loc.end;
                p.kids.push(loc);
            } else if self.joins(j + 1)
                && self
                    .word(j + 1)
                    .is_some_and(|w| w.clitic == 0 && w.def && w.info.area)
            {
                let mut k = j + 2;
                while self.joins(k)
                    && (self.word(k).is_some_and(|w| w.info.area && w.def)
                        || self.modifier(k) && self.word(k).is_none() && !self.place_hit(k))
                    && k < j + 5
                {
                    k += 1;
                }
                p.end = k;
            } else if self.joins(j + 1)
                && ["الكليات", "الجامعات", "الجنوب", "الشمال", "المدن"]
                    .contains(&self.toks[j + 1].norm)
            {
                p.end = j + 2;
            }
        }
        Some(p)
    }

    /// ROLE at `i`.
    #[allow(clippy::too_many_lines)] // a grammar rule reads best in one piece
    pub(crate) fn role_at(&self, i: usize, clitic_ok: bool) -> Option<Phrase> {
        let r = self.word(i)?;
        let title = r.info.title.as_ref()?;
        if !clitic_ok && r.clitic > 0 || !self.toks[i].is_word() {
            return None;
        }
        // "لـ" + indefinite title is a preposition and a noun phrase, not a title.
        if r.prep.is_some() && !r.def {
            return None;
        }
        let clitic = span_clitic(&r, self.toks[i].norm);
        let mut kids = Vec::new();
        let mut j = i + 1;
        let mut qualified = false;
        let mut generic = None;
        let adj = |j: &mut usize, qualified: &mut bool| {
            while self.joins(*j)
                && self.word(*j).is_some_and(|w| {
                    w.clitic == 0
                        && (w.info.title_adj || w.info.branch_adj && !self.is_branch_head(*j))
                })
            {
                *j += 1;
                *qualified = true;
            }
            // "المكلف بالتنظيم", "الناطق الرسمي باسم الحزب".
            if self.joins(*j)
                && self.word(*j).is_some_and(|w| {
                    w.clitic == 0 && w.info.title.as_ref().is_some_and(|t| t.office == "مكلف")
                })
                && self.joins(*j + 1)
                && self.toks[*j + 1].norm.starts_with("بال")
            {
                *j += 2;
                *qualified = true;
            }
        };
        adj(&mut j, &mut qualified);
        if title.qualified && !qualified {
            return None;
        }
        if self.joins(j) && self.toks[j].norm == "باسم" {
            if let Some(o) = self.org_at(j + 1, false) {
                j = o.end;
                kids.push(o);
            } else if self.word(j + 1).is_some_and(|w| w.info.generic && w.def)
                || self.joins(j + 1) && self.definite(j + 1)
            {
                // "الناطق باسم الجيش": "باسم" here is "on behalf of", never
                // the given name, whatever body follows.
                j += 2;
            }
            qualified = true;
        }
        if !r.def && !qualified {
            // A complement: "أمين فرع اللاذقية", "رئيس الحزب", "عضو المكتب
            // السياسي", "محافظ اللاذقية", "أمين التنظيم", "مسؤول تنظيمات بغداد".
            if !self.joins(j) {
                return None;
            }
            if let Some(b) = self.branch_at(j, false) {
                j = b.end;
                kids.push(b);
            } else if let Some(o) = self.org_at(j, false) {
                if title.plural
                    && title.member
                    && matches!(
                        o.info,
                        Info::Org {
                            kind: OrgKind::Party,
                            ..
                        }
                    )
                {
                    return None;
                }
                j = o.end;
                kids.push(o);
            } else if let Some(l) = self.loc_at(j, false) {
                j = l.end;
                kids.push(l);
            } else if let Some(inner) = self.role_at(j, false).filter(|_| title.deputy) {
                // A deputy holds no office of the one he deputizes for, but
                // the bodies and places it names are named here too:
                // "نائب رئيس مجلس الوزراء" names "مجلس الوزراء".
                j = inner.end;
                kids.extend(inner.kids);
            } else if let Some(w) = self.word(j).filter(|w| {
                w.clitic == 0
                    && w.def
                    && (w.info.generic || w.info.area || w.info.branch_head.is_some())
            }) {
                // "أعضاء الحزب", "نواب الحركة" are members, not office holders.
                if title.plural && w.info.generic && title.member {
                    return None;
                }
                generic = Some(CompactString::from(self.toks[j].norm));
                j += 1;
            } else if title.presides
                && !self.nisba(j)
                && self.word(j).is_some_and(|w| {
                    w.clitic == 0 && w.def && w.info.title.as_ref().is_some_and(|t| t.plural)
                })
            {
                // Those it presides over: "رئيس الوزراء", "نواب الوزراء"
                // ("الرئيسي" is "main").
                j += 1;
            } else if self.modifier(j)
                && self.word(j).is_none()
                && !self.place_hit(j)
                // "كتاب الله" is the Book, not its writers.
                && self.toks[j].norm != "الله"
            {
                // A domain: "أمين التنظيم", "أمين المال", "أمين الشباب",
                // with its adjectives: "وزير التعليم العالي", "وزير الشؤون
                // الاجتماعية", "وزير الموارد المائية".
                let noun = &self.toks[j];
                let feminine = noun.norm.ends_with('ه') && noun.last != Last::Ha;
                j += 1;
                while self.domain_adjective(j, feminine) {
                    j += 1;
                }
            } else if self.joins(j)
                && self.toks[j].norm == "سر"
                && self.word(j + 1).is_some_and(|w| w.def && w.info.generic)
            {
                generic = Some(CompactString::from(self.toks[j + 1].norm));
                j += 2;
            } else if title.office == "مكلف" && self.toks[j].norm.starts_with("بال") {
                j += 1;
            } else {
                // "رئيساً للجمعية": a title and what it belongs to after ل.
                return self.role_after_lam(i, j, clitic, title);
            }
            adj(&mut j, &mut qualified);
        } else if !qualified && !title.alone {
            // A definite title alone is a title only with what it belongs
            // to after ل: "الناطق للمجلس".
            return self.role_after_lam(i, j, clitic, title);
        }
        let p = Phrase {
            kind: EntityKind::Role,
            start: i,
            end: j,
            clitic,
            kids,
            info: Info::Role {
                office: title.office.clone(),
                plural: title.plural,
                state: title.alone,
                generic,
            },
        };
        let mut p = self.tail(p);
        // "منسق الحزب في عكار".
        let j = p.end;
        if self.joins(j)
            && self.toks[j].norm == "في"
            && let Some(loc) = self.loc_at(j + 1, false).filter(|_| self.joins(j + 1))
        {
            p.end = loc.end;
            p.kids.push(loc);
        }
        Some(p)
    }

    /// The title `i..j` when what it belongs to follows after ل, else none.
    fn role_after_lam(&self, i: usize, j: usize, clitic: u8, title: &Title) -> Option<Phrase> {
        let p = self.tail(Phrase {
            kind: EntityKind::Role,
            start: i,
            end: j,
            clitic,
            kids: Vec::new(),
            info: Info::Role {
                office: title.office.clone(),
                plural: title.plural,
                state: title.alone,
                generic: None,
            },
        });
        (p.end > j && self.toks[j].norm.starts_with('ل')).then_some(p)
    }

    fn is_branch_head(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| w.info.branch_head.is_some())
    }

    /// Whether a given name starts at `k` (no proclitic): `Some((end,
    /// common, foreign))`.
    pub(super) fn given(&self, k: usize) -> Option<(usize, bool, bool)> {
        self.hits(k).iter().filter(|h| h.prefix == 0).find_map(|h| {
            self.named(h).iter().find_map(|n| match n {
                Named::Given { common, foreign } => Some((h.end, *common, *foreign)),
                _ => None,
            })
        })
    }

    /// "عبد" + a divine name at `k`, joined ("عبدالله") or apart.
    fn abd(&self, k: usize) -> Option<usize> {
        let n = self.toks.get(k)?.norm;
        if n == "عبد" || n == "ابو" || n == "ابي" {
            let next = self.toks.get(k + 1)?;
            // "أبو عبد الله": the kunya's name is itself an "عبد" compound.
            if n != "عبد"
                && self.joins(k + 1)
                && let Some(end) = self.abd(k + 1)
            {
                return Some(end);
            }
            return (self.joins(k + 1)
                && next.kind == crate::text::TokenKind::Word
                && !self.stop(k + 1))
            .then_some(k + 2);
        }
        if let Some(rest) = n.strip_prefix("عبد")
            && rest.starts_with("ال")
            && rest.chars().count() > 3
        {
            return Some(k + 1);
        }
        None
    }

    /// The end of the first name at `k`, or `None` when no name starts
    /// there. `strong` as for [`Self::name_at`].
    fn first_name_at(&self, k: usize, strong: bool) -> Option<usize> {
        if !self
            .toks
            .get(k)
            .is_some_and(|t| t.kind == crate::text::TokenKind::Word)
            || self.dated[k]
        {
            return None;
        }
        // A title, honorific or head is no first name ("السيد الأمين العام").
        if self
            .word(k)
            .is_some_and(|w| w.clitic == 0 && w.info.particle.is_none() && !self.name_like(k))
        {
            return None;
        }
        if let Some(e) = self.abd(k) {
            Some(e)
        } else if let Some((e, common, _)) = self.given(k) {
            // A given name that is also a word ("أمين", "كريم") needs
            // context; "بن" after it is context ("سعد بن أبي وقاص").
            let nasab = self.joins(e)
                && self
                    .word(e)
                    .is_some_and(|w| w.clitic == 0 && w.info.particle == Some(false));
            // So is a name that is no word after it ("أمين حسن", "جمال
            // عبد الناصر").
            let named = !self.stop(k)
                && self.joins(e)
                && (self.abd(e).is_some() || self.given(e).is_some_and(|(_, common, _)| !common));
            (!common || strong || nasab || named).then_some(e)
        } else if self
            .word(k)
            .is_some_and(|w| w.clitic == 0 && w.info.particle == Some(true))
            || strong
                && self.name_like(k)
                && !self.definite(k)
                // "عميد كلية الآداب": the rank, then no name.
                && !self.common(k)
                && self.word(k).is_none_or(|w| {
                    (w.info.particle.is_some() || w.clitic > 0) && !w.info.stop
                })
        {
            Some(k + 1)
        } else {
            None
        }
    }

    /// A name from `k`: returns its end. `strong` when context already says
    /// a name follows (an honorific, a title), so one word is enough and an
    /// unlisted first name is read.
    pub(crate) fn name_at(&self, k: usize, strong: bool) -> Option<usize> {
        let foreign = self.given(k).is_some_and(|(.., foreign)| foreign);
        self.name_with(k, strong, foreign)
    }

    /// [`Self::name_at`], `foreign` when the name is known to be
    /// transliterated (its first name, or a foreign nationality before it).
    fn name_with(&self, k: usize, strong: bool, foreign: bool) -> Option<usize> {
        let first_end = self.first_name_at(k, strong)?;
        let j = self.name_tail(k, first_end, foreign);
        (j - k >= 2 || strong).then_some(j)
    }

    /// The end of a name from `k` whose first name ends at `first_end`:
    /// the family names, nasab links and further given names after it.
    /// `foreign` when the first name is transliterated.
    fn name_tail(&self, k: usize, first_end: usize, foreign: bool) -> usize {
        let mut j = first_end;
        // The last word taken was a family name with the article.
        let mut family_def = false;
        while j - first_end < NAME_MAX && self.joins(j) {
            // A regnal number after a given name ends the name: "محمد
            // الخامس", "تشارلز الأول", "ألفونسو الثالث عشر".
            if j == first_end && j == k + 1 && self.lex.ordinals.contains(self.toks[j].norm) {
                j += 1;
                if self.joins(j) && ["عشر", "عشره"].contains(&self.toks[j].norm) {
                    j += 1;
                }
                break;
            }
            // A transliterated name has no family name with the article or
            // ة: "فينغر الموسم", "بورزوف ثنائية ذهبية" are words after it;
            // a final ه is ("تريزيغيه").
            if foreign
                && (self.definite(j)
                    || self.toks[j].norm.ends_with('ه') && self.toks[j].last != Last::Ha)
            {
                break;
            }
            // A family name with the article ends the name ("الدسوقي عرضاً");
            // a word with tanwin or with a proclitic and the article is none.
            // "ابن عثيمين رحمه الله": a prayer after the name, not a name
            // written with ه for ة.
            if self.toks[j].last == Last::Ha
                && self.toks.get(j + 1).is_some_and(|t| t.norm == "الله")
            {
                break;
            }
            // A preposition, a noun and a pronoun ("بزملائه", "لفريقها")
            // is no family name, nor is a letter alone: a preposition
            // written apart with a tatweel ("محمد لـ\"الرياض\"").
            let t = &self.toks[j];
            if t.norm.chars().nth(1).is_none() {
                break;
            }
            if self.clitic_start(j)
                && !t.norm.ends_with("لله")
                && (t.last == Last::Ha || ["ها", "هم", "هما"].iter().any(|p| t.norm.ends_with(p)))
            {
                break;
            }
            if family_def
                || self.toks[j].tanwin
                || ["بال", "لل", "وال", "فال"]
                    .iter()
                    .any(|p| self.toks[j].norm.starts_with(p))
            {
                break;
            }
            // A compound given name goes first ("محمد الأمين").
            if let Some((e, ..)) = self.given(j).filter(|(e, ..)| *e > j + 1) {
                j = e;
                continue;
            }
            if self
                .word(j)
                .is_some_and(|w| w.clitic == 0 && w.info.particle.is_none() && !self.name_like(j))
                || self.stop(j)
            {
                break;
            }
            if let Some(e) = self.abd(j) {
                j = e;
            } else if self
                .word(j)
                // Not "الابن": "ناصر الابن الثاني" is the son, no chain.
                .is_some_and(|w| w.clitic == 0 && !w.def && w.info.particle == Some(false))
                && self.joins(j + 1)
                && !self.stop(j + 1)
            {
                // "بن عبد الكريم" is one link of the chain, not "بن عبد".
                j = self.abd(j + 1).unwrap_or(j + 2);
            } else if let Some((e, ..)) = self.given(j) {
                j = e;
            } else if self.name_like(j)
                // After a transliterated first name a word that only looks
                // like a verb is a family name where the name may end
                // ("كارلوس تيفيز إلى").
                && (!self.verb_like(j) || foreign && j == first_end && self.name_ends(j + 1))
                // "جون كندي رفض", "سعيد صيام بمقر": a verb or a noun.
                && !self.common(j)
                && self.word(j).is_none_or(|w| w.clitic > 0 && !w.info.stop)
                && !self.toks[j].norm.starts_with('و')
                && self.hits(j).iter().all(|h| {
                    h.prefix > 0
                        || self.org_of(h).is_none_or(|o| self.lex.orgs[o as usize].cue)
                            // "وزين السعودية": a company and its country;
                            // a district is a family name too ("الزهراني").
                            && !(self.definite(j)
                                && self.place_of(h).is_some_and(|p| {
                                    matches!(
                                        self.lex.places[p as usize].kind,
                                        PlaceType::Country | PlaceType::Capital
                                    )
                                }))
                })
                // After two name words a definite word is a family name only
                // as a nisba ("الشناوي"), not a noun that follows the name
                // ("استقبل … عبد اللطيف وهبي الوفد").
                && (j - k < 2
                    || !self.definite(j)
                    || self.nisba(j)
                    || self.name_ends(j + 1)
                        && self.hits(j).iter().all(|h| self.org_of(h).is_none())
                        // Not a verbal noun ("الاجتماع", "التنظيم").
                        && !["الا", "الت"].iter().any(|p| self.toks[j].norm.starts_with(p)))
            {
                family_def = self.definite(j);
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    pub(crate) fn nisba(&self, k: usize) -> bool {
        let n = self.toks[k].norm;
        n.ends_with('ي') || n.ends_with("يه")
    }

    /// An unlisted word that reads as an imperfect verb ("يقول", "تؤكد").
    fn verb_like(&self, k: usize) -> bool {
        let n = self.toks[k].norm;
        self.given(k).is_none()
            && (n.starts_with('ي') || n.starts_with('ت') || n.starts_with("سي"))
            && n.chars().count() >= 4
    }

    /// A public figure the gazetteer knows at `i`, with at most a one-letter
    /// proclitic ("بلير", "وشيراك"): its end, proclitic letters and id.
    fn known_person(&self, i: usize) -> Option<(usize, u8, u32)> {
        self.hits(i).iter().filter(|h| h.prefix <= 1).find_map(|h| {
            self.named(h).iter().find_map(|n| match n {
                Named::Person(id) => Some((h.end, h.prefix, *id)),
                _ => None,
            })
        })
    }

    /// PERSON at `i`: honorifics and a name, or a public figure the
    /// gazetteer knows, whichever is longer.
    pub(crate) fn person_at(&self, i: usize) -> Option<Phrase> {
        let read = self.person_read_at(i).and_then(|p| self.before_blessing(p));
        let Some((end, clitic, id)) = self.known_person(i) else {
            return read;
        };
        match read {
            Some(p) if p.end > end => Some(p),
            Some(p) if p.end == end => Some(p.known(id)),
            _ => Some(Phrase::person(i, end, clitic, Vec::new()).known(id)),
        }
    }

    /// A PERSON read up to a blessing ("أنس رضي الله عنه") ends before
    /// it; one that starts there is none.
    pub(crate) fn before_blessing(&self, mut p: Phrase) -> Option<Phrase> {
        if p.kind == EntityKind::Person
            && let Some(k) = (p.start..p.end).find(|&k| self.blessing(k))
        {
            p.end = k;
        }
        (p.end > p.start).then_some(p)
    }

    /// Whether the formula of a blessing starts at `k` ("أنس رضي الله
    /// عنه"): "رضي" there is its verb, not a given name.
    fn blessing(&self, k: usize) -> bool {
        let norm = |k: usize| self.toks.get(k).map_or("", |t| t.norm);
        matches!(norm(k), "رضي" | "رضى")
            && norm(k + 1) == "الله"
            && matches!(norm(k + 2), "عنه" | "عنها" | "عنهما" | "عنهم")
    }

    /// The honorific of several words at `k` ("آية الله العظمى"), the
    /// longest listed, one token a word. Its first word may carry و or ف
    /// when it starts the mention (`first`).
    pub(crate) fn honorific_phrase(&self, k: usize, first: bool) -> Option<&[CompactString]> {
        if !self
            .toks
            .get(k)
            .is_some_and(|t| t.phrase_head && t.is_word())
            || !first && !self.joins(k)
        {
            return None;
        }
        let head = self.toks[k].norm;
        let bare = head
            .strip_prefix(super::lexicon::CONJ)
            .filter(|_| first)
            .unwrap_or(head);
        self.lex.honorific_phrases.iter().find_map(|p| {
            let fits = (head == p[0] || bare == p[0])
                && p[1..]
                    .iter()
                    .enumerate()
                    .all(|(j, w)| self.joins(k + 1 + j) && self.toks[k + 1 + j].norm == w);
            fits.then_some(p.as_slice())
        })
    }

    /// PERSON at `i` read by the rules: honorifics and a name.
    fn person_read_at(&self, i: usize) -> Option<Phrase> {
        let mut honorifics = Vec::new();
        // Whether a form of address that is no common noun came.
        let mut addressed = false;
        let mut k = i;
        loop {
            if let Some(phrase) = self.honorific_phrase(k, k == i) {
                // As listed: a proclitic on the first word is no part of it.
                honorifics.push(CompactString::from(phrase.join(" ")));
                addressed = true;
                k += phrase.len();
                continue;
            }
            let Some(r) = self
                .word(k)
                .filter(|r| r.info.honorific && (k == i || self.joins(k)))
            else {
                break;
            };
            if r.clitic > 1 || r.clitic == 1 && r.prep.is_some() && !r.def && k == i {
                break;
            }
            honorifics.push(CompactString::from(self.toks[k].norm));
            addressed |= !r.info.honorific_noun;
            k += 1;
        }
        let strong = addressed;
        if !honorifics.is_empty() && !self.joins(k) {
            return None;
        }
        // A proclitic on the first name word ("ومحمد", "للسيد").
        let (start, clitic) = if honorifics.is_empty() {
            let h = self.hits(i).iter().find(|h| {
                h.prefix == 1
                    && (self.toks[i].norm.starts_with('و') || self.toks[i].norm.starts_with('ل'))
                    && self
                        .named(h)
                        .iter()
                        .any(|n| matches!(n, Named::Given { common: false, .. }))
            });
            match h {
                // Not a word that a proclitic and a name only seem to
                // make ("وجود" is no "و" + "جود").
                Some(h) if self.given(i).is_none() && self.abd(i).is_none() && !self.common(i) => {
                    let foreign = self
                        .named(h)
                        .iter()
                        .any(|n| matches!(n, Named::Given { foreign: true, .. }));
                    let end = self.name_tail(i, h.end, foreign);
                    return (end > h.end).then(|| Phrase::person(i, end, h.prefix, honorifics));
                }
                _ => (i, 0),
            }
        } else {
            (k, 0)
        };
        let read = self.name_at(start, strong);
        // A public figure the gazetteer knows after the honorifics ("السيد
        // عبد اللطيف وهبي"): its match hides the hits inside it.
        if strong
            && let Some((end, 0, id)) = self.known_person(start)
            && read.is_none_or(|r| r <= end)
        {
            return Some(Phrase::person(start, end, clitic, honorifics).known(id));
        }
        Some(Phrase::person(start, read?, clitic, honorifics))
    }

    /// A name right after a title, a comma allowed between: a given name,
    /// even one that is also a common word, starts it.
    ///
    /// `foreign` when the title ends in a nationality ("رئيس الوزراء
    /// البريطاني"): then an unlisted name is read too ("توني بلير").
    pub(crate) fn person_after_title(&self, i: usize, foreign: bool) -> Option<Phrase> {
        let k = if self.punct(i, ",") || self.punct(i, "،") {
            i + 1
        } else {
            i
        };
        if !self.toks.get(k).is_some_and(|t| t.is_word() && !t.newline)
            || self.word(k).is_some()
            || self.stop(k)
        {
            return None;
        }
        // A listed first name, or an unlisted one (foreign names: "وزير
        // الدفاع دونالد رامسفيلد") that is no noun with the article.
        let listed = self.given(k).is_some() || self.abd(k).is_some();
        if !listed
            && (k > i
                || !foreign
                || self.definite(k)
                || self.verb_like(k)
                || self.common(k)
                || self.letters(k) < 3
                || self.clitic_start(k))
        {
            return None;
        }
        let end = self.name_at(k, true)?;
        (end > k + 1 || !listed && self.name_ends(end))
            .then(|| Phrase::person(k, end, 0, Vec::new()))
    }

    /// A name after what a person is ("اللاعب", "للمخرج", "الشاعر") or
    /// after a nationality ("التايلاندي بارادورن سريشابان"), with
    /// adjectives between ("المدافع الإيطالي", "الفنان الراحل").
    ///
    /// After a profession or a foreign nationality an unlisted name is read;
    /// after an Arab nationality alone only a listed given name starts one,
    /// as those adjectives are also family names and qualify every noun.
    pub(crate) fn person_after_cue(&self, i: usize) -> Option<Phrase> {
        // "الشاعر X" names the poet; "شاعر عكاظ" is the poet of something.
        let noun = self
            .word(i)
            .is_some_and(|w| w.info.cue == Some(false) && w.def);
        let mut foreign = match self.nationality(i) {
            Some(f) if !noun => f,
            _ if noun => true,
            _ => return None,
        };
        let mut k = i + 1;
        while k < i + 3 && self.joins(k) {
            if let Some(f) = self.nationality(k) {
                foreign |= f;
            } else if !self
                .word(k)
                .is_some_and(|w| w.info.cue == Some(true) && w.def && w.clitic == 0)
            {
                break;
            }
            k += 1;
        }
        // An organization's or a place's name is no person's ("الجيش
        // الإسرائيلي غزة").
        if !self.joins(k)
            || self.word(k).is_some()
            || self.stop(k)
            || self
                .hits(k)
                .iter()
                .any(|h| h.prefix == 0 && (self.org_of(h).is_some() || self.place_of(h).is_some()))
        {
            return None;
        }
        // A public figure the gazetteer knows: its name and no more
        // ("الحارس الإيطالي بوفون").
        if let Some((end, 0, id)) = self.known_person(k) {
            return Some(Phrase::person(k, end, 0, Vec::new()).known(id));
        }
        let given = self.given(k);
        let listed = given.is_some() || self.abd(k).is_some();
        let norm = self.toks[k].norm;
        // A word with the article is another adjective or a noun ("الشاعر
        // العربي الكبير"), even where it is also a given name.
        if self.definite(k) {
            return None;
        }
        if !listed
            && (!foreign
                || self.common(k)
                || self.letters(k) < 3
                // A second adjective ("الفنانة المصرية"), or a noun with
                // tanwin ("موقفا").
                || self.lex.nationality_base(norm).is_some()
                || norm.ends_with('ا'))
        {
            return None;
        }
        let end = self.name_with(k, true, foreign && !listed || given.is_some_and(|g| g.2))?;
        // An unlisted word that reads as a verb or a preposition and a
        // noun ("يسجل", "بحضور") is a name only with a second name word
        // and a boundary or a noun with the article after it ("بيورن
        // تاليغرين المباراة").
        let odd = !listed && (self.verb_like(k) || self.clitic_start(k));
        // One word after a nationality alone is mostly the sentence going
        // on ("البريطانية حصة", "الإسباني مقابل"); after a profession it
        // is a name where the name may end, unless it reads as another
        // adjective ("لاعب آسيوي").
        let one = noun && self.name_ends(end) && (listed || !self.nisba(k));
        let ok = if odd {
            end > k + 1 && (self.name_ends(end) || self.definite(end))
        } else {
            end > k + 1 || one
        };
        ok.then(|| Phrase::person(k, end, 0, Vec::new()))
    }

    /// A word starting with a letter that is often a proclitic: unlisted
    /// names so written are mostly a preposition and a noun ("بحضور").
    fn clitic_start(&self, k: usize) -> bool {
        self.toks[k]
            .norm
            .chars()
            .next()
            .is_some_and(|c| CLITIC_LETTERS.contains(&c))
    }

    /// Whether a name may end before token `k`: punctuation, the end, a
    /// function word or a listed word (a title, "أن").
    fn name_ends(&self, k: usize) -> bool {
        !self.joins(k) || self.stop(k) || self.word(k).is_some()
    }

    /// A name after a verb of saying: "وقال الظواهري إن", "وأضاف كاكبيرن أن".
    /// Unlisted names are read when the name ends where a clause goes on.
    pub(crate) fn person_after_verb(&self, i: usize) -> Option<Phrase> {
        if !self.word(i).is_some_and(|w| w.info.say) || !self.joins(i + 1) {
            return None;
        }
        let k = i + 1;
        if self.word(k).is_some()
            // An organization's or a place's name, even one that needs
            // context to be read as one, is no person's.
            || self.hits(k).iter().any(|h| {
                h.prefix == 0 && (self.org_of(h).is_some() || self.place_of(h).is_some())
            })
            || self.clitic_start(k)
            || self.stop(k)
            || self.verb_like(k)
            || self.common(k)
            || self.definite(k) && !self.nisba(k)
            || self.letters(k) < 3
        {
            return None;
        }
        let end = self.name_at(k, true)?;
        (end - k <= 3 && self.name_ends(end)).then(|| Phrase::person(k, end, 0, Vec::new()))
    }
}
