"""exactly once under concurrency: unique item texts and name keys, source poll leases, queued ingest tasks

Revision ID: 0012_exactly_once
Revises: 0010_archive
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.base import UTCDateTime

revision = "0012_exactly_once"
down_revision = "0010_archive"
branch_labels = None
depends_on = None


def upgrade() -> None:
    duplicates = op.get_bind().execute(
        sa.text("SELECT text_hash, COUNT(*) FROM source_item GROUP BY text_hash HAVING COUNT(*) > 1")
    ).all()
    if duplicates:
        raise RuntimeError(
            f"{len(duplicates)} texts are stored as more than one news item (text_hash {duplicates[0][0]} "
            f"{duplicates[0][1]} times, …): keep one item per text_hash in source_item, then run `accord init` again"
        )
    with op.batch_alter_table("source_item", schema=None) as batch_op:
        batch_op.drop_index("ix_source_item_text_hash")
        batch_op.create_unique_constraint(batch_op.f("uq_source_item_text_hash"), ["text_hash"])
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=300), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_person_name_key"), ["name_key"])
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=500), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_organization_name_key"), ["name_key"])
    with op.batch_alter_table("news_source", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_token", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("lease_until", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("next_poll_at", UTCDateTime(), nullable=True))
    op.create_table(
        "ingest_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_batch")),
    )
    op.create_table(
        "ingest_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=2000), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("proposals", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["ingest_batch.id"], name=op.f("fk_ingest_task_batch_id_ingest_batch"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_task")),
    )
    op.create_index("ix_ingest_task_batch_state", "ingest_task", ["batch_id", "state"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_ingest_task_batch_state", table_name="ingest_task")
    op.drop_table("ingest_task")
    op.drop_table("ingest_batch")
    with op.batch_alter_table("news_source", schema=None) as batch_op:
        batch_op.drop_column("next_poll_at")
        batch_op.drop_column("lease_until")
        batch_op.drop_column("lease_token")
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_organization_name_key"), type_="unique")
        batch_op.drop_column("name_key")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_person_name_key"), type_="unique")
        batch_op.drop_column("name_key")
    with op.batch_alter_table("source_item", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_source_item_text_hash"), type_="unique")
        batch_op.create_index("ix_source_item_text_hash", ["text_hash"], unique=False)
