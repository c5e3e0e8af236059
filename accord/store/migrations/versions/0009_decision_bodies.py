"""decision bodies: the further bodies a protocol names as responsible for a decision

Revision ID: 0009_decision_bodies
Revises: 0008_web_sessions
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_decision_bodies"
down_revision = "0008_web_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decision_body",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_decision_body_decision_id_decision"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organization.id"], name=op.f("fk_decision_body_organization_id_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_body")),
        sa.UniqueConstraint("decision_id", "organization_id", name=op.f("uq_decision_body_decision_id")),
    )
    op.create_index(op.f("ix_decision_body_decision_id"), "decision_body", ["decision_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_decision_body_decision_id"), table_name="decision_body")
    op.drop_table("decision_body")
