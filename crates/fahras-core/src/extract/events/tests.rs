//! Tests of directive and meeting extraction.
//!
//! Every sentence is written for these tests; the parties are fictional.

use jiff::civil::{Date, date};

use crate::extract::{
    Attrs, DirectiveAttrs, DirectiveKind, Document, Entity, EntityKind, Extraction, Extractor,
    KindSet, MeetingAttrs, MeetingKind,
};

/// The publication date of the articles whose dates are relative.
const PUBLISHED: Date = date(2021, 3, 14);

fn run(text: &str) -> Extraction {
    Extractor::new(KindSet::ALL).extract(&Document::new(text))
}

fn run_published(text: &str) -> Extraction {
    Extractor::new(KindSet::ALL).extract(&Document::new(text).published(PUBLISHED))
}

/// Ids of the entities of `kind`, in text order.
fn ids(x: &Extraction, kind: EntityKind) -> Vec<usize> {
    x.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind)
        .map(|(i, _)| i)
        .collect()
}

/// Surfaces of the entities of `kind`, in text order.
fn surfaces<'t>(x: &Extraction, text: &'t str, kind: EntityKind) -> Vec<&'t str> {
    x.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.text(text))
        .collect()
}

fn directive(e: &Entity) -> &DirectiveAttrs {
    match &e.attrs {
        Attrs::Directive(a) => a,
        other => panic!("directive attrs expected, got {other:?}"),
    }
}

fn meeting(e: &Entity) -> &MeetingAttrs {
    match &e.attrs {
        Attrs::Meeting(m) => m,
        other => panic!("meeting attrs expected, got {other:?}"),
    }
}

/// The target of the relation `kind` from entity `from`, if any.
fn target(x: &Extraction, from: usize, kind: &str) -> Option<usize> {
    x.relations
        .iter()
        .find(|r| r.kind == kind && r.from as usize == from)
        .map(|r| r.to as usize)
}

/// The surface of the target of relation `kind` from `from`.
fn target_text<'t>(x: &Extraction, text: &'t str, from: usize, kind: &str) -> Option<&'t str> {
    target(x, from, kind).map(|to| x.entities[to].text(text))
}

/// The only entity of `kind`, with its id.
fn only(x: &Extraction, text: &str, kind: EntityKind) -> usize {
    let found = ids(x, kind);
    assert_eq!(
        found.len(),
        1,
        "one {kind} expected in {:?}",
        surfaces(x, text, kind)
    );
    found[0]
}

// --- 1. A finite reporting verb with its subject after it

#[test]
fn call_verb_starts_at_the_verb_and_resolves_the_title_to_its_holder() {
    let text = "ترأس الأمين العام لحزب الأفق الوطني السيد كريم بن حمودة الاجتماع الدوري للمكتب السياسي. \
                ودعا الأمين العام للحزب أمناء الفروع إلى تجديد الهياكل المحلية.";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    // The proclitic و is left out of the span.
    assert_eq!(
        x.entities[d].text(text),
        "دعا الأمين العام للحزب أمناء الفروع إلى تجديد الهياكل المحلية"
    );
    let a = directive(&x.entities[d]);
    assert_eq!(a.directive_kind, DirectiveKind::Call);
    assert_eq!(a.addressee.as_deref(), Some("أمناء الفروع"));
    assert_eq!(a.content, "تجديد الهياكل المحلية");
    assert_eq!(a.deadline, None);
    // "الأمين العام للحزب" is the title Karim ben Hammouda was named with.
    assert_eq!(a.actor.as_deref(), Some("كريم بن حمودة"));
    assert_eq!(
        target_text(&x, text, d, "issued_by"),
        Some("الأمين العام للحزب")
    );
    assert_eq!(
        target_text(&x, text, d, "addressed_to"),
        Some("أمناء الفروع")
    );
}

// --- 2. A circumstantial participle after a comma

#[test]
fn participle_after_a_comma_takes_the_subject_of_its_sentence() {
    let text =
        "انتقد حزب الميثاق الشعبي قرار الحكومة رفع الأسعار، داعياً إياها إلى التراجع عنه فوراً.";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert_eq!(x.entities[d].text(text), "داعياً إياها إلى التراجع عنه فوراً");
    let a = directive(&x.entities[d]);
    assert_eq!(a.directive_kind, DirectiveKind::Call);
    // Not الحكومة, which the sentence speaks of after its subject.
    assert_eq!(a.actor.as_deref(), Some("حزب الميثاق الشعبي"));
    assert_eq!(
        target_text(&x, text, d, "issued_by"),
        Some("حزب الميثاق الشعبي")
    );
    assert_eq!(a.addressee.as_deref(), Some("إياها"));
}

#[test]
fn participle_after_a_comma_takes_a_title_subject_past_a_place() {
    let text =
        "وخاطب الأمين العام للحزب المناضلين في تجمع شعبي بمدينة بنزرت، داعياً إياهم إلى التعبئة.";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert_eq!(x.entities[d].text(text), "داعياً إياهم إلى التعبئة");
    let a = directive(&x.entities[d]);
    assert_eq!(a.actor.as_deref(), Some("الأمين العام للحزب"));
    assert_eq!(a.content, "التعبئة");
    assert_eq!(
        target_text(&x, text, d, "issued_by"),
        Some("الأمين العام للحزب")
    );
}

// --- 3. Lists after an announcing colon

const MEETING_REPORT: &str =
    "عقد المكتب السياسي لحزب السنابل الديمقراطي اجتماعه الدوري يوم الأحد 14 مارس 2021 بالرباط.";
const BODY: &str = "المكتب السياسي لحزب السنابل الديمقراطي";

/// Check that the directives of `text` are exactly `items` (surface, kind),
/// each issued by the body of the meeting reported first and decided at it.
fn check_list(text: &str, items: &[(&str, DirectiveKind)]) {
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    assert_eq!(meeting(&x.entities[m]).body.as_deref(), Some(BODY));
    let found = ids(&x, EntityKind::Directive);
    let got: Vec<(&str, DirectiveKind)> = found
        .iter()
        .map(|&d| {
            (
                x.entities[d].text(text),
                directive(&x.entities[d]).directive_kind,
            )
        })
        .collect();
    assert_eq!(got, items);
    for &d in &found {
        let a = directive(&x.entities[d]);
        assert_eq!(
            a.actor.as_deref(),
            Some(BODY),
            "{}",
            x.entities[d].text(text)
        );
        assert_eq!(a.content, x.entities[d].text(text));
        assert_eq!(target_text(&x, text, d, "issued_by"), Some(BODY));
        assert_eq!(target(&x, d, "decided_at"), Some(m));
    }
}

#[test]
fn dash_items_after_an_announcing_colon_are_directives_of_the_meeting_body() {
    let text = format!(
        "{MEETING_REPORT}\nوخرج المجتمعون بجملة من القرارات، أبرزها:\n\
         - تنظيم ندوة وطنية للشباب في شهر مايو.\n\
         - تشكيل لجنة لمتابعة الانتخابات المقبلة.\n\
         - دعوة الفروع الجهوية إلى تجديد هياكلها.\n\
         وفي سياق آخر، زار الوفد مدينة فاس."
    );
    // The announcing sentence and the paragraph after the list are no items.
    check_list(
        &text,
        &[
            (
                "تنظيم ندوة وطنية للشباب في شهر مايو",
                DirectiveKind::Decision,
            ),
            (
                "تشكيل لجنة لمتابعة الانتخابات المقبلة",
                DirectiveKind::Decision,
            ),
            ("دعوة الفروع الجهوية إلى تجديد هياكلها", DirectiveKind::Call),
        ],
    );
}

#[test]
fn numbered_items_after_an_announcing_colon_are_directives() {
    let text = format!(
        "{MEETING_REPORT}\nوخرج المجتمعون بجملة من القرارات، أبرزها:\n\
         1. تنظيم ندوة وطنية للشباب.\n\
         2. تشكيل لجنة لمتابعة الانتخابات المقبلة.\n\
         وفي سياق آخر، زار الوفد مدينة فاس."
    );
    check_list(
        &text,
        &[
            ("تنظيم ندوة وطنية للشباب", DirectiveKind::Decision),
            (
                "تشكيل لجنة لمتابعة الانتخابات المقبلة",
                DirectiveKind::Decision,
            ),
        ],
    );
}

#[test]
fn ordinal_word_items_after_ma_yali_are_directives() {
    let text = format!(
        "{MEETING_REPORT}\nوقرر المكتب ما يلي:\n\
         أولاً: تنظيم ندوة وطنية للشباب.\n\
         ثانياً: تشكيل لجنة لمتابعة الانتخابات المقبلة."
    );
    check_list(
        &text,
        &[
            ("تنظيم ندوة وطنية للشباب", DirectiveKind::Decision),
            (
                "تشكيل لجنة لمتابعة الانتخابات المقبلة",
                DirectiveKind::Decision,
            ),
        ],
    );
}

#[test]
fn plain_lines_after_an_announcing_colon_are_items_until_a_new_paragraph() {
    let text = format!(
        "{MEETING_REPORT}\nوخرج المجتمعون بالتوصيات التالية:\n\
         تنظيم ندوة وطنية للشباب\n\
         تشكيل لجنة لمتابعة الانتخابات المقبلة\n\
         تعميم البلاغ على جميع الفروع\n\
         وأشار البلاغ إلى أن الحزب سيشارك في الانتخابات المقبلة."
    );
    // A head noun gives its own kind; otherwise the list noun's.
    check_list(
        &text,
        &[
            ("تنظيم ندوة وطنية للشباب", DirectiveKind::Recommendation),
            (
                "تشكيل لجنة لمتابعة الانتخابات المقبلة",
                DirectiveKind::Decision,
            ),
            ("تعميم البلاغ على جميع الفروع", DirectiveKind::Directive),
        ],
    );
}

#[test]
fn plain_line_list_ends_at_a_paragraph_opening_with_wa_fi() {
    let text = format!(
        "{MEETING_REPORT}\nوخرج المجتمعون بالتوصيات التالية:\n\
         تنظيم ندوة وطنية للشباب\n\
         تشكيل لجنة لمتابعة الانتخابات المقبلة\n\
         وفي سياق آخر، زار الوفد مدينة فاس."
    );
    check_list(
        &text,
        &[
            ("تنظيم ندوة وطنية للشباب", DirectiveKind::Recommendation),
            (
                "تشكيل لجنة لمتابعة الانتخابات المقبلة",
                DirectiveKind::Decision,
            ),
        ],
    );
}

// --- 4. Deadlines

/// The only directive of `text` (published on [`PUBLISHED`]) has the
/// deadline `value`, linked to the DATE `surface`.
fn check_deadline(text: &str, value: &str, surface: &str) {
    let x = run_published(text);
    let d = only(&x, text, EntityKind::Directive);
    assert_eq!(directive(&x.entities[d]).deadline.as_deref(), Some(value));
    let to = target(&x, d, "deadline").expect("a deadline relation");
    assert_eq!(x.entities[to].kind, EntityKind::Date);
    assert_eq!(x.entities[to].text(text), surface);
    assert_eq!(x.entities[to].value.as_deref(), Some(value));
}

#[test]
fn deadline_after_qabla() {
    check_deadline(
        "وجه الأمين العام لحزب الأفق الوطني أمناء المحافظات إلى رفع تقاريرهم قبل 31 مارس 2021.",
        "2021-03-31",
        "31 مارس 2021",
    );
}

#[test]
fn deadline_after_fi_ajal_aqsahu_with_a_numeric_date() {
    check_deadline(
        "أمهل الأمين العام للحزب الفروع المحلية في أجل أقصاه 15/04/2021 لتسوية وضعيتها المالية.",
        "2021-04-15",
        "15/04/2021",
    );
}

#[test]
fn deadline_before_ka_akhir_ajal_resolves_against_the_publication_date() {
    check_deadline(
        "طالب الأمين العام للحزب الهيئات الجهوية بإيداع لوائح المرشحين نهاية شهر يونيو المقبل كآخر أجل.",
        "2021-06",
        "نهاية شهر يونيو المقبل",
    );
}

#[test]
fn a_date_without_a_deadline_word_is_no_deadline() {
    let text = "قرر المكتب السياسي للحزب تنظيم ندوة وطنية يوم 20 أبريل 2021.";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert_eq!(directive(&x.entities[d]).deadline, None);
    assert_eq!(target(&x, d, "deadline"), None);
}

// --- 5. Meetings

#[test]
fn periodic_meeting_with_date_place_and_chair() {
    let text = "عقدت الأمانة الوطنية لحزب الميثاق الشعبي اجتماعها الدوري يوم السبت 6 مارس 2021 \
                بمدينة وهران برئاسة الأمين العام للحزب السيد رشيد بوعلام.";
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    assert!(x.entities[m].text(text).starts_with("عقدت الأمانة الوطنية"));
    assert!(x.entities[m].text(text).ends_with("رشيد بوعلام"));
    let a = meeting(&x.entities[m]);
    assert_eq!(a.meeting_kind, MeetingKind::Periodic);
    assert_eq!(
        a.body.as_deref(),
        Some("الأمانة الوطنية لحزب الميثاق الشعبي")
    );
    assert_eq!(a.date.as_deref(), Some("2021-03-06"));
    assert_eq!(a.place.as_deref(), Some("وهران"));
    assert_eq!(a.chair.as_deref(), Some("رشيد بوعلام"));
    assert_eq!(
        target_text(&x, text, m, "held_by"),
        Some("الأمانة الوطنية لحزب الميثاق الشعبي")
    );
    assert_eq!(
        target_text(&x, text, m, "held_on"),
        Some("يوم السبت 6 مارس 2021")
    );
    assert_eq!(target_text(&x, text, m, "held_in"), Some("وهران"));
    assert_eq!(
        target_text(&x, text, m, "chaired_by"),
        Some("الأمين العام للحزب")
    );
}

#[test]
fn extraordinary_meeting_from_an_indefinite_adjective() {
    let text = "عقدت اللجنة المركزية لحزب الميثاق الشعبي اجتماعاً استثنائياً بالجزائر العاصمة يوم 10 فبراير 2021.";
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    let a = meeting(&x.entities[m]);
    assert_eq!(a.meeting_kind, MeetingKind::Extraordinary);
    assert_eq!(
        a.body.as_deref(),
        Some("اللجنة المركزية لحزب الميثاق الشعبي")
    );
    assert_eq!(a.date.as_deref(), Some("2021-02-10"));
    assert_eq!(a.place.as_deref(), Some("الجزائر"));
    assert_eq!(a.chair, None);
    assert_eq!(target_text(&x, text, m, "held_in"), Some("الجزائر العاصمة"));
}

#[test]
fn monthly_meeting_place_is_the_clause_loc_not_the_branch_loc() {
    let text = "عقد المكتب الجهوي للحزب بسوسة اجتماعه الشهري يوم 2 مارس 2021 بمدينة المنستير.";
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    let a = meeting(&x.entities[m]);
    assert_eq!(a.meeting_kind, MeetingKind::Monthly);
    assert_eq!(a.body.as_deref(), Some("المكتب الجهوي للحزب بسوسة"));
    assert_eq!(a.date.as_deref(), Some("2021-03-02"));
    assert_eq!(a.place.as_deref(), Some("المنستير"));
    assert_eq!(target_text(&x, text, m, "held_in"), Some("المنستير"));
}

#[test]
fn tarassa_with_a_definite_meeting_noun_is_a_monthly_meeting_chaired_by_its_subject() {
    let text = "ترأس الأمين العام لحزب الأفق الوطني كريم بن حمودة الاجتماع الشهري للمكتب السياسي \
                يوم 2 مارس 2021 بمدينة صفاقس.";
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    let a = meeting(&x.entities[m]);
    assert_eq!(a.meeting_kind, MeetingKind::Monthly);
    assert_eq!(a.chair.as_deref(), Some("كريم بن حمودة"));
    assert_eq!(a.date.as_deref(), Some("2021-03-02"));
    assert_eq!(a.place.as_deref(), Some("صفاقس"));
}

#[test]
fn founding_congress_from_its_adjective() {
    let text = "عقد حزب السنابل الديمقراطي مؤتمره التأسيسي يوم 20 يناير 2021 بمدينة الدار البيضاء.";
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    let a = meeting(&x.entities[m]);
    assert_eq!(a.meeting_kind, MeetingKind::FoundingCongress);
    assert_eq!(a.body.as_deref(), Some("حزب السنابل الديمقراطي"));
    assert_eq!(a.date.as_deref(), Some("2021-01-20"));
    assert_eq!(a.place.as_deref(), Some("الدار البيضاء"));
}

#[test]
fn inaqada_al_mutamar_at_tasisi_is_a_founding_congress() {
    let text =
        "انعقد المؤتمر التأسيسي لحزب السنابل الديمقراطي يوم 20 يناير 2021 بمدينة الدار البيضاء.";
    let x = run(text);
    let m = only(&x, text, EntityKind::Meeting);
    assert_eq!(x.entities[m].text(text), text.trim_end_matches('.'));
    let a = meeting(&x.entities[m]);
    assert_eq!(a.meeting_kind, MeetingKind::FoundingCongress);
    assert_eq!(a.date.as_deref(), Some("2021-01-20"));
    assert_eq!(a.place.as_deref(), Some("الدار البيضاء"));
}

// --- 6. What is no directive and no meeting

#[test]
fn akkada_anna_is_a_statement_not_a_directive() {
    let text = "أكد الأمين العام لحزب الأفق الوطني أن الحزب ماضٍ في مسار الإصلاح.";
    let x = run(text);
    assert_eq!(
        surfaces(&x, text, EntityKind::Directive),
        Vec::<&str>::new()
    );
}

#[test]
fn akkada_ala_darurat_is_an_emphasis() {
    let text = "أكد الأمين العام لحزب الأفق الوطني على ضرورة توحيد صفوف المناضلين.";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert_eq!(x.entities[d].text(text), text.trim_end_matches('.'));
    let a = directive(&x.entities[d]);
    assert_eq!(a.directive_kind, DirectiveKind::Emphasis);
    assert_eq!(a.content, "ضرورة توحيد صفوف المناضلين");
    assert_eq!(a.actor.as_deref(), Some("الأمين العام لحزب الأفق الوطني"));
}

#[test]
fn a_planned_meeting_after_ala_an_is_no_meeting() {
    let text = format!(
        "{MEETING_REPORT} واتفق الحاضرون على أن يعقد المكتب اجتماعه المقبل في الأسبوع الأول من أبريل."
    );
    let x = run(&text);
    // Only the meeting reported; the plan is a decision of its body.
    let m = only(&x, &text, EntityKind::Meeting);
    assert!(x.entities[m].text(&text).starts_with("عقد المكتب السياسي"));
    let d = only(&x, &text, EntityKind::Directive);
    let a = directive(&x.entities[d]);
    assert_eq!(a.directive_kind, DirectiveKind::Decision);
    assert_eq!(a.actor.as_deref(), Some(BODY));
    assert_eq!(target(&x, d, "decided_at"), Some(m));
}

#[test]
fn a_verbal_noun_in_a_genitive_chain_is_no_meeting() {
    let text = "ناقش المكتب السياسي مسألة تحديد تواريخ عقد الاجتماعات الجهوية.";
    let x = run(text);
    assert_eq!(surfaces(&x, text, EntityKind::Meeting), Vec::<&str>::new());
    assert_eq!(
        surfaces(&x, text, EntityKind::Directive),
        Vec::<&str>::new()
    );
}

#[test]
fn a_passive_perfect_with_damma_is_no_directive() {
    let text = "وُجّهت الأموال إلى دعم الأسر المتضررة من الفيضانات.";
    let x = run(text);
    assert_eq!(
        surfaces(&x, text, EntityKind::Directive),
        Vec::<&str>::new()
    );
    // The same verb in the active, a shadda but no damma, is one.
    let text = "ووجّهت الأمانة العامة للحزب الفروع إلى تسوية وضعيتها المالية.";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert!(x.entities[d].text(text).starts_with("وجّهت الأمانة"));
    assert_eq!(
        directive(&x.entities[d]).directive_kind,
        DirectiveKind::Directive
    );
}

#[test]
fn label_value_lines_after_an_announcing_colon_are_no_directives() {
    let text = "أعلنت الهيئة العليا للانتخابات المحافظات التالية:\n\
                المرحلة الأولى: القاهرة، الجيزة\n\
                المرحلة الثانية: الإسكندرية، أسوان";
    let x = run(text);
    assert_eq!(
        surfaces(&x, text, EntityKind::Directive),
        Vec::<&str>::new()
    );
}

// --- 7. First person plural inside a quote

#[test]
fn we_decided_in_a_quote_is_issued_by_the_speaker() {
    let text = "وأضاف السيد كريم بن حمودة: «قرّرنا المشاركة في الانتخابات التشريعية المقبلة».";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert!(
        x.entities[d]
            .text(text)
            .starts_with("قرّرنا المشاركة في الانتخابات التشريعية المقبلة")
    );
    let a = directive(&x.entities[d]);
    assert_eq!(a.directive_kind, DirectiveKind::Decision);
    assert_eq!(a.actor.as_deref(), Some("كريم بن حمودة"));
    let to = target(&x, d, "issued_by").expect("issued_by");
    assert_eq!(x.entities[to].kind, EntityKind::Person);
    assert_eq!(x.entities[to].text(text), "كريم بن حمودة");
}

#[test]
fn we_decided_after_a_titled_speaker_resolves_to_the_person() {
    let text = "وأضاف الأمين العام لحزب الأفق الوطني كريم بن حمودة: \
                «قرّرنا المشاركة في الانتخابات التشريعية المقبلة».";
    let x = run(text);
    let d = only(&x, text, EntityKind::Directive);
    assert_eq!(
        directive(&x.entities[d]).actor.as_deref(),
        Some("كريم بن حمودة")
    );
}

// --- 8. Spans

/// Every DIRECTIVE and MEETING of `text`: its char span slices the same text
/// as its byte span, and the byte offsets sit at those char offsets.
fn check_spans(text: &str) -> Extraction {
    let x = run_published(text);
    for e in &x.entities {
        if !matches!(e.kind, EntityKind::Directive | EntityKind::Meeting) {
            continue;
        }
        let (cs, ce) = (e.chars.start as usize, e.chars.end as usize);
        let (bs, be) = (e.bytes.start as usize, e.bytes.end as usize);
        let by_chars: String = text.chars().skip(cs).take(ce - cs).collect();
        assert_eq!(e.text(text), by_chars, "{:?}", e.kind);
        assert_eq!(text[..bs].chars().count(), cs, "{}", e.text(text));
        assert_eq!(text[..be].chars().count(), ce, "{}", e.text(text));
        assert!(!e.text(text).starts_with(char::is_whitespace));
        assert!(!e.text(text).ends_with(char::is_whitespace));
    }
    x
}

#[test]
fn spans_slice_the_text_by_chars_and_by_bytes_alike() {
    let texts = [
        "ترأس الأمين العام لحزب الأفق الوطني السيد كريم بن حمودة الاجتماع الدوري للمكتب السياسي. \
         ودعا الأمين العام للحزب أمناء الفروع إلى تجديد الهياكل المحلية.",
        "عقدت الأمانة الوطنية لحزب الميثاق الشعبي اجتماعها الدوري يوم السبت 6 مارس 2021 \
         بمدينة وهران برئاسة الأمين العام للحزب السيد رشيد بوعلام.",
        "عقد المكتب السياسي لحزب السنابل الديمقراطي اجتماعه الدوري يوم الأحد 14 مارس 2021 بالرباط.\n\
         وخرج المجتمعون بجملة من القرارات، أبرزها:\n\
         - تنظيم ندوة وطنية للشباب في شهر مايو.\n\
         - تشكيل لجنة لمتابعة الانتخابات المقبلة.",
        "طالب الأمين العام للحزب الهيئات الجهوية بإيداع لوائح المرشحين نهاية شهر يونيو المقبل كآخر أجل.",
    ];
    for text in texts {
        let x = check_spans(text);
        let n = ids(&x, EntityKind::Directive).len() + ids(&x, EntityKind::Meeting).len();
        assert!(n >= 1, "no event in {text}");
    }
}

#[test]
fn span_of_a_trigger_with_diacritics_and_tatweel_leaves_out_the_proclitic() {
    let text =
        "وقال المتحدث باسم الحزب إن الوضع صعب. وَدَعَـــا الأمين العام للحزب المناضلين إلى اليقظة.";
    let x = check_spans(text);
    let d = only(&x, text, EntityKind::Directive);
    let e = &x.entities[d];
    assert_eq!(
        e.text(text),
        "دَعَـــا الأمين العام للحزب المناضلين إلى اليقظة"
    );
    let start = text.find("دَعَـــا").expect("the trigger");
    assert_eq!(e.bytes.start as usize, start);
    assert_eq!(e.chars.start as usize, text[..start].chars().count());
    let a = directive(e);
    assert_eq!(a.directive_kind, DirectiveKind::Call);
    assert_eq!(a.addressee.as_deref(), Some("المناضلين"));
    assert_eq!(a.content, "اليقظة");
}
