"""Where a chart's words sit: the boxes of its labels, what they overlap, and a placement that
avoids it. A chart is checked as drawn (the Agg renderer measures the text), so the test that
no label crosses a line or another label checks the figure the reader sees."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

#: Offsets (points) tried in turn for a label next to a point: right, above, left, below, then farther.
AROUND = ((8, 4), (8, -12), (-8, 4), (-8, -12), (0, 10), (0, -16), (16, 16), (-16, 16), (16, -24), (-16, -24),
          (24, 28), (-24, 28), (-40, 12), (-60, 20), (-80, 30))


@dataclass(frozen=True)
class Box:
    """One label as drawn: what it is and its extent in display units (pixels)."""

    name: str
    extent: Bbox


def _renderer(fig: Figure):
    """A renderer with the figure laid out (ticks placed), without painting any pixel."""
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def text_box(text: Text, renderer=None, pad: float = 1.0) -> Bbox:
    """The box of the words alone (an annotation's arrow is not part of its label), ``pad`` pixels wider."""
    renderer = renderer or _renderer(text.figure)
    box = Text.get_window_extent(text, renderer)
    return box.expanded((box.width + 2 * pad) / max(box.width, 1e-9), (box.height + 2 * pad) / max(box.height, 1e-9))


def label_boxes(fig: Figure, renderer=None) -> list[Box]:
    """Every label a reader reads in the plot: annotations and texts, legends, titles, tick labels
    (``renderer``: one from :func:`_renderer` on the figure as it stands, else the figure is laid out)."""
    renderer = renderer or _renderer(fig)
    boxes: list[Box] = []
    for ax in fig.axes:
        for text in ax.texts:
            if text.get_visible() and text.get_text().strip():
                boxes.append(Box(f"label {text.get_text()!r}", text_box(text, renderer)))
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            boxes.append(Box("legend", legend.get_window_extent(renderer)))
        if ax.title.get_text():
            boxes.append(Box("title", text_box(ax.title, renderer, pad=0)))
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_ticklabels():
                if tick.get_visible() and tick.get_text().strip():
                    boxes.append(Box(f"tick {tick.get_text()!r}", text_box(tick, renderer, pad=0)))
    return boxes


def line_paths(fig: Figure) -> list[tuple[str, Path]]:
    """The drawn lines (data lines, reference lines), in display units. Markers-only series are not lines."""
    paths = []
    for ax in fig.axes:
        for line in ax.get_lines():
            if not line.get_visible() or line.get_linestyle() in ("None", "", " ") or len(line.get_xydata()) < 2:
                continue
            xy = line.get_transform().transform(np.asarray(line.get_xydata(), dtype=float))
            paths.append((f"line {line.get_label()!r}", Path(xy)))
        for collection in ax.collections:  # error bars and other segment sets
            if isinstance(collection, LineCollection) and collection.get_visible():
                transform = collection.get_transform()
                paths += [(f"segment of {collection.get_label()!r}", Path(transform.transform(np.asarray(seg, dtype=float))))
                          for seg in collection.get_segments() if len(seg) >= 2]
    return paths


def marker_boxes(fig: Figure) -> list[tuple[str, Bbox]]:
    """The markers of scatter series (each a small box of its size), in display units."""
    boxes = []
    for ax in fig.axes:
        for collection in ax.collections:
            if not isinstance(collection, PathCollection):
                continue
            sizes = collection.get_sizes()
            offsets = collection.get_offsets()
            if not len(sizes) or not len(offsets) or not collection.get_visible():
                continue
            xy = collection.get_offset_transform().transform(np.asarray(offsets, dtype=float))
            for i, (x, y) in enumerate(xy):
                if not np.isfinite([x, y]).all():
                    continue
                radius = np.sqrt(sizes[i % len(sizes)]) / 2 * fig.dpi / 72
                boxes.append((f"marker of {collection.get_label()!r}", Bbox.from_extents(x - radius, y - radius,
                                                                                            x + radius, y + radius)))
    return boxes


def _crosses(path: Path, box: Bbox) -> bool:
    """Whether the polyline enters the box (a vertex inside, or a segment crossing it)."""
    vertices = path.vertices
    inside = (vertices[:, 0] > box.x0) & (vertices[:, 0] < box.x1) & (vertices[:, 1] > box.y0) & (vertices[:, 1] < box.y1)
    if inside.any():
        return True
    return bool(path.intersects_bbox(box, filled=False))


def overlaps(fig: Figure, lines: bool = True) -> list[str]:
    """What overlaps in a drawn chart: two labels (ticks of one axis excepted, they are laid out by
    matplotlib), or a label or a legend and a line or a marker (ticks and the title sit outside the
    axes). Empty when the chart reads cleanly."""
    boxes = label_boxes(fig)
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.name.startswith("tick") and b.name.startswith("tick"):
                continue
            if a.extent.overlaps(b.extent):
                found.append(f"{a.name} overlaps {b.name}")
    if lines:
        paths, markers = line_paths(fig), marker_boxes(fig)
        for box in boxes:
            if not box.name.startswith(("label", "legend")):
                continue
            found += [f"{box.name} crosses {name}" for name, path in paths if _crosses(path, box.extent)]
            found += [f"{box.name} covers a {name}" for name, marker in markers if box.extent.overlaps(marker)]
    return found


def _clear(text: Text, renderer, placed: Sequence[Bbox], paths: Iterable[Path], ax: Axes) -> bool:
    """Whether the label's words, as now placed, stay in the axes and touch no box and no line."""
    box = text_box(text, renderer, pad=2.0)
    inside = ax.get_window_extent(renderer)
    if box.x0 < inside.x0 or box.x1 > inside.x1 or box.y0 < inside.y0 or box.y1 > inside.y1:
        return False
    return not any(box.overlaps(other) for other in placed) and not any(_crosses(p, box) for p in paths)


def place(labels: Sequence[Annotation], candidates: Sequence[tuple[float, float]] = AROUND) -> list[Annotation]:
    """Move each annotation (in turn) to the first offset, in points, where its words overlap no
    line, no label placed before it and nothing outside the axes; a label that fits nowhere keeps
    the last offset tried and is reported by :func:`overlaps`. Returns the labels."""
    if not labels:
        return list(labels)
    fig = labels[0].figure
    ax = labels[0].axes
    renderer = _renderer(fig)
    paths = [p for _, p in line_paths(fig)]
    fixed = [b.extent for b in label_boxes(fig, renderer) if b.name in ("legend", "title") or b.name.startswith("tick")]
    placed: list[Bbox] = fixed + [box for _, box in marker_boxes(fig)]
    for label in labels:
        for dx, dy in candidates:
            label.set_position((dx, dy))
            label.set_horizontalalignment("left" if dx > 0 else "right" if dx < 0 else "center")
            label.set_verticalalignment("bottom" if dy >= 0 else "top")
            if _clear(label, renderer, placed, paths, ax):
                break
        placed.append(text_box(label, renderer, pad=2.0))
    return list(labels)
