"""initial tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25

Also creates full-text search over the normalised text of documents: an FTS5 table
`documents_fts` on SQLite, a `search` tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('actors',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('name_ar', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('event_links',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('mention_id', sa.String(length=160), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_links_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_links_mention_id'), ['mention_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.Column('n_documents', sa.Integer(), nullable=False),
    sa.Column('sources', sa.Text(), nullable=True),
    sa.Column('merge_reason', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('dedup_run_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('sub_event_type', sa.String(length=80), nullable=False),
    sa.Column('plover_type', sa.String(length=40), nullable=True),
    sa.Column('plover_mode', sa.String(length=40), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    sa.Column('location_name_ar', sa.Text(), nullable=True),
    sa.Column('location_name_en', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.String(length=16), nullable=True),
    sa.Column('actor1_id', sa.String(length=200), nullable=True),
    sa.Column('actor1_name', sa.Text(), nullable=True),
    sa.Column('actor1_name_ar', sa.Text(), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('actor2_id', sa.String(length=200), nullable=True),
    sa.Column('actor2_name', sa.Text(), nullable=True),
    sa.Column('actor2_name_ar', sa.Text(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('perpetrator_status', sa.String(length=16), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('civilian_targeting', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('notes_en', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_type'), ['event_type'], unique=False)

    op.create_table('keep_apart',
    sa.Column('mention_a', sa.String(length=160), nullable=False),
    sa.Column('mention_b', sa.String(length=160), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('mention_a', 'mention_b')
    )
    op.create_table('places',
    sa.Column('geonameid', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('name_ar', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('geonameid')
    )
    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('source_id', sa.String(length=200), nullable=True),
    sa.Column('sample', sa.Text(), nullable=True),
    sa.Column('ingest_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quarantine_reason'), ['reason'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('target_kind', sa.String(length=16), nullable=False),
    sa.Column('target_id', sa.String(length=160), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old_value', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('new_value', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('reviewer', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_target_id'), ['target_id'], unique=False)

    op.create_table('runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('host', sa.String(length=200), nullable=True),
    sa.Column('pid', sa.Integer(), nullable=True),
    sa.Column('engine', sa.String(length=16), nullable=True),
    sa.Column('workers', sa.Integer(), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=True),
    sa.Column('options', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('stats', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source_id', sa.String(length=200), nullable=True),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=True),
    sa.Column('title_first_line', sa.Boolean(), nullable=False),
    sa.Column('n_chars', sa.Integer(), nullable=False),
    sa.Column('meta', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ingest_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('claimed_by', sa.Integer(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=True),
    sa.Column('coded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('coded_by', sa.Integer(), nullable=True),
    sa.Column('n_codings', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['ingest_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_claimed_by'), ['claimed_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_status'), ['status'], unique=False)
        batch_op.create_index('ix_documents_status_claim', ['status', 'claimed_by'], unique=False)

    op.create_table('document_sources',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('duplicate', sa.Boolean(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('source_id', sa.String(length=200), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('ingest_id', sa.Integer(), nullable=True),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('document_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_sources_document_id'), ['document_id'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.String(length=160), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('sub_event_type', sa.String(length=80), nullable=False),
    sa.Column('plover_type', sa.String(length=40), nullable=True),
    sa.Column('plover_mode', sa.String(length=40), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    sa.Column('location_name_ar', sa.Text(), nullable=True),
    sa.Column('location_name_en', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.String(length=16), nullable=True),
    sa.Column('actor1_id', sa.String(length=200), nullable=True),
    sa.Column('actor1_name', sa.Text(), nullable=True),
    sa.Column('actor1_name_ar', sa.Text(), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('actor2_id', sa.String(length=200), nullable=True),
    sa.Column('actor2_name', sa.Text(), nullable=True),
    sa.Column('actor2_name_ar', sa.Text(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('perpetrator_status', sa.String(length=16), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('civilian_targeting', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('notes_en', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_country'), ['country'], unique=False)
        batch_op.create_index('ix_mentions_doc_version', ['document_id', 'extractor_version'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_event_type'), ['event_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_modality'), ['modality'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mention_id', sa.String(length=160), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_mention_id'), ['mention_id'], unique=False)

    op.create_table('mention_actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mention_id', sa.String(length=160), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=True),
    sa.Column('name_ar', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.Column('generic', sa.Boolean(), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('char_start', sa.Integer(), nullable=False),
    sa.Column('char_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mention_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mention_actors_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mention_actors_mention_id'), ['mention_id'], unique=False)
    _create_search()


def _create_search() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5("
            "doc_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
        )
    elif bind.dialect.name == "postgresql":
        op.add_column("documents", sa.Column("search", postgresql.TSVECTOR(), nullable=True))
        op.create_index("ix_documents_search", "documents", ["search"], postgresql_using="gin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")

    with op.batch_alter_table('mention_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mention_actors_mention_id'))
        batch_op.drop_index(batch_op.f('ix_mention_actors_actor_id'))

    op.drop_table('mention_actors')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_mention_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_document_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_modality'))
        batch_op.drop_index(batch_op.f('ix_mentions_event_type'))
        batch_op.drop_index(batch_op.f('ix_mentions_event_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_event_date'))
        batch_op.drop_index(batch_op.f('ix_mentions_document_id'))
        batch_op.drop_index('ix_mentions_doc_version')
        batch_op.drop_index(batch_op.f('ix_mentions_country'))

    op.drop_table('mentions')
    with op.batch_alter_table('document_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_sources_document_id'))

    op.drop_table('document_sources')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_status_claim')
        batch_op.drop_index(batch_op.f('ix_documents_status'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_outlet'))
        batch_op.drop_index(batch_op.f('ix_documents_claimed_by'))

    op.drop_table('documents')
    op.drop_table('runs')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_target_id'))

    op.drop_table('reviews')
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quarantine_reason'))

    op.drop_table('quarantine')
    op.drop_table('places')
    op.drop_table('keep_apart')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_event_type'))
        batch_op.drop_index(batch_op.f('ix_events_event_date'))
        batch_op.drop_index(batch_op.f('ix_events_country'))

    op.drop_table('events')
    with op.batch_alter_table('event_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_links_mention_id'))
        batch_op.drop_index(batch_op.f('ix_event_links_event_id'))

    op.drop_table('event_links')
    op.drop_table('actors')

