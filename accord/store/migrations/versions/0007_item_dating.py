"""news items: where the date came from, and why the item proposed nothing more

Revision ID: 0007_item_dating
Revises: 0006_illustrative_rates
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_item_dating"
down_revision = "0006_illustrative_rates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_basis", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("proposal_notes", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source_item", schema=None) as batch_op:
        batch_op.drop_column("proposal_notes")
        batch_op.drop_column("date_basis")
