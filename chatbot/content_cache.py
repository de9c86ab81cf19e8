"""The validated content pack, kept between runs, so the app starts without reading and checking it again.

`load_content` parses seven TOML files, validates them with pydantic, cross-checks them and compiles
the summary templates: 60-100 ms of a start that takes about 0.3 s, plus importing pydantic (about 75
ms and 11 MiB; the models themselves are plain dataclasses, see schema.py), tomllib and jinja2. A pack
that passed is the same pack next time if nothing it was made from has changed: every byte of the
content folder, the code that validates it (models.py, schema.py, content.py, understanding/text.py,
this file), and the Python and pydantic versions. So the app keeps the pack in a file named after a hash
of all of those (about 1 ms to read). When anything changed, the name is different: the pack is loaded
and checked from its files again, and a broken file stops the program exactly as before. Only a pack
that passed is written. The templates are compiled on first use (saving a summary): they passed when the
pack did.

The file holds the trial's content only, never an answer or anything about a person. It is kept in
$TRIALBOT_CACHE, else $XDG_CACHE_HOME/trialbot, else ~/.cache/trialbot, in a folder made so that only
its owner can open it (a pickle runs code when read); TRIALBOT_CACHE=off turns it off. A pickle is read
only from a folder and a file that belong to the person running the app and that nobody else may write
(`_private`, on POSIX systems): a shared or world-writable TRIALBOT_CACHE (/tmp/cache) would let another account put code
there that the app runs. Such a folder is not used at all, nor is one that cannot be read or written, and
`trialbot check` always validates the files themselves.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from pathlib import Path

from . import content, models, schema
from .content import ContentPack, content_root, load_content

ENV_CACHE = "TRIALBOT_CACHE"
OFF = "off"
_PREFIX = "content-"


def cache_folder() -> Path | None:
    """Where the validated pack is kept, or None when the cache is turned off."""
    chosen = os.environ.get(ENV_CACHE)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", OFF) else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "trialbot"


def load_content_cached(directory: Path | str | None = None) -> ContentPack:
    """The content pack as `load_content` makes it, read from the cache when nothing it depends on changed."""
    root = content_root(directory).resolve()
    folder = cache_folder()
    try:
        path = None if folder is None else folder / f"{_PREFIX}{_fingerprint(root)}.pickle"
    except OSError:  # a content file cannot be read: load_content says which, as it always does
        path = None
    if path is not None and not _private(path.parent, missing_ok=True):
        path = None  # someone else could have put the file there (see the module's docstring)
    if path is not None:
        pack = _read(path)
        if pack is not None:
            return pack
    pack = load_content(root)
    if path is not None:
        _write(path, pack)
    return pack


def _fingerprint(root: Path) -> str:
    """A hash of everything the validated pack depends on."""
    digest = hashlib.sha256()
    for part in (sys.version, str(root)):
        digest.update(part.encode() + b"\0")
    files = sorted(p for p in root.rglob("*") if p.is_file())
    for path in [*code_files(), *files]:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()[:32]


def code_files() -> list[Path]:
    """The code that makes and checks a pack: a pack that passed is the same pack only while none changed."""
    package = Path(content.__file__ or "").parent
    code = [Path(m.__file__ or "") for m in (models, schema, content)] + [Path(__file__), _pydantic_version_file()]
    # content.py checks the words with the tokens of understanding/text.py, and the messages with message_keys.py
    return [*code, package / "understanding" / "text.py", package / "message_keys.py"]


def _pydantic_version_file() -> Path:
    """pydantic's version.py, which names its version: found, not imported (importing pydantic is part of
    what the cache saves, see schema.py)."""
    spec = importlib.util.find_spec("pydantic")
    return Path(spec.origin).with_name("version.py") if spec and spec.origin else Path(os.devnull)


def _private(path: Path | int, *, missing_ok: bool = False) -> bool:
    """Whether the file or folder `path` (or the open file numbered so) belongs to this account and nobody
    else may write to it. A folder that does not exist yet is private when `missing_ok`: it is made so."""
    if os.name != "posix":
        # Windows keeps who may write in access lists, which os.stat does not show: every writable file reads as
        # writable by all (0o666), and the check would refuse even the person's own cache folder. Not checked.
        return True
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return missing_ok
    except OSError:
        return False
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _read(path: Path) -> ContentPack | None:
    """The pack kept in `path`, or None if there is none (or it cannot be used, or may not be trusted)."""
    try:
        with path.open("rb") as handle:
            if not _private(handle.fileno()):  # the file opened, not whatever the name points to by now
                return None
            pack = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - damaged or foreign: unpickling can fail in many ways; validate again
        return None
    return pack if isinstance(pack, ContentPack) else None


def _write(path: Path, pack: ContentPack) -> None:
    """Keep `pack` in `path` (whole or not at all), and remove the packs kept for older content."""
    import tempfile  # only when the content changed

    folder = path.parent
    temporary: Path | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{_PREFIX}", delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(pack, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        for old in folder.glob(f"{_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: the app works the same, it only starts a little slower
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
