//! `DIRECTIVE` and `MEETING` extraction: who decided or asked what, at
//! which meeting, by when.
//!
//! Both start at a trigger word of `data/events/words.tsv` and run to the
//! next trigger in their sentence or to the sentence's end; the Arabic comma
//! never ends them by itself. Triggers are:
//!
//! - a finite reporting verb (قرر، دعا، طالب، شدد، وجه، كلف، أوصى …) in
//!   any person, where a clause may start: at the start of a sentence, after
//!   punctuation or a particle, with a proclitic و, or right after its
//!   subject. This keeps verbal nouns in genitive chains ("تواريخ عقد")
//!   out. أكد counts before ضرورة or أهمية only; أعلن not before أن;
//! - a circumstantial participle after a comma (داعياً، مطالباً، مشدداً);
//! - a verbal noun after a light verb (جدد تأكيده، تم الاتفاق) or after
//!   ختم … ب (ختم بيانه بالدعوة إلى …);
//! - a verb that holds a meeting (عقد، ترأس) with a meeting noun after it,
//!   a meeting verb by itself (انعقد، اجتمع، التقى), or a meeting noun
//!   with المنعقد after it.
//!
//! A sentence that ends in a colon and announces decisions (القرارات،
//! التوصيات، ما يلي، أبرزها) opens a list: every following list item
//! (bullets, numbers, أولاً), or every following line when the first has
//! no marker, is a DIRECTIVE of the announcing actor.
//!
//! The actor is the subject beside the verb (a title resolves to the person
//! holding it), the speaker for "we" (قرّرنا), the meeting's body for
//! "they" (دعوا، المجتمعون), the sentence's subject for a participle, and
//! otherwise the actor the article spoke of last.

pub(crate) mod lexicon;
mod view;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use super::date::clitic_len;
use super::entity::{
    Attrs, DirectiveAttrs, DirectiveKind, Entity, EntityKind, MeetingAttrs, MeetingKind, Relation,
};
use super::vocab::Slot;
use crate::span::{ByteSpan, CharSpan};
use crate::text::{Analyzer, Profile, Token};
use lexicon::{Lexicon, MeetVerb, Person, Verb};
use view::{Sent, View};

/// The event extractor: its word list, loaded once per process.
#[derive(Debug)]
pub(crate) struct EventExtractor {
    lex: Lexicon,
}

impl EventExtractor {
    /// The word list, for the merged table of a run ([`super::vocab`]).
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lex
    }
}

pub(crate) static EVENTS: LazyLock<EventExtractor> = LazyLock::new(|| EventExtractor {
    lex: Lexicon::load(&Analyzer::new(Profile::Search)),
});

/// How a directive's trigger reads.
#[derive(Clone, Copy, Debug)]
enum How {
    Verb(Verb),
    Part,
    /// A verbal noun after a light or closing verb at `verb`.
    Noun {
        verb: usize,
    },
}

/// What a trigger starts.
#[derive(Clone, Copy, Debug)]
enum What {
    Directive { kind: DirectiveKind, how: How },
    Meeting { chairs: bool },
}

/// A trigger word.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    tok: usize,
    /// Letters of proclitics before the trigger in its token, left out of the span.
    skip: u8,
    what: What,
}

/// A list of directives announced by a sentence ending in a colon.
#[derive(Clone, Copy, Debug)]
struct List {
    actor: Option<u32>,
    kind: DirectiveKind,
    /// Items are lines without markers.
    unmarked: bool,
}

/// A DIRECTIVE or MEETING found, before it joins the document's list.
struct Found {
    entity: Entity,
    /// Relations from it: (kind, target id in the document's list).
    links: Vec<(&'static str, u32)>,
}

impl EventExtractor {
    /// Append the directives and meetings of `text` (analyzed into `tokens`,
    /// with its dates and names in `entities` and their `relations`).
    pub(crate) fn extract(
        &self,
        text: &str,
        tokens: &[Token],
        slots: &[&Slot],
        entities: &mut Vec<Entity>,
        relations: &mut Vec<Relation>,
    ) {
        let found = {
            let view = View::new(text, tokens, slots, entities, relations, &self.lex);
            let base = u32::try_from(entities.len()).unwrap_or(u32::MAX);
            Reader {
                v: &view,
                base,
                running: None,
                meeting: None,
                meetings: Vec::new(),
                found: Vec::new(),
            }
            .run()
        };
        let base = u32::try_from(entities.len()).unwrap_or(u32::MAX);
        for (k, f) in found.into_iter().enumerate() {
            let id = base + u32::try_from(k).unwrap_or(u32::MAX);
            for (kind, to) in f.links {
                relations.push(Relation {
                    kind: kind.to_owned(),
                    from: id,
                    to,
                });
            }
            entities.push(f.entity);
        }
    }
}

/// One pass over a document.
struct Reader<'v, 'a, 'l> {
    v: &'v View<'a, 'l>,
    /// Id the next found entity will have.
    base: u32,
    /// The actor the article spoke of last.
    running: Option<u32>,
    /// The last meeting: its id and body.
    meeting: Option<(u32, Option<u32>)>,
    /// Every meeting so far: its id, its body's name, and whether the
    /// clause names that body (not one carried over from before).
    meetings: Vec<(u32, Option<String>, bool)>,
    found: Vec<Found>,
}

const STATEMENT: [&str; 5] = ["ان", "انه", "انها", "عن", "بان"];

impl Reader<'_, '_, '_> {
    fn run(mut self) -> Vec<Found> {
        let v = self.v;
        let mut list: Option<List> = None;
        for si in 0..v.sents.len() {
            let s = v.sents[si];
            if let Some(l) = list {
                let item = if l.unmarked {
                    s.line_start && !s.marker && !self.conjunct(s)
                } else {
                    s.marker
                };
                if item {
                    self.item(s, l);
                    continue;
                }
                list = None;
            }
            // The subject a sentence opens with is what the article speaks of.
            if let Some(a) = self.subject_of(s, (s.first + 4).min(s.end)) {
                self.running = Some(a);
            }
            let triggers = self.triggers(s);
            let next = v.sents.get(si + 1).copied();
            let intro = next
                .filter(|n| n.marker || n.line_start)
                .and_then(|n| self.intro(s, &triggers).map(|l| (n, l)));
            let emit = match intro {
                Some(_) => triggers.len().saturating_sub(1),
                None => triggers.len(),
            };
            let mut sentence_actor = None;
            for (k, t) in triggers.iter().enumerate() {
                let end = triggers.get(k + 1).map_or(s.end, |n| n.tok);
                let actor = self.emit(s, *t, end, k < emit, &mut sentence_actor);
                if k + 1 == triggers.len() {
                    if let Some((n, mut l)) = intro {
                        l.actor = actor.or(l.actor);
                        l.unmarked = !n.marker;
                        list = Some(l);
                    }
                }
            }
            if let (Some((n, l)), true) = (intro, triggers.is_empty()) {
                list = Some(List {
                    unmarked: !n.marker,
                    ..l
                });
            }
        }
        self.found
    }

    /// The meeting a directive of `actor` was decided at: the last one its
    /// actor held, or else the last one reported.
    fn decided_at(&self, actor: Option<u32>) -> Option<u32> {
        let name = actor.map(|a| self.v.actor_name(a));
        let same = |m: &&(u32, Option<String>, bool)| name.is_some() && m.1 == name;
        let mut rev = self.meetings.iter().rev();
        rev.clone()
            .find(|m| m.2 && same(m))
            .or_else(|| rev.find(same))
            .or(self.meetings.last())
            .map(|m| m.0)
    }

    /// Whether a sentence opens with a conjunction: a new paragraph of the
    /// article, not one more line of a list.
    fn conjunct(&self, s: Sent) -> bool {
        let v = self.v;
        s.first < s.end && {
            let norm = v.norm(s.first);
            (norm.starts_with('و') || norm.starts_with('ف'))
                && (norm.chars().count() > 3
                    || matches!(
                        norm,
                        "وفي" | "وقد" | "فقد" | "ومن" | "وعن" | "ولا" | "وما" | "وان"
                    ))
        }
    }

    /// The list a sentence announces, if it ends in a colon and speaks of
    /// decisions, recommendations or what follows.
    fn intro(&self, s: Sent, triggers: &[Trigger]) -> Option<List> {
        let v = self.v;
        let last = (s.first..s.end)
            .rev()
            .find(|&i| !v.tokens[i].norm.is_empty())?;
        if v.norm(last) != ":" {
            return None;
        }
        let mut kind = None;
        let mut cue = false;
        for i in s.first..s.end {
            if let Some((w, _)) = v.toks[i].nominal {
                kind = kind.or(w.list_noun);
                cue |= w.list_cue;
            }
        }
        let trigger_kind = triggers.last().and_then(|t| match t.what {
            What::Directive { kind, .. } => Some(kind),
            What::Meeting { .. } => None,
        });
        if kind.is_none() && !cue && trigger_kind.is_none() {
            return None;
        }
        Some(List {
            actor: self
                .subject_of(s, s.end)
                .or(self.meeting.and_then(|(_, body)| body))
                .or(self.running),
            kind: kind.or(trigger_kind).unwrap_or(DirectiveKind::Decision),
            unmarked: false,
        })
    }

    /// The triggers of a sentence, in order.
    fn triggers(&self, s: Sent) -> Vec<Trigger> {
        let v = self.v;
        let mut out = Vec::new();
        let mut i = s.first;
        while i < s.end {
            if v.in_name[i] {
                i += 1;
                continue;
            }
            if let Some(t) = self.trigger_at(s, i) {
                out.push(t);
                i = t.tok.max(i) + 1;
                continue;
            }
            i += 1;
        }
        out
    }

    fn trigger_at(&self, s: Sent, i: usize) -> Option<Trigger> {
        let v = self.v;
        let directive = |tok, skip, kind, how| Trigger {
            tok,
            skip,
            what: What::Directive { kind, how },
        };
        if let Some((w, c)) = v.toks[i].verbal {
            if let Some(verb) = w.verb {
                if v.clause_start(i) && !self.passive(i, c) && self.verb_holds(s, i, verb) {
                    return Some(directive(i, c, verb.kind, How::Verb(verb)));
                }
            }
            if let Some(kind) = w.part {
                let after_break = i == s.first
                    || c > 0
                    || v.punct(i - 1)
                    || v.toks[i - 1].verbal.is_some_and(|(w, _)| w.link);
                if after_break && (!w.part_weak || self.needs_met(s, i)) {
                    return Some(directive(i, c, kind, How::Part));
                }
            }
            if w.light && v.clause_start(i) {
                for j in i + 1..(i + 4).min(s.end) {
                    if let Some((n, _)) = v.toks[j].nominal {
                        if let Some(kind) = n.noun {
                            return Some(directive(i, c, kind, How::Noun { verb: i }));
                        }
                    }
                    if v.toks[j]
                        .verbal
                        .is_some_and(|(m, _)| m.meet == Some(MeetVerb::NeedsNoun))
                        && self.meeting_noun(s, j).is_some()
                    {
                        return Some(Trigger {
                            tok: i,
                            skip: c,
                            what: What::Meeting { chairs: false },
                        });
                    }
                }
            }
            if w.closing && v.clause_start(i) {
                for j in i + 1..(i + 6).min(s.end) {
                    if let Some((n, c)) = v.toks[j].nominal {
                        if let (Some(kind), true) = (n.noun, v.norm(j).starts_with('ب')) {
                            return Some(directive(j, 1.min(c), kind, How::Noun { verb: i }));
                        }
                    }
                }
            }
            if let Some(m) = w.meet {
                let ok = match m {
                    MeetVerb::NeedsNoun => self.meeting_noun(s, i).is_some(),
                    MeetVerb::Itself => true,
                    // التقى needs a subject: sport and travel meet too.
                    MeetVerb::Intransitive => {
                        v.actor_after(i).is_some()
                            || v.actor_before(i).is_some()
                            || self.meeting_noun(s, i).is_some()
                    }
                };
                // "اجتماع عقده …": the meeting noun before the verb.
                let after_noun = m == MeetVerb::Itself
                    && i > s.first
                    && (v.toks[i - 1]
                        .nominal
                        .is_some_and(|(w, _)| w.meet_noun.is_some())
                        || v.toks[i - 1].verbal.is_some_and(|(w, _)| w.rel));
                // "على أن يعقد …" plans a meeting, it does not report one.
                let imperfect = v.norm(i).starts_with(['ي', 'ت', 'ن']);
                let planned = imperfect && i > s.first && v.norm(i - 1) == "ان";
                if ok && !planned && (after_noun || v.clause_start(i)) {
                    return Some(Trigger {
                        tok: i,
                        skip: c,
                        what: What::Meeting { chairs: w.chairs },
                    });
                }
            }
        }
        // "اجتماع الأمانة الوطنية المنعقد …": a meeting named by its noun.
        if let Some((w, c)) = v.toks[i].nominal {
            if w.meet_noun.is_some()
                && i + 1 < s.end
                && v.actor_at[i + 1].is_some()
                && (i + 2..(i + 10).min(s.end))
                    .any(|j| v.toks[j].nominal.is_some_and(|(h, _)| h.held))
            {
                return Some(Trigger {
                    tok: i,
                    skip: proclitic_letters(v.norm(i), c),
                    what: What::Meeting { chairs: false },
                });
            }
        }
        None
    }

    /// Whether a need word (ضرورة) follows within the clause.
    fn needs_met(&self, s: Sent, i: usize) -> bool {
        let v = self.v;
        (i + 1..(i + 10).min(s.end)).any(|j| v.toks[j].nominal.is_some_and(|(w, _)| w.need))
    }

    /// Whether a reporting verb's conditions hold at `i`.
    fn verb_holds(&self, s: Sent, i: usize, verb: Verb) -> bool {
        let v = self.v;
        if verb.weak && !self.needs_met(s, i) {
            return false;
        }
        if verb.obj
            && !(i + 1..(i + 8).min(s.end)).any(|j| {
                v.toks[j]
                    .nominal
                    .is_some_and(|(w, _)| w.noun.is_some() || w.list_noun.is_some())
            })
        {
            return false;
        }
        if verb.stmt && (i + 1..(i + 16).min(s.end)).any(|j| STATEMENT.contains(&v.norm(j))) {
            return false;
        }
        true
    }

    /// Whether a perfect verb at `i` is written passive, a damma on its
    /// first letter ("وُجّهت"، "أُعلنت"): it reports, it does not decide.
    /// Imperfect forms carry that damma in the active too ("تُمهل").
    fn passive(&self, i: usize, clitic: u8) -> bool {
        let v = self.v;
        let norm = v.norm(i);
        let stem = norm.chars().nth(usize::from(clitic));
        if stem.is_some_and(|c| matches!(c, 'ي' | 'ت' | 'ن')) {
            return false;
        }
        let surface = v.tokens[i].text(v.text);
        let mut letters = 0;
        for c in surface.chars() {
            if c == '\u{64f}' {
                return letters == usize::from(clitic) + 1;
            }
            if !super::date::is_mark(c) {
                letters += 1;
                if letters > usize::from(clitic) + 1 {
                    return false;
                }
            }
        }
        false
    }

    /// The meeting noun a meeting verb at `i` holds, and its kind. Right
    /// after the verb the noun must be its object ("عقد اجتماعاً",
    /// "اجتماعه"), not the genitive of a verbal noun ("عقد اجتماع").
    fn meeting_noun(&self, s: Sent, i: usize) -> Option<(usize, MeetingKind)> {
        let v = self.v;
        let mut j = i + 1;
        let mut words = 0;
        // The subject and dates do not count against the distance.
        while j < s.end && words < 8 {
            if let Some(e) = v.actor_at[j].or(v.date_at[j]) {
                j = v.tok_range(&v.ents[e as usize]).1 + 1;
                continue;
            }
            if !v.in_name[j] {
                if let Some((w, c)) = v.toks[j].nominal {
                    if let Some(kind) = w.meet_noun {
                        let norm = v.norm(j);
                        let surface = v.tokens[j].text(v.text);
                        let object = norm.ends_with('ا')
                            || norm.ends_with('ه')
                            || norm.ends_with("هم")
                            || surface.contains(['\u{64b}', '\u{64c}', '\u{64d}']);
                        let definite = (c == 0 || c == 2) && norm.starts_with("ال");
                        if j > i + 1 || (c == 0 && object) || definite {
                            return Some((j, kind));
                        }
                    }
                }
            }
            if !v.punct(j) {
                words += 1;
            }
            j += 1;
        }
        None
    }

    /// Emit the entity a trigger starts, ending before token `end`; returns
    /// its actor or body. `keep` is false for a list's announcement, whose
    /// actor still counts.
    fn emit(
        &mut self,
        s: Sent,
        t: Trigger,
        end: usize,
        keep: bool,
        sentence_actor: &mut Option<u32>,
    ) -> Option<u32> {
        match t.what {
            What::Directive { kind, how } => {
                let actor = self.actor(s, t.tok, how, *sentence_actor);
                *sentence_actor = sentence_actor.or(actor);
                if keep {
                    self.directive(t, end, kind, how, actor);
                }
                self.running = actor.or(self.running);
                actor
            }
            What::Meeting { chairs } => {
                let named =
                    self.v.actor_after(t.tok).is_some() || self.v.actor_before(t.tok).is_some();
                let body = self
                    .after(t.tok)
                    .or_else(|| self.before(t.tok))
                    .or(self.running);
                *sentence_actor = sentence_actor.or(body);
                if keep {
                    self.meeting(t, end, body, chairs, named);
                }
                self.running = body.or(self.running);
                body
            }
        }
    }

    /// The actor of a directive's trigger at `i`.
    fn actor(&self, s: Sent, i: usize, how: How, sentence_actor: Option<u32>) -> Option<u32> {
        let v = self.v;
        let body = self.meeting.and_then(|(_, b)| b);
        match how {
            How::Verb(verb) => match verb.person {
                Person::We => self.speaker(i),
                Person::They => self.before(i).or(body).or(self.running),
                Person::Third => {
                    let after = self
                        .after(i)
                        .filter(|&a| !(verb.kind == DirectiveKind::Call && v.addressed_body(a)));
                    after.or_else(|| self.before(i)).or(self.running)
                }
            },
            How::Part => sentence_actor
                .or_else(|| self.subject_of(s, i))
                .or(self.running),
            How::Noun { verb } => self
                .after(verb)
                .or_else(|| self.before(verb))
                .or(self.running),
        }
    }

    /// The subject after a verb at `i`: a named actor, or a word that stands
    /// for one (الاجتماع، الحزب).
    fn after(&self, i: usize) -> Option<u32> {
        let v = self.v;
        if let Some((a, _)) = v.actor_after(i) {
            return Some(a);
        }
        let s = v.sent_of(i);
        let j = (i + 1..(i + 3).min(s.end))
            .find(|&j| !v.toks[j].verbal.is_some_and(|(w, _)| w.pron))?;
        self.stand_in(j)
    }

    /// The subject before a verb at `i`, named or stood in for.
    fn before(&self, i: usize) -> Option<u32> {
        let v = self.v;
        if let Some(a) = v.actor_before(i) {
            return Some(a);
        }
        let s = v.sent_of(i);
        let j = (s.first..i)
            .rev()
            .take(3)
            .find(|&j| !v.toks[j].verbal.is_some_and(|(w, _)| w.link))?;
        self.stand_in(j)
    }

    /// The actor a word stands for: the meeting's body for الاجتماع or
    /// المجتمعون, the organization named last for الحزب.
    fn stand_in(&self, j: usize) -> Option<u32> {
        let v = self.v;
        let (w, c) = v.toks[j].nominal?;
        if c > 0 {
            return None;
        }
        if w.assembly {
            return self.meeting.and_then(|(_, b)| b).or(self.running);
        }
        if w.generic {
            let at = v.tokens[j].bytes.start;
            let org = |party: bool| {
                v.ents
                    .iter()
                    .zip(0u32..)
                    .filter(|(e, _)| e.bytes.end <= at)
                    .filter(|(e, _)| match &e.attrs {
                        Attrs::Org(o) => !party || o.org_kind == super::entity::OrgKind::Party,
                        _ => false,
                    })
                    .max_by_key(|(e, _)| e.bytes.start)
                    .map(|(_, id)| id)
            };
            return org(true).or_else(|| org(false));
        }
        None
    }

    /// The person speaking: the actor spoken of last when a person, or the
    /// last PERSON named before token `i`.
    fn speaker(&self, i: usize) -> Option<u32> {
        let v = self.v;
        let person = |a: u32| match v.ents[a as usize].kind {
            EntityKind::Person => true,
            EntityKind::Role => v.holder(a).is_some(),
            _ => false,
        };
        self.running.filter(|&a| person(a)).or_else(|| {
            (0..i).rev().find_map(|j| {
                v.actor_at[j].filter(|&a| v.ents[a as usize].kind == EntityKind::Person)
            })
        })
    }

    /// The subject of the clause a participle at `i` hangs on: the first
    /// actor of its sentence that no preposition governs.
    fn subject_of(&self, s: Sent, i: usize) -> Option<u32> {
        let v = self.v;
        (s.first..i).find_map(|j| {
            let a = v.actor_at[j]?;
            let e = &v.ents[a as usize];
            let bare = e.bytes.start == v.tokens[j].bytes.start;
            let governed = j > s.first
                && matches!(
                    v.norm(j - 1),
                    "في" | "من" | "مع" | "الي" | "علي" | "عن" | "بين"
                );
            (bare && !governed).then_some(a)
        })
    }

    /// Push a DIRECTIVE over tokens `t.tok..end`.
    fn directive(
        &mut self,
        t: Trigger,
        end: usize,
        kind: DirectiveKind,
        how: How,
        actor: Option<u32>,
    ) {
        let v = self.v;
        let Some(last) = self.trim(t.tok, end) else {
            return;
        };
        // Addressee: the words between the verb (and its subject) and إلى
        // or the ب of what is asked.
        let mut from = t.tok + 1;
        if let (How::Verb(_), Some((a, at))) = (how, v.actor_after(t.tok)) {
            if Some(a) == actor && at > t.tok {
                from = v.tok_range(&v.ents[a as usize]).1 + 1;
            }
        }
        let asks = matches!(kind, DirectiveKind::Call | DirectiveKind::Directive);
        let (addressee, content_from) = if matches!(how, How::Noun { .. }) {
            (None, t.tok + 1)
        } else if !asks {
            (None, from)
        } else {
            self.addressee(from, last)
        };
        // What is asked starts after punctuation and إلى or على.
        let mut content_from = content_from.min(last);
        while content_from < last
            && (v.punct(content_from) || matches!(v.norm(content_from), "الي" | "علي"))
        {
            content_from += 1;
        }
        let content = self.slice(content_from, 0, last).to_owned();
        self.push_directive((t.tok, t.skip, last), kind, actor, addressee, content);
    }

    /// Push a DIRECTIVE over tokens `first..=last` (`skip` proclitic letters
    /// of the first left out), with its deadline, relations and attributes.
    fn push_directive(
        &mut self,
        (first, skip, last): (usize, u8, usize),
        kind: DirectiveKind,
        actor: Option<u32>,
        addressee: Option<(String, Option<u32>)>,
        content: String,
    ) {
        let v = self.v;
        let deadline = self.deadline(first, last);
        let mut links = Vec::new();
        if let Some(a) = actor {
            links.push(("issued_by", a));
        }
        if let Some((_, Some(a))) = addressee {
            links.push(("addressed_to", a));
        }
        if let Some(d) = deadline {
            links.push(("deadline", d));
        }
        if let Some(m) = self.decided_at(actor) {
            links.push(("decided_at", m));
        }
        let attrs = DirectiveAttrs {
            directive_kind: kind,
            actor: actor.map(|a| v.actor_name(a)),
            addressee: addressee.map(|(text, _)| text),
            content,
            deadline: deadline.and_then(|d| v.ents[d as usize].value.clone()),
        };
        let entity = self.entity(
            EntityKind::Directive,
            first,
            skip,
            last,
            Attrs::Directive(attrs),
        );
        self.push(entity, links);
    }

    /// A list item: the sentence after its marker.
    fn item(&mut self, s: Sent, l: List) {
        let v = self.v;
        if s.first >= s.end {
            return;
        }
        // "المرحلة الأولى: القاهرة، الجيزة …": a label and its value.
        if (s.first..(s.first + 6).min(s.end)).any(|j| v.norm(j) == ":") {
            return;
        }
        let kind = v.toks[s.first]
            .verbal
            .and_then(|(w, _)| w.verb.map(|x| x.kind).or(w.part))
            .or_else(|| v.toks[s.first].nominal.and_then(|(w, _)| w.noun))
            .unwrap_or(l.kind);
        let Some(last) = self.trim(s.first, s.end) else {
            return;
        };
        let content = self.slice(s.first, 0, last).to_owned();
        self.push_directive((s.first, 0, last), kind, l.actor, None, content);
    }

    /// Push a MEETING over tokens `t.tok..end`.
    fn meeting(&mut self, t: Trigger, end: usize, body: Option<u32>, chairs: bool, named: bool) {
        let v = self.v;
        let Some(last) = self.trim(t.tok, end) else {
            return;
        };
        let mut kind = None;
        let mut adj = None;
        for j in t.tok..=last.min(t.tok + 10) {
            if let Some((w, _)) = v.toks[j].nominal {
                kind = kind.or(w.meet_noun);
                adj = adj.or(w.meet_adj);
            }
        }
        let kind = match (kind, adj) {
            (Some(MeetingKind::Congress), Some(MeetingKind::FoundingCongress)) => {
                MeetingKind::FoundingCongress
            }
            (k, None | Some(MeetingKind::FoundingCongress)) => k.unwrap_or(MeetingKind::Other),
            (_, Some(a)) => a,
        };
        let date = (t.tok..=last).find_map(|j| v.date_at[j]);
        let place = (t.tok..=last).find_map(|j| v.loc_at[j]);
        let chair = if chairs {
            body
        } else {
            (t.tok..last)
                .find(|&j| v.toks[j].nominal.is_some_and(|(w, _)| w.chair))
                .and_then(|j| v.actor_after(j).map(|(a, _)| a))
        };
        let mut links = Vec::new();
        if let Some(b) = body {
            links.push(("held_by", b));
        }
        if let Some(d) = date {
            links.push(("held_on", d));
        }
        if let Some(p) = place {
            links.push(("held_in", p));
        }
        if let Some(c) = chair {
            links.push(("chaired_by", c));
        }
        let body_name = body.map(|b| v.actor_name(b));
        let attrs = MeetingAttrs {
            meeting_kind: kind,
            body: body_name.clone(),
            date: date.and_then(|d| v.ents[d as usize].value.clone()),
            place: place.map(|p| {
                let e = &v.ents[p as usize];
                e.value.clone().unwrap_or_else(|| e.text(v.text).to_owned())
            }),
            chair: chair.map(|c| v.actor_name(c)),
        };
        let id = self.base + u32::try_from(self.found.len()).unwrap_or(u32::MAX);
        let entity = self.entity(
            EntityKind::Meeting,
            t.tok,
            t.skip,
            last,
            Attrs::Meeting(attrs),
        );
        self.push(entity, links);
        self.meeting = Some((id, body));
        self.meetings.push((id, body_name, named));
    }

    /// The addressee between `from` and إلى (or a word with ب) within a few
    /// words, with the entity it starts with; and where the content starts.
    fn addressee(&self, from: usize, last: usize) -> (Option<(String, Option<u32>)>, usize) {
        let v = self.v;
        let mut name_end = 0;
        for j in from..=last.min(from + 8) {
            if let Some(a) = v.actor_at[j] {
                name_end = name_end.max(v.tok_range(&v.ents[a as usize]).1);
            }
            let inside = j <= name_end && v.actor_at[j].is_none() && j > from;
            if v.punct(j) && !matches!(v.norm(j), "\"" | "«" | "“") {
                return (None, from);
            }
            let norm = v.norm(j);
            let stop = norm == "الي" || norm == "علي" || norm == "بان";
            let with_ba = !inside && j > from && norm.starts_with('ب') && norm.chars().count() > 3;
            if stop || with_ba {
                if j == from {
                    return (None, if stop { j + 1 } else { j });
                }
                let text = self.slice(from, 0, j - 1).to_owned();
                let entity = v.actor_at[from];
                return (Some((text, entity)), if stop { j + 1 } else { j });
            }
        }
        (None, from)
    }

    /// The first DATE of `first..=last` that a deadline word precedes
    /// (قبل، في أجل أقصاه، إلى غاية) or follows (كآخر أجل).
    fn deadline(&self, first: usize, last: usize) -> Option<u32> {
        let v = self.v;
        let cue = |j: usize, f: fn(&lexicon::Word) -> bool| {
            v.toks[j].nominal.is_some_and(|(w, _)| f(w))
                || v.toks[j].verbal.is_some_and(|(w, _)| f(w))
        };
        (first..=last).find_map(|j| {
            let d = v.date_at[j]?;
            let (_, end) = v.tok_range(&v.ents[d as usize]);
            let before = (j.saturating_sub(2)..j).any(|k| cue(k, |w| w.deadline));
            let after = (end + 1..(end + 6).min(v.tokens.len())).any(|k| cue(k, |w| w.after));
            (before || after).then_some(d)
        })
    }

    /// The last token of `first..end` after trailing punctuation (closing
    /// quotes and brackets stay) and particles are dropped.
    fn trim(&self, first: usize, end: usize) -> Option<usize> {
        let v = self.v;
        let mut last = end.checked_sub(1)?;
        while last > first {
            let norm = v.norm(last);
            // A closing quote stays when its opening one is inside.
            let opener = match norm {
                "»" => Some("«"),
                "”" => Some("“"),
                ")" => Some("("),
                "]" => Some("["),
                "\"" => Some("\""),
                _ => None,
            };
            let closer = opener.is_some_and(|o| {
                (first..last).any(|k| v.norm(k) == o || v.tokens[k].text(v.text) == o)
            });
            let particle = !v.punct(last) && v.toks[last].verbal.is_some_and(|(w, _)| w.link);
            if (v.punct(last) && !closer) || particle || norm == "و" || norm.is_empty() {
                last -= 1;
            } else {
                break;
            }
        }
        (last >= first).then_some(last)
    }

    /// The original text of tokens `first..=last`, `skip` letters of the
    /// first left out.
    fn slice(&self, first: usize, skip: u8, last: usize) -> &str {
        let (start, _) = self.span(first, skip, last);
        &self.v.text[start.range()]
    }

    fn span(&self, first: usize, skip: u8, last: usize) -> (ByteSpan, CharSpan) {
        let v = self.v;
        let (a, b) = (&v.tokens[first], &v.tokens[last.max(first)]);
        let (db, dc) = clitic_len(a.text(v.text), usize::from(skip));
        (
            ByteSpan::new(a.bytes.start + db, b.bytes.end),
            CharSpan::new(a.chars.start + dc, b.chars.end),
        )
    }

    fn entity(
        &self,
        kind: EntityKind,
        first: usize,
        skip: u8,
        last: usize,
        attrs: Attrs,
    ) -> Entity {
        let (bytes, chars) = self.span(first, skip, last);
        Entity {
            kind,
            bytes,
            chars,
            value: None,
            attrs,
        }
    }

    fn push(&mut self, entity: Entity, links: Vec<(&'static str, u32)>) {
        self.found.push(Found { entity, links });
    }
}

/// Letters of proclitics before a noun, the article kept: "بالاجتماع" is
/// marked "الاجتماع".
fn proclitic_letters(norm: &str, clitic: u8) -> u8 {
    let prefix: String = norm.chars().take(usize::from(clitic)).collect();
    if prefix.ends_with("ال") {
        clitic.saturating_sub(2)
    } else if prefix.ends_with("لل") {
        0
    } else {
        clitic
    }
}
