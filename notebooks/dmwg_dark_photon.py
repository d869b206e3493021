# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # LHC DM Working Group: dark-photon limits from a dijet Z′ search
#
# A leptophobic Z′ limit on the quark coupling g_q can be read as a limit on a **dark photon**
# A′ that couples to quarks through kinetic mixing ε and to dark matter with g_DM. This
# notebook runs that chain with the public dmsummary API (`dmsummary.reinterpret`, documented
# in `docs/reinterpretation.md`; command line `dmsummary reinterpret dark-photon`):
#
# 1. **Input**: the ATLAS Run-2 trigger-level dijet search (TLA), J50 and J100 signal regions,
#    95 % CL upper limits on g_q for an axial-vector Z′ with g_DM = 1 and m_DM = 10 TeV
#    ([arXiv:2509.01219](https://arxiv.org/abs/2509.01219), HEPData ins2966134), as
#    transcribed by the DM WG dark-photon tools (model parameters read from the tool's
#    sha256-pinned parameter file).
# 2. **Rescaling** to the *minimal dark photon* benchmark — vector mediator, g_DM = 1, g_ℓ = 0,
#    m_DM = m_Z′/3 — keeping the experimental cross-section limit and changing the predicted
#    signal through the dijet proxy Γ_qq²/Γ_tot (narrow width; LHC DM WG,
#    [arXiv:1507.00966](https://arxiv.org/abs/1507.00966),
#    [arXiv:1703.05703](https://arxiv.org/abs/1703.05703)). The target g_q is found by root
#    finding per mass; masses without a solution are reported with the reason, never clipped.
# 3. **Dark-photon parameters**: ε = g_q / (g_q/ε)(m_Z′) in the convention of the DM WG
#    dark-photon document ([arXiv:2405.13778](https://arxiv.org/abs/2405.13778) §2.1.1.3,
#    following [arXiv:2206.03456](https://arxiv.org/abs/2206.03456)); the yield variable is
#    y = ε² α_D (m_DM/m_Z′)⁴ with α_D = g_DM²/4π. The convention is a required argument: the
#    independent first-order-mixing derivation differs by about a factor 2 (see
#    `docs/physics.md`, dark photon).
#
# The published DM WG tool curves (ε and y, in the catalogue) are drawn dashed for comparison.

# %% tags=["parameters"]
# Parameters (papermill / REANA can override these).
# width_inputs: the coupling-scan code's widths, as the DM WG tool uses.
# output_dir: where to write the derived curves (JSON with provenance) and the figures
# (empty: nowhere).
sources = ["atlas-2025-tla-j50-gq", "atlas-2025-tla-j100-gq"]
target = "minimal-dark-photon"
convention = "dmwg-2405.13778"
width_inputs = "dmwg-couplingscan"
output_dir = ""

# %%
# %matplotlib inline
import json
from pathlib import Path

from IPython.display import Markdown, display

from dmsummary import load_catalogue
from dmsummary.catalogue import get_plane
from dmsummary.recipes import Annotation, AxisSpec, Figure, Layer, LayerProvenance
from dmsummary.reinterpret import dark_photon_limits, write_json
from dmsummary.render import render, save

catalogue = load_catalogue()
limits = {
    source: dark_photon_limits(source, target, convention=convention, width_inputs=width_inputs)
    for source in sources
}

# %% [markdown]
# ## The derivation, recorded
#
# Every derived curve carries its derivation: the source entry, the method, both benchmarks,
# the conventions and every parameter. Masses where no solution exists are listed with the
# reason.

# %%
first = limits[sources[0]].epsilon
display(Markdown("```json\n" + json.dumps(first.derivation.to_dict(), indent=1) + "\n```"))
rows = ["| source | curve | points | masses without a solution |", "|---|---|---:|---|"]
for source, result in limits.items():
    for curve in (result.g_q, result.epsilon, result.y_mdm):
        reasons = sorted({u.reason for u in curve.unsolved}) or ["none"]
        rows.append(f"| {source} | {curve.plane} | {curve.x.size} | {'; '.join(reasons)} |")
display(Markdown("\n".join(rows)))


# %% [markdown]
# ## ε vs m_Z′ and y vs m_DM
#
# Solid: derived here from the g_q limits. Dashed: the DM WG tool's published curves for the
# same inputs (catalogue entries `atlas-2025-tla-j50-epsilon`, …), which the derivation is
# validated against in `tests/reinterpret/test_validation.py`.


# %%
def layer_of(ident, label, status, segments, plane, *, published=False):
    """Return a figure layer (display units) made from internal-unit segments."""
    p = get_plane(plane)
    return Layer(
        id=ident,
        label=label,
        role="collider",
        status=status,
        cl=0.95,
        kind="curve",
        segments=tuple((x / p.x.factor, y / p.y.factor) for x, y in segments),
        provenance=LayerProvenance(description=ident),
        fill="none" if published else "above",
        style={"linestyle": "--"} if published else {},
    )


def published(source, quantity, plane):
    """Return the DM WG tool's published curve for a source as a dashed layer, or None."""
    ident = source.replace("-gq", f"-{quantity}")
    if ident not in {e.id for e in catalogue}:
        return None
    entry = catalogue.get(ident)
    segments = catalogue.curve(ident).segments
    return layer_of(
        f"published-{ident}",
        f"{entry.label}, DM WG tool",
        entry.status,
        segments,
        plane,
        published=True,
    )


def dark_photon_figure(plane, attribute, quantity, x_range, y_range, name):
    layers = []
    for source, result in limits.items():
        curve = getattr(result, attribute)
        layers.append(layer_of(curve.id, curve.label, curve.status, curve.segments, plane))
        reference = published(source, quantity, plane)
        if reference is not None:
            layers.append(reference)
    p = get_plane(plane)
    return Figure(
        recipe_id=f"notebooks/{name}",
        title=p.description,
        plane=plane,
        x=AxisSpec(f"{p.x.label} [{p.x.unit}]", p.x.unit, x_range),
        y=AxisSpec(p.y.label, p.y.unit, y_range),
        layers=tuple(layers),
        annotations=(
            Annotation(
                r"Dark photon: vector, $g_\mathrm{DM} = 1$, $g_\ell = 0$, $m_\mathrm{DM} = m_{Z'}/3$",
                (0.03, 0.96),
            ),
            Annotation(f"95% CL; $\\epsilon$ convention {convention}", (0.03, 0.90)),
        ),
        legend="legend",
        output=name,
    )


figures = [
    dark_photon_figure(
        "epsilon-mzprime",
        "epsilon",
        "epsilon",
        (300.0, 2000.0),
        (0.03, 3.0),
        "dmwg-dark-photon-epsilon",
    ),
    dark_photon_figure(
        "y-mdm", "y_mdm", "y-mdm", (100.0, 700.0), (1e-6, 1e-2), "dmwg-dark-photon-y"
    ),
]
for figure in figures:
    display(render(figure).figure)

# %% [markdown]
# ## Write the results
#
# With `output_dir` set, the derived curves are written as deterministic JSON with their
# provenance (`dmsummary.reinterpret.write_json`, atomic), and the figures as PNG and PDF.

# %%
if output_dir:
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    curves = [curve for result in limits.values() for curve in result]
    write_json(out / "dmwg-dark-photon.json", curves)
    for figure in figures:
        save(figure, out, formats=("png", "pdf"))
    display(
        Markdown(f"Wrote `dmwg-dark-photon.json` and {2 * len(figures)} figure files to `{out}`.")
    )
