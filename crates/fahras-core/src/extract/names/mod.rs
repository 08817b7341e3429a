//! `ORG`, `BRANCH`, `PERSON`, `ROLE` and `LOC` extraction, and the relations
//! that make officials of them.
//!
//! The text is analyzed once with the `search` profile. Gazetteers (places,
//! organizations with their short forms, given names) are matched in one
//! trie over the token ids, a proclitic allowed before a name
//! ([`gazetteer`]); word lists (titles, heads of names, honorifics, units)
//! are looked up with proclitics and the article taken off. Phrase rules
//! ([`rules`]) then read each mention to its boundary and nest what it holds:
//! "أمين فرع اللاذقية للحزب" is a ROLE holding a BRANCH holding a LOC.
//!
//! Relations tie them into officials: `holds_role(PERSON, ROLE)` for a name
//! beside its title (on either side, honorifics between allowed),
//! `role_of(ROLE, ORG|BRANCH)`, `branch_of(BRANCH, ORG)` and
//! `located_in(BRANCH, LOC)`. A branch or a title that names no party
//! ("فرع اللاذقية للحزب", "الأمين العام") belongs to the party named last
//! before it in the article. A family name alone ("وهبي") after the full
//! name is the same PERSON, with the full name as its value.
//!
//! ```
//! use fahras_core::extract::{Document, EntityKind, Extractor, KindSet};
//!
//! let text = "قال الرفيق هيثم إسماعيل أمين فرع اللاذقية لحزب البعث العربي الاشتراكي إن الفرع يعمل.";
//! let x = Extractor::new(KindSet::ALL).extract(&Document::new(text));
//! let official = &x.officials()[0];
//! let name = |id: Option<u32>| id.map(|i| x.entities[i as usize].text(text));
//! assert_eq!(name(official.person), Some("هيثم إسماعيل"));
//! assert_eq!(name(Some(official.role)), Some("أمين فرع اللاذقية لحزب البعث العربي الاشتراكي"));
//! assert_eq!(name(official.branch), Some("فرع اللاذقية لحزب البعث العربي الاشتراكي"));
//! assert_eq!(name(official.org), Some("حزب البعث العربي الاشتراكي"));
//! assert_eq!(name(official.place), Some("اللاذقية"));
//! ```

mod gazetteer;
pub(crate) mod lexicon;
mod rules;
mod view;

use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use super::date::{clitic_len, is_mark};
use super::entity::{
    Attrs, BranchAttrs, Entity, EntityKind, LocAttrs, OrgAttrs, OrgKind, PersonAttrs, PlaceType,
    Relation, RoleAttrs,
};
use super::vocab::Slot;
use crate::span::{ByteSpan, CharSpan};
use crate::text::{Analyzer, Profile, Token};
use lexicon::Lexicon;
use rules::{Info, Phrase};
use view::View;

/// The name extractor: its lexicon, loaded once per process.
#[derive(Debug)]
pub(crate) struct NameExtractor {
    lex: Lexicon,
}

impl NameExtractor {
    /// The word lists, for the merged table of a run ([`super::vocab`]).
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }
}

pub(crate) static NAMES: LazyLock<NameExtractor> = LazyLock::new(|| NameExtractor {
    lex: Lexicon::load(&Analyzer::new(Profile::Search)),
});

/// An entity found here before it joins the document's list, with the
/// phrase tree it came from.
struct Found {
    entity: Entity,
    start: usize,
    end: usize,
    parent: Option<usize>,
    /// Canonical name used by the relations' attributes.
    canonical: CompactString,
    org_kind: Option<OrgKind>,
    generic_role: bool,
    /// The generic noun a title's complement is ("المجلس"), without ال.
    generic_head: Option<CompactString>,
}

impl NameExtractor {
    /// Append the names of `text` (analyzed into `tokens`) to `out` and their
    /// relations (ids relative to `out`'s length on entry) to `relations`.
    pub(crate) fn extract(
        &self,
        text: &str,
        tokens: &[Token],
        slots: &[&Slot],
        dates: &[Entity],
        out: &mut Vec<Entity>,
        relations: &mut Vec<Relation>,
    ) {
        // Dates come in text order: one sweep marks their tokens.
        let mut in_date = vec![false; tokens.len()];
        let mut d = 0;
        for (t, mark) in tokens.iter().zip(&mut in_date) {
            while d < dates.len() && dates[d].bytes.end <= t.bytes.start {
                d += 1;
            }
            *mark = dates[d..]
                .iter()
                .take_while(|x| x.bytes.start < t.bytes.end)
                .any(|x| t.bytes.start < x.bytes.end);
        }
        let view = View::new(text, tokens, slots, in_date, &self.lex);
        let phrases = Self::phrases(&view);
        let mut found: Vec<Found> = Vec::new();
        for p in &phrases {
            self.flatten(text, tokens, p, None, &mut found);
        }
        Self::corefer(&view, text, tokens, &mut found);
        // Text order, as the document's list; sorting moves parents, so
        // they are re-pointed through the permutation.
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&k| {
            let e = &found[k].entity;
            (e.bytes.start, std::cmp::Reverse(e.bytes.end), e.kind)
        });
        let mut new_of = vec![0; found.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of[old] = new;
        }
        let mut slots: Vec<Option<Found>> = found.into_iter().map(Some).collect();
        let mut found: Vec<Found> = order.iter().filter_map(|&k| slots[k].take()).collect();
        for f in &mut found {
            f.parent = f.parent.map(|p| new_of[p]);
        }
        let base = u32::try_from(out.len()).unwrap_or(u32::MAX);
        relate(&view, &mut found, base, relations);
        out.extend(found.into_iter().map(|f| f.entity));
    }

    /// The top-level phrases, left to right, the longest at each token.
    fn phrases(view: &View<'_, '_>) -> Vec<Phrase> {
        let mut out: Vec<Phrase> = Vec::new();
        let mut i = 0;
        while i < view.len() {
            // Every rule starts at a listed word or a gazetteer name.
            if !view.toks[i].is_word()
                || view.dated[i]
                || view.word(i).is_none()
                    && view.hits(i).is_empty()
                    && !view.toks[i].norm.starts_with("عبد")
                    && view.nationality(i).is_none()
                    && view.honorific_phrase(i, true).is_none()
            {
                i += 1;
                continue;
            }
            let cands = [
                view.role_at(i, true),
                view.branch_at(i, true),
                view.org_at(i, true),
                view.loc_at(i, true),
                view.person_at(i),
            ];
            let best = cands
                .into_iter()
                .flatten()
                .fold(None::<Phrase>, |best, p| match best {
                    Some(b) if b.end >= p.end => Some(b),
                    _ => Some(p),
                });
            let best = best
                .or_else(|| view.person_after_verb(i))
                .or_else(|| view.person_after_cue(i))
                .and_then(|p| view.before_blessing(p));
            match best {
                Some(p) => {
                    i = p.end.max(i + 1);
                    // A name right after a title: "مدرب الترجي كريم الورغي".
                    let foreign = p.end > p.start + 1 && view.nisba(p.end - 1);
                    let after = (p.kind == EntityKind::Role)
                        .then(|| {
                            view.royal_name(p.start)
                                .filter(|_| p.end == p.start + 1)
                                .or_else(|| view.person_after_title(i, foreign))
                        })
                        .flatten()
                        .and_then(|q| view.before_blessing(q));
                    out.push(p);
                    if let Some(q) = after {
                        i = q.end;
                        out.push(q);
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    /// Turn a phrase and its nested phrases into entities.
    #[allow(clippy::too_many_lines)] // one arm per kind's attributes
    fn flatten(
        &self,
        text: &str,
        tokens: &[Token],
        p: &Phrase,
        parent: Option<usize>,
        out: &mut Vec<Found>,
    ) {
        if p.end <= p.start || p.end > tokens.len() {
            return;
        }
        let first = &tokens[p.start];
        let last = &tokens[p.end - 1];
        let (cb, cc) = clitic_len(first.text(text), usize::from(p.clitic));
        let bytes = ByteSpan::new(first.bytes.start + cb, last.bytes.end);
        let chars = CharSpan::new(first.chars.start + cc, last.chars.end);
        let surface: String = bytes.slice(text).chars().filter(|c| !is_mark(*c)).collect();
        let mut org_kind = None;
        let mut generic_role = false;
        let mut generic_head = None;
        let (value, attrs, canonical) = match &p.info {
            Info::Loc { place } => {
                let place = place.map(|id| &self.lex.places[id as usize]);
                let canonical =
                    place.map_or_else(|| CompactString::from(&surface), |pl| pl.canonical.clone());
                (
                    canonical.to_string(),
                    Attrs::Loc(LocAttrs {
                        place_type: place.map_or(PlaceType::Unlisted, |pl| pl.kind),
                        country: place.and_then(|pl| pl.country.as_ref().map(ToString::to_string)),
                    }),
                    canonical,
                )
            }
            Info::Org { org, kind } => {
                let org = org.map(|id| &self.lex.orgs[id as usize]);
                org_kind = Some(*kind);
                let canonical =
                    org.map_or_else(|| CompactString::from(&surface), |o| o.canonical.clone());
                (
                    canonical.to_string(),
                    Attrs::Org(OrgAttrs {
                        org_kind: *kind,
                        country: org.and_then(|o| o.country.as_ref().map(ToString::to_string)),
                    }),
                    canonical,
                )
            }
            Info::Branch { plural } => (
                surface.clone(),
                Attrs::Branch(BranchAttrs {
                    plural: *plural,
                    location: None,
                    parent: None,
                }),
                CompactString::from(&surface),
            ),
            Info::Role {
                office,
                plural,
                state,
                generic,
            } => {
                // A party office alone ("الأمين العام") is the article's
                // party's; a state office alone ("الرئيس", "الوزير") is not.
                generic_role = match generic.as_deref() {
                    Some(g) => ["الحزب", "الحركه", "التيار", "الجبهه", "التجمع"].contains(&g),
                    None => !state,
                };
                generic_head = generic
                    .as_deref()
                    .and_then(|g| g.strip_prefix("ال"))
                    .map(CompactString::from);
                (
                    surface.clone(),
                    Attrs::Role(RoleAttrs {
                        office: office.to_string(),
                        plural: *plural,
                        org: None,
                    }),
                    CompactString::from(&surface),
                )
            }
            Info::Person { honorifics, known } => {
                let name = known
                    .and_then(|id| self.lex.persons.get(id as usize))
                    .map_or_else(|| surface.clone(), ToString::to_string);
                (
                    name.clone(),
                    Attrs::Person(PersonAttrs {
                        honorifics: honorifics.iter().map(ToString::to_string).collect(),
                    }),
                    CompactString::from(name),
                )
            }
        };
        let me = out.len();
        out.push(Found {
            entity: Entity {
                kind: p.kind,
                bytes,
                chars,
                value: Some(value),
                attrs,
            },
            start: p.start,
            end: p.end,
            parent,
            canonical,
            org_kind,
            generic_role,
            generic_head,
        });
        for k in &p.kids {
            self.flatten(text, tokens, k, Some(me), out);
        }
    }

    /// A family name alone, or the last words of a name, after or before
    /// the full name in the same article: the same PERSON.
    #[allow(clippy::too_many_lines)] // key building and the scan share their state
    fn corefer(view: &View<'_, '_>, text: &str, tokens: &[Token], found: &mut Vec<Found>) {
        // Keys (a name's norms joined) with the full name and how many
        // tokens the name was written in.
        let mut entries: Vec<(String, String, usize)> = Vec::new();
        for f in found.iter().filter(|f| f.entity.kind == EntityKind::Person) {
            let n = f.end - f.start;
            if n < 2 {
                continue;
            }
            let full = f.entity.value.clone().unwrap_or_default();
            for k in 1..n.min(3) {
                let from = f.end - k;
                // The tail must start at a family name, not inside "عبد X"
                // or "آل X" ("آل الشيخ" is the family; "الشيخ" alone is the
                // honorific every sheikh of the article carries).
                let prev = view.toks[from - 1].norm;
                if ["عبد", "ابو", "بن", "ولد", "ابن", "ايت", "سيدي", "ال"].contains(&prev)
                {
                    continue;
                }
                // Nor inside a compound given name: "الإسلام" of "سيف
                // الإسلام" is no family name.
                if view.given(from - 1).is_some_and(|(end, ..)| end > from) {
                    continue;
                }
                let key: String = (from..f.end).map(|t| view.toks[t].norm).collect();
                // A one-word tail that is a common word ("X نجم") or a
                // divine name ("فتح الله") would tag that word all over the
                // article.
                let one_word_no_name = k == 1
                    && (view
                        .lex
                        .is_common(&key, view.toks[from].last == view::Last::Ha)
                        || view.lex.divine.contains(key.as_str())
                        // Nor a regnal number ("الثاني" of "عبد الله الثاني").
                        || view.lex.ordinals.contains(key.as_str()));
                if key.chars().count() >= 3
                    && !view.lex.stopwords.contains(key.as_str())
                    && !one_word_no_name
                {
                    entries.push((key, full.clone(), k));
                }
            }
            let whole: String = (f.start..f.end).map(|t| view.toks[t].norm).collect();
            entries.push((whole, full, n));
        }
        let mut keys: HashMap<&str, (&str, usize)> = HashMap::default();
        // Every beginning of a key: a token that is none starts no key
        // (most tokens), and says so with one lookup before any key is
        // built. Beginnings, not first tokens, since a name may be split
        // where its key is joined ("بنعبد الله" for "بنعبدالله").
        let mut begins: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut heads = Heads::default();
        for (key, full, n) in &entries {
            keys.entry(key.as_str()).or_insert((full.as_str(), *n));
            begins.extend(key.char_indices().skip(1).map(|(i, _)| &key[..i]));
            begins.insert(key.as_str());
            heads.add(key);
        }
        if keys.is_empty() {
            return;
        }
        // A short mention found by a rule ("وأضاف وهبي") takes the full name too.
        for f in found
            .iter_mut()
            .filter(|f| f.entity.kind == EntityKind::Person)
        {
            let key: String = (f.start..f.end).map(|t| view.toks[t].norm).collect();
            if let Some(&(full, _)) = keys.get(key.as_str())
                && full.chars().count() > f.canonical.chars().count()
            {
                f.entity.value = Some(full.to_owned());
                f.canonical = CompactString::from(full);
            }
        }
        let mut cover = vec![false; view.len()];
        for f in found.iter() {
            cover[f.start..f.end].iter_mut().for_each(|c| *c = true);
        }
        let covered = |i: usize, _: &[Found]| cover[i];
        let mut i = 0;
        while i < view.len() {
            if !view.toks[i].is_word() || covered(i, found) {
                i += 1;
                continue;
            }
            let norm = view.toks[i].norm;
            // A proclitic the token may carry before a name, with a word left.
            let clitic = norm
                .chars()
                .next()
                .filter(|c| matches!(c, 'و' | 'ب' | 'ل' | 'ف') && norm.len() > c.len_utf8());
            let bare = clitic.map(|c| &norm[c.len_utf8()..]);
            let begins = |w: &str| heads.may_begin(w) && begins.contains(w);
            if !begins(norm) && !bare.is_some_and(begins) {
                i += 1;
                continue;
            }
            let mut hit = None;
            for n in (1..=3).rev() {
                if i + n > view.len() || (i + 1..i + n).any(|k| !view.joins(k) || covered(k, found))
                {
                    continue;
                }
                let key: String = (i..i + n).map(|t| view.toks[t].norm).collect();
                let stripped = clitic.and_then(|c| key.strip_prefix(c));
                // Written in other tokens than the name, the words may be
                // function words that join into its key ("لو كان" is not
                // "لوكان", "على أن" not "عليان").
                let resplit = |written: usize| {
                    written != n
                        && (i..i + n).any(|k| view.stop(k) || view.toks[k].norm.chars().count() < 2)
                };
                if let Some(&(full, written)) = keys.get(key.as_str())
                    && !resplit(written)
                {
                    hit = Some((n, 0u8, full));
                    break;
                }
                if let Some(&(full, written)) = stripped.and_then(|s| keys.get(s))
                    && !resplit(written)
                {
                    hit = Some((n, 1, full));
                    break;
                }
            }
            let Some((n, clitic, full)) = hit else {
                i += 1;
                continue;
            };
            // A family name that is a nationality ("التركي", "السعودي") or
            // a feminine nisba after a definite noun is that noun's
            // adjective ("رئيس الوزراء التركي", "المنتخب السعودي"), unless
            // the word says a person follows ("السفير القحطاني") or ends a
            // name itself ("عبد الخالق الحوثي").
            if n == 1 && clitic == 0 && i > 0 && view.definite(i) && view.definite(i - 1) {
                let prev = view.toks[i - 1].norm;
                let names = view.word(i - 1).is_some_and(|w| {
                    w.info.honorific
                        || w.info.cue.is_some()
                        || w.info.title.as_ref().is_some_and(|t| !t.plural)
                }) || view.stop(i - 1)
                    || prev == "الله"
                    || view.lex.divine.contains(prev);
                let adjective = view.toks[i].norm.ends_with("يه") || view.nationality(i).is_some();
                if adjective && !names {
                    i += 1;
                    continue;
                }
            }
            let first = &tokens[i];
            let last = &tokens[i + n - 1];
            let (cb, cc) = clitic_len(first.text(text), usize::from(clitic));
            found.push(Found {
                entity: Entity {
                    kind: EntityKind::Person,
                    bytes: ByteSpan::new(first.bytes.start + cb, last.bytes.end),
                    chars: CharSpan::new(first.chars.start + cc, last.chars.end),
                    value: Some(full.to_owned()),
                    attrs: Attrs::Person(PersonAttrs {
                        honorifics: Vec::new(),
                    }),
                },
                start: i,
                end: i + n,
                parent: None,
                canonical: CompactString::from(full),
                org_kind: None,
                generic_role: false,
                generic_head: None,
            });
            i += n;
        }
    }
}

/// The first letter and the first two letters of every coreference key, as
/// bits of a small table: a token that begins a key has one of them, and
/// most tokens are ruled out by a bit test before any hashing (the set of
/// beginnings cost a tenth of name extraction when every word asked it).
#[derive(Default)]
struct Heads([u64; 16]);

impl Heads {
    /// The bit of a word's first letter, or first two when it has two.
    fn bit(first: char, second: Option<char>) -> usize {
        let h = (u32::from(first).wrapping_mul(0x9e37_79b9)
            ^ second.map_or(0, |c| u32::from(c).wrapping_mul(0x85eb_ca6b)))
        .rotate_left(5);
        (h & 1023) as usize
    }

    fn set(&mut self, bit: usize) {
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn add(&mut self, key: &str) {
        let mut cs = key.chars();
        if let Some(a) = cs.next() {
            self.set(Self::bit(a, None));
            if let Some(b) = cs.next() {
                self.set(Self::bit(a, Some(b)));
            }
        }
    }

    /// Whether `word` can begin a key: `false` is certain.
    fn may_begin(&self, word: &str) -> bool {
        let mut cs = word.chars();
        let Some(a) = cs.next() else {
            return false;
        };
        let bit = Self::bit(a, cs.next());
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Relations between `found` (sorted; ids offset by `base`), and the
/// attributes that name what a branch or a role belongs to.
// One pass per relation kind reads best kept together.
#[allow(clippy::too_many_lines)]
fn relate(view: &View<'_, '_>, found: &mut [Found], base: u32, relations: &mut Vec<Relation>) {
    let id = |k: usize| base + u32::try_from(k).unwrap_or(u32::MAX);
    let mut link = |kind: &str, from: usize, to: usize| {
        relations.push(Relation {
            kind: kind.to_owned(),
            from: id(from),
            to: id(to),
        });
    };
    // Descendants of `k` of a kind, nearest first (children come right after
    // their parent in text order, so a forward scan over the span suffices).
    let below = |found: &[Found], k: usize, kind: EntityKind, party: bool| -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (j, f) in found.iter().enumerate().skip(k + 1) {
            if f.entity.bytes.start >= found[k].entity.bytes.end {
                break;
            }
            let mut depth = 0;
            let mut p = f.parent;
            while let Some(q) = p {
                depth += 1;
                if q == k {
                    break;
                }
                p = found[q].parent;
            }
            if p != Some(k) || f.entity.kind != kind {
                continue;
            }
            if party && !matches!(f.org_kind, Some(OrgKind::Party)) {
                continue;
            }
            if best.is_none_or(|(d, _)| depth < d) {
                best = Some((depth, j));
            }
        }
        best.map(|(_, j)| j)
    };
    // The party an article speaks of at `k`: the last one named before it,
    // else the first one named at all.
    let is_party =
        |f: &Found| f.entity.kind == EntityKind::Org && f.org_kind == Some(OrgKind::Party);
    let first_party = found.iter().position(is_party);
    let mut last_party = Vec::with_capacity(found.len());
    let mut last = None;
    for f in found.iter() {
        last_party.push(last);
        if is_party(f) {
            last = Some(last_party.len() - 1);
        }
    }
    let party_at = |_: &[Found], k: usize| -> Option<usize> { last_party[k].or(first_party) };
    for k in 0..found.len() {
        match found[k].entity.kind {
            EntityKind::Branch => {
                let loc = below(found, k, EntityKind::Loc, false);
                let org = below(found, k, EntityKind::Org, true)
                    .or_else(|| below(found, k, EntityKind::Org, false))
                    .or_else(|| party_at(found, k));
                if let Some(l) = loc {
                    link("located_in", k, l);
                }
                if let Some(o) = org {
                    link("branch_of", k, o);
                }
                let location = loc.map(|l| found[l].canonical.to_string());
                let parent = org.map(|o| found[o].canonical.to_string());
                if let Attrs::Branch(a) = &mut found[k].entity.attrs {
                    a.location = location;
                    a.parent = parent;
                }
            }
            EntityKind::Role => {
                let target = below(found, k, EntityKind::Branch, false)
                    .or_else(|| below(found, k, EntityKind::Org, false))
                    .or_else(|| found[k].generic_role.then(|| party_at(found, k)).flatten())
                    .or_else(|| {
                        // "ناطقة المجلس": the council named last before.
                        let head = found[k].generic_head.as_deref()?;
                        (k.saturating_sub(200)..k).rev().find(|&j| {
                            found[j].entity.kind == EntityKind::Org
                                && view.toks[found[j].start].norm.ends_with(head)
                        })
                    });
                if let Some(t) = target {
                    link("role_of", k, t);
                    let name = found[t].canonical.to_string();
                    if let Attrs::Role(a) = &mut found[k].entity.attrs {
                        a.org = Some(name);
                    }
                }
            }
            _ => {}
        }
    }
    // A name beside its title: "هيثم إسماعيل أمين فرع اللاذقية", "الأمين
    // العام الأستاذ عبد اللطيف وهبي", a comma or honorifics between.
    let between_ok = |from: usize, to: usize| {
        (from..to).all(|t| view.punct(t, ",") || view.word(t).is_some_and(|w| w.info.honorific))
            && to - from <= 3
    };
    // Top-level persons and titles by their first and last token.
    let mut person_by_start: HashMap<usize, usize> = HashMap::default();
    let mut person_by_end: HashMap<usize, usize> = HashMap::default();
    let mut role_by_start: HashMap<usize, usize> = HashMap::default();
    for (k, f) in found.iter().enumerate() {
        match f.entity.kind {
            EntityKind::Person => {
                person_by_start.entry(f.start).or_insert(k);
                person_by_end.entry(f.end).or_insert(k);
            }
            EntityKind::Role if f.parent.is_none() => {
                role_by_start.entry(f.start).or_insert(k);
            }
            _ => {}
        }
    }
    let mut holder: Vec<Option<usize>> = vec![None; found.len()];
    for k in 0..found.len() {
        let f = &found[k];
        if f.entity.kind != EntityKind::Role || f.parent.is_some() {
            continue;
        }
        if matches!(&f.entity.attrs, Attrs::Role(a) if a.plural) {
            continue;
        }
        let before = (f.start.saturating_sub(3)..=f.start)
            .find_map(|e| person_by_end.get(&e).filter(|_| between_ok(e, f.start)))
            .copied();
        // Titles stacked before one name ("الأمين العام للحزب السيد الرئيس
        // بشار الأسد") are all held by it.
        let mut pos = f.end;
        let mut after = None;
        for _ in 0..4 {
            if let Some(p) =
                (pos..=pos + 3).find_map(|s| person_by_start.get(&s).filter(|_| between_ok(pos, s)))
            {
                after = Some(*p);
                break;
            }
            match (pos..=pos + 3).find_map(|s| role_by_start.get(&s).filter(|_| between_ok(pos, s)))
            {
                Some(&r) => pos = found[r].end,
                None => break,
            }
        }
        holder[k] = before.or(after);
    }
    // A title named again later ("الأمين العام") is held by the same person.
    let mut by_title: HashMap<CompactString, usize> = HashMap::default();
    for k in 0..found.len() {
        if found[k].entity.kind != EntityKind::Role {
            continue;
        }
        let key = found[k].canonical.clone();
        match holder[k] {
            Some(p) => {
                by_title.entry(key).or_insert(p);
            }
            None if found[k].parent.is_none() => holder[k] = by_title.get(&key).copied(),
            None => {}
        }
    }
    for (k, h) in holder.iter().enumerate() {
        if let Some(p) = h {
            link("holds_role", *p, k);
        }
    }
}

#[cfg(test)]
mod tests;
