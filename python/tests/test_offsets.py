"""Offsets slice the original ``str`` (code points) and its UTF-8 bytes, on any text."""

from __future__ import annotations

import fahras
from hypothesis import given, settings
from hypothesis import strategies as st

# Arabic letters, marks, digits and punctuation, presentation forms, bidi and
# zero-width controls, Latin, emoji and anything else.
ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202e\u2066\u2069\ufeff\u0640 \n\t.,:؛،؟-")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=300,
)

PHRASES = st.lists(
    st.sampled_from(
        [
            "قرر المكتب السياسي لحزب البعث العربي الاشتراكي",
            "أمين فرع اللاذقية",
            "الرفيق هيثم إسماعيل",
            "يوم ١٢ كانون الثاني ٢٠٢٠",
            "دعا الأمناء الجهويين إلى",
            "أولاً:",
            "\u200f",
            "ﻻ",
            "<b>",
            "1445هـ",
        ]
    ),
    max_size=12,
).map(" ".join)


def check(text: str) -> None:
    data = text.encode("utf-8")
    for t in fahras.tokenize(text):
        assert text[t.start : t.end] == t.text
        assert data[t.byte_start : t.byte_end].decode("utf-8") == t.text
    doc = fahras.extract(text, published="2020-06-01")
    for e in doc.entities:
        assert text[e.start : e.end] == e.text
        assert data[e.byte_start : e.byte_end].decode("utf-8") == e.text
    for s in fahras.sentences(text):
        assert text[s.start : s.end] == s.text


@settings(max_examples=300, deadline=None)
@given(ARABIC_HEAVY)
def test_offsets_on_arbitrary_text(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.tuples(ARABIC_HEAVY, PHRASES, ARABIC_HEAVY).map("".join))
def test_offsets_on_text_with_entities(text: str) -> None:
    check(text)


def test_offsets_on_the_sample_corpus(sample_docs) -> None:
    for d in sample_docs:
        check(d["text"])
