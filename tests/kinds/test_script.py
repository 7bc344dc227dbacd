"""script: words mixing Latin with Cyrillic or Greek letters."""

from tests.conftest import one_rule


def test_script_suggests_the_latin_look_alike():
    linter = one_rule("script", "      scripts: [Cyrillic]", "{suggestion}")
    found = linter.check_text("Shelling hit Kharkіv and Київ.")  # Cyrillic і in Kharkіv
    assert len(found) == 1
    assert found[0].suggestions == ("Kharkiv",)


def test_a_mixed_word_is_reported_at_its_exact_span_in_the_built_in_rule():
    import lint
    from lint.config import Config

    text = "According to WНO data, Москва is far."  # Cyrillic Н in WНO
    findings = lint.check_text(text, path="t.txt", config=Config(select=("mt.mixed-script",)))
    assert [(f.line, f.column, f.end_column, f.severity, f.suggestions) for f in findings] == [
        (1, 14, 17, "error", ("WHO",))
    ]
    assert "mixes Latin with" in findings[0].message


def test_words_written_wholly_in_one_script_are_not_mixed():
    linter = one_rule("script", "      scripts: [Cyrillic, Greek]")
    assert linter.check_text("Київ and Kyiv, Αθήνα and Athens, 5 km and 7 kg.") == []
    # A symbol beside a Latin letter is a mixed token all the same.
    assert [f.column for f in linter.check_text("ΔG fell.")] == [1]
