"""Walk a window and list the texts a user can see that are still in the wrong language.

``shown_texts(window)`` collects every visible label, button, group box title, tab, combo box
item, dock title, line-edit placeholder, spin-box suffix, tree header and item, tooltip and
text drawn in a graphics scene (plot axes, legends); ``menu_texts(bar)`` every menu title and
action reachable from the menu bar. ``english_left`` keeps those still holding English words
(formulas, names and units on ``ALLOWED`` pass); ``chinese_left`` those holding Chinese.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QTreeWidget,
    QWidget,
)

Seen = tuple[str, str]  # (where it is, the text)

# Words that stay as they are in every language: names, formulas, keys, units, file types.
ALLOWED = frozenset(
    # names of methods, functions and things a Chinese course also writes in Latin letters
    "nnviz SGD Adam RMSprop RMSProp Adagrad Nesterov ReLU Leaky leaky tanh sigmoid softmax "  # noqa: SIM905
    "MSE XOR AND OR NAND CS torch optim Qt Softmax Xavier AdaGrad OpenGL micrograd FGSM "
    # the test surfaces carry their inventors' names in Chinese courses too
    "Rosenbrock Himmelblau Beale "
    # formulas: functions and short symbols
    "sin cos exp log ln act max min abs sgn argmax ll dL dw dx dy df lr "
    # keys
    "Space Ctrl Shift Alt Esc Enter Tab PgDn PgUp Home End Del "
    # units and file types
    "px ms Hz CSV PNG SVG csv png svg json "
    # each language names itself in the Language menu (English in Chinese, 简体中文 in English);
    # "语言 / Language" keeps the way back findable for whoever cannot read the other one
    "English Language".split()
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Rich text and menu mnemonics to the words a user reads."""
    text = html.unescape(_TAG.sub(" ", text)) if "<" in text or "&" in text else text
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _bare(text: str) -> str:
    """Text as QAction makes its default tooltip: no mnemonic, no trailing dots."""
    return plain(text).replace("…", "").replace("...", "").strip()


def english_words(text: str) -> list[str]:
    """The English words in ``text`` (runs of two or more Latin letters not on ALLOWED)."""
    return [w for w in _WORD.findall(plain(text)) if w not in ALLOWED]


def english_left(seen: Iterable[Seen]) -> list[str]:
    """'where: text' for every text still holding English words, each once."""
    out = {f"{where}: {text!r}" for where, text in seen if english_words(text)}
    return sorted(out)


def chinese_left(seen: Iterable[Seen], allowed: Iterable[str] = ("简体中文",)) -> list[str]:
    """'where: text' for every text holding Chinese characters (but ``allowed`` texts)."""
    keep = set(allowed)
    out = {f"{where}: {text!r}" for where, text in seen if _CJK.search(text) and text not in keep}
    return sorted(out)


def _visible(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0 and not w.visibleRegion().isEmpty()


def _where(w: QWidget) -> str:
    """The widget's class and name, inside its dock (the dock's English object name)."""
    parent, dock = w.parentWidget(), ""
    while parent is not None:
        if isinstance(parent, QDockWidget):
            dock = f"{parent.objectName()} "
            break
        parent = parent.parentWidget()
    name = f"#{w.objectName()}" if w.objectName() else ""
    return f"{dock}{type(w).__name__}{name}"


def widget_texts(w: QWidget) -> list[str]:
    """The texts one widget shows by itself (not its children's)."""
    out = [w.toolTip()]
    if isinstance(w, QLabel | QAbstractButton):
        out.append(w.text())
    elif isinstance(w, QGroupBox):
        out.append(w.title())
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            out += [w.tabText(i), w.tabToolTip(i)]
    elif isinstance(w, QComboBox):
        out += [w.itemText(i) for i in range(w.count())]
    elif isinstance(w, QDockWidget):
        out.append(w.windowTitle())
    elif isinstance(w, QLineEdit):
        out.append(w.placeholderText())
    elif isinstance(w, QAbstractSpinBox):
        out += [getattr(w, "prefix", str)(), getattr(w, "suffix", str)(), w.specialValueText()]
    if isinstance(w, QTreeWidget):
        out += _tree_texts(w)
    elif isinstance(w, QAbstractItemView) and w.model() is not None:
        model = w.model()
        for section in range(model.columnCount()):
            out.append(str(model.headerData(section, Qt.Orientation.Horizontal) or ""))
    if isinstance(w, QGraphicsView) and w.scene() is not None:
        out += _scene_texts(w)
    if w.isWindow():
        out.append(w.windowTitle())
    return [t for t in out if t and t.strip()]


def _tree_texts(tree: QTreeWidget) -> list[str]:
    header = tree.headerItem()
    out = [header.text(c) for c in range(header.columnCount())]
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        out += [item.text(c) for c in range(item.columnCount())]
        stack += [item.child(i) for i in range(item.childCount())]
    return out


def _scene_texts(view: QGraphicsView) -> list[str]:
    """Texts drawn as scene items (pyqtgraph's axis labels, legends and labels use these)."""
    out = []
    for item in view.scene().items():
        if not item.isVisible() or not item.isVisibleTo(None):
            continue
        if isinstance(item, QGraphicsTextItem):
            out.append(item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem):
            out.append(item.text())
    return out


def shown_texts(root: QWidget) -> list[Seen]:
    """(where, text) of every text ``root`` and its visible children show now."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if w is root or _visible(w):
            out += [(_where(w), text) for text in widget_texts(w)]
    return out


def menu_texts(bar: QMenuBar) -> list[Seen]:
    """(where, text) of every menu title and action reachable from the menu bar."""
    out: list[Seen] = []
    # QAction.menu() hands the menu's ownership to Python (and a deleted menu crashes later):
    # the menus are found as children instead, each with the action that opens it.
    menus = {m.menuAction(): m for m in bar.findChildren(QMenu)}

    def walk(actions, path: str) -> None:
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            where = f"menu {path}"
            out.append((where, action.text()))
            if action.toolTip() and _bare(action.toolTip()) != _bare(action.text()):
                out.append((where, action.toolTip()))
            sub = menus.get(action)
            if sub is not None:
                walk(sub.actions(), f"{path} ▸ {plain(action.text())}")

    walk(bar.actions(), "")
    return out
