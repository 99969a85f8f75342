"""The loss surface in 3-D (pyqtgraph.opengl), with each ball rolling down it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QGuiApplication, QOpenGLContext, QVector3D

from app.i18n import tr
from nnviz.landscape.contours import colour_values
from nnviz.landscape.picture import LandscapePicture, SurfacePicture

SIDE, HEIGHT = 10.0, 6.0  # the surface is drawn in a 2·SIDE square, HEIGHT tall


def gl_status() -> tuple[bool, str]:
    """(True, "") if a 3-D view can be made here, else (False, why not, in plain words).

    Asked before any GL widget exists, so an offscreen or GL-less display never sees a
    failing QOpenGLWidget (which would only print a warning and draw nothing).
    """
    try:
        import OpenGL  # noqa: F401
        import pyqtgraph.opengl  # noqa: F401
    except ImportError:
        return False, tr("3-D needs PyOpenGL (pip install 'nnviz[gl]'); showing the 2-D view.")
    if QGuiApplication.instance() is None:
        return False, tr("3-D needs a running application; showing the 2-D view.")
    context = QOpenGLContext()
    if not context.create():
        platform = QGuiApplication.platformName()
        return False, tr(
            "3-D is not available: no OpenGL context on the '{platform}' display. "
            "Showing the 2-D view."
        ).format(platform=platform)
    return True, ""


def grid_heights(s: SurfacePicture, xs: np.ndarray, ys: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Bilinear look-up of the drawn heights ``z`` (rows = y) under points (xs, ys)."""
    fx = np.interp(xs, s.xs, np.arange(len(s.xs)))
    fy = np.interp(ys, s.ys, np.arange(len(s.ys)))
    j0 = np.clip(np.floor(fx).astype(int), 0, len(s.xs) - 2)
    i0 = np.clip(np.floor(fy).astype(int), 0, len(s.ys) - 2)
    tx, ty = fx - j0, fy - i0
    top = z[i0, j0] * (1 - tx) + z[i0, j0 + 1] * tx
    bottom = z[i0 + 1, j0] * (1 - tx) + z[i0 + 1, j0 + 1] * tx
    return top * (1 - ty) + bottom * ty


def make_landscape_3d():
    """The 3-D view widget; call only after :func:`gl_status` said yes."""
    import pyqtgraph.opengl as gl

    class _View(gl.GLViewWidget):
        """A GLViewWidget that draws LandscapePictures: the surface, trails and balls."""

        def __init__(self) -> None:
            super().__init__()
            self.setBackgroundColor((255, 255, 255))
            self.setCameraPosition(distance=34, elevation=32, azimuth=-60)
            self.opts["center"] = QVector3D(0, 0, HEIGHT / 3)
            self.log = False
            self.mesh = None
            self._surface: SurfacePicture | None = None
            self._z: np.ndarray | None = None
            self.trails: dict[str, tuple] = {}
            grid = gl.GLGridItem()
            grid.setSize(2 * SIDE, 2 * SIDE)
            grid.setSpacing(2, 2)
            grid.setColor((0, 0, 0, 60))
            self.addItem(grid)

        def show_picture(self, pic: LandscapePicture, force: bool = False) -> None:
            """Redraw the mesh when the surface changed; move trails and balls every frame."""
            if pic.surface is not None and (force or pic.surface is not self._surface):
                self._show_surface(pic.surface)
            if self._surface is None:
                return
            keep = {p.name for p in pic.paths}
            for name in list(self.trails):
                if name not in keep:
                    for item in self.trails.pop(name):
                        self.removeItem(item)
            for p in pic.paths:
                self._show_path(p)

        def _to_scene(self, xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            s = self._surface
            assert s is not None
            sx = (np.asarray(xs) - s.xs[0]) / (s.xs[-1] - s.xs[0]) * 2 * SIDE - SIDE
            sy = (np.asarray(ys) - s.ys[0]) / (s.ys[-1] - s.ys[0]) * 2 * SIDE - SIDE
            return sx, sy

        def _show_surface(self, s: SurfacePicture) -> None:
            img, levels = colour_values(s.values, self.log)
            lo, hi = levels[0], levels[-1]
            z = (np.clip(img, lo, hi) - lo) / (hi - lo) * HEIGHT  # walls beyond 97% are cut
            lut = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=True) / 255.0
            colors = lut[np.clip((z / HEIGHT * 255).astype(int), 0, 255)]
            self._surface, self._z = s, z
            sx, sy = np.linspace(-SIDE, SIDE, len(s.xs)), np.linspace(-SIDE, SIDE, len(s.ys))
            # Vertices run x-major like z.T, so the colours are flattened in the same order.
            args = dict(x=sx, y=sy, z=z.T, colors=colors.transpose(1, 0, 2).reshape(-1, 4))
            if self.mesh is None:
                self.mesh = gl.GLSurfacePlotItem(shader=None, smooth=False, **args)
                self.addItem(self.mesh)
            else:
                self.mesh.setData(**args)

        def _show_path(self, p) -> None:
            if p.name not in self.trails:
                line = gl.GLLinePlotItem(antialias=True)
                ball = gl.GLScatterPlotItem(pxMode=True)
                line.setGLOptions("opaque")
                ball.setGLOptions("opaque")
                self.addItem(line)
                self.addItem(ball)
                self.trails[p.name] = (line, ball)
            line, ball = self.trails[p.name]
            if not len(p.xs):
                return
            assert self._surface is not None and self._z is not None
            x, y = self._to_scene(p.xs, p.ys)
            z = grid_heights(self._surface, p.xs, p.ys, self._z) + 0.08  # just above the skin
            pts = np.column_stack([x, y, z])
            colour = np.array([*p.color, 255]) / 255.0
            line.setData(pos=pts, color=tuple(colour), width=3)
            ball.setData(pos=pts[-1:], color=tuple(colour), size=16)

    return _View()
