"""Files as the loader meets them: safe opening, decoding, and walking a folder.

- :func:`walk` lists a folder tree without recursion (any depth), follows links to folders once,
  and reports what cannot be read as an article (dangling or looping links, named pipes,
  sockets, devices) instead of leaving it out;
- :func:`read_bytes` opens only regular files, and never blocks on a named pipe;
- :func:`decode` turns bytes into text (UTF-8, else the recorded cp1252 fallback) with universal
  newlines; :func:`detect_encoding` does the same check on a file of any size without holding it
  in memory, so tables and metadata files can then be read line by line.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from typing import BinaryIO

from toolkit.errors import DecodeError, InputError

__all__ = ["FALLBACK_ENCODING", "Found", "decode", "detect_encoding", "open_regular",
           "read_bytes", "walk"]

FALLBACK_ENCODING = "cp1252"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Found:
    """One thing in a folder tree: ``rel`` is its POSIX path below the root; ``skip`` says why it
    cannot be read as a file (None for a regular file)."""

    rel: str
    real: str
    skip: str | None = None


def walk(root: str) -> list[Found]:
    """Every file below ``root`` (hidden names left out), sorted by path, without recursion.

    Links to folders are followed after every folder reachable without one, and only to a
    folder not read yet; a link to a folder already read (a loop, or a second way to the same
    folder) is reported as a skip like any other unreadable entry.
    """
    found: list[Found] = []
    top = os.stat(root)
    seen = {(top.st_dev, top.st_ino)}
    folders: list[tuple[str, str]] = [("", root)]
    linked: list[tuple[str, str, tuple[int, int]]] = []
    while folders or linked:
        if folders:
            rel_dir, real_dir = folders.pop()
        else:
            rel_dir, real_dir, key = linked.pop()
            if key in seen:
                found.append(Found(rel_dir, real_dir, "link to a folder that is already read "
                                                      "(a loop or a second path to it)"))
                continue
            seen.add(key)
        try:
            with os.scandir(real_dir) as listing:
                items = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append(Found(rel_dir or ".", real_dir,
                               f"cannot list folder: {exc.strerror or exc}"))
            continue
        for item in items:
            if item.name.startswith("."):
                continue
            rel = f"{rel_dir}/{item.name}" if rel_dir else item.name
            kind, info = _kind(item)
            if kind == "dir":
                key = (info.st_dev, info.st_ino)
                if item.is_symlink():
                    linked.append((rel, item.path, key))
                elif key not in seen:
                    seen.add(key)
                    folders.append((rel, item.path))
            elif kind == "file":
                found.append(Found(rel, item.path))
            else:
                found.append(Found(rel, item.path, kind))
    found.sort(key=lambda f: f.rel.split("/"))
    return found


def _kind(item: os.DirEntry) -> tuple[str, os.stat_result | None]:
    """``dir``, ``file`` or the reason the entry is no readable file."""
    try:
        info = os.stat(item.path)
    except OSError as exc:
        if item.is_symlink():
            if exc.errno == errno.ELOOP:
                return "symbolic link loop (the link leads back to itself)", None
            if exc.errno == errno.ENOENT:
                return "broken symbolic link (its target does not exist)", None
        return f"cannot read: {exc.strerror or exc}", None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return "dir", info
    if stat.S_ISREG(mode):
        return "file", info
    return f"not a regular file ({_special(mode)})", info


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def open_regular(path: str, shown: str) -> BinaryIO:
    """Open ``path`` for reading bytes if it is a regular file; never blocks on a named pipe.

    Raises :class:`InputError` (naming ``shown``) for anything else.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"not a regular file ({_special(mode)})", path=shown,
                             hint="give plain-text articles")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str, shown: str) -> bytes:
    with open_regular(path, shown) as handle:
        return handle.read()


def _unicode_bom(data: bytes) -> str | None:
    """``"utf-32"`` or ``"utf-16"`` when ``data`` opens with that encoding's byte-order mark
    (Excel's "Unicode text" export, Windows Notepad), else None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text with universal newlines: (text, encoding used).

    A UTF-16 or UTF-32 byte-order mark selects that encoding (the mark is dropped, as
    ``open(path, encoding="utf-16")`` does); otherwise UTF-8 first (a BOM is kept as U+FEFF so
    that offsets match a plain UTF-8 read), then cp1252. Raises :class:`DecodeError` for binary
    data or bytes valid in none of them.
    """
    wide = _unicode_bom(data)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable bytes at byte {exc.start} of a {wide} file",
                              path=path, hint="re-save the file as UTF-8") from None
        return text.replace("\r\n", "\n").replace("\r", "\n"), wide
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes)", path=path,
                          hint="give plain-text articles; convert PDF or Word files to .txt first")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text, encoding = data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
        except UnicodeDecodeError:
            raise DecodeError(
                f"undecodable bytes at byte {utf8_error.start} (neither UTF-8 nor "
                f"{FALLBACK_ENCODING})", path=path, hint="re-save the file as UTF-8") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _check_wide(path: str, shown: str, encoding: str) -> None:
    """Raise :class:`DecodeError` unless the whole file decodes in ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open_regular(path, shown) as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise DecodeError(f"undecodable bytes in a {encoding} file", path=shown,
                          hint="re-save the file as UTF-8") from None


def detect_encoding(path: str, shown: str) -> str:
    """``"utf-8"``, ``"cp1252"``, or ``"utf-16"``/``"utf-32"`` for a file that opens with that
    byte-order mark: the encoding a whole file decodes in, read in chunks.

    Raises :class:`DecodeError` naming the line of the first byte valid in neither.
    """
    with open_regular(path, shown) as handle:
        wide = _unicode_bom(handle.read(4))
    if wide is not None:
        _check_wide(path, shown, wide)
        return wide
    utf8 = codecs.getincrementaldecoder("utf-8")()
    fallback = codecs.getincrementaldecoder(FALLBACK_ENCODING)()
    utf8_ok = fallback_ok = True
    problem: tuple[int, int] | None = None  # (byte, line) of the first byte cp1252 lacks
    line = 1
    with open_regular(path, shown) as handle:
        while chunk := handle.read(_CHUNK):
            if utf8_ok:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    utf8_ok = False
            if fallback_ok:
                try:
                    fallback.decode(chunk)
                except UnicodeDecodeError as exc:
                    fallback_ok = False
                    problem = (chunk[exc.start], line + chunk.count(b"\n", 0, exc.start))
            if not (utf8_ok or fallback_ok):
                break
            line += chunk.count(b"\n")
    if utf8_ok:
        try:
            utf8.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    if fallback_ok:
        return FALLBACK_ENCODING
    byte, at = problem or (0, line)
    raise DecodeError(f"undecodable byte 0x{byte:02x} (neither UTF-8 nor {FALLBACK_ENCODING})",
                      path=shown, line=at, hint="re-save the file as UTF-8")
