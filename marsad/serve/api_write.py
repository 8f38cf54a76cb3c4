"""Write endpoints: review actions, each needing an API token, each recorded and reversible."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from marsad.serve import review
from marsad.serve.deps import get_store, writer
from marsad.serve.tokens import TokenOwner
from marsad.store.store import Store

router = APIRouter(prefix="/api", responses={
    400: {"description": "the body is not JSON"},
    401: {"description": "no valid API token (`marsad token create NAME`)"},
    404: {"description": "no such event or review"},
    409: {"description": "the change conflicts with the event's state (merged, already reverted)"},
    413: {"description": "request body too large"},
})


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str | None = Field(None, max_length=2000)


class ReviewBody(_Body):
    action: Literal["accept", "reject", "edit"]
    field: str | None = Field(None, max_length=60, description="for edit: one of the editable fields")
    value: str | int | float | None = Field(None, description="for edit: the new value")


class MergeBody(_Body):
    other: str = Field(..., min_length=1, max_length=64, description="the event folded into this one")


class SplitBody(_Body):
    document_id: str = Field(..., min_length=1, max_length=64, description="the document to split off")


def _run(store: Store, fn: Any, *args: Any) -> Any:
    try:
        with store.write() as conn:
            return fn(conn, *args)
    except review.ReviewError as exc:
        raise HTTPException(exc.status, str(exc)) from None


@router.post("/events/{event_id}/review")
def review_event(event_id: str, body: ReviewBody, who: TokenOwner = Depends(writer),
                 store: Store = Depends(get_store)) -> dict[str, Any]:
    """Accept, reject, or edit one field of an event. The machine's value is kept."""
    if body.action == "edit":
        if not body.field:
            raise HTTPException(422, "an edit needs a field (and a value)")
        rid = _run(store, review.edit, event_id, body.field, body.value, who.name, body.note)
    else:
        rid = _run(store, review.decide, event_id, body.action, who.name, body.note)
    return {"review_id": rid, "event_id": event_id}


@router.post("/events/{event_id}/merge")
def merge_events(event_id: str, body: MergeBody, who: TokenOwner = Depends(writer),
                 store: Store = Depends(get_store)) -> dict[str, Any]:
    """Fold another event (same real-world event) into this one."""
    rid = _run(store, review.merge, event_id, body.other, who.name, body.note)
    return {"review_id": rid, "event_id": event_id}


@router.post("/events/{event_id}/split")
def split_event(event_id: str, body: SplitBody, who: TokenOwner = Depends(writer),
                store: Store = Depends(get_store)) -> dict[str, Any]:
    """Take one document's report out of an event into an event of its own."""
    rid, new_id = _run(store, review.split, event_id, body.document_id, who.name, body.note)
    return {"review_id": rid, "event_id": event_id, "new_event_id": new_id}


@router.post("/reviews/{review_id}/revert")
def revert_review(review_id: int, who: TokenOwner = Depends(writer),
                  store: Store = Depends(get_store)) -> dict[str, Any]:
    """Undo a review (one more row in the history; nothing is deleted)."""
    rid, event_id = _run(store, review.revert, review_id, who.name)
    return {"review_id": rid, "event_id": event_id}
