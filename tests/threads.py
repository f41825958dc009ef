"""Calls run in threads released together, for the tests of what happens when two people act at
once (each thread closes its own database connection)."""

import threading

from django.db import connection


def at_once(*calls):
    """Run the calls in threads released together; (results, errors) in finishing order."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def wrap(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=wrap, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results, errors


def run_together(targets):
    """`at_once` over a list of calls."""
    return at_once(*targets)
