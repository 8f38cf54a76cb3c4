from __future__ import annotations

from marsad.text.sentences import split_sentences


def test_sentences_split_the_comma_joined_paragraphs(seed_text: str) -> None:
    sents = split_sentences(seed_text, title_first_line=True)
    assert sents[0].is_title
    texts = [s.text for s in sents]
    assert any(t.startswith("وتتعرض المواقع") for t in texts)
    assert any(t.startswith("وفي هذا السياق، قالت مصادر محلية") for t in texts)
    for s in sents:
        assert seed_text[s.start : s.end] == s.text
        assert not s.text.startswith(",")


def test_sentences_keep_closing_quotes_and_abbreviations() -> None:
    text = 'وقال ان «سيارة مفخخة انفجرت قرب مقر مجلس للصحوة». وذكرت (أ.ف.ب) أن 3.5 مليون نزحوا. هل انتهى؟ نعم'
    sents = [s.text for s in split_sentences(text)]
    assert sents == [
        "وقال ان «سيارة مفخخة انفجرت قرب مقر مجلس للصحوة».",
        "وذكرت (أ.ف.ب) أن 3.5 مليون نزحوا.",
        "هل انتهى؟",
        "نعم",
    ]


def test_sentences_split_list_lines() -> None:
    text = "أبرز الأحداث:\n- مقتل جندي في درعا\n- اعتقال ثلاثة في حمص"
    assert [s.text for s in split_sentences(text)] == [
        "أبرز الأحداث:",
        "- مقتل جندي في درعا",
        "- اعتقال ثلاثة في حمص",
    ]
