//! Directives in the seed articles: every item of the decision list of the
//! Syria Future Party's executive body (seed 004) and every call of the two
//! Moroccan secretaries-general (seeds 002 and 003) is found, with its
//! actor and, where the article sets one, its deadline. And the directives
//! table of `fahras extract --table directives`.

use fahras_core::extract::{
    Attrs, Date, DirectiveAttrs, DirectiveKind, Document, EntityKind, Extraction, Extractor,
    KindSet,
};

use crate::support::{fahras, seed};

/// One directive the extractor must find.
struct Want {
    /// Words the directive's text starts with (after the trigger for calls).
    starts: &'static str,
    kind: DirectiveKind,
    /// The actor's name.
    actor: &'static str,
    /// The deadline's value, when the article sets one.
    deadline: Option<&'static str>,
}

fn directives(text: &str, published: Option<Date>) -> (Extraction, Vec<(String, DirectiveAttrs)>) {
    let mut doc = Document::new(text);
    doc.published = published;
    let x = Extractor::new(KindSet::ALL).extract(&doc);
    let found = x
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Directive)
        .filter_map(|e| match &e.attrs {
            Attrs::Directive(a) => Some((e.text(text).to_owned(), a.clone())),
            _ => None,
        })
        .collect();
    (x, found)
}

fn check(seed_prefix: &str, published: Option<Date>, wants: &[Want]) {
    let Some((name, text)) = seed(seed_prefix) else {
        return;
    };
    let (_, found) = directives(&text, published);
    for w in wants {
        let hit = found.iter().find(|(t, _)| t.starts_with(w.starts));
        let Some((t, a)) = hit else {
            let all: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
            panic!(
                "{name}: no directive starts with «{}»; found {all:#?}",
                w.starts
            );
        };
        assert_eq!(a.directive_kind, w.kind, "{name}: kind of «{t}»");
        assert_eq!(a.actor.as_deref(), Some(w.actor), "{name}: actor of «{t}»");
        assert_eq!(
            a.deadline.as_deref(),
            w.deadline,
            "{name}: deadline of «{t}»"
        );
    }
}

/// The body as the article names it when it reports the meeting, before it
/// names the party.
const SFP_BODY: &str = "الهيئة التنفيذية للحزب";

#[test]
fn every_decision_of_the_syria_future_party_meeting_is_found() {
    let item = |starts| Want {
        starts,
        kind: DirectiveKind::Decision,
        actor: SFP_BODY,
        deadline: None,
    };
    check(
        "004",
        None,
        &[
            item("عقد سلسلة من الاجتماعات مع الهيئات التنفيذية في المدن"),
            item("عقد سلسة من الاجتماعات مع مكاتب الحزب في المركز العام"),
            item("تطوير التأهيل الفكري والحلقات التدريبية"),
            item("وضع خطة وآلية لعمل الرفاق الحزبيين"),
            item("عقد اجتماع دوري للرفاق في المركز العام"),
            item("كتابة توجيهات عامة لكافة الهيئات"),
            item("تطوير العمل الإعلامي في الحزب"),
            item("التواصل مع الداخل السوري"),
            item("العمل على ملئ الشواغر في الهيئات التنفيذية"),
        ],
    );
}

#[test]
fn every_call_of_the_moroccan_secretaries_general_is_found() {
    let wahbi = "عبد اللطيف وهبي";
    let call = |starts, actor| Want {
        starts,
        kind: DirectiveKind::Call,
        actor,
        deadline: None,
    };
    check(
        "002",
        None,
        &[
            call("دعا السيد الأمين العام جميع السادة الامناء الجهويين", wahbi),
            call(
                "دعا الأمين العام السادة الأمناء الجهويين إلى العمل في أقرب الآجال",
                wahbi,
            ),
            call("طالب الأمين العام من السادة الأمناء الجهويين", wahbi),
            call("داعيا في الوقت نفسه إلى انفتاح هؤلاء الأمناء الجهويين", wahbi),
        ],
    );
    // The article says "أول أمس" without a date line; 2021 is the year of its
    // meeting, so "نهاية شهر يونيو من السنة الجارية" is June 2021.
    let published = Some(Date::constant(2021, 5, 27));
    let benabdallah = "محمد نبيل بنعبدالله";
    check(
        "003",
        published,
        &[
            call("يدعو فروع الحزب إلى برمجة اجتماعات دورية", benabdallah),
            call(
                "دعا الأمين العام للحزب، إلى ضرورة تفعيل هذه الآلية",
                benabdallah,
            ),
            call("دعا الفروع الإقليمية والمحلية إلى التفاعل", benabdallah),
            Want {
                starts: "شدد الأمين العام، على ضرورة اقتراح مبادرات",
                kind: DirectiveKind::Emphasis,
                actor: benabdallah,
                deadline: None,
            },
            Want {
                starts: "طالب الأمين العام لحزب التقدم والاشتراكية، كتاب الفروع",
                kind: DirectiveKind::Call,
                actor: benabdallah,
                deadline: Some("2021-06"),
            },
        ],
    );
}

#[test]
fn the_directives_table_has_one_row_per_directive_in_csv_and_jsonl() {
    let Some((_, text)) = seed("004") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let line = serde_json::json!({"id": "sfp", "text": text, "published": "2020-12-09"});
    std::fs::write(&input, format!("{line}\n")).unwrap();
    let (x, found) = directives(&text, Some(Date::constant(2020, 12, 9)));

    let out = fahras()
        .args(["extract", "--table", "directives", "--format", "csv"])
        .arg(&input)
        .assert()
        .success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("doc_id,date,actor,kind,addressee,content,deadline,start,end")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), found.len());
    // Decided at the meeting of 7 December 2020, not on the publication date.
    let first_item = rows
        .iter()
        .find(|r| r.contains("عقد سلسلة من الاجتماعات مع الهيئات"))
        .unwrap();
    assert!(
        first_item.starts_with(&format!("sfp,2020-12-07,{SFP_BODY},decision,")),
        "{first_item}"
    );

    let out = fahras()
        .args(["extract", "--table", "directives", "--format", "jsonl"])
        .arg(&input)
        .assert()
        .success();
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The same rows the library gives, spans into the original text.
    let library = x.directive_rows("sfp", Some(Date::constant(2020, 12, 9)));
    assert_eq!(rows.len(), library.len());
    let chars: Vec<char> = text.chars().collect();
    for (row, lib) in rows.iter().zip(&library) {
        assert_eq!(row["content"], lib.content.as_str());
        let (s, e) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        let span: String = chars[s as usize..e as usize].iter().collect();
        assert!(span.ends_with(&lib.content), "{span} / {}", lib.content);
    }

    // CSV without a table is the entity table.
    let out = fahras()
        .args(["extract", "--format", "csv"])
        .arg(&input)
        .assert()
        .success();
    let csv = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(
        csv.starts_with("doc_id,id,kind,start,end,byte_start,byte_end,text,value,attrs\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), x.entities.len() + 1);
}
