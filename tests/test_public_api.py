"""The public surface is small, declared and pinned (STYLE P3)."""

from __future__ import annotations

import importlib

import pytest

PUBLIC = {
    "dmsummary": [
        "Catalogue",
        "Curve",
        "DMSummaryError",
        "Entry",
        "__version__",
        "load_catalogue",
    ],
    "dmsummary.exceptions": [
        "DMSummaryError",
        "DataFileNotFound",
        "EntryNotFound",
        "ExportError",
        "IntegrityError",
        "InvalidEntry",
        "ManifestError",
        "OutputError",
        "ParseError",
        "RecipeError",
        "SupersededEntryWarning",
        "TranslationDomainError",
        "UnitError",
    ],
    "dmsummary.units": [
        "AREA",
        "DIMENSIONLESS",
        "Dimension",
        "ENERGY",
        "GeV",
        "MeV",
        "RATE_VOLUME",
        "TeV",
        "barn",
        "cm",
        "cm2",
        "cm3",
        "eV",
        "fb",
        "format_unit",
        "keV",
        "parse_unit",
        "pb",
        "require_dimension",
        "s",
    ],
    "dmsummary.catalogue": [
        "PLANES",
        "Catalogue",
        "Curve",
        "Entry",
        "Plane",
        "Problem",
        "ValidationReport",
        "builtin_catalogue_dir",
        "get_plane",
        "load_catalogue",
        "validate_catalogue",
    ],
    "dmsummary.schema": ["SCHEMA_VERSION", "load_schema", "schema_errors"],
    "dmsummary.catalogue.ingest": [
        "MAX_INGEST_BYTES",
        "REQUIRED_FIELDS",
        "Draft",
        "MissingFields",
        "ResultInfo",
        "Series",
        "add_result",
        "detect",
    ],
    "dmsummary.catalogue.diff": [
        "CatalogueDiff",
        "FieldChange",
        "NumberChange",
        "diff_catalogues",
        "diff_revisions",
        "git_catalogue",
    ],
    "dmsummary.export.site": ["SiteResult", "build_site", "curve_csv"],
}


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_dir_is_pinned(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(dir(module)) == sorted(PUBLIC[module_name])
    assert sorted(module.__all__) == sorted(PUBLIC[module_name])


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_all_names_exist(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        assert getattr(module, name) is not None, name


def test_every_exception_is_a_dmsummary_error_and_a_builtin() -> None:
    from dmsummary import exceptions

    for name in exceptions.__all__:
        cls = getattr(exceptions, name)
        assert issubclass(cls, exceptions.DMSummaryError)
        if cls is not exceptions.DMSummaryError:
            assert any(
                base.__module__ == "builtins" and base is not Exception for base in cls.__mro__[1:]
            ), name


def test_cli_does_not_import_heavy_libraries_at_start_up() -> None:
    import subprocess
    import sys

    code = "import sys, dmsummary.cli; print(sorted(m for m in ('numpy','scipy','jsonschema','rich','pooch','matplotlib','yaml') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
