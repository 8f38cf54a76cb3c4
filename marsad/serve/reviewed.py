"""Reviewed values over the machine's, for any code that reads canonical events as dicts
(the API's exports; `marsad.export` can call `apply_reviews` the same way).

Events merged away by an analyst are dropped, rejected ones too unless asked for; edited
fields take the analyst's value and the machine's stays under "machine".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from marsad.serve.tables import ReviewState


def apply_reviews(conn: Connection, events: list[dict[str, Any]], *, include_rejected: bool = False) -> list[dict[str, Any]]:
    ids = [e["id"] for e in events]
    states: dict[str, Any] = {}
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(ReviewState.event_id, ReviewState.status, ReviewState.overrides)
                              .where(ReviewState.event_id.in_(ids[i:i + 500]))).all():
            states[r.event_id] = r
    out = []
    for e in events:
        st = states.get(e["id"])
        status = st.status if st else "unreviewed"
        if e.get("status") == "merged" or status == "merged":
            continue
        if status == "rejected" and not include_rejected:
            continue
        e = dict(e)
        e["review_status"] = status
        overrides = dict(st.overrides or {}) if st else {}
        if overrides:
            e["machine"] = {k: e.get(k) for k in overrides}
            for k, v in overrides.items():
                e[k] = dt.date.fromisoformat(v) if k == "event_date" and isinstance(v, str) else v
        out.append(e)
    return out
