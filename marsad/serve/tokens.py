"""API tokens: created once, shown once, stored as a SHA-256 hash, checked in constant time.

A token is ``msd_<prefix>_<secret>``: the prefix (public, unique) finds the row, so the
lookup does not depend on the secret; the hash of the whole token is then compared with
`hmac.compare_digest`. Tokens are 256-bit random strings, so a fast hash is enough (there
is nothing to brute-force as with passwords).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine

from marsad.errors import StoreError
from marsad.serve.tables import ApiToken

PREFIX = "msd_"


@dataclass(frozen=True, slots=True)
class TokenOwner:
    id: int
    name: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(engine: Engine, name: str) -> str:
    """Make a token for `name` and return it: the only time the secret exists in clear."""
    name = name.strip()
    if not name or len(name) > 200:
        raise StoreError("a token needs a name of 1 to 200 characters: who will use it")
    prefix = secrets.token_hex(6)
    token = f"{PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with engine.begin() as conn:
        if conn.execute(select(ApiToken.id).where(ApiToken.name == name)).first():
            raise StoreError(f"a token named {name!r} exists; pick another name or revoke it first")
        conn.execute(
            insert(ApiToken).values(
                name=name, prefix=prefix, token_hash=_digest(token), created_at=dt.datetime.now(dt.UTC)
            )
        )
    return token


def revoke_token(engine: Engine, name: str) -> bool:
    with engine.begin() as conn:
        res = conn.execute(
            update(ApiToken)
            .where(ApiToken.name == name, ApiToken.revoked_at.is_(None))
            .values(revoked_at=dt.datetime.now(dt.UTC))
        )
    return bool(res.rowcount)


def verify_token(engine: Engine, token: str | None) -> TokenOwner | None:
    """The owner of a valid, unrevoked token, else None."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    prefix, sep, _ = token[len(PREFIX):].partition("_")
    if not sep or len(prefix) != 12:
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(ApiToken.id, ApiToken.name, ApiToken.token_hash, ApiToken.revoked_at).where(
                ApiToken.prefix == prefix
            )
        ).first()
    # compare even when no row was found, so timing says nothing about which prefixes exist
    expected = row.token_hash if row is not None else "0" * 64
    ok = hmac.compare_digest(_digest(token), expected)
    if row is None or not ok or row.revoked_at is not None:
        return None
    return TokenOwner(row.id, row.name)


def list_tokens(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(ApiToken.name, ApiToken.prefix, ApiToken.created_at, ApiToken.revoked_at).order_by(ApiToken.id)
        ).all()
    return [dict(r._mapping) for r in rows]
