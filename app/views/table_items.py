"""The pieces of the feature-table view: a lamp, and the grid of examples with their lamps."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen, QRadialGradient
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from app.i18n import tr, worded
from app.views.knob_items import set_px_font
from nnviz.palette import BLUE, GREY, INK, ORANGE, hex_color

LIT = QColor(255, 205, 0)  # a lamp's yellow
LIT_EDGE = QColor(200, 140, 0)
DARK = QColor(205, 208, 212)
SCORE_HEADER = "Σ w·x − b"


def data_word(word: str) -> str:
    """A shipped table's word (its title, an example, a feature) in the current language.

    The table files name their rows and features in English, and those names are also the
    lesson's keys; only what the view shows is translated. A word of another table (one a
    user wrote) is shown as it is.
    """
    words = {
        "Which fruit is it?": tr("Which fruit is it?"),
        "Will it rain?": tr("Will it rain?"),
        "fruit": tr("fruit"),
        "weather": tr("weather"),
        "big": tr("big"),
        "red": tr("red"),
        "green": tr("green"),
        "sweet": tr("sweet"),
        "sour": tr("sour"),
        "round": tr("round"),
        "apple": tr("apple"),
        "watermelon": tr("watermelon"),
        "hawthorn": tr("hawthorn"),
        "lemon": tr("lemon"),
        "grape": tr("grape"),
        "banana": tr("banana"),
        "overcast": tr("overcast"),
        "humid": tr("humid"),
        "clear and dry": tr("clear and dry"),
        "clear and humid": tr("clear and humid"),
        "overcast and dry": tr("overcast and dry"),
        "overcast and humid": tr("overcast and humid"),
        "rain": tr("rain"),
    }
    return words.get(word, word)


class Lamp(QWidget):
    """A round lamp: large and yellow when lit, a dim grey disc when off."""

    def __init__(self, diameter: int = 34) -> None:
        super().__init__()
        self.lit = False
        self.diameter = diameter
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_lit(self, on: bool) -> None:
        """Switch the lamp on or off (repaints only when it changes)."""
        if bool(on) != self.lit:
            self.lit = bool(on)
            self.setAccessibleDescription(tr("lit") if self.lit else tr("off"))
            self.update()

    def set_diameter(self, px: int) -> None:
        """Bigger lamps for presentation mode."""
        self.diameter = px
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.diameter + 8, self.diameter + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QPointF(self.width() / 2, self.height() / 2)
        r = self.diameter / 2
        if self.lit:
            glow = QRadialGradient(c, r)
            glow.setColorAt(0.0, QColor(255, 250, 200))
            glow.setColorAt(1.0, LIT)
            painter.setBrush(QBrush(glow))
            painter.setPen(QPen(LIT_EDGE, 2))
        else:
            painter.setBrush(DARK)
            painter.setPen(QPen(QColor(*INK).lighter(250), 1))
        painter.drawEllipse(c, r, r)
        painter.end()


class ExampleGrid(QWidget):
    """Rows: examples; columns: their 0/1 features, the score Σ w·x − b and the lamp."""

    def __init__(self) -> None:
        super().__init__()
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.rows: tuple[str, ...] = ()
        self.features: tuple[str, ...] = ()
        self.score_labels: list[QLabel] = []
        self.weight_labels: list[QLabel] = []
        self.lamps: list[Lamp] = []
        self.px = 14

    def show_table(self, rows: Sequence[str], features: Sequence[str], X) -> None:
        """Rebuild the grid for a new table (X: one row of 0/1 per example)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows, self.features = tuple(rows), tuple(features)
        headers = [
            lambda: tr("example"),
            *(lambda f=f: data_word(f) for f in features),
            lambda: SCORE_HEADER,
            lambda: tr("lamp"),
        ]
        for col, words in enumerate(headers):
            self.grid.addWidget(self._cell(words, header=True), 0, col)
        self.score_labels, self.lamps = [], []
        for i, name in enumerate(rows):
            cell = self._cell(lambda n=name: data_word(n), header=True, left=True)
            self.grid.addWidget(cell, i + 1, 0)
            for j, bit in enumerate(X[i]):
                self.grid.addWidget(self._bit(int(bit)), i + 1, j + 1)
            score = self._cell()
            lamp = Lamp()
            worded(
                lamp,
                "setAccessibleName",
                lambda n=name: tr("lamp for {name}").format(name=data_word(n)),
            )
            self.grid.addWidget(score, i + 1, len(features) + 1)
            self.grid.addWidget(lamp, i + 1, len(features) + 2, Qt.AlignmentFlag.AlignCenter)
            self.score_labels.append(score)
            self.lamps.append(lamp)
        self.weight_labels = [self._cell() for _ in [*features, "b"]]
        weight_row = self._cell(lambda: tr("weight w"), header=True, left=True)
        self.grid.addWidget(weight_row, len(rows) + 1, 0)
        for j, label in enumerate(self.weight_labels):
            self.grid.addWidget(label, len(rows) + 1, j + 1)
        self.grid.setRowStretch(len(rows) + 2, 1)
        self.set_px(self.px)

    def show_scores(self, scores: Sequence[float], lamps: Sequence[int]) -> None:
        """Each row's score (blue when past the threshold, orange when not) and its lamp."""
        for label, lamp, score, on in zip(
            self.score_labels, self.lamps, scores, lamps, strict=True
        ):
            colour = BLUE if on else ORANGE
            label.setText(f"{score:+.1f}")
            label.setStyleSheet(f"color: {hex_color(colour)}; font-weight: bold;")
            lamp.set_lit(bool(on))

    def show_weights(self, weights: Sequence[float], threshold: float) -> None:
        """The weights under their features and '− b' under the score column."""
        for label, w in zip(self.weight_labels, weights, strict=False):
            colour = BLUE if w > 0 else ORANGE if w < 0 else INK
            label.setText(f"{w:+.1f}" if w else "0")
            label.setStyleSheet(f"color: {hex_color(colour)}; font-weight: bold;")
        self.weight_labels[-1].setText(f"b = {threshold:.1f}")
        self.weight_labels[-1].setStyleSheet(f"color: {hex_color(INK)}; font-weight: bold;")

    def set_px(self, px: int) -> None:
        """Type ``px`` pixels tall and lamps to match."""
        self.px = px
        for i in range(self.grid.count()):
            w = self.grid.itemAt(i).widget()
            if isinstance(w, Lamp):
                w.set_diameter(int(px * 2.6))
            elif w is not None:
                set_px_font(w, px, w.font().bold())

    def _cell(
        self, words: Callable[[], str] | None = None, header: bool = False, left: bool = False
    ) -> QLabel:
        """A label of the grid; ``words`` makes its text (again on a language switch)."""
        label = QLabel()
        if words is not None:
            worded(label, "setText", words)
        align = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignCenter
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        if header:
            label.setStyleSheet(f"color: {hex_color(INK)}; font-weight: bold;")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    def _bit(self, bit: int) -> QLabel:
        label = QLabel(str(bit))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        back = hex_color(GREY) if bit == 0 else "#cfe3f1"
        ink = "#8a8f96" if bit == 0 else hex_color(INK)
        label.setStyleSheet(f"background: {back}; color: {ink}; border-radius: 4px; padding: 2px;")
        label.setMinimumWidth(36)
        return label
