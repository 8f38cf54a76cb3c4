from __future__ import annotations

import marsad


def test_public_api_all_is_exact() -> None:
    assert sorted(marsad.__all__) == [
        "Doc",
        "EXTRACTOR_VERSION",
        "Event",
        "MarsadError",
        "Resources",
        "Span",
        "__version__",
        "default_resources",
        "extract",
        "find_entities",
    ]
    for name in marsad.__all__:
        assert hasattr(marsad, name)


def test_public_api_extract_is_pure_and_deterministic() -> None:
    text = "قتل ثلاثة مدنيين في قصف مدفعي على حي سكني في حلب أمس."
    a = marsad.extract(text, published="2015-08-01").to_dict()
    b = marsad.extract(text, published="2015-08-01").to_dict()
    assert a == b
