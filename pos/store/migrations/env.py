"""Alembic environment: migrations always run on a connection the program hands over.

There is no alembic.ini; :func:`pos.store.database.migrate` builds the config and
passes its open connection in ``config.attributes["connection"]``.  Batch mode
is on because SQLite can only alter a table by copying it.
"""

from alembic import context

from pos.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
