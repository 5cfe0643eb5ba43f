"""The head office's PostgreSQL store (SQLAlchemy 2 on psycopg 3, Alembic migrations)."""
