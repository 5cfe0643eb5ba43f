"""Head-office use cases: terminals, receiving batches, the catalogue and its change feed."""
