"""Every kind of bad catalogue input has a fixture file and a precise error.

Each case directory under ``fixtures/entries/`` holds one broken entry (or a
broken pair); the test asserts the exception type and that the message names the
file, the field and the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dmsummary.catalogue import load_catalogue, validate_catalogue
from dmsummary.exceptions import (
    DataFileNotFound,
    DMSummaryError,
    IntegrityError,
    InvalidEntry,
    ParseError,
    UnitError,
)

REQUIRED = [
    "schema_version",
    "id",
    "label",
    "experiment",
    "year",
    "plane",
    "kind",
    "status",
    "cl",
    "data",
    "licence",
    "reference",
    "origin",
    "notes",
]

# case directory -> (exception type, regex the message must match)
CASES: dict[str, tuple[type[Exception], str]] = {
    **{
        f"missing_{field}": (InvalidEntry, rf"'{field}' is a required property; add it")
        for field in REQUIRED
    },
    "unknown_plane": (
        InvalidEntry,
        r"unknown-plane\.yaml: plane: unknown plane 'si-nonsense'; valid planes are: .*\bsi\b",
    ),
    "bad_unit": (
        UnitError,
        r"bad-unit\.yaml \[bad-unit\]: data\.format\.x\.unit: cannot parse unit 'GeVV'.*known units are",
    ),
    "wrong_dimension_unit": (
        UnitError,
        r"data\.format\.y\.unit: unit 'GeV' has dimension energy .* needs area",
    ),
    "wrong_column": (
        ParseError,
        r"wrong-column\.yaml \[wrong-column\], line 3: needs column 5 .*check data\.format\.x/y\.column",
    ),
    "wrong_column_name": (
        ParseError,
        r"data\.format\.y\.column: no column named 'limit'; the header has \['mass_gev', 'limit_cm2'\]",
    ),
    "nonnumeric": (
        ParseError,
        r"nonnumeric\.yaml \[nonnumeric\], line 2, column 1: expected a number, found 'abc'",
    ),
    "nan": (ParseError, r"data\.format\.y: segment 0, point 1 has y = nan .*drop_nonfinite"),
    "inf": (ParseError, r"data\.format\.y: segment 0, point 1 has y = inf"),
    "negative": (
        ParseError,
        r"data\.format\.y: segment 0, point 1 has y = -1e-44 cm\^2 \(values must be finite and positive",
    ),
    "unsorted": (ParseError, r"segment 0 is not sorted in x .*sort_x: true"),
    "empty": (
        ParseError,
        r"empty-curve\.yaml \[empty-curve\]: data: the curve has fewer than 2 points",
    ),
    "ragged": (ParseError, r"line 2: needs column 1 \(0-based\) but the row has 1 cell"),
    "sha_mismatch": (
        IntegrityError,
        r"sha256 mismatch for .*good\.txt \(mirror\): expected f{64}, got 1ccbab48.*Restore the original file",
    ),
    "truncated": (ParseError, r"truncated\.yaml \[truncated\]: not valid YAML"),
    "absent_offline": (
        DataFileNotFound,
        r"data file 'synthetic/not-there\.txt' not found .*DMSUMMARY_DATA.*dmsummary fetch.*offline mode is on",
    ),
    "escape_parent": (InvalidEntry, r"data\.file: '\.\./\.\./etc/passwd' does not match"),
    "escape_absolute": (InvalidEntry, r"data\.file: '/etc/passwd' does not match"),
    "bad_status": (InvalidEntry, r"status: 'excluded' is not one of \['observed'"),
    "bad_cl": (InvalidEntry, r"cl: 90 is not valid .*greater than or equal to the maximum of 1"),
    "bad_sha_format": (InvalidEntry, r"data\.sha256: 'xyz' does not match"),
    "no_reference_fields": (InvalidEntry, r"reference: .*'arxiv' is a required property"),
    "unknown_field": (InvalidEntry, r"'colour' was unexpected\) \(check the spelling"),
    "id_with_slash": (InvalidEntry, r"id: 'bad/id' does not match"),
    "id_filename_mismatch": (
        InvalidEntry,
        r"other-name\.yaml: id 'synthetic-mismatch' must equal the file name; rename",
    ),
    "yaml_python_tag": (
        InvalidEntry,
        r"YAML tag 'tag:yaml\.org,2002:python/object/apply:os\.system' is not allowed",
    ),
    "yaml_anchor": (
        InvalidEntry,
        r"yaml-anchor\.yaml: YAML anchors/aliases are not allowed .*\(line 3\)",
    ),
    "yaml_billion_laughs": (InvalidEntry, r"YAML anchors/aliases are not allowed"),
    "yaml_syntax": (InvalidEntry, r"yaml-syntax\.yaml: not valid YAML"),
    "not_a_mapping": (InvalidEntry, r"an entry must be a YAML mapping, found list"),
    "duplicate_id": (
        InvalidEntry,
        r"synthetic-dup\.yaml \[synthetic-dup\]: id: duplicate id, also in .*sub/synthetic-dup\.yaml",
    ),
    "alias_clash": (
        InvalidEntry,
        r"synthetic-b\.yaml \[synthetic-b\]: aliases: alias 'synthetic-a' clashes with the id of",
    ),
}


def _load_all(directory: Path, mirror: Path) -> None:
    catalogue = load_catalogue([directory], mirror=mirror, offline=True)
    for entry in catalogue:
        catalogue.curve(entry.id)


@pytest.mark.parametrize(("case", "expected"), sorted(CASES.items()), ids=sorted(CASES))
def test_bad_input_raises_precise_error(
    fixtures: Path, case: str, expected: tuple[type[Exception], str]
) -> None:
    error_type, pattern = expected
    directory = fixtures / "entries" / case
    assert directory.is_dir(), f"fixture for {case} missing"
    with pytest.raises(error_type, match=pattern) as info:
        _load_all(directory, fixtures / "mirror")
    assert isinstance(info.value, DMSummaryError)


def test_every_required_field_has_a_fixture(fixtures: Path) -> None:
    from dmsummary.schema import load_schema

    required = load_schema("entry")["required"]
    assert sorted(required) == sorted(REQUIRED)
    for field in required:
        assert (fixtures / "entries" / f"missing_{field}").is_dir()


def test_good_fixture_loads(fixtures: Path) -> None:
    catalogue = load_catalogue(
        [fixtures / "entries" / "good"], mirror=fixtures / "mirror", offline=True
    )
    curve = catalogue.curve("synthetic-good")
    assert curve.n_points == 4
    (x0, x1), (y0, y1) = curve.ranges()
    assert (x0, x1) == (1.0, 1000.0)
    assert y0 == pytest.approx(1e-45)
    assert y1 == pytest.approx(1e-40)


def test_implausible_units_are_caught_by_validate(fixtures: Path) -> None:
    report = validate_catalogue(
        [fixtures / "entries" / "implausible_units"], mirror=fixtures / "mirror", offline=True
    )
    assert not report.ok
    (problem,) = report.problems
    assert problem.field == "data.format.y.unit"
    assert re.search(
        r"outside the plausible range .* of plane 'si'; check the unit", problem.message
    )


def test_validate_reports_every_problem_not_just_the_first(fixtures: Path, tmp_path: Path) -> None:
    import shutil

    for case in ("nan", "sha_mismatch", "missing_label", "unknown_plane", "good"):
        for file in (fixtures / "entries" / case).glob("*.yaml"):
            shutil.copy(file, tmp_path / file.name)
    report = validate_catalogue([tmp_path], mirror=fixtures / "mirror", offline=True)
    assert report.n_files == 5
    assert report.n_entries == 3  # two fail the schema / plane check
    assert len(report.problems) == 4
    text = "\n".join(map(str, report.problems))
    for needle in ("nan-value", "sha-mismatch", "missing-label", "unknown-plane"):
        assert needle in text


def test_hostile_label_is_data_not_markup(fixtures: Path) -> None:
    from dmsummary.catalogue.citation import bibtex

    catalogue = load_catalogue(
        [fixtures / "entries" / "hostile_label"], mirror=fixtures / "mirror"
    )
    entry = catalogue.get("hostile-label")
    assert entry.label.startswith("<script>")
    record = bibtex(entry)
    # LaTeX specials are escaped in BibTeX: no \input survives unescaped.
    assert "\\input" not in record.replace("\\textbackslash{}input", "")
    assert "\\$" in record
