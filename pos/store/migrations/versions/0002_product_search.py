"""product search: FTS5 trigram index and name indexes for prefix search

Revision ID: 0002_product_search
Revises: 0001_catalogue
Create Date: 2026-11-24

Thai is written without spaces between words, so a word tokenizer cannot find
"ไหม" inside "ผ้าไหมมัดหมี่".  The trigram tokenizer indexes every run of three
characters, which finds any substring of three or more characters in Thai or
English (case-insensitively).  Shorter queries match the start of a name or
SKU instead (see the catalogue repository), which the plain indexes on the
names make instant.  The trigram index is an external-content table kept in
step with ``product`` by triggers, and is filled from the existing rows here.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_product_search"
down_revision: str | None = "0001_catalogue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIGGERS = {
    "product_search_after_insert": """
        CREATE TRIGGER product_search_after_insert AFTER INSERT ON product BEGIN
            INSERT INTO product_search(rowid, sku, name_th, name_en)
            VALUES (new.id, new.sku, new.name_th, new.name_en);
        END""",
    "product_search_after_delete": """
        CREATE TRIGGER product_search_after_delete AFTER DELETE ON product BEGIN
            INSERT INTO product_search(product_search, rowid, sku, name_th, name_en)
            VALUES ('delete', old.id, old.sku, old.name_th, old.name_en);
        END""",
    "product_search_after_update": """
        CREATE TRIGGER product_search_after_update
        AFTER UPDATE OF sku, name_th, name_en ON product BEGIN
            INSERT INTO product_search(product_search, rowid, sku, name_th, name_en)
            VALUES ('delete', old.id, old.sku, old.name_th, old.name_en);
            INSERT INTO product_search(rowid, sku, name_th, name_en)
            VALUES (new.id, new.sku, new.name_th, new.name_en);
        END""",
}


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE product_search USING fts5("
        "sku, name_th, name_en, content='product', content_rowid='id', tokenize='trigram')"
    )
    for statement in _TRIGGERS.values():
        op.execute(statement)
    op.execute("INSERT INTO product_search(product_search) VALUES ('rebuild')")
    op.create_index("ix_product_name_th", "product", ["name_th"])
    op.create_index("ix_product_name_en", "product", ["name_en"])  # NOCASE by its column


def downgrade() -> None:
    op.drop_index("ix_product_name_en", "product")
    op.drop_index("ix_product_name_th", "product")
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE product_search")
