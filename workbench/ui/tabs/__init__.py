"""One module per tab; each has ``build(ctx, shared)`` that lays out the tab and wires its events."""
