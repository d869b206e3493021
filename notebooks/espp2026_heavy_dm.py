# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # European Strategy 2026: heavy dark matter, reproducibly
#
# This notebook rebuilds the heavy-dark-matter summary figures of the European Strategy for
# Particle Physics 2026 Briefing Book with **dmsummary**: every curve comes from a catalogue
# entry pinned by sha256 to its upstream file, every translation between planes is a tested
# physics function with its convention stated, and every figure comes with its provenance
# table. It uses only the public API, so what you see here is what `dmsummary build` writes.
#
# The data files are read from the mirror named by `DMSUMMARY_DATA` (or the download cache,
# after `dmsummary fetch`); nothing is downloaded implicitly.
#
# Run it headless (REANA, CI) with papermill, e.g.
# `papermill notebooks/espp2026_heavy_dm.ipynb out.ipynb -p output_dir build/notebook`.

# %% tags=["parameters"]
# Parameters (papermill / REANA can override these).
# output_dir: also write the files `dmsummary build` writes there (empty: nowhere).
# formats: the figure formats written to output_dir.
recipes = [
    "espp2026/higgs-portal-majorana",
    "espp2026/higgs-portal-scalar",
    "espp2026/scalar-portal",
    "espp2026/pseudoscalar-portal",
]
output_dir = ""
formats = ["png"]

# %%
# %matplotlib inline
from IPython.display import Markdown, display

from dmsummary.provenance import provenance_report
from dmsummary.recipes import load_recipe, resolve_recipe
from dmsummary.render import render
from dmsummary.repro import environment_info

info = environment_info()
display(
    Markdown(
        f"dmsummary {info['versions']['dmsummary']}, matplotlib {info['versions']['matplotlib']}, "
        f"Python {info['python']['version']}; data mirror: `{info['data']['path']}`"
    )
)


def show(recipe_id: str) -> None:
    """Resolve, draw and document one figure: the figure, then its provenance table."""
    recipe = load_recipe(recipe_id)
    figure = resolve_recipe(recipe)
    display(Markdown(f"**{figure.title}** — {recipe.spec.get('description', '')}"))
    display(render(figure).figure)
    display(Markdown(provenance_report(figure).to_markdown()))


# %% [markdown]
# ## 1. Higgs portal
#
# If dark matter χ couples to the Standard Model only through the Higgs boson, the same
# coupling λ_hχχ fixes the invisible Higgs width (for m_χ < m_H/2) and the spin-independent
# DM–nucleon cross-section, through the Higgs–nucleon coupling f_N. Their ratio does not
# depend on λ_hχχ, so a collider limit on BR(H → inv) becomes a line in the
# (m_χ, σ_SI) plane (Djouadi, Falkowski, Mambrini, Quevillon,
# [arXiv:1205.3169](https://arxiv.org/abs/1205.3169), Eqs. (4)–(6)).
#
# Parameters and conventions used here:
# - **BR(H → inv) < 0.107** (ATLAS combination, [arXiv:2301.10731](https://arxiv.org/abs/2301.10731))
#   and CMS ([arXiv:2303.01214](https://arxiv.org/abs/2303.01214)); the limit gives
#   Γ_inv = Γ_SM·B/(1 − B) with Γ_SM = 4.07 MeV (LHC Higgs XS WG YR4,
#   [arXiv:1610.07922](https://arxiv.org/abs/1610.07922)), assuming SM production.
# - **f_N = 0.308 ± 0.018** ([arXiv:1708.02245](https://arxiv.org/abs/1708.02245)); the band
#   on the figure is this uncertainty.
# - **self-conjugate convention**: a Majorana fermion (or a real scalar) carries the
#   identical-particle factor ½ in the decay, so its σ_SI is twice the one ATLAS and CMS
#   quote for Dirac DM (see `docs/physics.md`, doubt D1). The convention is printed on the
#   figure.
# - Above m_χ = m_H/2 the channel is closed and there is no limit.
#
# The direct-detection limits (LZ, XENONnT, PandaX-4T, …) and projections are drawn as
# published; the neutrino fog is the xenon one of O'Hare
# ([arXiv:2109.03116](https://arxiv.org/abs/2109.03116)).

# %%
for recipe_id in recipes:
    if recipe_id.startswith("espp2026/higgs-portal"):
        show(recipe_id)

# %% [markdown]
# ## 2. Generic scalar portal: fermion DM with a scalar mediator
#
# Dirac DM χ and an s-channel scalar mediator of mass M_med with couplings g_χ to DM and
# g_q·m_q/v to quarks (Yukawa-like, minimal flavour violation), the LHC DM Working Group
# simplified model ([arXiv:1507.00966](https://arxiv.org/abs/1507.00966),
# [arXiv:1703.05703](https://arxiv.org/abs/1703.05703)). Its spin-independent cross-section
# is σ_SI = (μ²/π)·[g_q g_χ m_n f_N^S/(v M_med²)]² (LHC DM WG recommendation for presenting
# collider results in the DD plane, [arXiv:1603.04156](https://arxiv.org/abs/1603.04156) §4).
#
# Parameters: **g_q = g_χ = 1**. At these couplings the CMS monojet/mono-V signal-strength
# limit (EXO-20-004, [arXiv:2107.13021](https://arxiv.org/abs/2107.13021)) is above μ = 1 at
# every mediator mass: the LHC excludes no mediator mass, so there is **no collider line** to
# translate. The figure states it rather than drawing a curve that does not exist; the
# provenance table lists it under the curves not drawn.

# %%
if "espp2026/scalar-portal" in recipes:
    show("espp2026/scalar-portal")

# %% [markdown]
# ## 3. Generic pseudoscalar portal: collider vs indirect detection
#
# The same model with a pseudoscalar mediator has no tree-level direct-detection signal
# (momentum-suppressed), but annihilates in the s-wave: ⟨σv⟩(b b̄) ∝ g_q² g_χ² m_b² m_χ²/(v² D),
# D = (M_med² − 4m_χ²)² + M_med² Γ² ([arXiv:1703.05703](https://arxiv.org/abs/1703.05703)).
#
# Parameters and conventions:
# - **g_q = g_χ = 1**; the CMS monojet/mono-V signal-strength limit (EXO-20-004,
#   [arXiv:2107.13021](https://arxiv.org/abs/2107.13021), m_DM = 1 GeV) excludes mediator masses
#   up to M*; for m_χ < M*/2 this excludes ⟨σv⟩ above the collider line (approximate: the
#   monojet reach is taken independent of m_χ).
# - Indirect-detection limits (Fermi-LAT dwarf spheroidals, …) and the thermal-relic target
#   (Steigman, Dasgupta, Beacom, [arXiv:1204.3622](https://arxiv.org/abs/1204.3622)) are
#   published for self-conjugate DM; for Dirac DM they are multiplied by 2 (`docs/physics.md`,
#   doubt D4), as printed on the figure.

# %%
if "espp2026/pseudoscalar-portal" in recipes:
    show("espp2026/pseudoscalar-portal")

# %% [markdown]
# ## Write the files
#
# With `output_dir` set, the figures are also written exactly as `dmsummary build` writes
# them (figures, provenance tables, BibTeX, `manifest.json`), so `dmsummary verify` can check
# them later.

# %%
if output_dir:
    from dmsummary.build import build

    result = build(recipes, output_dir, formats=formats, jobs=1)
    display(Markdown(f"Wrote {sum(map(len, result.outputs.values()))} files to `{output_dir}`."))

# %% [markdown]
# ## Reproduce and cite
#
# - `uv run dmsummary build` writes these figures (PDF, PNG, SVG), their provenance tables and
#   BibTeX, and `build/manifest.json`; `uv run dmsummary verify build/` rebuilds and compares
#   byte for byte.
# - `uv run dmsummary cite espp2026/higgs-portal-majorana` prints the BibTeX of exactly the
#   works drawn; `uv run dmsummary export --zenodo figures.zip` writes a citable archive.
