"""Staff: users, roles and Argon2id PINs."""
