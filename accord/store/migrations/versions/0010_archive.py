"""archive: records are archived (who, when) instead of deleted, and leave the lists

Revision ID: 0010_archive
Revises: 0009_decision_bodies
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from accord.store.base import UTCDateTime

revision = "0010_archive"
down_revision = "0009_decision_bodies"
branch_labels = None
depends_on = None

#: every record table a user can archive from its page
TABLES = ("agreement", "project", "commission_session", "decision", "organization", "person")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("archived_at", UTCDateTime(timezone=True), nullable=True))
            batch_op.add_column(sa.Column("archived_by", sa.String(length=120), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("archived_by")
            batch_op.drop_column("archived_at")
