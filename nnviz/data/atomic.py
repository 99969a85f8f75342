"""Atomic text files: a temp file in the same folder, fsync, then one rename over the old file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(
    path: str | os.PathLike, text: str, *, newline: str | None = None, mode: int | None = None
) -> None:
    """Replace ``path`` with ``text`` so readers see the old file or the new, never half.

    Parameters
    ----------
    path : str or PathLike
        The file to write; an existing one is replaced only once the new one is complete.
    text : str
        The whole contents, written as UTF-8.
    newline : str, optional
        As for ``open``: None turns each "\\n" into the platform's line ending, "" writes
        the text exactly as given.
    mode : int, optional
        Permission bits for the new file (e.g. 0o644); by default it keeps the private
        permissions ``tempfile.mkstemp`` gives it.

    Raises
    ------
    OSError
        If the file cannot be written; the old file (if any) is untouched and no temp file
        is left behind.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the rename makes it visible
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)  # one step: the old file or the new one, never a mix
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
