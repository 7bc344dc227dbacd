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
