"""Named, versioned registries for pipeline components and resources (as in spaCy).

A component is a function `(doc, resources) -> Doc` registered under a versioned name
such as ``"marsad.places.v1"``; a resource loader is a function `(resources) -> object`
registered under a short name such as ``"places"``. Modules register themselves when
imported; `marsad.pipeline` imports the default ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from marsad.doc import Doc
    from marsad.resources import Resources

ComponentFunc = Callable[["Doc", "Resources"], "Doc"]
LoaderFunc = Callable[["Resources"], Any]
F = TypeVar("F", bound=Callable[..., Any])

components: dict[str, ComponentFunc] = {}
loaders: dict[str, LoaderFunc] = {}


def component(name: str) -> Callable[[F], F]:
    """Register a pipeline component under a versioned name (``marsad.<what>.v<N>``)."""

    def deco(func: F) -> F:
        if name in components and components[name] is not func:
            raise ValueError(f"component {name!r} registered twice")
        components[name] = func
        return func

    return deco


def resource(name: str) -> Callable[[F], F]:
    """Register the loader of a named resource."""

    def deco(func: F) -> F:
        loaders[name] = func
        return func

    return deco
