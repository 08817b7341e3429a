//! `fahras search DIR QUERY`: hits with passages, officials and directives;
//! facet counts; JSON for scripts.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use fahras_core::index::{DocType, Filters, Hit, Index, SearchRequest, SearchResults, Snippet};

use crate::Outcome;
use crate::args::{Bidi, SearchArgs, SearchFormat, SearchKind};

pub(crate) fn run(args: &SearchArgs) -> Result<Outcome> {
    let index = Index::open(&args.dir)
        .with_context(|| format!("cannot open the index `{}`", args.dir.display()))?;
    let (doc_type, directive_kind) = match args.kind {
        SearchKind::Article => (DocType::Article, None),
        SearchKind::Directive => (DocType::Directive, None),
        SearchKind::All => (DocType::Any, None),
        SearchKind::Decision => (DocType::Directive, Some("decision")),
        SearchKind::Call => (DocType::Directive, Some("call")),
        SearchKind::Recommendation => (DocType::Directive, Some("recommendation")),
        SearchKind::Emphasis => (DocType::Directive, Some("emphasis")),
    };
    let req = SearchRequest {
        query: args.query.clone(),
        limit: args.limit,
        offset: args.offset,
        doc_type,
        filters: Filters {
            org: args.org.clone(),
            branch: args.branch.clone(),
            person: args.person.clone(),
            role: args.role.clone(),
            place: args.place.clone(),
            directive_kind: directive_kind.into_iter().map(str::to_owned).collect(),
            from: args.from,
            to: args.to,
        },
        facets: args.facets.iter().map(|f| f.trim().to_owned()).collect(),
        facet_limit: args.facet_limit,
        snippets: args.snippets,
        timeline: args.timeline,
    };
    let found = index.search(&req)?;
    let mut out = super::stdout();
    match args.format {
        SearchFormat::Json => {
            serde_json::to_writer(&mut out, &found)?;
            writeln!(out)?;
        }
        SearchFormat::Jsonl => {
            for hit in &found.hits {
                serde_json::to_writer(&mut out, hit)?;
                writeln!(out)?;
            }
            let tail = serde_json::json!({"total": found.total, "facets": found.facets});
            serde_json::to_writer(&mut out, &tail)?;
            writeln!(out)?;
        }
        SearchFormat::Csv => csv_rows(&mut out, &found.hits)?,
        SearchFormat::Text => {
            let tty = std::io::stdout().is_terminal();
            let visual = match args.bidi {
                Bidi::Auto => tty,
                Bidi::Visual => true,
                Bidi::Logical => false,
            };
            text(&mut out, &found, &Style { visual, color: tty })?;
        }
    }
    out.flush()?;
    Ok(if found.total > 0 {
        Outcome::Found
    } else {
        Outcome::Nothing
    })
}

/// Columns of [`csv_rows`].
const CSV_COLUMNS: [&str; 11] = [
    "id",
    "doc_type",
    "article",
    "score",
    "title",
    "published",
    "source",
    "url",
    "snippet",
    "officials",
    "directives",
];

/// Hits as CSV rows, one a hit, with a header: what a spreadsheet needs to
/// sort and read a result set (officials as `person — title — branch or
/// organization`, `; ` between them; directives as `kind: content`).
pub(crate) fn csv_rows(out: impl Write, hits: &[Hit]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    for h in hits {
        let officials = h
            .officials
            .iter()
            .map(|o| {
                let mut parts: Vec<&str> = o.person.as_deref().into_iter().collect();
                parts.push(&o.role);
                parts.extend(o.branch.as_deref().or(o.org.as_deref()));
                parts.join(" — ")
            })
            .collect::<Vec<_>>()
            .join("; ");
        let directives = h
            .directives
            .iter()
            .map(|d| {
                let field = |k: &str| d.get(k).and_then(|v| v.as_str()).unwrap_or("");
                format!("{}: {}", field("kind"), field("content"))
            })
            .collect::<Vec<_>>()
            .join("; ");
        let snippet = h.snippets.first().map_or("", |s| s.text.as_str());
        w.write_record([
            h.id.as_str(),
            &h.doc_type,
            &h.article,
            &format!("{:.4}", h.score),
            &h.title,
            h.published.as_deref().unwrap_or(""),
            h.source.as_deref().unwrap_or(""),
            h.url.as_deref().unwrap_or(""),
            snippet,
            &officials,
            &directives,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// How text output is dressed.
struct Style {
    /// Lines reordered for display (bidi), for terminals that do not.
    visual: bool,
    /// Highlights in ANSI bold; else between ⟦ ⟧.
    color: bool,
}

impl Style {
    /// One line of `s` with the byte ranges `marks` highlighted.
    fn line(&self, s: &str, marks: &[(usize, usize)]) -> String {
        let s = s.replace(['\n', '\r', '\t'], " ");
        let (open, close) = if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("⟦", "⟧")
        };
        let marked = |i: usize| marks.iter().any(|&(a, b)| a <= i && i < b);
        let order: Vec<(usize, char)> = if self.visual {
            visual_order(&s)
        } else {
            s.char_indices().collect()
        };
        let mut out = String::with_capacity(s.len() + 16);
        let mut on = false;
        for (i, c) in order {
            let m = marked(i);
            if m != on {
                out.push_str(if m { open } else { close });
                on = m;
            }
            out.push(c);
        }
        if on {
            out.push_str(close);
        }
        out
    }
}

/// The chars of one line in display order (Unicode bidi algorithm), with
/// their byte offsets in the logical string; mirrored brackets mirrored.
fn visual_order(s: &str) -> Vec<(usize, char)> {
    let info = unicode_bidi::BidiInfo::new(s, None);
    let mut out = Vec::with_capacity(s.len());
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let chars = s[run.clone()]
                .char_indices()
                .map(|(i, c)| (i + run.start, c));
            if levels[run.start].is_rtl() {
                out.extend(chars.rev().map(|(i, c)| (i, mirror(c))));
            } else {
                out.extend(chars);
            }
        }
    }
    out
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        '{' => '}',
        '}' => '{',
        _ => c,
    }
}

fn snippet_line(style: &Style, s: &Snippet) -> String {
    let base = s.span.byte_start as usize;
    let marks: Vec<(usize, usize)> = s
        .highlights
        .iter()
        .map(|h| (h.byte_start as usize - base, h.byte_end as usize - base))
        .collect();
    style.line(&s.text, &marks)
}

fn text(out: &mut impl Write, found: &SearchResults, style: &Style) -> Result<()> {
    writeln!(out, "{} match(es)", found.total)?;
    for (n, hit) in found.hits.iter().enumerate() {
        let date = hit.published.as_deref().unwrap_or("-");
        writeln!(out)?;
        writeln!(out, "{}. {}  {date}  score {:.2}", n + 1, hit.id, hit.score)?;
        writeln!(out, "   {}", style.line(&hit.title, &[]))?;
        for s in &hit.snippets {
            writeln!(out, "   … {} …", snippet_line(style, s))?;
        }
        for o in hit.officials.iter().filter(|o| o.person.is_some()).take(5) {
            let mut parts = vec![o.person.clone().unwrap_or_default(), o.role.clone()];
            parts.extend(o.branch.clone().or_else(|| o.org.clone()));
            writeln!(out, "   official: {}", style.line(&parts.join(" — "), &[]))?;
        }
        if hit.doc_type == "directive" {
            for d in &hit.directives {
                let field = |k: &str| d.get(k).and_then(|v| v.as_str()).unwrap_or("-");
                let line = format!(
                    "{}: {} ({}) deadline {}",
                    field("kind"),
                    field("actor"),
                    field("addressee"),
                    field("deadline")
                );
                writeln!(
                    out,
                    "   directive of {}: {}",
                    hit.article,
                    style.line(&line, &[])
                )?;
            }
        } else if !hit.directives.is_empty() {
            writeln!(out, "   {} directive(s)", hit.directives.len())?;
        }
    }
    for (name, values) in &found.facets {
        writeln!(out)?;
        writeln!(out, "{name}:")?;
        for v in values {
            writeln!(out, "  {:>6}  {}", v.count, style.line(&v.value, &[]))?;
        }
    }
    Ok(())
}
