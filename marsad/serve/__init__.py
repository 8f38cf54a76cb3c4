"""The web app and REST API (`marsad serve`): map, timeline, filters, evidence, review."""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    from marsad.serve.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
