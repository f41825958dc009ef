"""Signals of the unit tree, for other apps that keep something derived from unit paths."""

from django.dispatch import Signal

# Sent with `unit_ids` (the units whose path changed: a unit moved and everything under it)
# after their new paths are saved, inside the same transaction.
unit_paths_changed = Signal()
