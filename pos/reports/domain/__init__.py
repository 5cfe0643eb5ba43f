"""Manager reports, domain: report rows and report settings; pure dataclasses, no I/O."""
