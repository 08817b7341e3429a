use super::*;
use crate::extract::{Date, Extractor, KindSet};

fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
    let mut doc = Document::new(text);
    doc.published = published.map(|p| p.parse::<Date>().unwrap());
    Extractor::new(KindSet::EMPTY.with(EntityKind::Date))
        .extract(&doc)
        .entities
        .iter()
        .map(|e| (e.text(text).to_owned(), e.value.clone()))
        .collect()
}

fn one(text: &str, published: &str) -> (String, Option<String>) {
    let d = dates(text, Some(published));
    assert_eq!(d.len(), 1, "{text}: {d:?}");
    d[0].clone()
}

#[test]
fn lexicon_loads() {
    let _ = &*DATES;
}

#[test]
fn every_regional_month_system() {
    let p = "2021-01-10";
    for (text, value) in [
        ("عقد يوم 5 كانون الثاني 2020 اجتماعا", "2020-01-05"),
        ("في 3 شباط 2020", "2020-02-03"),
        ("بتاريخ 12 تشرين الأول 2019", "2019-10-12"),
        ("في 9 أغسطس 2020", "2020-08-09"),
        ("في 9 اغسطس 2020", "2020-08-09"),
        ("في 9 سبتمبر 2020", "2020-09-09"),
        ("في 9 نوفمبر 2020", "2020-11-09"),
        ("في 5 ماي 2020", "2020-05-05"),
        ("في 5 يوليوز 2020", "2020-07-05"),
        ("في 5 غشت 2020", "2020-08-05"),
        ("في 5 شتنبر 2020", "2020-09-05"),
        ("في 5 نونبر 2020", "2020-11-05"),
        ("في 5 دجنبر 2020", "2020-12-05"),
        ("في 5 جانفي 2020", "2020-01-05"),
        ("في 5 فيفري 2020", "2020-02-05"),
        ("في 5 أفريل 2020", "2020-04-05"),
        ("في 5 جوان 2020", "2020-06-05"),
        ("في 5 جويلية 2020", "2020-07-05"),
        ("في 5 أوت 2020", "2020-08-05"),
    ] {
        let date = text.split_once(' ').unwrap().1;
        let date = date.strip_prefix("12 ").map_or(date, |_| date);
        let (span, v) = one(text, p);
        assert!(text.ends_with(&span) || text.contains(&span), "{text}");
        assert!(date.contains(&span) || span.contains(date) || text.contains(&span));
        assert_eq!(v.as_deref(), Some(value), "{text}");
    }
    // The double form and month numbers.
    assert_eq!(
        one("خلال نوفمبر / تشرين الثاني 2017 الماضي", p),
        ("نوفمبر / تشرين الثاني 2017".into(), Some("2017-11".into()))
    );
    assert_eq!(
        one("في مطلع الشهر 11", "2017-12-05"),
        ("مطلع الشهر 11".into(), Some("2017-11".into()))
    );
}

#[test]
fn numeric_dates_day_first_in_both_digit_systems() {
    let p = "2021-01-10";
    for (text, span, value) in [
        ("بتاريخ 7 – 12 – 2020 عقد", "7 – 12 – 2020", "2020-12-07"),
        ("بتاريخ ٧ – ١٢ – ٢٠٢٠ عقد", "٧ – ١٢ – ٢٠٢٠", "2020-12-07"),
        ("بتاريخ 12/03/2021", "12/03/2021", "2021-03-12"),
        ("بتاريخ ١٢/٠٣/٢٠٢١", "١٢/٠٣/٢٠٢١", "2021-03-12"),
        ("بتاريخ 5-7-2021", "5-7-2021", "2021-07-05"),
        ("بتاريخ 5.7.2021", "5.7.2021", "2021-07-05"),
        ("بتاريخ 2021/11/06", "2021/11/06", "2021-11-06"),
        ("بتاريخ 2021-4-5", "2021-4-5", "2021-04-05"),
    ] {
        assert_eq!(one(text, p), (span.into(), Some(value.into())), "{text}");
    }
    // Not dates: a phone number, a score, an impossible month.
    assert!(dates("النتيجة 3-1 و 12/13/2020 والهاتف 0550-12-34", Some(p)).is_empty());
}

#[test]
fn weekdays_years_periods_and_hijri() {
    let p = "2020-05-06";
    let cases = [
        ("يوم الثلاثاء 5 ماي 2020", "2020-05-05"),
        ("عام 2020", "2020"),
        ("شهر تشرين الثاني", "2020-11"),
        ("نهاية شهر يونيو", "2020-06"),
        ("مطلع العام المقبل", "2021"),
        ("الربع الأول من 2021", "2021-01-01/2021-03-31"),
        ("الخميس 12 رمضان 1441 هـ", "2020-05-05"),
        ("7 مايو 2020 م", "2020-05-07"),
        ("شهر رمضان", "2020-04-24/2020-05-23"),
        ("النصف الأول من شهر نيسان 2021", "2021-04-01/2021-04-15"),
        ("الأيام الثلاثة الأخيرة من شهر مارس", "2020-03-29/2020-03-31"),
        ("26 و27 جوان / يونيو 2021", "2021-06-26/2021-06-27"),
        ("شهري أبريل وماي 2021", "2021-04/2021-05"),
    ];
    for (text, value) in cases {
        let sentence = format!("قال المكتب إن {text} كان حاسماً");
        assert_eq!(
            one(&sentence, p),
            (text.to_owned(), Some(value.to_owned())),
            "{text}"
        );
    }
    let hijri_year = one("في سنة 1441 هـ", p);
    assert_eq!(hijri_year.0, "سنة 1441 هـ");
    assert_eq!(hijri_year.1.as_deref(), Some("2019-08-31/2020-08-19"));
    assert_eq!(one("عام ( 1325 ) هجري", p).0, "عام ( 1325 ) هجري");
}

#[test]
fn a_text_cut_anywhere_in_a_date_never_panics() {
    // Feeds end mid-sentence; a date whose range link ("إلى", "حتى", "-",
    // "و") is the last word once indexed a word past the end.
    assert_eq!(
        dates("الأسبوع المقبل إلى", Some("2020-05-06")),
        [(
            "الأسبوع المقبل".to_owned(),
            Some("2020-05-11/2020-05-17".to_owned())
        )]
    );
    let texts = [
        "من 2014 حتى 2018 ثم من الأحد إلى الخميس المقبل",
        "بين 3 و 5 مايو 2020 و 2014 - 2018 و 12/05/2020 إلى 14/05/2020",
        "الخميس 12 رمضان 1441 هـ الموافق 7 مايو 2020 م الساعة 10 صباحاً",
        "مطلع العام المقبل حتى نهاية شهر يونيو 26 و27 جوان / يونيو 2021",
        "الربع الأول من 2021 إلى النصف الأول من شهر نيسان 2021 م",
    ];
    let all = Extractor::new(KindSet::ALL);
    for text in texts {
        for (cut, _) in text.char_indices() {
            let doc = Document::new(&text[..cut]).published(Date::constant(2020, 5, 6));
            let x = all.extract(&doc);
            assert!(
                x.entities.iter().all(|e| e.bytes.end as usize <= cut),
                "{cut}"
            );
        }
    }
}

#[test]
fn pairs_print_as_two_dates() {
    let text = "الخميس 12 رمضان 1441 هـ الموافق 7 مايو 2020 م";
    let d = dates(text, None);
    assert_eq!(
        d,
        [
            (
                "الخميس 12 رمضان 1441 هـ".to_owned(),
                Some("2020-05-05".to_owned())
            ),
            ("7 مايو 2020 م".to_owned(), Some("2020-05-07".to_owned()))
        ]
    );
}

#[test]
fn relative_dates_resolve_against_the_publication_date() {
    let p = "2021-06-10"; // a Thursday
    for (text, value) in [
        ("اليوم", "2021-06-10"),
        ("أمس", "2021-06-09"),
        ("أول أمس", "2021-06-08"),
        ("غداً", "2021-06-11"),
        ("الأسبوع الماضي", "2021-05-31/2021-06-06"),
        ("الشهر المنصرم", "2021-05"),
        ("أول أمس الثلاثاء", "2021-06-08"),
        ("الأيام الثلاثة الأخيرة", "2021-06-07/2021-06-09"),
        ("يوم السبت المقبل", "2021-06-12"),
        ("الثلاثاء الماضي", "2021-06-08"),
        ("مارس الماضي", "2021-03"),
        ("ديسمبر القادم", "2021-12"),
        ("31 ديسمبر الجاري", "2021-12-31"),
    ] {
        let sentence = format!("وقال إن الاجتماع {text} كان مثمراً");
        assert_eq!(
            one(&sentence, p),
            (text.to_owned(), Some(value.to_owned())),
            "{text}"
        );
    }
    // Unknown publication date: marked relative, no value.
    let text = "اجتمع المكتب أمس الثلاثاء";
    let doc = Document::new(text);
    let e = &Extractor::new(KindSet::EMPTY.with(EntityKind::Date))
        .extract(&doc)
        .entities[0];
    assert_eq!(e.text(text), "أمس الثلاثاء");
    assert_eq!(e.value, None);
    let Attrs::Date(a) = &e.attrs else {
        panic!("date attrs")
    };
    assert!(a.relative);
}

#[test]
fn proclitics_are_left_out_of_the_span() {
    let p = "2021-06-10";
    assert_eq!(one("وأمس الأربعاء", p).0, "أمس الأربعاء");
    assert_eq!(one("قرر لعام 2022 خطة", p).0, "عام 2022");
    assert_eq!(one("وَبنهاية شهر حزيران", p).0, "نهاية شهر حزيران");
}

#[test]
fn times_attach_to_their_date() {
    let text = "يعقد المؤتمر يوم الأحد 30 غشت 2020 ابتداءً من الساعة العاشرة صباحاً، ثم يوم 2 شتنبر 2020 على الساعة 16:30.";
    let doc = Document::new(text);
    let found = Extractor::new(KindSet::EMPTY.with(EntityKind::Date))
        .extract(&doc)
        .entities;
    let times: Vec<Option<String>> = found
        .iter()
        .map(|e| match &e.attrs {
            Attrs::Date(a) => a.time.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(found.len(), 2);
    assert_eq!(times, [Some("10:00".into()), Some("16:30".into())]);
}

#[test]
fn words_that_only_look_like_dates() {
    let p = "2021-06-10";
    for text in [
        "مارس الحزب نشاطه",      // مارس: a verb
        "الأمين العام للحزب",     // العام: general
        "اليوم الأول من المؤتمر", // the first day of an event
        "سيارة نيسان",           // a car
        "بلغ عدد المنخرطين 2021 منخرطاً",
    ] {
        assert!(
            dates(text, Some(p)).is_empty(),
            "{text}: {:?}",
            dates(text, Some(p))
        );
    }
}

#[test]
fn days_and_years_in_words() {
    let p = "2016-11-07";
    assert_eq!(
        one("عاد في الحادي والعشرين من مايو", p),
        ("الحادي والعشرين من مايو".into(), Some("2016-05-21".into()))
    );
    assert_eq!(
        one("ولد في سبتمبر 10, ألف وتسعمائة وواحد", p),
        (
            "سبتمبر 10, ألف وتسعمائة وواحد".into(),
            Some("1901-09-10".into())
        )
    );
    assert_eq!(
        one("بين 2 و 7 فبراير ألفين وثمانية عشر", p).1.as_deref(),
        Some("2018-02-02/2018-02-07")
    );
}

#[test]
fn short_numeric_forms_read_day_first_and_skip_scores_and_fractions() {
    let p = "2016-11-07";
    assert_eq!(one("سأعود في 22/4", p).1.as_deref(), Some("2017-04-22"));
    assert_eq!(one("صدر في 3/2015", p).1.as_deref(), Some("2015-03"));
    assert_eq!(one("سوف أعود 18-9-15", p).1.as_deref(), Some("2015-09-18"));
    assert!(dates("فاز الفريق بنتيجة 27-24 (الشوط الأول 14-12)", Some(p)).is_empty());
    assert!(dates("صوت 2/3 الأعضاء", Some(p)).is_empty());
    assert!(dates("القرار رقم 3/2015", Some(p)).is_empty());
}

#[test]
fn offsets_and_spans_from_the_article() {
    let p = "2016-11-07";
    assert_eq!(one("عاد قبل يومين", p).1.as_deref(), Some("2016-11-05"));
    assert_eq!(
        one("رحل قبل خمسة وتسعين عاما", p).1.as_deref(),
        Some("1921")
    );
    assert_eq!(
        one("خلال الأسابيع الثلاثة الماضية", p).1.as_deref(),
        Some("2016-10-17/2016-11-06")
    );
    assert_eq!(
        one("في العقدين الماضيين", p).1.as_deref(),
        Some("1990-01-01/2009-12-31")
    );
    // Counted from an event, or vague: no DATE.
    assert!(dates("بعد يومين من الاجتماع", Some(p)).is_empty());
    assert!(dates("وعود تنسى بعد أيام", Some(p)).is_empty());
    assert!(dates("طيلة الأشهر الماضية", Some(p)).is_empty());
}

#[test]
fn weeks_weekdays_and_days_of_the_month() {
    let p = "2016-11-07"; // a Monday
    assert_eq!(
        one("سأعود يوم الجمعة من الأسبوع المقبل", p).1.as_deref(),
        Some("2016-11-18")
    );
    assert_eq!(
        one("ماذا لدي يوم السبت الثاني", p).1.as_deref(),
        Some("2016-11-12")
    );
    assert_eq!(one("عدت يوم 27", p).1.as_deref(), Some("2016-11-27"));
    assert_eq!(
        one("الأسبوع الأول من أكتوبر", p).1.as_deref(),
        Some("2016-10-03/2016-10-09")
    );
    assert_eq!(
        one("الأسبوع الأول من عام 2015", p).1.as_deref(),
        Some("2014-12-29/2015-01-04")
    );
    assert_eq!(
        one("سأخرج في عطلة نهاية الأسبوع", p).1.as_deref(),
        Some("2016-11-12/2016-11-13")
    );
    assert_eq!(one("في عيد الشكر", p).1.as_deref(), Some("2016-11-24"));
    // "في 15 مدينة" counts cities.
    assert!(dates("انتشر في 15 مدينة", Some(p)).is_empty());
}

#[test]
fn seasons_decades_centuries_and_ranges() {
    let p = "2015-12-24";
    assert_eq!(
        one("في صيف 2016", p).1.as_deref(),
        Some("2016-06-01/2016-08-31")
    );
    assert_eq!(
        one("في أواخر القرن التاسع عشر", p).1.as_deref(),
        Some("1800-01-01/1899-12-31")
    );
    assert_eq!(
        one("في السبعينيات", p).1.as_deref(),
        Some("1970-01-01/1979-12-31")
    );
    assert_eq!(
        one("من 2014 حتى 2018", p).1.as_deref(),
        Some("2014-01-01/2018-12-31")
    );
    assert_eq!(
        one("من 1 – 5 – 2021 إلى 31 – 7 – 2021", p),
        (
            "1 – 5 – 2021 إلى 31 – 7 – 2021".into(),
            Some("2021-05-01/2021-07-31".into())
        )
    );
    // Neither the Arab Spring nor winter nights are dates.
    assert!(dates("منذ الربيع العربي", Some(p)).is_empty());
    assert!(dates("في ليالي الشتاء", Some(p)).is_empty());
}
