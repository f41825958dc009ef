"""Per-request facts (the client address) that the audit log records without every
service having to be handed the request."""

from contextvars import ContextVar

client_ip: ContextVar[str | None] = ContextVar("client_ip", default=None)
