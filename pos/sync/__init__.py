"""The counter's side of the head-office sync: protocol, owned records, the outbox run."""
