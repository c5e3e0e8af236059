"""reminders: users' e-mail and language, calendar-scoped tokens, reminders sent

Revision ID: 0005_reminders
Revises: 0004_search
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import accord.store.base

revision = "0005_reminders"
down_revision = "0004_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("email", sa.String(length=320), nullable=True))
        batch.add_column(sa.Column("lang", sa.String(length=2), server_default="ru", nullable=False))
    with op.batch_alter_table("api_token") as batch:
        batch.add_column(sa.Column("scope", sa.String(length=10), server_default="api", nullable=False))
    op.create_table(
        "reminder_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("step", sa.String(length=10), nullable=False),
        sa.Column("sent_at", accord.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_reminder_sent_user_id_user_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sent")),
        sa.UniqueConstraint(
            "user_id", "entity", "entity_id", "due_on", "step",
            name=op.f("uq_reminder_sent_user_id"),
        ),
    )
    op.create_index(op.f("ix_reminder_sent_user_id"), "reminder_sent", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_reminder_sent_user_id"), table_name="reminder_sent")
    op.drop_table("reminder_sent")
    with op.batch_alter_table("api_token") as batch:
        batch.drop_column("scope")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("lang")
        batch.drop_column("email")
