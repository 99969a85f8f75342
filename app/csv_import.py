"""CSV points import: read off the GUI thread, installed on it as one undo step."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.context import Context
from app.i18n import QT_TR_NOOP, tr
from app.jobs import JobRunner
from app.long_lived import built_to_last
from nnviz.data import Dataset
from nnviz.data.csv_io import CsvError, read_csv
from nnviz.data.limits import MAX_COORD
from nnviz.data.point_set import PointSet

Prepared = tuple[PointSet, dict[str, Any], int]  # the points, their settings, how many


def prepare_import(path: Path, ratio: float) -> Prepared:
    """Read a CSV file into a point set and its settings (no Qt; CsvError/ValueError if bad)."""
    data = read_csv(path)  # coordinates and targets are finite and within ±MAX_COORD
    # The view's square: the data's extent plus a margin, never beyond the bound.
    bound = float(abs(data.X).max(initial=0.0)) if len(data.X) else 6.0
    m = float(max(1, math.ceil(min(bound, MAX_COORD) * 1.15)))
    ds = Dataset(data.X, data.y, data.kind, data.n_classes, Path(path).stem, (-m, m))
    points = PointSet.from_dataset(ds, ratio, 0)
    points.all_arrays()  # made here, off the GUI thread: the undo step, views and lab reuse them
    settings = {"name": "csv", "noise": 0.0, "test_ratio": ratio, "seed": 0, "domain": [-m, m]}
    return points, settings, len(data.X)


class CsvImporter(QObject):
    """Imports CSV points now (tests, scripts) or in the background (the menu)."""

    finished = Signal(bool)  # after a background import: True if the points were replaced

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jobs = JobRunner(self)
        self.jobs.result_ready.connect(self._on_result)
        self.jobs.failed.connect(self._on_failed)

    def import_now(self, path: Path) -> bool:
        """Replace the points by a CSV file's (one undo step); bad files change nothing."""
        try:
            prepared = prepare_import(Path(path), self._ratio())
        except (CsvError, ValueError) as exc:
            self.ctx.warn(str(exc))
            return False
        self._install(Path(path), prepared)
        return True

    def import_in_background(self, path: Path) -> None:
        """Read the file on the job thread; the points are replaced when it is done."""
        path, ratio = Path(path), self._ratio()
        self.ctx.say(tr("Importing {name}…").format(name=path.name))

        def job(_cancelled: Any) -> Iterator[tuple[Path, Prepared | str]]:
            try:
                with built_to_last():  # 100,000 points without collector pauses
                    prepared = prepare_import(path, ratio)
            except (CsvError, ValueError) as exc:
                yield path, str(exc)
            else:
                yield path, prepared

        self.jobs.submit("import", job)

    def shutdown(self) -> None:
        """Stop the job thread (the window is closing)."""
        self.jobs.shutdown()

    def _ratio(self) -> float:
        return float(self.ctx.document.settings.get("test_ratio", 0.5))

    def _install(self, path: Path, prepared: Prepared) -> None:
        points, settings, n = prepared
        note = self.ctx.document.replace(points, QT_TR_NOOP("import points from CSV"), settings)
        said = tr("Imported {n} points from {name}").format(n=n, name=path.name)
        self.ctx.say(tr("{said}; {note}").format(said=said, note=note) if note else said)

    @Slot(str, object)
    def _on_result(self, key: str, value: tuple[Path, Prepared | str]) -> None:
        if key != "import":  # the file thread also opens sessions (app/session_open.py)
            return
        path, prepared = value
        if isinstance(prepared, str):
            self.ctx.warn(prepared)
        else:
            self._install(path, prepared)
        self.finished.emit(not isinstance(prepared, str))

    @Slot(str, str)
    def _on_failed(self, key: str, message: str) -> None:
        if key != "import":
            return
        self.ctx.warn(tr("Could not import the points ({reason})").format(reason=message))
        self.finished.emit(False)
