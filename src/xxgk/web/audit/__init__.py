"""The append-only audit log: one event per change, written in the change's own transaction."""
