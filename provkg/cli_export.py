"""provkg commands for export: attached to the main group in provkg.cli."""
