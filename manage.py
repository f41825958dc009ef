#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # A developer's shell has no SECRET_KEY: run management commands in debug mode there.
    # Production sets SECRET_KEY (and DEBUG=false); the WSGI/ASGI entry points never
    # default to debug, so a server without a SECRET_KEY still refuses to start.
    if "SECRET_KEY" not in os.environ:
        os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
