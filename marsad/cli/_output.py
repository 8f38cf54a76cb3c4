"""Shared output helpers: JSON on stdout when piped or asked, rich when a person reads."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console

err_console = Console(stderr=True)


def wants_json(flag: bool | None) -> bool:
    return True if flag is None and not sys.stdout.isatty() else bool(flag)


def emit_json(obj: Any, *, pretty: bool = False) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None, default=str)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
