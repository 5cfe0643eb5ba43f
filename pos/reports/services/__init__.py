"""Manager reports, services: date-range reports, activity, JSON and CSV exports."""
