"""Tests for atomic text writes: whole new file or untouched old one, never a temp left over."""

import os
import stat

import pytest

from nnviz.data.atomic import write_atomic


def test_writes_the_text_and_leaves_only_the_file(tmp_path):
    """The new contents replace the old ones and no temp file stays in the folder."""
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")
    write_atomic(path, "new\n", newline="")
    assert path.read_bytes() == b"new\n" and os.listdir(tmp_path) == ["a.txt"]


def test_mode_sets_permissions_and_default_keeps_them_private(tmp_path):
    """mode=0o644 makes an ordinary document; without it the file stays owner-only."""
    write_atomic(tmp_path / "shared.csv", "x", mode=0o644)
    write_atomic(tmp_path / "private.nnviz", "x")
    assert stat.S_IMODE((tmp_path / "shared.csv").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.nnviz").stat().st_mode) == 0o600


def test_a_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    """If the last step fails, the old file is untouched and the temp file is removed."""
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["a.txt"]
