"""web app tables: api_tokens (hashed) and review_state (current reviewed values)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Owned by marsad/serve (see marsad/serve/tables.py). The next migration revises this one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from marsad.store.models import JSONType

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("prefix"),
    )
    op.create_table(
        "review_state",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("merged_into", sa.String(length=64), nullable=True),
        sa.Column("overrides", JSONType, nullable=False),
        sa.Column("event_type", sa.String(length=60), nullable=True),
        sa.Column("sub_event_type", sa.String(length=80), nullable=True),
        sa.Column("plover_type", sa.String(length=40), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_review_state_status", "review_state", ["status"])


def downgrade() -> None:
    op.drop_index("ix_review_state_status", table_name="review_state")
    op.drop_table("review_state")
    op.drop_table("api_tokens")
