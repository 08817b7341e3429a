//! [`Analyzer`]: a compiled [`AnalyzerSpec`].

use rustc_hash::FxHashSet as HashSet;
use std::fmt;
use std::sync::Arc;

use compact_str::CompactString;

use crate::error::{Error, ErrorKind, Result};
use crate::text::data;
use crate::text::filters::{self, CharFn, CharMap};
use crate::text::segment::{segment_each, segment_into};
use crate::text::spec::{AnalyzerSpec, FilterSpec, Profile};
use crate::text::stem::LightStemmer;
use crate::text::token::Token;

/// Segmenter plus normalization steps. Cheap to clone, `Send + Sync`, immutable.
///
/// ```
/// use fahras_core::text::{Analyzer, Profile};
///
/// let search = Analyzer::new(Profile::Search);
/// assert_eq!(search.normalize("الأمينُ العـــام"), "الامين العام");
/// let tokens = search.analyze("قَرار رقم ١٢");
/// assert_eq!(tokens[2].norm, "12");
/// assert_eq!(tokens[2].bytes.slice("قَرار رقم ١٢"), "١٢");
/// ```
#[derive(Clone)]
pub struct Analyzer {
    spec: AnalyzerSpec,
    steps: Arc<[Step]>,
}

impl fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Analyzer")
            .field("spec", &self.spec)
            .finish_non_exhaustive()
    }
}

/// Table domain: every char below this has a precomputed fold result.
const LOW: usize = 0x800;
const KEEP: u32 = u32::MAX;
const DROP: u32 = u32::MAX - 1;
/// The char needs NFKC first: the token takes the slow path.
const NFKC: u32 = u32::MAX - 2;

/// What [`FoldTable::apply`] did to a token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Folded {
    /// Nothing changed.
    Same,
    /// The folds changed it.
    Changed,
    /// It went through NFKC, which may change how its text segments.
    Composed,
}

/// Reused per analysis: the output buffer of folds, and whether any token of
/// the pass went through NFKC.
#[derive(Default)]
struct Scratch {
    buf: String,
    composed: bool,
}

/// A run of per-character folds fused into one lookup, optionally preceded by NFKC.
struct FoldTable {
    low: Box<[u32]>,
    fns: Vec<CharFn>,
    nfkc: bool,
}

impl FoldTable {
    fn new(fns: Vec<CharFn>, nfkc: bool) -> Self {
        let low = (0..LOW as u32)
            .map(|u| {
                let Some(c) = char::from_u32(u) else {
                    return KEEP;
                };
                if nfkc && filters::nfkc::needed_char(c) {
                    return NFKC;
                }
                match fold_slow(&fns, c) {
                    None => DROP,
                    Some(d) if d == c => KEEP,
                    Some(d) => d as u32,
                }
            })
            .collect();
        Self { low, fns, nfkc }
    }

    /// The fold of the char with code `u` (table, or the slow path above it).
    #[inline]
    fn lookup(&self, u: u32) -> u32 {
        if (u as usize) < LOW {
            self.low[u as usize]
        } else {
            let c = char::from_u32(u).unwrap_or('\0');
            if self.nfkc && filters::nfkc::needed_char(c) {
                NFKC
            } else {
                match fold_slow(&self.fns, c) {
                    None => DROP,
                    Some(d) if d == c => KEEP,
                    Some(d) => d as u32,
                }
            }
        }
    }

    /// Fold `s` into `out`; [`Folded::Same`] (and `out` untouched) when
    /// nothing changes, the common case.
    fn apply(&self, s: &str, out: &mut String) -> Folded {
        let bytes = s.as_bytes();
        // Phase 1: find the first char that changes; most tokens have none.
        let mut i = 0;
        let first = loop {
            if i >= bytes.len() {
                return Folded::Same;
            }
            let (u, w) = decode(s, i);
            let m = self.lookup(u);
            if m != KEEP {
                break m;
            }
            i += w;
        };
        if first == NFKC {
            self.apply_nfkc(s, out);
            return Folded::Composed;
        }
        // Phase 2: rebuild from there char by char (no per-run memcpy calls).
        out.clear();
        out.push_str(&s[..i]);
        let mut known = Some(first);
        while i < bytes.len() {
            let (u, w) = decode(s, i);
            let m = known.take().unwrap_or_else(|| self.lookup(u));
            let c = match m {
                KEEP => char::from_u32(u),
                DROP => None,
                NFKC => {
                    self.apply_nfkc(s, out);
                    return Folded::Composed;
                }
                _ => char::from_u32(m),
            };
            if let Some(c) = c {
                out.push(c);
            }
            i += w;
        }
        Folded::Changed
    }

    /// The slow path: the folds, NFKC of the whole token, the folds again.
    /// Folding first removes zero-width controls and tatweel that would block
    /// NFKC's reordering of marks (normalizing twice must equal once); folding
    /// again applies the folds to what NFKC produced. NFKC can turn one
    /// character into several words (ﷺ) or a space plus a mark (isolated
    /// harakat): single spaces between words, none at the ends.
    fn apply_nfkc(&self, s: &str, out: &mut String) {
        let mut cur: String = s.chars().filter_map(|c| fold_slow(&self.fns, c)).collect();
        // A fold after NFKC can leave marks out of canonical order again (a
        // presentation form that holds a tatweel between marks): repeat until
        // stable, which takes one round for all but contrived input.
        for _ in 0..4 {
            let composed: String = filters::nfkc::apply(&cur);
            out.clear();
            for w in composed.split_whitespace() {
                let before = out.len();
                if before > 0 {
                    out.push(' ');
                }
                out.extend(w.chars().filter_map(|c| fold_slow(&self.fns, c)));
                if out.len() == before + usize::from(before > 0) {
                    out.truncate(before);
                }
            }
            if *out == cur {
                break;
            }
            cur.clone_from(out);
        }
    }
}

/// The code point and byte width of the char at byte `i` (a char boundary).
/// Arabic letters are two bytes: decoded inline, the rest through `str::chars`.
// Measured: without forcing, the fold loop calls it out of line and the
// `search` profile loses a tenth of its throughput.
#[allow(clippy::inline_always)]
#[inline(always)]
fn decode(s: &str, i: usize) -> (u32, usize) {
    let bytes = s.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        (u32::from(b), 1)
    } else if b < 0xE0 && i + 1 < bytes.len() {
        (
            (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F),
            2,
        )
    } else {
        let c = s[i..].chars().next().unwrap_or('\0');
        (c as u32, c.len_utf8())
    }
}

fn fold_slow(fns: &[CharFn], c: char) -> Option<char> {
    // Run the folds to a fixed point: a later fold may produce what an earlier
    // one would change ("İ" loses its dot after lower-casing ran), and
    // normalizing twice must equal normalizing once.
    let mut c = c;
    for _ in 0..4 {
        let before = c;
        for f in fns {
            match f(c) {
                CharMap::Keep => {}
                CharMap::Drop => return None,
                CharMap::To(d) => c = d,
            }
        }
        if c == before {
            break;
        }
    }
    Some(c)
}

enum Step {
    Fold(FoldTable),
    StopWords(HashSet<CompactString>),
    Stem(LightStemmer),
}

impl Analyzer {
    /// The analyzer of a preset profile.
    pub fn new(profile: Profile) -> Self {
        // Presets are built from data compiled into the crate; their tests make
        // sure they build, so this cannot fail at run time.
        Self::from_spec(AnalyzerSpec::preset(profile))
            .unwrap_or_else(|e| unreachable!("preset `{}`: {e}", profile.as_str()))
    }

    /// The `search` preset: every fold.
    pub fn search() -> Self {
        Self::new(Profile::Search)
    }

    /// The `strict` preset: lossless folds only.
    pub fn strict() -> Self {
        Self::new(Profile::Strict)
    }

    /// Build an analyzer from a spec. Data lists (stop words, stemmer exceptions)
    /// go through the steps before theirs, so they match whatever those steps produce.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidSpec`](crate::ErrorKind::InvalidSpec) for an unsupported spec version.
    pub fn from_spec(spec: AnalyzerSpec) -> Result<Self> {
        if spec.version != crate::text::SPEC_VERSION {
            return Err(Error::new(
                ErrorKind::InvalidSpec,
                format_args!(
                    "analyzer spec version `{}` is not supported (this build reads `{}`)",
                    spec.version,
                    crate::text::SPEC_VERSION
                ),
            ));
        }
        let mut steps: Vec<Step> = Vec::new();
        let mut pending: Vec<CharFn> = Vec::new();
        let mut nfkc_pending = false;
        for f in &spec.filters {
            let fold: Option<CharFn> = match f {
                FilterSpec::ZeroWidth => Some(filters::zero_width::map),
                FilterSpec::Tatweel => Some(filters::tatweel::map),
                FilterSpec::Tashkeel => Some(filters::tashkeel::map),
                FilterSpec::Digits => Some(filters::digits::map),
                FilterSpec::PersianLetters => Some(filters::persian::map),
                FilterSpec::Alef => Some(filters::alef::map),
                FilterSpec::AlefMaqsura => Some(filters::alef_maqsura::map),
                FilterSpec::Hamza => Some(filters::hamza::map),
                FilterSpec::TehMarbuta => Some(filters::teh_marbuta::map),
                FilterSpec::Punctuation => Some(filters::punctuation::map),
                FilterSpec::LatinLowercase => Some(filters::latin::lowercase),
                FilterSpec::LatinAccents => Some(filters::latin::accents),
                FilterSpec::Nfkc | FilterSpec::StopWords | FilterSpec::LightStem => None,
            };
            if let Some(fold) = fold {
                pending.push(fold);
                continue;
            }
            if !pending.is_empty() || nfkc_pending {
                steps.push(Step::Fold(FoldTable::new(
                    std::mem::take(&mut pending),
                    nfkc_pending,
                )));
                nfkc_pending = false;
            }
            let step = match f {
                // NFKC runs fused with the folds that follow it: most tokens need
                // none, and the table tells so in the same pass.
                FilterSpec::Nfkc => {
                    nfkc_pending = true;
                    continue;
                }
                FilterSpec::StopWords => {
                    let before = Pipeline(&steps);
                    Step::StopWords(
                        data::lines(data::STOPWORDS)
                            .filter_map(|w| before.fold(w))
                            .collect(),
                    )
                }
                FilterSpec::LightStem => {
                    Step::Stem(LightStemmer::new(|w| Pipeline(&steps).fold(w)))
                }
                _ => unreachable!("folds are handled above"),
            };
            steps.push(step);
        }
        if !pending.is_empty() || nfkc_pending {
            steps.push(Step::Fold(FoldTable::new(pending, nfkc_pending)));
        }
        Ok(Self {
            spec,
            steps: steps.into(),
        })
    }

    /// The spec this analyzer was built from.
    pub fn spec(&self) -> &AnalyzerSpec {
        &self.spec
    }

    /// Segment `text` and normalize every token. Tokens whose norm is empty
    /// (a lone diacritic) or that a step drops (stop words) are left out.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 8 + 1);
        self.analyze_into(text, &mut out);
        out
    }

    /// Like [`analyze`](Self::analyze), appending to a reused buffer (batch
    /// and index paths). Segments are normalized as the segmenter emits them.
    pub fn analyze_into(&self, text: &str, out: &mut Vec<Token>) {
        self.analyze_cached(text, out, None);
    }

    /// Like [`analyze_into`](Self::analyze_into), remembering the norm of
    /// every surface form in `cache`: a token's norm depends on its surface
    /// alone, and a stemming analyzer costs a score of set lookups per token
    /// where the cache costs one. One cache per analyzer and thread.
    pub fn analyze_into_cached(&self, text: &str, out: &mut Vec<Token>, cache: &mut NormCache) {
        self.analyze_cached(text, out, Some(cache));
    }

    fn analyze_cached(&self, text: &str, out: &mut Vec<Token>, mut cache: Option<&mut NormCache>) {
        out.reserve(text.len() / 8);
        let pipeline = Pipeline(&self.steps);
        let mut scratch = Scratch::default();
        // The presets are a single fused table: skip the step loop and the
        // optional wrapping on the hot path.
        let single = match &*self.steps {
            [Step::Fold(t)] => Some(t),
            _ => None,
        };
        let mut position = 0u32;
        segment_each(text, |seg| {
            let i = position;
            position += 1;
            let surface = &text[seg.bytes.range()];
            let norm = if let Some(table) = single {
                if table.apply(surface, &mut scratch.buf) == Folded::Same {
                    CompactString::from(surface)
                } else if scratch.buf.is_empty() {
                    return;
                } else {
                    CompactString::from(scratch.buf.as_str())
                }
            } else {
                let norm = match cache.as_deref_mut() {
                    Some(cache) => self.cached_norm(surface, cache),
                    None => pipeline.run(surface, &mut scratch),
                };
                match norm {
                    Some(norm) => norm,
                    None => return,
                }
            };
            out.push(Token {
                bytes: seg.bytes,
                chars: seg.chars,
                position: i,
                kind: seg.kind,
                script: seg.script,
                norm,
            });
        });
    }

    /// Write the norm of one token's surface into `out` (replacing what it
    /// held); `false` when the token is dropped. For consumers that need only
    /// norms (the index tokenizer): no [`Token`] is built, the norm goes
    /// straight into the caller's buffer, and `cache` remembers the norms of
    /// analyzers that have more than folds.
    ///
    /// ```
    /// use fahras_core::text::{Analyzer, NormCache, Profile};
    ///
    /// let stem = Analyzer::new(Profile::Stem);
    /// let (mut out, mut cache) = (String::new(), NormCache::default());
    /// assert!(stem.norm_into("بالأمين", &mut out, &mut cache));
    /// assert_eq!(out, "امين");
    /// assert!(!stem.norm_into("في", &mut out, &mut cache)); // a stop word
    /// ```
    pub fn norm_into(&self, surface: &str, out: &mut String, cache: &mut NormCache) -> bool {
        if let [Step::Fold(table)] = &*self.steps {
            if table.apply(surface, out) == Folded::Same {
                out.clear();
                out.push_str(surface);
            }
            return !out.is_empty();
        }
        out.clear();
        match self.cached_norm(surface, cache) {
            Some(norm) => {
                out.push_str(&norm);
                true
            }
            None => false,
        }
    }

    /// The norm of `surface` through every step, from `cache` when it holds it.
    fn cached_norm(&self, surface: &str, cache: &mut NormCache) -> Option<CompactString> {
        let pipeline = Pipeline(&self.steps);
        let mut scratch = std::mem::take(&mut cache.scratch);
        let norm = cache.get_or_run(surface, |w| pipeline.run(w, &mut scratch));
        cache.scratch = scratch;
        norm
    }

    /// Normalize one token's surface; `None` when the token is dropped.
    pub fn normalize_token(&self, surface: &str) -> Option<CompactString> {
        Pipeline(&self.steps).run(surface, &mut Scratch::default())
    }

    /// Normalize a text: every token replaced by its norm, tokens that were
    /// separated by whitespace separated by one space, adjacent tokens kept
    /// adjacent ("«نعم»" stays one unit). What `fahras normalize` prints per line.
    ///
    /// Normalizing the result again changes nothing.
    pub fn normalize(&self, text: &str) -> String {
        let (mut out, mut composed) = self.normalize_once(text);
        // NFKC can expand a token into text that segments differently ("Ŀ" is
        // "L·", "ﹰ" a space and a mark); only then can a second pass differ, so
        // only then is the fixed point sought. Real text rarely takes this path.
        for _ in 0..4 {
            if !composed {
                break;
            }
            let (again, c) = self.normalize_once(&out);
            if again == out {
                break;
            }
            out = again;
            composed = c;
        }
        out
    }

    /// One pass of [`normalize`](Self::normalize), and whether NFKC changed a token.
    fn normalize_once(&self, text: &str) -> (String, bool) {
        let mut segs = Vec::new();
        segment_into(text, &mut segs);
        let mut out = String::with_capacity(text.len());
        let mut prev_end: Option<usize> = None;
        let pipeline = Pipeline(&self.steps);
        let mut scratch = Scratch::default();
        for seg in &segs {
            let Some(norm) = pipeline.run(seg.bytes.slice(text), &mut scratch) else {
                continue;
            };
            if let Some(end) = prev_end
                && text[end..seg.bytes.start as usize]
                    .chars()
                    .any(char::is_whitespace)
            {
                out.push(' ');
            }
            out.push_str(&norm);
            prev_end = Some(seg.bytes.end as usize);
        }
        (out, scratch.composed)
    }
}

/// Norms by surface form, for [`Analyzer::analyze_into_cached`]: a
/// direct-mapped table, each slot one cache line holding a short surface
/// inline and its norm. A new form takes the slot its hash names, so the
/// table never needs emptying. A chained hash map with boxed keys cost three
/// cache misses per lookup (control bytes, bucket, key) where this costs one;
/// `perf` had the map's lookups at a tenth of indexing.
///
/// The table starts small and grows with the forms it is asked for: a query
/// parser clones its tokenizers, caches included, for every query, and a
/// table allocated at full size made each query clear 8 MB.
#[derive(Default)]
pub struct NormCache {
    /// Allocated on first use: most tokenizers never need it.
    slots: Vec<Slot>,
    /// Forms stored since the table last grew.
    stored: usize,
    /// The fold buffer of [`Analyzer::norm_into`], kept between tokens.
    scratch: Scratch,
}

/// One remembered form. `len == 0` is a free slot (no token is empty).
#[derive(Clone)]
#[repr(C, align(64))]
struct Slot {
    norm: Option<CompactString>,
    key: [u8; KEY],
    len: u8,
}

// One cache line a slot: the point of the layout.
const _: () = assert!(std::mem::size_of::<Slot>() == 64);

impl Default for Slot {
    fn default() -> Self {
        Self {
            norm: None,
            key: [0; KEY],
            len: 0,
        }
    }
}

/// Longest surface (bytes) the cache keeps: 19 Arabic letters. Longer
/// forms are rare and analyzed each time.
const KEY: usize = 38;

impl fmt::Debug for NormCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let used = self.slots.iter().filter(|s| s.len > 0).count();
        f.debug_struct("NormCache")
            .field("forms", &used)
            .finish_non_exhaustive()
    }
}

impl NormCache {
    /// Slots at first (16 KiB) and at most (4 MiB, room for a news
    /// vocabulary's frequent forms); powers of two.
    const FIRST: usize = 1 << 8;
    const SLOTS: usize = 1 << 16;

    fn get_or_run(
        &mut self,
        surface: &str,
        run: impl FnOnce(&str) -> Option<CompactString>,
    ) -> Option<CompactString> {
        let key = surface.as_bytes();
        if key.is_empty() || key.len() > KEY {
            return run(surface);
        }
        if self.slots.is_empty() {
            self.slots = vec![Slot::default(); Self::FIRST];
        }
        let mut at = Self::index(key, self.slots.len());
        let slot = &self.slots[at];
        if usize::from(slot.len) == key.len() && &slot.key[..key.len()] == key {
            return slot.norm.clone();
        }
        let norm = run(surface);
        self.stored += 1;
        // As many forms stored as there are slots: the next size up, empty.
        if self.stored > self.slots.len() && self.slots.len() < Self::SLOTS {
            self.slots = vec![Slot::default(); self.slots.len() * 4];
            self.stored = 1;
            at = Self::index(key, self.slots.len());
        }
        let slot = &mut self.slots[at];
        slot.key[..key.len()].copy_from_slice(key);
        // Fits: `key.len() <= KEY < 256`.
        slot.len = key.len() as u8;
        slot.norm.clone_from(&norm);
        norm
    }

    /// Read the slots that `surfaces` will be looked up in, ahead of the
    /// lookups. The reads are independent, so the processor overlaps their
    /// cache misses; one lookup at a time, each waited for its own (`perf`:
    /// that wait was two thirds of the lookup, a tenth of `index add
    /// --no-extract`). A prefetch instruction would say this better, but is
    /// `unsafe`.
    pub(crate) fn warm<'s>(&self, surfaces: impl Iterator<Item = &'s str>) {
        if self.slots.is_empty() {
            return;
        }
        let mut seen = 0u8;
        for s in surfaces {
            let key = s.as_bytes();
            if key.len() <= KEY {
                seen ^= self.slots[Self::index(key, self.slots.len())].len;
            }
        }
        std::hint::black_box(seen);
    }

    /// The slot of `key` among `slots`: the high bits of its Fx hash, the
    /// well-mixed ones.
    fn index(key: &[u8], slots: usize) -> usize {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(key);
        // The shift leaves at most 16 bits: the cast cannot truncate.
        (h.finish() >> (64 - slots.trailing_zeros())) as usize
    }
}

/// Steps applied to one surface string.
struct Pipeline<'a>(&'a [Step]);

impl Pipeline<'_> {
    fn run(&self, surface: &str, scratch: &mut Scratch) -> Option<CompactString> {
        self.apply(surface, true, scratch)
    }

    /// The folds only: how data lists (stop words, stemmer exceptions) are
    /// brought to the form the step that uses them sees. A list entry that is
    /// itself a stop word ("هم" as an enclitic) must not vanish.
    fn fold(&self, surface: &str) -> Option<CompactString> {
        self.apply(surface, false, &mut Scratch::default())
    }

    fn apply(&self, surface: &str, all: bool, scratch: &mut Scratch) -> Option<CompactString> {
        let mut owned: Option<CompactString> = None;
        for step in self.0 {
            let cur: &str = owned.as_deref().unwrap_or(surface);
            match step {
                Step::Fold(t) => {
                    let folded = t.apply(cur, &mut scratch.buf);
                    scratch.composed |= folded == Folded::Composed;
                    if folded != Folded::Same {
                        owned = Some(CompactString::from(scratch.buf.as_str()));
                    }
                }
                Step::StopWords(_) | Step::Stem(_) if !all => {}
                Step::StopWords(set) => {
                    if set.contains(cur) {
                        return None;
                    }
                }
                Step::Stem(stemmer) => {
                    let stem = stemmer.stem(cur);
                    if stem.len() != cur.len() {
                        owned = Some(CompactString::from(stem));
                    }
                }
            }
        }
        let norm = owned.unwrap_or_else(|| CompactString::from(surface));
        (!norm.is_empty()).then_some(norm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_norm_cache_changes_nothing_even_when_it_starts_over() {
        let text = include_str!("../../../../corpus-sample/gold.jsonl");
        for profile in Profile::ALL {
            let a = Analyzer::new(profile);
            let want = a.analyze(text);
            let mut cache = NormCache::default();
            let mut got = Vec::new();
            // Twice: the second pass reads every norm from the cache.
            for _ in 0..2 {
                got.clear();
                a.analyze_into_cached(text, &mut got, &mut cache);
                assert!(got == want, "{profile:?}");
            }
            assert!(!cache.slots.is_empty() || profile != Profile::Stem);
        }
    }

    #[test]
    fn colliding_and_overlong_forms_get_their_own_norms() {
        let a = Analyzer::new(Profile::Stem);
        let mut cache = NormCache::default();
        // More forms than slots: every slot is taken over many times.
        let words: Vec<String> = (0..3 * NormCache::SLOTS)
            .map(|i| format!("والكتاب{i}"))
            .collect();
        for w in &words {
            assert_eq!(
                cache.get_or_run(w, |s| a.normalize_token(s)),
                a.normalize_token(w)
            );
        }
        // A form longer than a slot's key is analyzed, never cached.
        let long = "والاستراتيجيات".repeat(3);
        let mut got = Vec::new();
        a.analyze_into_cached(&format!("{long} {long} بالأمين"), &mut got, &mut cache);
        let want = a.analyze(&format!("{long} {long} بالأمين"));
        assert!(got == want);
        assert!(cache.slots.iter().all(|s| usize::from(s.len) <= KEY));
        // It grew to its full size on the way, and no further.
        assert_eq!(cache.slots.len(), NormCache::SLOTS);
        // A few forms (a query) take a small table.
        let mut small = NormCache::default();
        a.analyze_into_cached("أمين فرع اللاذقية", &mut got, &mut small);
        assert_eq!(small.slots.len(), NormCache::FIRST);
    }

    #[test]
    fn presets_build_and_round_trip_through_json() {
        for p in Profile::ALL {
            let a = Analyzer::new(p);
            let json = a.spec().to_json();
            let back = AnalyzerSpec::from_json(&json).unwrap();
            assert_eq!(&back, a.spec());
        }
    }

    #[test]
    fn spec_json_is_readable() {
        let spec = AnalyzerSpec::from_json(
            r#"{"version":1,"filters":[{"type":"tatweel"},{"type":"alef"}]}"#,
        )
        .unwrap();
        let a = Analyzer::from_spec(spec).unwrap();
        assert_eq!(a.normalize("الأمـــين"), "الامين");
        assert!(AnalyzerSpec::from_json(r#"{"version":9,"filters":[]}"#).is_err());
        assert!(AnalyzerSpec::from_json(r#"{"version":1,"filters":[{"type":"nope"}]}"#).is_err());
    }

    #[test]
    fn strict_is_lossless_search_folds_everything() {
        let text = "الأمِينُ العـــام للحزب، ١٢ مايو";
        assert_eq!(
            Analyzer::strict().normalize(text),
            "الأمِينُ العام للحزب، 12 مايو"
        );
        assert_eq!(
            Analyzer::search().normalize(text),
            "الامين العام للحزب, 12 مايو"
        );
    }

    #[test]
    fn filters_never_touch_spans() {
        let text = "\u{200F}الحـــزبُ «الشيوعي» ﻻ ٢٠٢٠";
        let tokens = Analyzer::search().analyze(text);
        let surfaces: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(surfaces, ["الحـــزبُ", "«", "الشيوعي", "»", "ﻻ", "٢٠٢٠"]);
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["الحزب", "\"", "الشيوعي", "\"", "لا", "2020"]);
    }

    #[test]
    fn normalize_keeps_adjacency() {
        let a = Analyzer::search();
        assert_eq!(a.normalize("«نعم»  و  (لا)"), "\"نعم\" و (لا)");
        assert_eq!(a.normalize(""), "");
        assert_eq!(a.normalize("ـــ َ"), "");
    }

    #[test]
    fn nfkc_of_ligature_words() {
        assert_eq!(Analyzer::search().normalize("ﷺ"), "صلي الله عليه وسلم");
    }
}
