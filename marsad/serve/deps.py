"""Settings and request dependencies: the store, read access, the writer behind a token."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.serve.tokens import TokenOwner, verify_token
from marsad.store.store import Store


@dataclass
class Settings:
    """What `marsad serve` can be told (options, or MARSAD_* environment variables)."""

    db: str | None = None
    cors_origins: list[str] = field(default_factory=list)  # closed unless listed
    tile_url: str | None = None  # e.g. an OSM tile server for users online; none by default
    tile_attribution: str | None = None
    read_requires_token: bool = False
    max_body_bytes: int = 256 * 1024

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        s = cls(
            db=os.environ.get("MARSAD_DB"),
            cors_origins=[o for o in os.environ.get("MARSAD_CORS_ORIGINS", "").split(",") if o.strip()],
            tile_url=os.environ.get("MARSAD_TILE_URL") or None,
            tile_attribution=os.environ.get("MARSAD_TILE_ATTRIBUTION") or None,
            read_requires_token=os.environ.get("MARSAD_READ_TOKEN", "") in ("1", "true", "yes"),
        )
        for k, v in overrides.items():
            if v is not None:
                setattr(s, k, v)
        return s


_bearer = HTTPBearer(auto_error=False, description="a token from `marsad token create NAME`")


def get_store(request: Request) -> Store:
    return request.app.state.store


def _owner(request: Request, creds: HTTPAuthorizationCredentials | None) -> TokenOwner | None:
    if creds is None or creds.scheme.lower() != "bearer":
        return None
    return verify_token(request.app.state.store.engine, creds.credentials)


def reader(request: Request) -> None:
    """Reading is open unless configured (--read-token); the header is read by hand so that
    the OpenAPI spec does not claim a token is required when it is not."""
    if not request.app.state.settings.read_requires_token:
        return
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    creds = HTTPAuthorizationCredentials(scheme=scheme, credentials=value.strip()) if value else None
    if _owner(request, creds) is None:
        raise HTTPException(401, "reading needs an API token here: send 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


def writer(request: Request, creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> TokenOwner:
    owner = _owner(request, creds)
    if owner is None:
        raise HTTPException(401, "writing needs a valid API token: create one with `marsad token create NAME` "
                                 "and send 'Authorization: Bearer <token>'", headers={"WWW-Authenticate": "Bearer"})
    return owner
