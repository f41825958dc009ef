"""Transition tables: each stateful object declares its legal moves in one place.

A status is only ever changed through `TransitionTable.check`, called by the one
service function that moves that object and writes the audit entry.
"""

from collections.abc import Mapping

from dialogue.core.errors import MSG_ILLEGAL_TRANSITION, IllegalTransition


class TransitionTable:
    def __init__(self, moves: Mapping[str, set[str]], labels: Mapping[str, str]):
        self.moves = {state: frozenset(targets) for state, targets in moves.items()}
        self.labels = labels

    def allowed(self, current: str) -> frozenset[str]:
        return self.moves.get(current, frozenset())

    def check(self, current: str, target: str) -> None:
        if target not in self.allowed(current):
            raise IllegalTransition(
                MSG_ILLEGAL_TRANSITION
                % {"current": self.labels.get(current, current), "target": self.labels.get(target, target)}
            )
