"""search index: lemmatised text per record (FTS5 on SQLite, a stored tsvector with a GIN index on PostgreSQL); audit trail indexed by row

Revision ID: 0004_search
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_search"
down_revision = "0003"
branch_labels = None
depends_on = None


SQLITE_FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(kind, lemmas, content='search_entry', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN"
    " INSERT INTO search_fts(rowid, kind, lemmas) VALUES (new.id, new.kind, new.lemmas); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, kind, lemmas) VALUES ('delete', old.id, old.kind, old.lemmas); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, kind, lemmas) VALUES ('delete', old.id, old.kind, old.lemmas);"
    " INSERT INTO search_fts(rowid, kind, lemmas) VALUES (new.id, new.kind, new.lemmas); END",
)


def upgrade() -> None:
    op.create_table(
        "search_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.Column("lemmas", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("kind", "ref_id", name=op.f("uq_search_entry_kind")),
    )
    with op.batch_alter_table("search_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_search_entry_kind"), ["kind"], unique=False)
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_entity_row", ["entity", "entity_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # a stored vector (not in the ORM model: PostgreSQL fills it) so ranking need not re-parse the text;
        # the kind rides along as a token (kindmeasure …) so a kind filter is answered by the index too
        op.execute(
            "ALTER TABLE search_entry ADD COLUMN tsv tsvector"
            " GENERATED ALWAYS AS (to_tsvector('simple', 'kind' || kind || ' ' || lemmas)) STORED"
        )
        op.execute("CREATE INDEX ix_search_entry_tsv ON search_entry USING gin (tsv)")
    else:
        # SQLite: an FTS5 table over search_entry, kept in step by triggers (its shadow tables are
        # not part of the declared ORM schema)
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_entry_ai", "search_entry_ad", "search_entry_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_search_entry_tsv")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_entity_row")
    with op.batch_alter_table("search_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_search_entry_kind"))
    op.drop_table("search_entry")
