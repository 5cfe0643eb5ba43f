"""Alembic environment of the head office: migrations run on a connection handed over.

There is no alembic.ini; :func:`hq.store.database.migrate` builds the config
and passes its open connection in ``config.attributes["connection"]``.
"""

from alembic import context

from hq.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
