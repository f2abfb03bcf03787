"""Let `python3 scripts/<name>.py` work from a plain shell, as editors type it.

Imported first by every script. When the bank's packages cannot be imported (the
system Python), the script is re-executed with `.venv/bin/python` if the virtual
environment exists; otherwise it says in one line, in the editor's language, which
`make` target creates it. This one sentence cannot come from the gettext catalogues
(reading them needs the packages that are missing), so its three versions are here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
_FIRST = {
    "en": "the tools are not installed yet: run `make {target}` first (it installs them into .venv)",
    "ru": "инструменты ещё не установлены: сначала выполните `make {target}` (она установит их в .venv)",
    "kk": "құралдар әлі орнатылмаған: алдымен `make {target}` орындаңыз (ол оларды .venv ішіне орнатады)",
}
_STALE = {
    "en": "the tools in .venv are older than requirements/site.lock: run `make {target}` first (it updates them)",
    "ru": "инструменты в .venv старше requirements/site.lock: сначала выполните `make {target}` (она их обновит)",
    "kk": ".venv ішіндегі құралдар requirements/site.lock файлынан ескі: алдымен `make {target}` орындаңыз "
          "(ол оларды жаңартады)",
}
STAMP = ROOT / ".venv" / ".site-installed"  # touched by the Makefile once .venv matches the lock files


def _stale() -> bool:
    """True when .venv was installed before the lock files last changed (after a `git pull`):
    a module it lacks would otherwise end the script in a traceback."""
    if not STAMP.exists():
        return False
    installed = STAMP.stat().st_mtime
    return any(p.stat().st_mtime > installed for p in (ROOT / "requirements" / "site.lock", ROOT / "pyproject.toml"))


def _language() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        from eucj_bank.catalogue.messages import language_from_env  # only the standard library
    finally:
        sys.path.pop(0)
    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv[:-1] else language_from_env()
    return lang if lang in _FIRST else "en"


def ensure(target: str = "site") -> None:
    """Return when `eucj_bank` and its dependencies import; else re-run in .venv, or stop."""
    if _stale():
        print(_STALE[_language()].format(target=target), file=sys.stderr)
        sys.exit(2)
    try:
        import babel  # noqa: F401

        import eucj_bank.catalogue.load  # noqa: F401
        return
    except ImportError:
        pass
    if VENV_PYTHON.exists() and not os.environ.get("EUCJ_REEXECUTED"):
        os.environ["EUCJ_REEXECUTED"] = "1"  # never loop if .venv itself is broken
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), *sys.argv])
    print(_FIRST[_language()].format(target=target), file=sys.stderr)
    sys.exit(2)
