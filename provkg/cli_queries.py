"""provkg commands for queries: attached to the main group in provkg.cli."""
