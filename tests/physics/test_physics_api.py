"""Public surface of the physics layer (STYLE P3, P8, P11)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from types import ModuleType

import numpy as np
import pytest

import dmsummary.constants
import dmsummary.physics

MODULES = ["confidence", "dark_photon", "electron", "higgs_portal", "rescaling", "simplified"]


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"dmsummary.physics.{name}")


def test_package_dir() -> None:
    assert dir(dmsummary.physics) == sorted(["ApproximationWarning", *MODULES])
    for name in MODULES:
        assert getattr(dmsummary.physics, name) is _module(name)
    with pytest.raises(AttributeError, match="no attribute 'relic'"):
        _ = dmsummary.physics.relic  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", [*MODULES, "constants"])
def test_all_matches_public_contents(name: str) -> None:
    module = dmsummary.constants if name == "constants" else _module(name)
    # Defined here: functions and classes whose __module__ is this module, and annotated
    # module-level constants (imported names such as GeV or np are not public contents).
    public = {
        key
        for key, value in vars(module).items()
        if not key.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__.startswith(module.__name__)
    } | {key for key in vars(module).get("__annotations__", {}) if not key.startswith("_")}
    # A package re-exports what its private submodules declare.
    for sub in pkgutil.iter_modules(getattr(module, "__path__", [])):
        public |= set(importlib.import_module(f"{module.__name__}.{sub.name}").__all__)
    assert set(module.__all__) == public
    assert dir(module) == sorted(module.__all__)  # dir() sorts what __dir__ returns
    for key in module.__all__:
        assert hasattr(module, key)


@pytest.mark.parametrize("name", MODULES)
def test_functions_are_typed_and_documented(name: str) -> None:
    module = _module(name)
    for key in module.__all__:
        obj = getattr(module, key)
        if not inspect.isfunction(obj):
            continue
        doc = inspect.getdoc(obj) or ""
        assert "Parameters" in doc or not inspect.signature(obj).parameters, key
        assert "Returns" in doc, key
        hints = typing.get_type_hints(obj)
        assert "return" in hints, key
        for param in inspect.signature(obj).parameters:
            assert param in hints, f"{key}({param})"


def test_array_functions_return_float_arrays() -> None:
    from dmsummary.physics import higgs_portal, simplified
    from dmsummary.units import GeV

    out = simplified.total_width("vector", 1000 * GeV, 100 * GeV, 0.25, 1.0)
    assert isinstance(out, np.ndarray)
    assert out.dtype == np.float64
    out = higgs_portal.invisible_width(0.1)
    assert isinstance(out, np.ndarray)
