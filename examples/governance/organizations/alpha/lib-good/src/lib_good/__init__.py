"""lib-good."""
