"""illustrative exchange rates: example rates shipped for networks that cannot reach the banks

Revision ID: 0006_illustrative_rates
Revises: 0005_reminders
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_illustrative_rates"
down_revision = "0005_reminders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exchange_rate") as batch:
        batch.add_column(sa.Column("illustrative", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("exchange_rate") as batch:
        batch.drop_column("illustrative")
