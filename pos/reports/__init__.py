"""Manager reports over any date range, from the store's sums, and their exports."""
