//! RSS 2.0, RSS 1.0 and Atom feeds (parsed by `feed-rs`): one document per
//! item, with its link, title, date and source. A description or content in
//! HTML is reduced to its text by [`super::html::fragment_text`].

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

use super::html;

/// One feed item.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Item {
    /// The item's guid or id, else its link; `None` when it has neither.
    pub id: Option<String>,
    pub title: Option<String>,
    /// The day it was published (or updated), in the feed's own time zone.
    pub published: Option<String>,
    pub url: Option<String>,
    /// The feed's title.
    pub source: Option<String>,
    pub text: String,
}

/// A feed's timestamp with its wall clock kept: `Tue, 08 Dec 2020 01:00:00
/// +0300` is the 8th where it was published, though the 7th in UTC. feed-rs
/// keeps only UTC, so the local time is handed to it as if it were UTC.
fn wall_clock(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let local = |d: DateTime<FixedOffset>| d.naive_local().and_utc();
    DateTime::parse_from_rfc2822(s)
        .map(local)
        .or_else(|_| DateTime::parse_from_rfc3339(s).map(local))
        .ok()
        .or_else(|| {
            [
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M:%S",
                "%a, %d %b %Y %H:%M:%S",
            ]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
            .map(|d| d.and_utc())
        })
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d")
                .ok()?
                .and_hms_opt(0, 0, 0)
                .map(|d| d.and_utc())
        })
}

/// The items of a feed, or why it is not one.
pub(crate) fn items(xml: &str) -> Result<Vec<Item>, String> {
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(wall_clock)
        .id_generator(|links, _, _| links.first().map(|l| l.href.clone()).unwrap_or_default())
        .sanitize_content(false)
        .build();
    let feed = parser
        .parse(xml.as_bytes())
        .map_err(|e| format!("not an RSS or Atom feed: {e}"))?;
    let source = feed.title.map(|t| clean_title(&t.content));
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let body = e
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| e.summary.map(|s| s.content))
                .unwrap_or_default();
            Item {
                id: Some(e.id).filter(|i| !i.trim().is_empty()),
                title: e.title.map(|t| clean_title(&t.content)),
                published: e
                    .published
                    .or(e.updated)
                    .map(|d| d.date_naive().to_string()),
                url: e.links.first().map(|l| l.href.clone()),
                source: source.clone(),
                text: html::fragment_text(&body),
            }
        })
        .collect())
}

/// Titles may carry markup or entities.
fn clean_title(t: &str) -> String {
    html::fragment_text(t).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار الحزب</title><link>https://example.invalid/</link>
<item><title>اجتماع المكتب السياسي</title><link>https://example.invalid/a/1</link>
<guid isPermaLink="false">item-1</guid><pubDate>Tue, 08 Dec 2020 01:00:00 +0300</pubDate>
<description><![CDATA[<p>عقد المكتب السياسي اجتماعه الدوري أمس.</p><p>ودعا الفروع إلى التعبئة.</p>]]></description></item>
<item><title>بيان</title><link>https://example.invalid/a/2</link>
<description>دعا الحزب إلى الحوار.</description></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>فرع المدينة</title><id>urn:x</id><updated>2021-06-01T10:00:00Z</updated>
<entry><title type="html">قرار &lt;b&gt;القيادة&lt;/b&gt;</title><id>urn:x:1</id>
<updated>2021-06-01T10:00:00+02:00</updated><link href="https://example.invalid/e/1"/>
<content type="html">&lt;p&gt;قررت القيادة تأجيل المؤتمر.&lt;/p&gt;</content></entry></feed>"#;

    #[test]
    fn rss_items_with_their_link_title_date_and_text() {
        let items = items(RSS).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id.as_deref(), Some("item-1"));
        assert_eq!(items[0].title.as_deref(), Some("اجتماع المكتب السياسي"));
        // The local day, not the UTC one (2020-12-07T22:00Z).
        assert_eq!(items[0].published.as_deref(), Some("2020-12-08"));
        assert_eq!(items[0].url.as_deref(), Some("https://example.invalid/a/1"));
        assert_eq!(items[0].source.as_deref(), Some("أخبار الحزب"));
        assert_eq!(
            items[0].text,
            "عقد المكتب السياسي اجتماعه الدوري أمس.\nودعا الفروع إلى التعبئة."
        );
        // No guid: the link is the id.
        assert_eq!(items[1].id.as_deref(), Some("https://example.invalid/a/2"));
        assert_eq!(items[1].published, None);
    }

    #[test]
    fn atom_entries_and_non_feeds() {
        let items = items(ATOM).unwrap();
        assert_eq!(items[0].id.as_deref(), Some("urn:x:1"));
        assert_eq!(items[0].title.as_deref(), Some("قرار القيادة"));
        assert_eq!(items[0].published.as_deref(), Some("2021-06-01"));
        assert_eq!(items[0].text, "قررت القيادة تأجيل المؤتمر.");
        assert!(super::items("<html><body>ليس خلاصة</body></html>").is_err());
        assert!(super::items("").is_err());
    }
}
