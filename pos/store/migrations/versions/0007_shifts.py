"""shifts, cash movements, business days and Z reports

Revision ID: 0007_shifts
Revises: 0006_print_queue
Create Date: 2026-11-24

Shifts (float, blind count by denomination, expected against counted per
tender, who counted and approved), cash in and out, business days and their
gap-free Z reports; every sale and credit note now points at its shift and
business day (new nullable columns: rows stored before keep NULL).  Partial
unique indexes allow one open day and one open shift per terminal; triggers
refuse a sale, credit note, cash movement or shift in a closed shift or day,
closing a day while one of its shifts is open, and changing a closed shift
(but approving its difference once) or day.  See pos.store.shift_models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_shifts"
down_revision: str | None = "0006_print_queue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY_TABLES = (
    "cash_count",
    "shift_tender_result",
    "cash_movement",
    "z_report",
    "day_item_total",
)
STAMPED_TABLES = ("sale", "credit_note")
_SHIFT_IDENTITY = (
    "shift_uuid",
    "terminal_id",
    "number",
    "business_day_id",
    "opened_at_utc",
    "opened_by_user_id",
    "float_satang",
)
_CLOSING = ("closed_at_utc", "counted_by_user_id", "closing_note")


def _same(columns: Sequence[str]) -> str:
    return " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)


def _stamp_guards(table: str) -> dict[str, str]:
    """A sale or credit note only goes into an open shift of its own open business day."""
    return {
        f"{table}_in_open_shift": f"""
            CREATE TRIGGER {table}_in_open_shift BEFORE INSERT ON {table}
            WHEN NEW.shift_id IS NOT NULL AND (
                 (SELECT closed_at_utc FROM shift WHERE id = NEW.shift_id) IS NOT NULL
                 OR NOT EXISTS (SELECT 1 FROM shift WHERE id = NEW.shift_id)
                 OR (SELECT business_day_id FROM shift WHERE id = NEW.shift_id)
                    IS NOT NEW.business_day_id)
            BEGIN SELECT RAISE(ABORT, '{table}: its shift is closed or not of its day'); END""",
        f"{table}_in_open_day": f"""
            CREATE TRIGGER {table}_in_open_day BEFORE INSERT ON {table}
            WHEN NEW.business_day_id IS NOT NULL AND (
                 (SELECT closed_at_utc FROM business_day WHERE id = NEW.business_day_id)
                 IS NOT NULL
                 OR NOT EXISTS (SELECT 1 FROM business_day WHERE id = NEW.business_day_id))
            BEGIN SELECT RAISE(ABORT, '{table}: the business day is closed (Z report)'); END""",
    }


_GUARDS = {
    **_stamp_guards("sale"),
    **_stamp_guards("credit_note"),
    "cash_movement_in_open_shift": """
        CREATE TRIGGER cash_movement_in_open_shift BEFORE INSERT ON cash_movement
        WHEN (SELECT closed_at_utc FROM shift WHERE id = NEW.shift_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'cash cannot move in a closed shift'); END""",
    "shift_in_open_day": """
        CREATE TRIGGER shift_in_open_day BEFORE INSERT ON shift
        WHEN (SELECT closed_at_utc FROM business_day WHERE id = NEW.business_day_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a shift cannot open in a closed business day'); END""",
    "shift_closed_once": f"""
        CREATE TRIGGER shift_closed_once BEFORE UPDATE ON shift
        WHEN NOT ({_same(_SHIFT_IDENTITY)} AND (
             OLD.closed_at_utc IS NULL
             OR (OLD.closed_at_utc IS NOT NULL AND OLD.approved_by_user_id IS NULL
                 AND NEW.approved_by_user_id IS NOT NULL AND {_same(_CLOSING)})))
        BEGIN SELECT RAISE(ABORT, 'a closed shift cannot be changed'); END""",
    "shift_no_delete": """
        CREATE TRIGGER shift_no_delete BEFORE DELETE ON shift
        BEGIN SELECT RAISE(ABORT, 'shift rows cannot be deleted'); END""",
    "business_day_closed_once": """
        CREATE TRIGGER business_day_closed_once BEFORE UPDATE ON business_day
        WHEN NOT (OLD.closed_at_utc IS NULL AND NEW.day_uuid IS OLD.day_uuid
                  AND NEW.terminal_id IS OLD.terminal_id
                  AND NEW.business_date IS OLD.business_date
                  AND NEW.opened_at_utc IS OLD.opened_at_utc)
        BEGIN SELECT RAISE(ABORT, 'a closed business day cannot be changed'); END""",
    "business_day_closed_without_open_shifts": """
        CREATE TRIGGER business_day_closed_without_open_shifts BEFORE UPDATE ON business_day
        WHEN NEW.closed_at_utc IS NOT NULL AND EXISTS (
             SELECT 1 FROM shift WHERE business_day_id = NEW.id AND closed_at_utc IS NULL)
        BEGIN SELECT RAISE(ABORT, 'a business day with an open shift cannot be closed'); END""",
    "business_day_no_delete": """
        CREATE TRIGGER business_day_no_delete BEFORE DELETE ON business_day
        BEGIN SELECT RAISE(ABORT, 'business_day rows cannot be deleted'); END""",
}


def _trigger_names() -> list[str]:
    names = [f"{table}_no_{verb}" for table in APPEND_ONLY_TABLES for verb in ("update", "delete")]
    return names + list(_GUARDS)


def upgrade() -> None:
    op.create_table(
        "business_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day_uuid", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("business_date", sa.String(length=10), nullable=False),
        sa.Column("opened_at_utc", sa.String(length=32), nullable=False),
        sa.Column("closed_at_utc", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_day")),
        sa.UniqueConstraint("day_uuid", name=op.f("uq_business_day_day_uuid")),
    )
    with op.batch_alter_table("business_day", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_business_day_business_date"), ["business_date"], unique=False
        )
        batch_op.create_index(
            "uq_business_day_open_per_terminal",
            ["terminal_id"],
            unique=True,
            sqlite_where=sa.text("closed_at_utc IS NULL"),
        )

    op.create_table(
        "shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_uuid", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("business_day_id", sa.Integer(), nullable=False),
        sa.Column("opened_at_utc", sa.String(length=32), nullable=False),
        sa.Column("opened_by_user_id", sa.Integer(), nullable=False),
        sa.Column("float_satang", sa.Integer(), nullable=False),
        sa.Column("closed_at_utc", sa.String(length=32), nullable=True),
        sa.Column("counted_by_user_id", sa.Integer(), nullable=True),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=True),
        sa.Column("approved_at_utc", sa.String(length=32), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "(closed_at_utc IS NULL) = (counted_by_user_id IS NULL)",
            name=op.f("ck_shift_closed_with_counter"),
        ),
        sa.CheckConstraint(
            "approved_by_user_id IS NULL"
            " OR (closed_at_utc IS NOT NULL AND approved_at_utc IS NOT NULL)",
            name=op.f("ck_shift_approved_when_closed"),
        ),
        sa.CheckConstraint(
            "number > 0 AND float_satang >= 0", name=op.f("ck_shift_number_and_float")
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_shift_approved_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["business_day_id"],
            ["business_day.id"],
            name=op.f("fk_shift_business_day_id_business_day"),
        ),
        sa.ForeignKeyConstraint(
            ["counted_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_shift_counted_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_user_id"], ["app_user.id"], name=op.f("fk_shift_opened_by_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift")),
        sa.UniqueConstraint("shift_uuid", name=op.f("uq_shift_shift_uuid")),
        sa.UniqueConstraint("terminal_id", "number", name=op.f("uq_shift_terminal_id")),
    )
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shift_business_day_id"), ["business_day_id"], unique=False
        )
        batch_op.create_index(
            "uq_shift_open_per_terminal",
            ["terminal_id"],
            unique=True,
            sqlite_where=sa.text("closed_at_utc IS NULL"),
        )

    op.create_table(
        "z_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("z_uuid", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("business_day_id", sa.Integer(), nullable=False),
        sa.Column("closed_at_utc", sa.String(length=32), nullable=False),
        sa.Column("closed_by_user_id", sa.Integer(), nullable=False),
        sa.Column("sales_count", sa.Integer(), nullable=False),
        sa.Column("net_satang", sa.Integer(), nullable=False),
        sa.Column("grand_total_satang", sa.Integer(), nullable=False),
        sa.Column("figures_json", sa.Text(), nullable=False),
        sa.CheckConstraint("serial > 0", name=op.f("ck_z_report_serial_positive")),
        sa.ForeignKeyConstraint(
            ["business_day_id"],
            ["business_day.id"],
            name=op.f("fk_z_report_business_day_id_business_day"),
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_z_report_closed_by_user_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_z_report")),
        sa.UniqueConstraint("business_day_id", name=op.f("uq_z_report_business_day_id")),
        sa.UniqueConstraint("number", name=op.f("uq_z_report_number")),
        sa.UniqueConstraint("terminal_id", "serial", name=op.f("uq_z_report_terminal_id")),
        sa.UniqueConstraint("z_uuid", name=op.f("uq_z_report_z_uuid")),
    )
    op.create_table(
        "cash_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=8), nullable=False),
        sa.Column("denomination_satang", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.CheckConstraint("stage IN ('float', 'close')", name=op.f("ck_cash_count_known_stage")),
        sa.CheckConstraint(
            "denomination_satang IN"
            " (100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25)",
            name=op.f("ck_cash_count_thai_denomination"),
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_cash_count_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.id"], name=op.f("fk_cash_count_shift_id_shift")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_count")),
        sa.UniqueConstraint(
            "shift_id", "stage", "denomination_satang", name=op.f("uq_cash_count_shift_id")
        ),
    )
    op.create_table(
        "cash_movement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_uuid", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=3), nullable=False),
        sa.Column("amount_satang", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at_utc", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("approved_by_user_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('in', 'out')", name=op.f("ck_cash_movement_known_kind")),
        sa.CheckConstraint("amount_satang > 0", name=op.f("ck_cash_movement_amount_positive")),
        sa.CheckConstraint("length(trim(reason)) > 0", name=op.f("ck_cash_movement_has_reason")),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_cash_movement_approved_by_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.id"], name=op.f("fk_cash_movement_shift_id_shift")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_cash_movement_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movement")),
        sa.UniqueConstraint("movement_uuid", name=op.f("uq_cash_movement_movement_uuid")),
    )
    with op.batch_alter_table("cash_movement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_movement_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "shift_tender_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("tender_key", sa.String(length=40), nullable=False),
        sa.Column("expected_satang", sa.Integer(), nullable=False),
        sa.Column("counted_satang", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shift.id"], name=op.f("fk_shift_tender_result_shift_id_shift")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_tender_result")),
        sa.UniqueConstraint("shift_id", "tender_key", name=op.f("uq_shift_tender_result_shift_id")),
    )
    # the Z report's rollup of a closed day per category, producer group and SKU
    op.create_table(
        "day_item_total",
        sa.Column("business_day_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("producer_name", sa.String(length=200), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("business_date", sa.String(length=10), nullable=False),
        sa.Column("name_th", sa.String(length=200), nullable=False),
        sa.Column("producer_tax_id", sa.String(length=13), nullable=True),
        sa.Column("sold_by_weight", sa.Boolean(), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("sales", sa.Integer(), nullable=False),
        sa.Column("quantity_milli", sa.Integer(), nullable=False),
        sa.Column("gross_satang", sa.Integer(), nullable=False),
        sa.Column("discounts_satang", sa.Integer(), nullable=False),
        sa.Column("total_satang", sa.Integer(), nullable=False),
        sa.Column("vatable_satang", sa.Integer(), nullable=False),
        sa.Column("returned_lines", sa.Integer(), nullable=False),
        sa.Column("returned_quantity_milli", sa.Integer(), nullable=False),
        sa.Column("returned_satang", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_day_id"],
            ["business_day.id"],
            name=op.f("fk_day_item_total_business_day_id_business_day"),
        ),
        sa.PrimaryKeyConstraint(
            "business_day_id", "category", "producer_name", "sku", name=op.f("pk_day_item_total")
        ),
    )
    op.create_index("ix_day_item_total_business_date", "day_item_total", ["business_date"])
    # the few lines sold at a changed price: the discounts report finds them without a scan
    op.create_index(
        "ix_sale_line_price_changed",
        "sale_line",
        ["sale_id"],
        sqlite_where=sa.text("unit_price_satang <> catalogue_price_satang"),
    )
    for table in STAMPED_TABLES:
        # plain ADD COLUMN: a batch rebuild would copy the append-only sales tables
        op.execute(f"ALTER TABLE {table} ADD COLUMN shift_id INTEGER REFERENCES shift (id)")
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN business_day_id INTEGER REFERENCES business_day (id)"
        )
        op.create_index(f"ix_{table}_shift_id", table, ["shift_id"])
        op.create_index(f"ix_{table}_business_day_id", table, ["business_day_id"])
    for table in APPEND_ONLY_TABLES:
        for verb in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb} BEFORE {verb.upper()} ON {table} BEGIN"
                f" SELECT RAISE(ABORT, '{table} rows cannot be {verb}d'); END"
            )
    for statement in _GUARDS.values():
        op.execute(statement)


def downgrade() -> None:
    for name in _trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_sale_line_price_changed", "sale_line")
    for table in STAMPED_TABLES:
        op.drop_index(f"ix_{table}_business_day_id", table)
        op.drop_index(f"ix_{table}_shift_id", table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN business_day_id")
        op.execute(f"ALTER TABLE {table} DROP COLUMN shift_id")
    for table in (
        "day_item_total",
        "shift_tender_result",
        "cash_movement",
        "cash_count",
        "z_report",
        "shift",
        "business_day",
    ):
        op.drop_table(table)
