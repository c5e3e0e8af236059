"""news items: read in full, or held back unread by the relevance gate with its reason

Revision ID: 0013_item_gate
Revises: 0012_exactly_once
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_item_gate"
down_revision = "0012_exactly_once"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="read"))
        batch_op.add_column(sa.Column("skip_reason", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_source_item_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("source_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_item_status"))
        batch_op.drop_column("skip_reason")
        batch_op.drop_column("status")
