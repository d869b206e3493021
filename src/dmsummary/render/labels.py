"""Inline labels: each layer's name next to its curve, without overlaps.

The placement works in display coordinates (pixels) once the layout is final:

1. every visible curve (and band edge) is resampled every ~3 px along its arc
   length and clipped to the axes: these points are the obstacles;
2. for each layer, candidate label positions are generated along its visible
   curve: text rotated along the local chord of the curve (on either side, pushed
   off by the curve's bulge) and horizontal text beside the curve (above, below,
   left, right);
3. a candidate is valid when its box (rotated rectangle, padded) stays inside the
   axes, contains no curve point of any layer, and its axis-aligned bounding box
   overlaps no label placed before and no annotation or legend;
4. among valid candidates the one with the best score wins (clearance from other
   curves and labels, small rotation, on the side of the layer's filled region);
   labels are placed greedily, layers with the shortest visible curve first;
5. a layer with no valid candidate falls back to a legend entry.

A ``label_at`` hint (data coordinates) is honoured as given: the text is centred
there, rotated along the curve if the curve passes within a few points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.spatial import cKDTree

if TYPE_CHECKING:
    import numpy.typing as npt
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Text

    from dmsummary.recipes.model import Layer

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.intp]

__all__ = ["Placement", "place_labels", "visible_runs"]

_STEP = 3.0  # px between resampled curve points (less than a label height)
_PAD = 1.5  # px kept free around a label box
_CLEAR = 8.0  # px of clearance from other curves beyond which it no longer scores
_GAP = 1.5  # px between a curve and its label
_MAX_ANGLE = 70.0  # degrees; steeper text is not offered


@dataclass(slots=True)
class _Box:
    cx: float
    cy: float
    ex: float  # half extents of the axis-aligned bounding box
    ey: float

    def overlaps(self, other: _Box, pad: float) -> bool:
        return (
            abs(self.cx - other.cx) < self.ex + other.ex + pad
            and abs(self.cy - other.cy) < self.ey + other.ey + pad
        )


def _split_finite(points: FloatArray) -> list[FloatArray]:
    ok = np.all(np.isfinite(points), axis=1)
    runs: list[FloatArray] = []
    start = None
    for i, good in enumerate(ok):
        if good and start is None:
            start = i
        elif not good and start is not None:
            runs.append(points[start:i])
            start = None
    if start is not None:
        runs.append(points[start:])
    return runs


def _resample(run: FloatArray, step: float) -> FloatArray:
    if len(run) < 2:
        return run
    seg = np.hypot(*np.diff(run, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    if s[-1] <= 0:
        return run[:1]
    n = max(math.ceil(s[-1] / step), 1) + 1
    t = np.linspace(0.0, s[-1], n)
    return np.column_stack([np.interp(t, s, run[:, 0]), np.interp(t, s, run[:, 1])])


def visible_runs(
    ax: Axes, x: FloatArray, y: FloatArray, *, margin: float = 0.0
) -> list[FloatArray]:
    """Return the visible parts of a curve, resampled in display coordinates.

    Parameters
    ----------
    ax : Axes
        The axes (its layout must be final).
    x, y : ndarray
        The curve in data (display-unit) coordinates; NaN and, on log axes,
        non-positive values break it.
    margin : float
        Pixels by which the axes box is shrunk before clipping.

    Returns
    -------
    list of ndarray
        ``(n, 2)`` arrays of pixel coordinates, ~3 px apart, inside the axes.
    """
    xx = np.asarray(x, dtype=float).copy()
    yy = np.asarray(y, dtype=float).copy()
    if ax.get_xscale() == "log":
        xx[xx <= 0] = np.nan
    if ax.get_yscale() == "log":
        yy[yy <= 0] = np.nan
    finite = np.isfinite(xx) & np.isfinite(yy)
    pts = np.full((xx.size, 2), np.nan)
    if finite.any():
        pts[finite] = ax.transData.transform(np.column_stack([xx[finite], yy[finite]]))
    bbox = ax.get_window_extent()
    out: list[FloatArray] = []
    for run in _split_finite(pts):
        dense = _resample(run, _STEP)
        inside = (
            (dense[:, 0] >= bbox.x0 + margin)
            & (dense[:, 0] <= bbox.x1 - margin)
            & (dense[:, 1] >= bbox.y0 + margin)
            & (dense[:, 1] <= bbox.y1 - margin)
        )
        cut = dense.copy()
        cut[~inside] = np.nan
        out.extend(r for r in _split_finite(cut) if len(r) >= 2)
    return out


@dataclass(slots=True)
class _Candidates:
    centre: FloatArray  # (k, 2) box centres, px
    angle: FloatArray  # (k,) rotation, radians
    bonus: FloatArray  # (k,) score bonus (side preference, rotation and distance penalties)
    anchor: FloatArray  # (k, 2) curve point the label belongs to, px
    edge: FloatArray  # (k, 2) point of the box edge facing the anchor, px

    @classmethod
    def empty(cls) -> _Candidates:
        return cls(np.empty((0, 2)), np.empty(0), np.empty(0), np.empty((0, 2)), np.empty((0, 2)))


def _bases(
    run: FloatArray, s: FloatArray, i: int, w: float, h: float
) -> list[tuple[FloatArray, float, float, float]]:
    """Placements at curve point ``i``: (direction, angle, distance to centre, half depth)."""
    p = run[i]
    out: list[tuple[FloatArray, float, float, float]] = []
    lo = int(np.searchsorted(s, s[i] - w / 2))
    hi = min(int(np.searchsorted(s, s[i] + w / 2)), len(run) - 1)
    window = run[lo : hi + 1]
    chord = window[-1] - window[0]
    norm = math.hypot(*chord)
    # Along the curve (both sides), if the curve is long enough here.
    if norm > 0.6 * w:
        t = chord / norm
        if t[0] < 0:
            t = -t
        theta = math.atan2(t[1], t[0])
        if abs(math.degrees(theta)) <= _MAX_ANGLE:
            n = np.array([-t[1], t[0]])
            for side in (1.0, -1.0):
                dev = float(np.max((window - p) @ (side * n), initial=0.0))
                out.append((side * n, theta, _GAP + h / 2 + dev, h / 2))
    # Horizontal text beside the curve (for steep or short parts).
    near = run[int(np.searchsorted(s, s[i] - w)) : int(np.searchsorted(s, s[i] + w)) + 1] - p
    for e, half, across in (
        ((0.0, 1.0), h / 2, np.abs(near[:, 0]) < w / 2),
        ((0.0, -1.0), h / 2, np.abs(near[:, 0]) < w / 2),
        ((1.0, 0.0), w / 2, np.abs(near[:, 1]) < h / 2),
        ((-1.0, 0.0), w / 2, np.abs(near[:, 1]) < h / 2),
    ):
        direction = np.array(e)
        dev = float(np.max((near @ direction) * across, initial=0.0))
        out.append((direction, 0.0, _GAP + half + dev, half))
    return out


def _candidates(
    runs: Sequence[FloatArray], w: float, h: float, fill: str, extras: Sequence[float]
) -> _Candidates:
    centres: list[FloatArray] = []
    angles: list[float] = []
    bonus: list[float] = []
    anchors: list[FloatArray] = []
    edges: list[FloatArray] = []
    fill_side = -1.0 if fill == "below" else 1.0
    for run in runs:
        s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(run, axis=0).T))])
        stride = max(1, round(max(6.0, s[-1] / 45.0) / _STEP))
        for i in range(0, len(run), stride):
            p = run[i]
            for e, theta, dist, half in _bases(run, s, i, w, h):
                pref = 1.5 if e[1] * fill_side > 0.3 else 0.0
                turn = 3.0 * abs(math.degrees(theta)) / 45.0 + (2.0 if e[0] else 0.0)
                for extra in extras:
                    away = dist - half - _GAP + extra  # px between curve and box
                    centres.append(p + e * (dist + extra))
                    edges.append(p + e * (dist + extra - half))
                    anchors.append(p)
                    angles.append(theta)
                    bonus.append(pref - turn - 3.0 * away / h)
    if not centres:
        return _Candidates.empty()
    return _Candidates(
        np.array(centres), np.array(angles), np.array(bonus), np.array(anchors), np.array(edges)
    )


def _aabb(angle: FloatArray, w: float, h: float) -> tuple[FloatArray, FloatArray]:
    c, s = np.abs(np.cos(angle)), np.abs(np.sin(angle))
    return c * w / 2 + s * h / 2, s * w / 2 + c * h / 2


def _pairs(
    tree: cKDTree, centres: FloatArray, radius: float | FloatArray
) -> tuple[IntArray, IntArray]:
    """(candidate, point) index pairs with the point within ``radius`` of the centre."""
    lists = tree.query_ball_point(centres, radius, return_sorted=False)
    counts = np.array([len(x) for x in lists], dtype=np.intp)
    if not counts.sum():
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp)
    flat = np.concatenate([np.asarray(x, dtype=np.intp) for x in lists])
    return np.repeat(np.arange(len(lists)), counts), flat


def _leader_start(anchor: FloatArray, edge: FloatArray) -> FloatArray:
    """Leader lines start 2 px from the curve, towards the label."""
    d = edge - anchor
    norm = np.maximum(np.hypot(*d.T), 1e-9)[:, None]
    out: FloatArray = anchor + 2.0 * d / norm
    return out


def _min_by(n: int, index: IntArray, values: FloatArray) -> FloatArray:
    out = np.full(n, np.inf)
    np.minimum.at(out, index, values)
    return out


def _choose(
    cands: _Candidates,
    w: float,
    h: float,
    *,
    axes_box: tuple[float, float, float, float],
    points: FloatArray,
    tree: cKDTree | None,
    own: npt.NDArray[np.bool_],
    placed: Sequence[_Box],
    leader: bool,
    region: bool,
) -> int | None:
    if not len(cands.angle):
        return None
    cx, cy = cands.centre[:, 0], cands.centre[:, 1]
    ex, ey = _aabb(cands.angle, w, h)
    x0, y0, x1, y1 = axes_box
    ok = (cx - ex >= x0 + 2) & (cx + ex <= x1 - 2) & (cy - ey >= y0 + 2) & (cy + ey <= y1 - 2)
    clear_labels = np.full(len(cx), 25.0)
    for box in placed:
        gx = np.abs(cx - box.cx) - ex - box.ex
        gy = np.abs(cy - box.cy) - ey - box.ey
        ok &= (gx >= 2 * _PAD) | (gy >= 2 * _PAD)
        clear_labels = np.minimum(clear_labels, np.hypot(np.maximum(gx, 0), np.maximum(gy, 0)))
        if leader:  # the leader must not cross a label either
            for t in np.linspace(0.0, 1.0, 9):
                lx, ly = (cands.anchor + t * (cands.edge - cands.anchor)).T
                ok &= (np.abs(lx - box.cx) > box.ex + 1) | (np.abs(ly - box.cy) > box.ey + 1)
    idx = np.flatnonzero(ok)
    if not idx.size:
        return None
    if tree is None:
        score = _CLEAR + 0.4 * clear_labels[idx] + cands.bonus[idx]
        return int(idx[int(np.argmax(score))])
    # The curve tests are the expensive part. A candidate's score is at most
    # _CLEAR + 0.4 * clear_labels + bonus, so candidates are tested in batches of
    # decreasing upper bound until no untested one can beat (or tie) the best found.
    # Ties go to the lowest candidate index: the result is exactly that of testing all.
    upper = _CLEAR + 0.4 * clear_labels[idx] + cands.bonus[idx]
    rank = np.argsort(-upper, kind="stable")
    order, upper_sorted = idx[rank], upper[rank]
    best: tuple[float, int] | None = None
    start, size = 0, 64
    while start < order.size:
        if best is not None and upper_sorted[start] < best[0]:
            break
        batch = order[start : start + size]
        good, clear_curves = _curve_tests(
            cands, batch, w, h, points=points, tree=tree, own=own, leader=leader, region=region
        )
        batch = batch[good]
        if batch.size:
            score = clear_curves[good] + 0.4 * clear_labels[batch] + cands.bonus[batch]
            top = float(score.max())
            pick = int(batch[score == top].min())
            if best is None or top > best[0] or (top == best[0] and pick < best[1]):
                best = (top, pick)
        start += size
        size *= 2
    return None if best is None else best[1]


def _curve_tests(
    cands: _Candidates,
    idx: IntArray,
    w: float,
    h: float,
    *,
    points: FloatArray,
    tree: cKDTree,
    own: npt.NDArray[np.bool_],
    leader: bool,
    region: bool,
) -> tuple[npt.NDArray[np.bool_], FloatArray]:
    """Curve tests for candidates ``idx``: (valid, clearance from other curves in px)."""
    n = idx.size
    cx, cy = cands.centre[idx, 0], cands.centre[idx, 1]
    ci, pi = _pairs(tree, cands.centre[idx], math.hypot(w, h) / 2 + _CLEAR + h)
    cos, sin = np.cos(cands.angle[idx][ci]), np.sin(cands.angle[idx][ci])
    dx = points[pi, 0] - cx[ci]
    dy = points[pi, 1] - cy[ci]
    u = np.abs(dx * cos + dy * sin) - w / 2
    v = np.abs(-dx * sin + dy * cos) - h / 2
    good = np.bincount(ci, weights=(u < _PAD) & (v < _PAD), minlength=n) == 0
    dist = np.hypot(np.maximum(u, 0), np.maximum(v, 0))
    mine = own[pi]
    other = _min_by(n, ci[~mine], dist[~mine])
    if not (leader or region):  # a label must be closest to its own curve
        good &= _min_by(n, ci[mine], dist[mine]) < other
    if leader:  # nor may its leader cross another curve
        a = _leader_start(cands.anchor[idx], cands.edge[idx])
        b = cands.edge[idx]
        half = np.hypot(*(b - a).T) / 2 + 2.0
        li, lp = _pairs(tree, (a + b) / 2, half)
        keep = ~own[lp]
        li, lp = li[keep], lp[keep]
        d = b[li] - a[li]
        t = np.clip(
            ((points[lp] - a[li]) * d).sum(axis=1) / np.maximum((d**2).sum(axis=1), 1e-12),
            0.0,
            1.0,
        )
        gap = np.hypot(*(points[lp] - a[li] - t[:, None] * d).T)
        good &= np.bincount(li, weights=gap <= 1.5, minlength=n) == 0
    return good, np.minimum(other, _CLEAR)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an inline label went.

    Attributes
    ----------
    placed : bool
        False if no position fitted (the caller lists the layer in a legend).
    leader : tuple of (x, y) or None
        Start and end of a leader line in data coordinates, when the label sits
        away from its curve.
    """

    placed: bool
    leader: tuple[tuple[float, float], tuple[float, float]] | None = None


def _hint_angle(points: FloatArray, centre: FloatArray, w: float, h: float) -> float:
    """Rotation along the curve near a hinted position (0 if the curve is not near)."""
    if not len(points):
        return 0.0
    d = np.hypot(*(points - centre).T)
    j = int(np.argmin(d))
    if d[j] >= 3 * h:
        return 0.0
    window = points[np.hypot(*(points - points[j]).T) < w / 2]
    chord = window[-1] - window[0]
    if chord[0] == 0:
        return 0.0
    angle = math.atan(chord[1] / chord[0])
    return angle if abs(math.degrees(angle)) <= _MAX_ANGLE else 0.0


def place_labels(
    ax: Axes,
    layers: Sequence[Layer],
    texts: dict[str, Text],
    *,
    renderer: RendererBase,
    obstacles: Sequence[tuple[float, float, float, float]] = (),
) -> dict[str, Placement]:
    """Position the inline label texts of a figure (in place).

    Parameters
    ----------
    ax : Axes
        The axes, with its final layout.
    layers : sequence of Layer
        The layers in drawing order (all of them: every curve is an obstacle).
    texts : dict
        Layer id → its label :class:`~matplotlib.text.Text` (centre-aligned,
        ``rotation_mode="anchor"``, data coordinates). Layers without an entry
        get no label.
    renderer : RendererBase
        Used to measure the texts (pixels).
    obstacles : sequence of (x0, y0, x1, y1)
        Pixel boxes labels must avoid (annotations, title).

    Returns
    -------
    dict
        Layer id → :class:`Placement` for every layer in ``texts``.
    """
    bbox = ax.get_window_extent()
    axes_box = (bbox.x0, bbox.y0, bbox.x1, bbox.y1)
    runs: dict[str, list[FloatArray]] = {}
    pts: list[FloatArray] = []
    owner: list[FloatArray] = []
    for k, layer in enumerate(layers):
        mine: list[FloatArray] = []
        for x, y in layer.segments:
            mine.extend(visible_runs(ax, x, y))
        runs[layer.id] = mine
        edges = list(mine)
        if layer.band is not None:
            edges += visible_runs(ax, layer.band.x, layer.band.low)
            edges += visible_runs(ax, layer.band.x, layer.band.high)
        for r in edges:
            pts.append(r)
            owner.append(np.full(len(r), k))
    points = np.concatenate(pts) if pts else np.empty((0, 2))
    owners = np.concatenate(owner) if owner else np.empty(0, dtype=int)
    tree = cKDTree(points) if len(points) else None
    placed = [_Box((a + c) / 2, (b + d) / 2, (c - a) / 2, (d - b) / 2) for a, b, c, d in obstacles]
    result: dict[str, Placement] = {}
    to_data = ax.transData.inverted()
    middle = to_data.transform(((bbox.x0 + bbox.x1) / 2, (bbox.y0 + bbox.y1) / 2))

    def measure(text: Text) -> tuple[float, float]:
        text.set_rotation(0.0)
        text.set_position((float(middle[0]), float(middle[1])))
        ext = text.get_window_extent(renderer)
        return float(ext.width), float(ext.height)

    def commit(text: Text, centre: FloatArray, angle: float, w: float, h: float) -> None:
        x, y = to_data.transform(centre)
        text.set_position((float(x), float(y)))
        text.set_rotation(math.degrees(angle))
        ex, ey = _aabb(np.array([angle]), w, h)
        placed.append(_Box(float(centre[0]), float(centre[1]), float(ex[0]), float(ey[0])))

    # Hints first, exactly where the recipe asks.
    for layer in layers:
        if layer.id in texts and layer.label_at is not None:
            w, h = measure(texts[layer.id])
            centre = ax.transData.transform(np.array([layer.label_at], dtype=float))[0]
            mine_pts = np.concatenate(runs[layer.id]) if runs[layer.id] else np.empty((0, 2))
            commit(texts[layer.id], centre, _hint_angle(mine_pts, centre, w, h), w, h)
            result[layer.id] = Placement(placed=True)

    # Then automatic labels, the most constrained (shortest visible curve) first.
    def visible_length(layer: Layer) -> float:
        return float(sum(np.hypot(*np.diff(r, axis=0).T).sum() for r in runs[layer.id]))

    auto = [ly for ly in layers if ly.id in texts and ly.id not in result]
    for layer in sorted(auto, key=visible_length):
        text = texts[layer.id]
        w, h = measure(text)
        own = owners == next(i for i, ly in enumerate(layers) if ly.id == layer.id)
        region = layer.fill == "below" or layer.role == "neutrino-fog"
        tiers: list[tuple[tuple[float, ...], bool]] = [
            ((0.0, 0.8 * h, 2 * h, 3.5 * h, 5 * h) if region else (0.0, 0.6 * h, 1.2 * h), False)
        ]
        if not region:
            tiers.append(((2.0 * h, 3.5 * h, 5.5 * h), True))
        result[layer.id] = Placement(placed=False)
        for extras, leader in tiers:
            cands = _candidates(runs[layer.id], w, h, layer.fill, extras)
            best = _choose(
                cands,
                w,
                h,
                axes_box=axes_box,
                points=points,
                tree=tree,
                own=own,
                placed=placed,
                leader=leader,
                region=region,
            )
            if best is None:
                continue
            commit(text, cands.centre[best], float(cands.angle[best]), w, h)
            line = None
            if leader:
                a = to_data.transform(
                    _leader_start(cands.anchor[best][None, :], cands.edge[best][None, :])[0]
                )
                b = to_data.transform(cands.edge[best])
                line = ((float(a[0]), float(a[1])), (float(b[0]), float(b[1])))
            result[layer.id] = Placement(placed=True, leader=line)
            break
    return result


def __dir__() -> list[str]:
    return __all__
