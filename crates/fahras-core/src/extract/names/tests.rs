//! The contextual rules of the issue, each on a sentence of its own.

use crate::extract::{Attrs, Document, EntityKind, Extraction, Extractor, KindSet};

fn run(text: &str) -> Extraction {
    Extractor::new(KindSet::ALL).extract(&Document::new(text))
}

/// `(kind, surface, value)` of every entity.
/// The PERSON entities of `text`: (text, value).
fn persons(text: &str) -> Vec<(String, String)> {
    found(text)
        .into_iter()
        .filter(|(k, _, _)| *k == EntityKind::Person)
        .map(|(_, s, v)| (s, v))
        .collect()
}

/// The surfaces of the PERSON entities of `text`.
fn person_texts(text: &str) -> Vec<String> {
    surfaces(text, EntityKind::Person)
}

/// The surfaces of the entities of `kind` in `text`.
fn surfaces(text: &str, kind: EntityKind) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|(k, _, _)| *k == kind)
        .map(|(_, s, _)| s)
        .collect()
}

fn found(text: &str) -> Vec<(EntityKind, String, String)> {
    run(text)
        .entities
        .iter()
        .map(|e| {
            (
                e.kind,
                e.text(text).to_owned(),
                e.value.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The first PERSON of `text`: its surface and its honorifics.
fn first_person(text: &str) -> (String, Vec<String>) {
    let x = run(text);
    let p = x
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .unwrap_or_else(|| panic!("no person in {text}: {:?}", found(text)));
    let Attrs::Person(a) = &p.attrs else {
        panic!("person attrs")
    };
    (p.text(text).to_owned(), a.honorifics.clone())
}

fn has(text: &str, kind: EntityKind, surface: &str) -> bool {
    found(text)
        .iter()
        .any(|(k, s, _)| *k == kind && s == surface)
}

/// Each `(text, surface)` has an entity of `kind` over `surface`.
fn each_has(kind: EntityKind, cases: &[(&str, &str)]) {
    for (text, surface) in cases {
        assert!(has(text, kind, surface), "{surface}: {:?}", found(text));
    }
}

#[test]
fn short_forms_resolve_to_one_canonical_party() {
    for (text, surface) in [
        (
            "أكد حزب البعث العربي الاشتراكي موقفه.",
            "حزب البعث العربي الاشتراكي",
        ),
        ("أكد حزب البعث موقفه.", "حزب البعث"),
        ("قال مندوب «البعث» إن الاجتماع انتهى.", "البعث"),
    ] {
        let f = found(text);
        let org = f
            .iter()
            .find(|(k, s, _)| *k == EntityKind::Org && s == surface)
            .unwrap_or_else(|| panic!("{surface} in {f:?}"));
        assert_eq!(org.2, "حزب البعث العربي الاشتراكي");
    }
    // The common noun "البعث" (revival) is no organization.
    assert!(!has(
        "دعا إلى البعث الحضاري للأمة.",
        EntityKind::Org,
        "البعث"
    ));
    for (text, canonical) in [
        (
            "اجتمع المكتب السياسي لحزب التقدم والاشتراكية.",
            "حزب التقدم والاشتراكية",
        ),
        ("عقد حزب الأصالة والمعاصرة مجلسه.", "حزب الأصالة والمعاصرة"),
    ] {
        assert!(
            found(text)
                .iter()
                .any(|(k, _, v)| *k == EntityKind::Org && v == canonical),
            "{canonical} in {:?}",
            found(text)
        );
    }
}

#[test]
fn a_listed_party_name_ends_where_the_clause_goes_on() {
    // The object of "ترأس" follows the party's name: it is no part of it,
    // and the branch and the role belong to the listed party.
    let text = "ترأس الرفيق هيثم إسماعيل أمين فرع اللاذقية لحزب البعث العربي الاشتراكي الاجتماع الدوري للقيادة.";
    let f = found(text);
    let orgs: Vec<_> = f.iter().filter(|(k, _, _)| *k == EntityKind::Org).collect();
    assert_eq!(
        orgs.first().map(|(_, s, v)| (s.as_str(), v.as_str())),
        Some(("حزب البعث العربي الاشتراكي", "حزب البعث العربي الاشتراكي")),
        "{f:?}"
    );
    assert!(
        has(
            text,
            EntityKind::Branch,
            "فرع اللاذقية لحزب البعث العربي الاشتراكي"
        ),
        "{f:?}"
    );
    // A relational adjective after a listed name still belongs to it.
    let text = "هاجم مسلحون من حزب العمال الكردستاني التركي موقعا.";
    assert!(
        has(text, EntityKind::Org, "حزب العمال الكردستاني التركي"),
        "{:?}",
        found(text)
    );
}

#[test]
fn traffic_and_gatherings_are_no_movements() {
    // "حركة" is also traffic and motion, "تجمع" a gathering.
    for text in [
        "تنشط حركة الرياح السطحية على المرتفعات.",
        "توقفت حركة الملاحة البحرية في الميناء.",
        "شهدت حركة البيع والشراء تراجعا.",
        "رصدت الدوريات تجمع العناصر المسلحة قرب الحدود.",
    ] {
        let f = found(text);
        assert!(
            !f.iter().any(|(k, _, _)| *k == EntityKind::Org),
            "{text}: {f:?}"
        );
    }
    each_has(
        EntityKind::Org,
        &[
            ("أعلنت حركة مجتمع السلم مشاركتها.", "حركة مجتمع السلم"),
            (
                "انتقد قيادي في حركة التوحيد والإصلاح القرار.",
                "حركة التوحيد والإصلاح",
            ),
            (
                "دعا تجمع المهنيين السودانيين إلى الإضراب.",
                "تجمع المهنيين السودانيين",
            ),
        ],
    );
}

#[test]
fn an_ordinal_counts_and_a_listed_place_stays_a_place() {
    let text = "تأهل المنتخب إلى المجموعة الثانية وعبرت السفن قناة السويس.";
    let f = found(text);
    assert!(!f.iter().any(|(k, _, _)| *k == EntityKind::Org), "{f:?}");
    let x = run(text);
    let canal = x
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Loc && e.text(text) == "قناة السويس")
        .unwrap_or_else(|| panic!("the canal in {f:?}"));
    let Attrs::Loc(a) = &canal.attrs else {
        panic!("loc attrs")
    };
    assert_eq!(a.country.as_deref(), Some("EG"));
    // A channel is named by its number; a body named after the place is a body.
    each_has(
        EntityKind::Org,
        &[
            ("بثت القناة الأولى الخبر.", "القناة الأولى"),
            (
                "عاقب الاتحاد الروسي لكرة القدم النادي.",
                "الاتحاد الروسي لكرة القدم",
            ),
            (
                "قال رئيس هيئة قناة السويس إن الإيرادات ارتفعت.",
                "هيئة قناة السويس",
            ),
        ],
    );
}

#[test]
fn crown_princes_blessings_and_forms_of_address() {
    let text = "وأصدر سمو ولي العهد الشيخ تميم بن حمد آل ثاني قرارا. وقال ولي الأمر إن ابنه نجح.";
    let f = found(text);
    assert!(has(text, EntityKind::Role, "ولي العهد"), "{f:?}");
    assert!(
        has(text, EntityKind::Person, "تميم بن حمد آل ثاني"),
        "{f:?}"
    );
    // A guardian holds no office.
    assert!(!has(text, EntityKind::Role, "ولي الأمر"), "{f:?}");
    assert!(
        !f.iter()
            .any(|(k, s, _)| *k == EntityKind::Person && s.starts_with("ولي")),
        "{f:?}"
    );
    // A blessing after a name is no part of it.
    assert_eq!(
        person_texts("روي عن أبي هريرة رضي الله عنه أنه قال."),
        ["أبي هريرة"]
    );
    let ps = person_texts("مر الحسن والحسين رضي الله عنهما على شيخ.");
    assert!(
        ps.iter().any(|p| p == "الحسين") && !ps.iter().any(|p| p.contains("رضي")),
        "{ps:?}"
    );
    // "His Highness" and "saying" are who speaks, never a name.
    assert!(person_texts("وقال سموه إن المعهد مهم. وأضاف قائلا إن التوقيع تم.").is_empty());
    // A prince's given name may be an "عبد" compound.
    assert_eq!(
        person_texts("وقاوم الأمير عبد القادر الاستعمار."),
        ["عبد القادر"]
    );
}

#[test]
fn a_titles_domain_keeps_its_adjectives() {
    each_has(
        EntityKind::Role,
        &[
            (
                "وقال وزير التعليم العالي إن الجامعات جاهزة.",
                "وزير التعليم العالي",
            ),
            (
                "التقى وزير الشؤون الاجتماعية وائل أبو فاعور وفدا.",
                "وزير الشؤون الاجتماعية",
            ),
            ("وأعلن وزير الموارد المائية خطة.", "وزير الموارد المائية"),
            (
                "وقال مدير الدفاع المدني بمنطقة تبوك إن",
                "مدير الدفاع المدني بمنطقة تبوك",
            ),
        ],
    );
    // A masculine nisba after a feminine noun is a family name, and a
    // nationality says whose office it is, as before.
    let text = "وقال رئيس البعثة الحلبي إن الفريق وصل.";
    assert!(
        has(text, EntityKind::Role, "رئيس البعثة"),
        "{:?}",
        found(text)
    );
    assert!(
        !has(text, EntityKind::Role, "رئيس البعثة الحلبي"),
        "{:?}",
        found(text)
    );
    let text = "وقال وزير الدفاع الأمريكي إن القوات باقية.";
    assert!(
        has(text, EntityKind::Role, "وزير الدفاع"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_name_ends_before_a_function_word_behind_a_preposition() {
    // A stop word behind ل, a letter written apart with a tatweel and a
    // common noun behind ل are no family names; coreference used to find
    // the word alone everywhere after.
    assert_eq!(
        person_texts("وقال عمر بن الخطاب لما رأى الجيش."),
        ["عمر بن الخطاب"]
    );
    assert_eq!(
        person_texts("وأضاف ياسر أحمد محمد لـ\"الرياض\" إن الوفد وصل."),
        ["ياسر أحمد محمد"]
    );
    assert_eq!(
        person_texts("وقال أكرم خشيم لعدم وجود الخبرة."),
        ["أكرم خشيم"]
    );
    // A need is no pilgrim: "حاجة" addresses only a listed name.
    for text in [
        "وقال إن هناك حاجة لزيادة الواردات.",
        "وأما الآن فلا حاجة لهذا العدد الضخم.",
        "وهناك حاجة ماسة لمزيد من التعزيزات.",
    ] {
        assert!(person_texts(text).is_empty(), "{text}: {:?}", found(text));
    }
    assert_eq!(
        person_texts("وقالت الحاجة فاطمة أحمد إن البيت قديم."),
        ["فاطمة أحمد"]
    );
}

#[test]
fn a_nationality_after_a_noun_is_its_adjective_not_a_family_name() {
    // "السعودي" is a family name, read again alone after the full name, but
    // after a noun it is the noun's adjective.
    let text = "قال محمد السعودي إن المنتخب السعودي جاهز. وأضاف السعودي أن الفريق مستعد.";
    let ps = person_texts(text);
    assert_eq!(ps, ["محمد السعودي", "السعودي"], "{:?}", found(text));
}

#[test]
fn a_people_and_a_book_are_no_branch_and_no_office() {
    let text = "حيا الرئيس شعب مصر. وتلا الحاضرون آيات من كتاب الله.";
    let f = found(text);
    assert!(!has(text, EntityKind::Branch, "شعب مصر"), "{f:?}");
    assert!(!has(text, EntityKind::Role, "كتاب الله"), "{f:?}");
    // The party's sections are branches.
    let text = "دعا أمناء الشعب والفرق الحزبية إلى متابعة العمل على شعب المدينة.";
    assert!(
        has(text, EntityKind::Branch, "الشعب والفرق الحزبية"),
        "{:?}",
        found(text)
    );
    assert!(
        has(text, EntityKind::Branch, "شعب المدينة"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_place_shaped_word_after_a_noun_is_its_adjective() {
    for (text, adjective) in [
        ("أعلنت الشركة السعودية للكهرباء نتائجها.", "السعودية"),
        ("شارك الفيلم القصير في المهرجان.", "القصير"),
        ("يعالج الفريق مرض المياه البيضاء.", "البيضاء"),
    ] {
        assert!(!has(text, EntityKind::Loc, adjective), "{:?}", found(text));
    }
    each_has(
        EntityKind::Loc,
        &[
            ("وصل الوفد إلى العاصمة السودانية الخرطوم.", "الخرطوم"),
            ("أكد الوزير التزام اليمن بالاتفاق.", "اليمن"),
            (
                "زار الوزير المملكة العربية السعودية.",
                "المملكة العربية السعودية",
            ),
        ],
    );
}

#[test]
fn al_am_in_a_title_is_no_date() {
    let text = "قال الأمين العام للحزب إن العام المقبل حاسم.";
    let f = found(text);
    assert!(has(text, EntityKind::Role, "الأمين العام للحزب"), "{f:?}");
    assert!(
        !f.iter()
            .any(|(k, s, _)| *k == EntityKind::Date && s.contains("الأمين")),
        "{f:?}"
    );
}

#[test]
fn a_branch_nests_its_place_and_belongs_to_the_party_named_before() {
    let text = "أصدر حزب البعث العربي الاشتراكي بيانا. وقال أمين فرع اللاذقية للحزب إن الفرع جاهز.";
    let x = run(text);
    let branch = x
        .entities
        .iter()
        .position(|e| e.kind == EntityKind::Branch)
        .expect("a branch");
    assert_eq!(x.entities[branch].text(text), "فرع اللاذقية للحزب");
    let Attrs::Branch(a) = &x.entities[branch].attrs else {
        panic!("branch attrs")
    };
    assert_eq!(a.location.as_deref(), Some("اللاذقية"));
    assert_eq!(a.parent.as_deref(), Some("حزب البعث العربي الاشتراكي"));
    let to = |kind: &str| {
        x.relations
            .iter()
            .find(|r| r.kind == kind && r.from as usize == branch)
            .map(|r| x.entities[r.to as usize].text(text))
    };
    assert_eq!(to("located_in"), Some("اللاذقية"));
    assert_eq!(to("branch_of"), Some("حزب البعث العربي الاشتراكي"));
}

#[test]
fn plural_and_generic_branches() {
    for (text, branch) in [
        (
            "اجتمعت قيادة الحزب مع فروع الحزب في المحافظات أمس.",
            "فروع الحزب في المحافظات",
        ),
        (
            "دعا الأمين العام الأمانات الجهوية إلى العمل.",
            "الأمانات الجهوية",
        ),
        (
            "برمجة اجتماعات دورية للمكاتب الإقليمية للحزب.",
            "للمكاتب الإقليمية للحزب",
        ),
    ] {
        assert!(
            has(text, EntityKind::Branch, branch),
            "{branch}: {:?}",
            found(text)
        );
    }
}

#[test]
fn persons_across_the_naming_patterns_of_the_region() {
    for (text, name) in [
        ("استقبل السيد عبد اللطيف وهبي الوفد.", "عبد اللطيف وهبي"),
        (
            "ترأس الرفيق محمد نبيل بنعبدالله الاجتماع.",
            "محمد نبيل بنعبدالله",
        ),
        (
            "حضر الاجتماع السيد محمد عبد الله ولد الداه.",
            "محمد عبد الله ولد الداه",
        ),
        (
            "وأكد الأستاذ عبد الحميد بن سالم أن الحزب جاهز.",
            "عبد الحميد بن سالم",
        ),
    ] {
        let (got, honorifics) = first_person(text);
        assert_eq!(got, name);
        assert_eq!(honorifics.len(), 1, "{honorifics:?}");
    }
    // A kunya whose name is an "عبد" compound is read whole.
    let text = "وقال أبو عبد الله إن الاتفاق صامد.";
    assert!(
        has(text, EntityKind::Person, "أبو عبد الله"),
        "{:?}",
        found(text)
    );
    // "بن" followed by an "عبد" compound is one link of the chain.
    let text = "وقاد الأمير محمد بن عبد الكريم الخطابي المقاومة.";
    assert!(
        has(text, EntityKind::Person, "محمد بن عبد الكريم الخطابي"),
        "{:?}",
        found(text)
    );
    // A family name alone later is the same person, with the full name as value.
    let text = "قال السيد عبد اللطيف وهبي إن الحزب جاهز. وأضاف وهبي أن العمل مستمر.";
    assert!(
        found(text)
            .iter()
            .any(|(k, s, v)| *k == EntityKind::Person && s == "وهبي" && v == "عبد اللطيف وهبي"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_place_inside_a_party_name_is_not_a_loc() {
    let text = "الدور الذي يستطيع حزب سوريا المستقبل أن يلعبه.";
    assert!(
        has(text, EntityKind::Org, "حزب سوريا المستقبل"),
        "{:?}",
        found(text)
    );
    assert!(!has(text, EntityKind::Loc, "سوريا"), "{:?}", found(text));
}

#[test]
fn places_carry_canonical_name_and_country() {
    let text = "زار الوفد ولاية سطيف ثم عاد إلى الجزائر العاصمة.";
    let x = run(text);
    let loc = x
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Loc && e.text(text) == "ولاية سطيف")
        .expect("ولاية سطيف");
    assert_eq!(loc.value.as_deref(), Some("سطيف"));
    let Attrs::Loc(a) = &loc.attrs else {
        panic!("loc attrs")
    };
    assert_eq!(a.country.as_deref(), Some("DZ"));
}

#[test]
fn an_honorific_of_several_words_stays_out_of_the_name() {
    let fold = |s: &str| crate::text::Analyzer::new(crate::text::Profile::Search).normalize(s);
    for (text, name, honorific) in [
        (
            "وقال آية الله علي السيستاني إن الانتخابات ضرورية.",
            "علي السيستاني",
            "آية الله",
        ),
        (
            "والتقى آية الله العظمى علي السيستاني الوفد.",
            "علي السيستاني",
            "آية الله العظمى",
        ),
        (
            "وألقى حجة الإسلام حسن روحاني كلمة.",
            "حسن روحاني",
            "حجة الإسلام",
        ),
    ] {
        let (got, honorifics) = first_person(text);
        assert_eq!(got, name, "{text}");
        assert_eq!(honorifics, [fold(honorific)], "{text}");
    }
}

#[test]
fn a_unit_word_names_a_place_of_its_own_kind_first() {
    // الرياض is also a district of Nouakchott, switched off in the list: a
    // unit word makes that row readable, but "مدينة" names a city and "حي" a
    // district.
    let text = "التقى الأمين العام الوفد في مدينة الرياض أمس، ثم زار حي الرياض في نواكشوط.";
    let x = run(text);
    let countries: Vec<(&str, Option<&str>)> = x
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Loc)
        .map(|e| {
            let country = match &e.attrs {
                Attrs::Loc(a) => a.country.as_deref(),
                _ => None,
            };
            (e.text(text), country)
        })
        .collect();
    assert!(countries.contains(&("الرياض", Some("SA"))), "{countries:?}");
    assert!(
        countries.contains(&("حي الرياض", Some("MR"))),
        "{countries:?}"
    );
}

#[test]
fn gazetteer_names_start_at_tokens_and_behind_proclitics() {
    // A name behind a proclitic is found whole ("برام الله"), and a name
    // inside a longer one is not found alone ("كردفان").
    let text = "وصل الوفد برام الله ثم زار جنوب كردفان.";
    let f = found(text);
    for (surface, value) in [("رام الله", "رام الله"), ("جنوب كردفان", "جنوب كردفان")]
    {
        assert!(
            f.iter()
                .any(|(k, s, v)| *k == EntityKind::Loc && s == surface && v == value),
            "{surface} in {f:?}"
        );
    }
    assert!(
        !f.iter().any(|(_, s, _)| s == "برام" || s == "كردفان"),
        "{f:?}"
    );
    // A word with a proclitic continues no name: "دمشق وحلب" is two places.
    let text = "زار الوفد دمشق وحلب.";
    let places: Vec<String> = found(text)
        .into_iter()
        .filter(|(k, _, _)| *k == EntityKind::Loc)
        .map(|(_, s, _)| s)
        .collect();
    assert_eq!(places, ["دمشق", "حلب"]);
}

#[test]
fn a_name_split_where_it_was_joined_is_the_same_person() {
    // "بنعبد الله" later in the text is "محمد نبيل بنعبدالله"; function
    // words that join into a key ("على أن" for "عليان") are not.
    let text = "قال محمد نبيل بنعبدالله إن الحزب مستعد.\n\nوأكد بنعبد الله على أن العمل مستمر. وقال عبيد عليان كلمة.";
    let f = found(text);
    assert!(
        f.iter().any(|(k, s, v)| *k == EntityKind::Person
            && s == "بنعبد الله"
            && v == "محمد نبيل بنعبدالله"),
        "{f:?}"
    );
    assert!(!f.iter().any(|(_, s, _)| s == "على أن"), "{f:?}");
}

#[test]
fn public_figures_and_transliterated_names_without_a_cue() {
    // A family name the gazetteer knows, alone and behind a proclitic, takes
    // the full name as value.
    assert_eq!(
        persons("ورفض بلير الاقتراح، فيما رحب به وشيراك أمس."),
        vec![
            ("بلير".into(), "توني بلير".into()),
            ("شيراك".into(), "جاك شيراك".into()),
        ]
    );
    // A transliterated given name starts a name, which ends before a word
    // with the article or with ة.
    assert_eq!(
        persons("استقبلت كوندوليزا رايس الوفد، وغادر المدرب آرسين فينغر الملعب."),
        vec![
            ("كوندوليزا رايس".into(), "كوندوليزا رايس".into()),
            ("آرسين فينغر".into(), "آرسين فينغر".into()),
        ]
    );
    // Who speaks unnamed is no person, and a place that is also a family
    // name stays a place.
    assert!(persons("وقال مصدر أمني إن الهجوم فشل، وقال شهود عيان إنهم رأوه.").is_empty());
    assert!(persons("دعا الحزب إلى تكثيف الحملات في عرفات ودار النعيم.").is_empty());
}

#[test]
fn sport_and_culture_figures_and_given_names_of_the_wider_world() {
    // The sports and arts pages name stars by family name alone.
    assert_eq!(
        persons("وسجل ميسي هدفين، فيما أشاد مورينيو بأداء فريقه، وعُرضت لوحات دالي."),
        vec![
            ("ميسي".into(), "ليونيل ميسي".into()),
            ("مورينيو".into(), "جوزيه مورينيو".into()),
            ("دالي".into(), "سلفادور دالي".into()),
        ]
    );
    // Given names from Europe and Iran start a name no list holds.
    assert_eq!(
        persons("وأكد يوهان كرويف ذلك، وهنأ أنوش أنصاري."),
        vec![
            ("يوهان كرويف".into(), "يوهان كرويف".into()),
            ("أنوش أنصاري".into(), "أنوش أنصاري".into()),
        ]
    );
    // A name of the gazetteer does not cut a longer chain of descent short.
    assert_eq!(
        persons("واستقبل ولي العهد الأمير محمد بن سلمان بن عبدالعزيز الوفد."),
        vec![(
            "محمد بن سلمان بن عبدالعزيز".into(),
            "محمد بن سلمان بن عبدالعزيز".into()
        )]
    );
}

#[test]
fn a_verb_of_saying_reads_the_organization_it_introduces() {
    // A form that needs context ("حماس" is also "zeal") is the organization
    // when it is the subject of a verb of saying, and never a person.
    let x = found("أعلنت حماس رفضها للاقتراح.");
    assert!(
        x.iter()
            .any(|(k, s, v)| *k == EntityKind::Org && s == "حماس" && v == "حركة المقاومة الإسلامية"),
        "{x:?}"
    );
    assert!(!x.iter().any(|(k, _, _)| *k == EntityKind::Person), "{x:?}");
    // With the article it is the common noun: "البيان" is the statement.
    let x = found("وأوضح البيان أن الهيئة ستجتمع.");
    assert!(!x.iter().any(|(k, _, _)| *k == EntityKind::Org), "{x:?}");
    // Clubs and companies of the wider world are organizations, not places.
    let x = found("فاز مانشستر يونايتد على تشلسي، وأعلنت نوكيا أرباحها.");
    let orgs: Vec<&str> = x
        .iter()
        .filter(|(k, _, _)| *k == EntityKind::Org)
        .map(|(_, s, _)| s.as_str())
        .collect();
    assert_eq!(orgs, ["مانشستر يونايتد", "تشلسي", "نوكيا"], "{x:?}");
}

#[test]
fn on_behalf_of_is_part_of_the_spokesperson_title_not_a_given_name() {
    // "باسم" is also a given name; after a spokesperson it reads "on behalf of".
    for (text, role) in [
        (
            "وقال الناطق باسم الجيش إن القوات انسحبت.",
            "الناطق باسم الجيش",
        ),
        (
            "وأكدت المتحدثة باسم الحكومة أن القرار نهائي.",
            "المتحدثة باسم الحكومة",
        ),
    ] {
        assert!(has(text, EntityKind::Role, role), "{:?}", found(text));
        assert!(
            !found(text).iter().any(|(k, ..)| *k == EntityKind::Person),
            "{:?}",
            found(text)
        );
    }
}

#[test]
fn a_family_name_with_al_is_not_taken_for_its_last_word() {
    // "آل الشيخ" is the family: the honorific "الشيخ" of other sheikhs later
    // in the article is no mention of it.
    let text = "استقبل سماحة المفتي الشيخ عبدالعزيز بن عبدالله آل الشيخ الوفد. \
                وألقى الشيخ سعد الشثري كلمة.";
    let persons: Vec<String> = found(text)
        .into_iter()
        .filter(|(k, ..)| *k == EntityKind::Person)
        .map(|(_, s, _)| s)
        .collect();
    assert!(
        persons.contains(&"عبدالعزيز بن عبدالله آل الشيخ".to_owned()),
        "{persons:?}"
    );
    assert!(!persons.contains(&"الشيخ".to_owned()), "{persons:?}");
}

#[test]
fn a_name_read_from_context_ends_before_a_common_word() {
    for (text, want) in [
        // A preposition and a noun, a verbal noun.
        (
            "والتقى السيد سعيد صيام بمقر الحزب وفدا من الشباب.",
            vec!["سعيد صيام"],
        ),
        (
            "وأعلن وزير الخارجية الإيطالي ماسيمو داليما استعداد بلاده للمشاركة.",
            vec!["ماسيمو داليما"],
        ),
        // The family name alone is the same person further on; the nouns
        // after the name are not ("هدف" was tagged all over the article).
        (
            "وسجل المهاجم كريستيان بنتيكي بواقع هدف في كل مباراة. ثم أضاف بنتيكي هدفا آخر، وكان هدف الفريق الفوز.",
            vec!["كريستيان بنتيكي", "بنتيكي"],
        ),
    ] {
        let got = person_texts(text);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_divine_name_at_the_end_of_a_name_is_no_family_name_alone() {
    let text = "استقبل الوزير عماد فتح الله الوفد، وقال إن اللقاء كان مثمرا، ونسأل الله التوفيق.";
    let got = persons(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "عماد فتح الله");
}

#[test]
fn common_words_are_read_behind_clitics_and_before_pronouns() {
    let lex = super::NAMES.lexicon();
    for word in ["بمقر", "والمقر", "للمقر", "رفض", "ورفضت"] {
        assert!(lex.is_common(word, false), "{word}");
    }
    // A final ه is a pronoun only where it is written so: "عرفة" folds
    // to "عرفه" but is a name, not "عرف" with a pronoun.
    assert!(lex.is_common("مصرعه", true));
    assert!(!lex.is_common("عرفه", false));
    // Given names and words of listed persons are never common, whatever
    // the word list says.
    for word in ["سعيد", "صيام", "بنتيكي", "امين"] {
        assert!(!lex.is_common(word, false), "{word}");
    }
}

#[test]
fn agency_abbreviations_in_datelines_are_organizations() {
    for (text, agency) in [
        (
            "برلين ( د ب أ ) - أعلنت الحكومة الألمانية خطة جديدة.",
            "د ب أ",
        ),
        ("القاهرة - أ ش أ - قال الوزير إن الخطة جاهزة.", "أ ش أ"),
    ] {
        assert!(has(text, EntityKind::Org, agency), "{text}");
        assert!(persons(text).is_empty(), "{text}: {:?}", persons(text));
    }
}

#[test]
fn a_given_name_that_is_also_a_word_starts_a_nasab_chain() {
    // "سعد" alone needs context; "بن" after it is that context.
    let text = "وتحدث المحاضر عن سعد بن أبي وقاص وفتح العراق.";
    let got = person_texts(text);
    assert_eq!(got, ["سعد بن أبي وقاص"]);
    assert!(persons("وكان ذلك اليوم يوم سعد للجميع.").is_empty());
}

#[test]
fn words_that_only_look_like_a_name_stay_words() {
    for (text, want) in [
        // "وجود" is no "و" + the given name "جود".
        ("وأكد الوزير وجود خلافات داخل الحكومة حول الميزانية.", vec![]),
        // A prayer after the name, written with ه, is no name "رحمة".
        (
            "وقد سئل الشيخ ابن عثيمين رحمه الله عن هذه المسألة.",
            vec!["ابن عثيمين"],
        ),
        // "الابن" with the article is the son, not a link of the chain.
        (
            "وحضر الشيخ ناصر الابن الثاني للأمير حفل التخرج.",
            vec!["ناصر"],
        ),
    ] {
        let got = person_texts(text);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_common_word_is_no_proclitic_and_a_place() {
    let text = "وأعلن المركز عن بحوث جديدة بعدة لغات، ورفض الطلب بحجة ضيق الوقت، ففاجأ الجميع.";
    let places: Vec<String> = found(text)
        .into_iter()
        .filter(|(k, _, _)| *k == EntityKind::Loc)
        .map(|(_, s, _)| s)
        .collect();
    assert!(places.is_empty(), "{places:?}");
    // The places themselves are still read, behind a proclitic too.
    assert!(has(
        "وصل الوفد إلى غات وبعدها إلى حجة.",
        EntityKind::Loc,
        "غات"
    ));
    assert!(has(
        "وصل الوفد إلى غات وبعدها إلى حجة.",
        EntityKind::Loc,
        "حجة"
    ));
    assert!(has(
        "وعاد الوفد من بغات إلى طرابلس.",
        EntityKind::Loc,
        "غات"
    ));
}

#[test]
fn a_profession_or_a_nationality_before_a_name_reads_one_no_list_holds() {
    for (text, want) in [
        // A profession, with adjectives between.
        (
            "وأشاد المهاجم المخضرم كريستوف زيمرمان بزملائه.",
            vec!["كريستوف زيمرمان"],
        ),
        (
            "وعرض فيلم للمخرج غونار بيرغسون في المهرجان.",
            vec!["غونار بيرغسون"],
        ),
        // A foreign nationality alone, behind a conjunction too, even where
        // the first word looks like a verb or a preposition and a noun.
        (
            "وفاز الدنماركي ياكوب ليندهولم على والسويدي بيورن تاليغرين.",
            vec!["ياكوب ليندهولم", "بيورن تاليغرين"],
        ),
        (
            "وخسرت الفرنسية بياتريس لوموان المباراة.",
            vec!["بياتريس لوموان"],
        ),
        // A listed public figure after a cue ends where the list says.
        (
            "وقال المهاجم الكاميروني صامويل إيتو بتأثر إنه سعيد.",
            vec!["صامويل إيتو"],
        ),
    ] {
        assert_eq!(person_texts(text), want, "{text}");
    }
    for text in [
        // An Arab nationality alone reads only a listed given name: these
        // adjectives qualify every noun and are family names too.
        "وقال الجيش اللبناني مصادر مطلعة.",
        // A noun with tanwin, or a second adjective, is no name.
        "واتخذ اللاعب الإيطالي موقفا حازما.",
        "وغنت الفنانة المصرية أمس.",
        // An organization or a place after the nationality is none.
        "وقصف الجيش الإسرائيلي غزة.",
    ] {
        assert!(
            person_texts(text).is_empty(),
            "{text}: {:?}",
            person_texts(text)
        );
    }
}

#[test]
fn a_regnal_number_is_part_of_the_name() {
    assert_eq!(
        person_texts("وزار الملك محمد الخامس المدينة، وخلفه الحسن الثاني."),
        ["محمد الخامس", "الحسن الثاني"]
    );
    // After a given name and a family name it is a rank, not a reign.
    assert_eq!(
        person_texts("وتأهل الإسباني فرناندو غونزاليز الثالث في التصنيف."),
        ["فرناندو غونزاليز"]
    );
}

#[test]
fn a_given_name_behind_a_conjunction_takes_a_family_name_with_the_article() {
    assert_eq!(
        person_texts("وشارك في العمل محمد المازني وهاني العجيلي ووائل القرشي."),
        ["محمد المازني", "هاني العجيلي", "وائل القرشي"]
    );
}

#[test]
fn a_club_named_by_a_city_is_the_club_in_a_sentence_about_sport() {
    let text = "وتعادل ليفربول مع نيوكاسل في مباراة مثيرة.";
    let kinds: Vec<(EntityKind, String)> = found(text)
        .into_iter()
        .filter(|(k, _, _)| matches!(k, EntityKind::Org | EntityKind::Loc))
        .map(|(k, s, _)| (k, s))
        .collect();
    assert_eq!(
        kinds,
        [
            (EntityKind::Org, "ليفربول".to_owned()),
            (EntityKind::Org, "نيوكاسل".to_owned()),
        ]
    );
    // Elsewhere the city.
    assert!(has(
        "ووصل الوفد إلى ليفربول أمس.",
        EntityKind::Loc,
        "ليفربول"
    ));
    // A club that is also a common word needs the sport too.
    assert!(has(
        "وفاز الزمالك على الإسماعيلي بهدفين.",
        EntityKind::Org,
        "الإسماعيلي"
    ));
    assert!(!has("وانتظر النصر طويلا.", EntityKind::Org, "النصر"));
}

#[test]
fn a_king_or_a_prince_is_a_role_and_his_name_a_person() {
    assert_eq!(
        found("واستقبل الأمير سلطان الوفد في مستشفى الملك فهد.")
            .into_iter()
            .map(|(k, s, _)| (k, s))
            .filter(|(k, _)| matches!(k, EntityKind::Role | EntityKind::Person | EntityKind::Org))
            .collect::<Vec<_>>(),
        [
            (EntityKind::Role, "الأمير".to_owned()),
            (EntityKind::Person, "سلطان".to_owned()),
            (EntityKind::Org, "مستشفى الملك فهد".to_owned()),
            (EntityKind::Person, "فهد".to_owned()),
        ]
    );
}

#[test]
fn a_club_or_an_agency_that_is_a_common_word_needs_its_context() {
    let orgs = |text: &str| surfaces(text, EntityKind::Org);
    // A nisba after a definite noun is its adjective, whatever the title.
    assert!(orgs("ويطالب درويش الرئيس المصري الجديد بالحوار.").is_empty());
    assert!(orgs("وقال الكاتب المصري محمد ربيع إن الرواية انتهت.").is_empty());
    // "So I", not the federation of news agencies (فانا).
    assert!(orgs("لذلك فأنا لن أبني جديدا على أنقاض.").is_empty());
    // A meeting is no match: "لقاء" is sport only beside another such word
    // or in an article on sport.
    assert!(orgs("وفي ختام اللقاء تم الاتفاق على تكوين لجنة.").is_empty());
    // The clubs, where the sentence says so.
    assert_eq!(orgs("وقال رئيس الاتفاق إن الفريق جاهز."), ["الاتفاق"]);
    assert_eq!(
        orgs("وسجل محمد هاني الظهير الشاب للأهلي هدفا في المباراة."),
        ["للأهلي"]
    );
}

#[test]
fn a_prime_minister_and_a_deputy_are_offices() {
    let roles = |text: &str| surfaces(text, EntityKind::Role);
    // "الوزراء" is itself a title (plural), which used to end the reading.
    assert_eq!(
        roles("وقال رئيس الوزراء البريطاني ديفيد كاميرون إن الاتفاق جيد."),
        ["رئيس الوزراء"]
    );
    // A deputy's office is the whole title; the bodies in it stay named.
    let text = "واستقبل نائب رئيس مجلس الوزراء الوفد.";
    assert_eq!(roles(text), ["نائب رئيس مجلس الوزراء"]);
    assert!(
        has(text, EntityKind::Org, "مجلس الوزراء"),
        "{:?}",
        found(text)
    );
    assert_eq!(
        roles("وصرح نائب وزير الخارجية للصحفيين."),
        ["نائب وزير الخارجية"]
    );
}
