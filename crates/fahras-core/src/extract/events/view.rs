//! The document as event extraction sees it: each token's readings in the
//! event word list, its sentence, and the entities found before (dates,
//! names) indexed by the tokens they start and end at.

use super::lexicon::{Lexicon, Read};
use crate::extract::entity::{Attrs, Entity, EntityKind, Relation};
use crate::extract::vocab::Slot;
use crate::text::sentence::sentences_of;
use crate::text::{Token, TokenKind};

/// One token.
#[derive(Clone, Debug)]
pub(super) struct Tk<'l> {
    pub verbal: Option<Read<'l>>,
    pub nominal: Option<Read<'l>>,
    pub punct: bool,
    /// The sentence the token belongs to.
    pub sent: usize,
}

/// A sentence, as a token range.
#[derive(Clone, Copy, Debug)]
pub(super) struct Sent {
    /// First token after the list marker, if any.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The sentence opens with a list marker ("-", "1.", "أولاً:").
    pub marker: bool,
    /// The sentence starts a line.
    pub line_start: bool,
}

/// The document view.
pub(super) struct View<'a, 'l> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub toks: Vec<Tk<'l>>,
    pub sents: Vec<Sent>,
    pub ents: &'a [Entity],
    pub rels: &'a [Relation],
    /// The top-level actor (ORG, BRANCH, PERSON, ROLE) starting at a token.
    pub actor_at: Vec<Option<u32>>,
    /// The top-level actor ending at a token.
    pub actor_end: Vec<Option<u32>>,
    /// The DATE starting at a token, and the one ending at a token.
    pub date_at: Vec<Option<u32>>,
    pub date_end: Vec<Option<u32>>,
    /// A LOC that is not part of a larger name, starting at a token.
    pub loc_at: Vec<Option<u32>>,
    /// Tokens inside an ORG, BRANCH or ROLE: their words are names, not triggers.
    pub in_name: Vec<bool>,
}

fn is_actor(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Org | EntityKind::Branch | EntityKind::Person | EntityKind::Role
    )
}

impl<'a, 'l> View<'a, 'l> {
    pub(super) fn new(
        text: &'a str,
        tokens: &'a [Token],
        slots: &[&Slot],
        ents: &'a [Entity],
        rels: &'a [Relation],
        lex: &'l Lexicon,
    ) -> Self {
        let n = tokens.len();
        let mut toks: Vec<Tk<'l>> = tokens
            .iter()
            .zip(slots)
            .map(|(t, slot)| {
                let (verbal, nominal) = if matches!(t.kind, TokenKind::Word) {
                    lex.unpack(slot.event)
                } else {
                    (None, None)
                };
                Tk {
                    verbal,
                    nominal,
                    punct: matches!(t.kind, TokenKind::Punct | TokenKind::Symbol),
                    sent: 0,
                }
            })
            .collect();
        let mut sents = Vec::new();
        // Most paragraphs of news hold no word that opens a directive or a
        // meeting: they need no sentences and no entity index.
        let opens = toks.iter().any(|t| {
            t.verbal.is_some_and(|(w, _)| w.opens_as_verb())
                || t.nominal.is_some_and(|(w, _)| w.opens_as_noun())
        });
        let split = if opens {
            sentences_of(text, tokens)
        } else {
            Vec::new()
        };
        for s in split {
            let start = tokens.partition_point(|t| t.bytes.start < s.bytes.start);
            let end = tokens.partition_point(|t| t.bytes.start < s.bytes.end);
            if start >= end {
                continue;
            }
            let first = s.marker.map_or(start, |m| {
                tokens.partition_point(|t| t.bytes.start < m.end).max(start)
            });
            let before = &text[..s.bytes.start as usize];
            let line_start = before
                .trim_end_matches([' ', '\t', '\u{a0}'])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'));
            let idx = sents.len();
            for t in &mut toks[start..end] {
                t.sent = idx;
            }
            sents.push(Sent {
                first: first.min(end),
                end,
                marker: s.marker.is_some(),
                line_start,
            });
        }
        let mut view = Self {
            text,
            tokens,
            toks,
            sents,
            ents,
            rels,
            actor_at: vec![None; n],
            actor_end: vec![None; n],
            date_at: vec![None; n],
            date_end: vec![None; n],
            loc_at: vec![None; n],
            in_name: vec![false; n],
        };
        if opens {
            view.index_entities();
        }
        view
    }

    /// The first and last token of an entity.
    pub(super) fn tok_range(&self, e: &Entity) -> (usize, usize) {
        let first = self
            .tokens
            .partition_point(|t| t.bytes.end <= e.bytes.start);
        let end = self.tokens.partition_point(|t| t.bytes.start < e.bytes.end);
        (first, end.saturating_sub(1).max(first))
    }

    fn index_entities(&mut self) {
        let mut order: Vec<usize> = (0..self.ents.len()).collect();
        order.sort_by_key(|&k| {
            let e = &self.ents[k];
            (e.bytes.start, std::cmp::Reverse(e.bytes.end))
        });
        // A sweep keeps the outermost actor and the outermost name.
        let mut actor_reach = 0;
        let mut name_reach = 0;
        for k in order {
            let e = &self.ents[k];
            let id = u32::try_from(k).unwrap_or(u32::MAX);
            let (first, last) = self.tok_range(e);
            if first >= self.tokens.len() {
                continue;
            }
            match e.kind {
                EntityKind::Date => {
                    self.date_at[first].get_or_insert(id);
                    self.date_end[last] = Some(id);
                }
                EntityKind::Loc if e.bytes.start >= name_reach => {
                    self.loc_at[first].get_or_insert(id);
                }
                kind if is_actor(kind) => {
                    if e.bytes.start >= actor_reach {
                        self.actor_at[first] = Some(id);
                        self.actor_end[last] = Some(id);
                        actor_reach = e.bytes.end;
                    }
                    if kind != EntityKind::Person {
                        for m in &mut self.in_name[first..=last] {
                            *m = true;
                        }
                        name_reach = name_reach.max(e.bytes.end);
                    }
                }
                _ => {}
            }
        }
    }

    /// The token's norm.
    pub(super) fn norm(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }

    /// Whether the token is punctuation.
    pub(super) fn punct(&self, i: usize) -> bool {
        self.toks[i].punct
    }

    /// The sentence of token `i`.
    pub(super) fn sent_of(&self, i: usize) -> Sent {
        self.sents.get(self.toks[i].sent).copied().unwrap_or(Sent {
            first: 0,
            end: self.tokens.len(),
            marker: false,
            line_start: true,
        })
    }

    /// Whether a verb at `i` stands where a clause may start: at the start of
    /// its sentence, after punctuation or a particle, with a proclitic و or
    /// ف, or right after its subject. A verbal noun in a genitive chain
    /// ("تواريخ عقد") stands nowhere of these.
    pub(super) fn clause_start(&self, i: usize) -> bool {
        let s = self.sent_of(i);
        if i <= s.first {
            return true;
        }
        if self.toks[i].verbal.is_some_and(|(_, c)| c > 0) {
            return true;
        }
        let p = i - 1;
        // "أن التيار عقد …": a subject the gazetteers do not know, after أن.
        let after_that = p > s.first && matches!(self.norm(p - 1), "ان" | "بان" | "لان");
        self.punct(p)
            || self.toks[p].verbal.is_some_and(|(w, _)| w.link)
            || self.actor_end[p].is_some()
            || self.date_end[p].is_some()
            || after_that
    }

    /// The actor named right after a verb at `i`: its subject, or its object
    /// when the verb's subject was named before. Pronoun-prepositions
    /// ("عليه") and honorifics may stand between.
    pub(super) fn actor_after(&self, i: usize) -> Option<(u32, usize)> {
        let s = self.sent_of(i);
        let mut j = i + 1;
        while j < s.end && j <= i + 3 {
            if let Some(a) = self.actor_at[j] {
                return Some((a, j));
            }
            let skip = self.toks[j].verbal.is_some_and(|(w, _)| w.pron)
                || self.date_at[j].is_some()
                || self.honorific_before_person(j);
            if !skip {
                return None;
            }
            if let Some(d) = self.date_at[j] {
                let (_, last) = self.tok_range(&self.ents[d as usize]);
                j = last + 1;
            } else {
                j += 1;
            }
        }
        None
    }

    /// Whether token `j` is one of the honorifics of a PERSON that starts
    /// within the next two tokens.
    fn honorific_before_person(&self, j: usize) -> bool {
        (j + 1..(j + 3).min(self.tokens.len())).any(|k| {
            self.actor_at[k].is_some_and(|a| {
                let e = &self.ents[a as usize];
                matches!(&e.attrs, Attrs::Person(p) if k - j <= p.honorifics.len())
            })
        })
    }

    /// The actor that ends right before a verb at `i` (its subject), particles
    /// such as قد and كان allowed between.
    pub(super) fn actor_before(&self, i: usize) -> Option<u32> {
        let s = self.sent_of(i);
        let mut p = i;
        while p > s.first {
            p -= 1;
            if let Some(a) = self.actor_end[p] {
                return Some(a);
            }
            let closer = matches!(self.norm(p), "\"" | "»" | "”" | ")");
            if !(closer || self.toks[p].verbal.is_some_and(|(w, _)| w.link)) || i - p > 3 {
                return None;
            }
        }
        None
    }

    /// Whether an entity is an actor that calls rather than is called on:
    /// a government body or a parliament after a verb of calling is whom
    /// the call addresses.
    pub(super) fn addressed_body(&self, id: u32) -> bool {
        use crate::extract::entity::OrgKind;
        let e = &self.ents[id as usize];
        match &e.attrs {
            Attrs::Org(o) => matches!(o.org_kind, OrgKind::Government | OrgKind::Parliament),
            Attrs::Role(r) => r.plural,
            Attrs::Branch(b) => b.plural,
            _ => false,
        }
    }

    /// The PERSON holding a ROLE: the one the relations name, or the holder
    /// of the same title named earlier in the article ("الأمين العام"
    /// after "الأمين العام للحزب فلان").
    pub(super) fn holder(&self, role: u32) -> Option<u32> {
        let holds = |r: &&Relation| r.kind == "holds_role";
        if let Some(r) = self.rels.iter().filter(holds).find(|r| r.to == role) {
            return Some(r.from);
        }
        let e = self.ents.get(role as usize)?;
        if matches!(&e.attrs, Attrs::Role(a) if a.plural) {
            return None;
        }
        // "الكاتب الإقليمي السيد فلان": the name in apposition.
        let (_, last) = self.tok_range(e);
        if let Some((a, _)) = self.actor_after(last) {
            if self.ents[a as usize].kind == EntityKind::Person {
                return Some(a);
            }
        }
        // The title's words before its complement with ل ("الأمين العام"
        // of "الأمين العام للحزب").
        let title = |e: &Entity| {
            let (first, last) = self.tok_range(e);
            self.tokens[first..=last]
                .iter()
                .map(|t| t.norm.as_str())
                .take_while(|w| !w.starts_with('ل'))
                .collect::<Vec<_>>()
        };
        let mine = title(e);
        self.rels
            .iter()
            .filter(holds)
            .filter(|r| {
                let other = &self.ents[r.to as usize];
                other.bytes.start < e.bytes.start && !mine.is_empty() && title(other) == mine
            })
            .max_by_key(|r| self.ents[r.to as usize].bytes.start)
            .map(|r| r.from)
    }

    /// The name an actor goes by: a title resolves to its holder, an
    /// organization or a person to its canonical name.
    pub(super) fn actor_name(&self, id: u32) -> String {
        let e = &self.ents[id as usize];
        if e.kind == EntityKind::Role {
            if let Some(p) = self.holder(id) {
                return self.actor_name(p);
            }
        }
        e.value
            .clone()
            .unwrap_or_else(|| e.text(self.text).to_owned())
    }
}
