"""Settings of the submission benchmark's servers only (DJANGO_SETTINGS_MODULE=bench.submit_settings):
the production settings with the bench's URLconf, which adds the floor view. Never used
by the application itself."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.submit_urls"
