//! The article in an HTML page: its main text without the site around it
//! (menus, headers, footers, sidebars, share bars, comment forms, "related
//! posts"), and its title, date and address from the page's metadata.
//!
//! The page is parsed by `scraper` (html5ever, the browsers' algorithm, so
//! broken markup parses as a browser would show it). The text is the
//! document fahras analyzes: entity offsets point into it, not into the HTML.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Page {
    pub title: Option<String>,
    /// The publication date or timestamp as the page writes it.
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// The main text: one line per paragraph, heading or list item.
    pub text: String,
}

/// Elements that never hold article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "input", "textarea", "label", "menu", "dialog", "head", "object", "embed",
    "canvas", "video", "audio", "map",
];

/// Elements that end a line of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "figure",
    "figcaption",
    "address",
    "body",
];

/// `class` and `id` words of site furniture, in the names themes use.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[\s_-])(menu|navbar|nav|navigation|breadcrumbs?|footer|site-header|masthead|sidebar|widgets?|comments?|comment-form|respond|related|share|sharing|social|advert|ads|ad|banner|promo|newsletter|subscribe|cookie|popup|modal|pagination|pager|tags|tag-list|author-box|most-read|trending)($|[\s_-])",
    )
    .expect("a valid pattern")
});

/// Headings that introduce a list of other articles.
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)related|read also|see also|more news|ذات صلة|اقرأ أيضا|اقرأ ايضا|إقرأ أيضا|اقرأ أيضًا|أخبار متعلقة|مواضيع متعلقة|الأكثر قراءة|شاهد أيضا|المزيد من الأخبار")
        .expect("a valid pattern")
});

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

/// The article in `html`, a whole page.
pub(crate) fn page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let meta = |selectors: &[&str]| {
        selectors.iter().find_map(|s| {
            root.select(&sel(s))
                .filter_map(|e| {
                    e.value()
                        .attr("content")
                        .or_else(|| e.value().attr("datetime"))
                })
                .map(clean)
                .find(|v| !v.is_empty())
        })
    };
    let title = meta(&[
        r#"meta[property="og:title"]"#,
        r#"meta[name="twitter:title"]"#,
        r#"meta[name="title"]"#,
    ])
    .or_else(|| first_text(root, "title"))
    .or_else(|| first_text(root, "h1"));
    let published = meta(&[
        r#"meta[property="article:published_time"]"#,
        r#"meta[name="article:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[name="publishdate"]"#,
        r#"meta[name="date"]"#,
        r#"meta[name="DC.date.issued"]"#,
        r#"meta[name="dc.date"]"#,
        "time[datetime]",
    ])
    .or_else(|| json_ld_date(root));
    let url = root
        .select(&sel(r#"link[rel="canonical"]"#))
        .find_map(|e| e.value().attr("href"))
        .map(clean)
        .or_else(|| meta(&[r#"meta[property="og:url"]"#]));
    let source = meta(&[r#"meta[property="og:site_name"]"#]);
    let body = main_element(root);
    let mut lines = Lines::default();
    walk(*body, &mut lines);
    Page {
        title,
        published,
        url,
        source,
        text: lines.finish(),
    }
}

/// The text of an HTML fragment (a feed item's description).
pub(crate) fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut lines = Lines::default();
    walk(*doc.root_element(), &mut lines);
    lines.finish()
}

/// The element holding the article: `<article>`, `itemprop=articleBody`,
/// `<main>`, else the body. A candidate with far less text than the body
/// (a teaser `<article>` in a list) is passed over.
fn main_element(root: ElementRef<'_>) -> ElementRef<'_> {
    let body = root.select(&sel("body")).next().unwrap_or(root);
    let size = |e: ElementRef<'_>| {
        let mut l = Lines::default();
        walk(*e, &mut l);
        l.finish().chars().count()
    };
    let whole = size(body);
    for s in [
        r#"[itemprop="articleBody"]"#,
        "article",
        "main",
        r#"[role="main"]"#,
    ] {
        let best = root
            .select(&sel(s))
            .map(|e| (size(e), e))
            .max_by_key(|(n, _)| *n);
        if let Some((n, e)) = best {
            if n * 3 >= whole || n >= 500 {
                return e;
            }
        }
    }
    body
}

fn first_text(root: ElementRef<'_>, s: &str) -> Option<String> {
    root.select(&sel(s))
        .map(|e| clean(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// `"datePublished": "..."` in a JSON-LD block.
fn json_ld_date(root: ElementRef<'_>) -> Option<String> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).expect("a valid pattern")
    });
    root.select(&sel(r#"script[type="application/ld+json"]"#))
        .find_map(|e| {
            let json = e.text().collect::<String>();
            DATE.captures(&json).map(|c| c[1].trim().to_owned())
        })
}

/// Collapse runs of white space.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text gathered line by line.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
}

impl Lines {
    fn text(&mut self, t: &str) {
        for (i, word) in t.split_whitespace().enumerate() {
            let space = i > 0 || t.starts_with(char::is_whitespace);
            if !self.current.is_empty() && space {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
        if t.ends_with(char::is_whitespace) && !self.current.is_empty() {
            self.current.push(' ');
        }
    }

    fn end_line(&mut self) {
        let line = self.current.trim();
        if !line.is_empty() {
            self.done.push(line.to_owned());
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.done.join("\n")
    }
}

fn is_boilerplate(e: &scraper::node::Element) -> bool {
    if SKIP.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    ) {
        return true;
    }
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| BOILERPLATE.is_match(v))
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")
}

fn walk(node: NodeRef<'_, Node>, out: &mut Lines) {
    let mut skip_next_block = false;
    for child in node.children() {
        match child.value() {
            Node::Text(t) => out.text(t),
            Node::Element(e) => {
                let name = e.name();
                if is_boilerplate(e) {
                    // A furniture heading ("related-title") comes with its list.
                    skip_next_block |= is_heading(name);
                    continue;
                }
                if is_heading(name) {
                    let heading: String = ElementRef::wrap(child)
                        .map(|h| h.text().collect())
                        .unwrap_or_default();
                    // A "Related posts" heading and the list after it.
                    if RELATED.is_match(&heading) {
                        skip_next_block = true;
                        continue;
                    }
                }
                let block = BLOCK.contains(&name);
                if skip_next_block && block {
                    skip_next_block = false;
                    continue;
                }
                if block {
                    out.end_line();
                }
                walk(child, out);
                if block {
                    out.end_line();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page written for this test, shaped like a party news site's.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>الحزب | أخبار</title>
<meta property="og:title" content="المكتب السياسي يعقد اجتماعه الدوري">
<meta property="article:published_time" content="2021-03-14T09:30:00+01:00">
<meta property="og:site_name" content="جريدة المثال">
<link rel="canonical" href="https://example.invalid/news/42">
<script>var menu = "لا تظهر";</script>
</head><body>
<header class="site-header"><nav><ul><li>الرئيسية</li><li>سياسة</li></ul></nav></header>
<div class="main-menu">قائمة</div>
<article>
<h1>المكتب السياسي يعقد اجتماعه الدوري</h1>
<div class="entry-content">
<p>عقد المكتب السياسي للحزب اجتماعه الدوري يوم السبت   13 مارس 2021 بالرباط.</p>
<p>وقرر المكتب ما يلي:</p>
<ul><li>أولاً: عقد المؤتمر الوطني في يونيو.</li><li>ثانياً: دعوة الفروع إلى <b>التعبئة</b>.</li></ul>
<div class="share-buttons">شارك على فيسبوك</div>
<h3>مقالات ذات صلة</h3>
<ul><li>خبر آخر لا يخص المقال</li></ul>
</div>
</article>
<aside class="sidebar">الأكثر قراءة</aside>
<div id="comments"><form><textarea>اكتب تعليقك</textarea></form></div>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"#;

    #[test]
    fn the_article_without_the_site() {
        let p = page(PAGE);
        assert_eq!(
            p.title.as_deref(),
            Some("المكتب السياسي يعقد اجتماعه الدوري")
        );
        assert_eq!(p.published.as_deref(), Some("2021-03-14T09:30:00+01:00"));
        assert_eq!(p.url.as_deref(), Some("https://example.invalid/news/42"));
        assert_eq!(p.source.as_deref(), Some("جريدة المثال"));
        assert_eq!(
            p.text,
            "المكتب السياسي يعقد اجتماعه الدوري\n\
             عقد المكتب السياسي للحزب اجتماعه الدوري يوم السبت 13 مارس 2021 بالرباط.\n\
             وقرر المكتب ما يلي:\n\
             أولاً: عقد المؤتمر الوطني في يونيو.\n\
             ثانياً: دعوة الفروع إلى التعبئة."
        );
    }

    #[test]
    fn pages_without_article_markup_and_fragments() {
        let p = page(
            r#"<html><body><div class="menu">روابط</div><p>بيان الحزب</p>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-08"}</script>
            <div class="footer">تذييل</div></body></html>"#,
        );
        assert_eq!(p.text, "بيان الحزب");
        assert_eq!(p.published.as_deref(), Some("2020-12-08"));
        assert_eq!(p.title, None);
        assert_eq!(
            fragment_text("<p>دعا الحزب</p><p>إلى&nbsp;الحوار &amp; التهدئة</p>"),
            "دعا الحزب\nإلى الحوار & التهدئة"
        );
        assert_eq!(page("").text, "");
        assert_eq!(
            page("<<<>>> not html at all").text,
            "<<<>>> not html at all"
        );
    }
}
