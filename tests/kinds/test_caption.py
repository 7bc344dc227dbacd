"""caption: photo credit lines, photo tags, the caption over a credit."""

from lint import check_text


def test_credit_lines_and_photo_tags():
    text = (
        "Maria Korechko mourns her son in Kamianka-Buzka, Ukraine.\n"
        "Joe Radley / Getty Images\n\n"
        "Biden spoke on Monday. (AP Photo/Evan Vucci)\n"
    )
    found = [(f.line, f.severity) for f in check_text(text) if f.rule == "scrape.photo-credit"]
    # The line over the credit is its caption (info); credit and tag are warnings.
    assert found == [(1, "info"), (2, "warning"), (4, "warning")]


def test_a_credit_line_is_reported_at_its_exact_span():
    import lint
    from lint.config import Config

    text = "Shelling resumed at dawn.\nJoe Radley / Getty Images\n"
    config = Config(select=("scrape.photo-credit",))
    findings = lint.check_text(text, path="t.txt", config=config)
    # The credit, and the line over it as its caption (info).
    assert [(f.line, f.column, f.end_line, f.end_column, f.severity) for f in findings] == [
        (1, 1, 1, 26, "info"),
        (2, 1, 2, 26, "warning"),
    ]
    assert findings[1].message == "this line is a photo credit line, not article text"
    assert findings[0].message == "this line is a caption over a photo credit, not article text"


def test_prose_that_names_an_agency_is_not_a_credit():
    text = "The photo was taken by Getty Images staff, the agency said on Monday.\n"
    assert [f for f in check_text(text) if f.rule.startswith("scrape.")] == []
