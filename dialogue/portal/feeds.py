"""Atom feeds of the portal: conferences announced and results published. Both carry
only public data: the announcement as staff wrote it for the public, and the notice's
published text (masked when it was published)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dialogue.portal import selectors

FEED_SIZE = 30


class _PortalFeed(Feed):
    feed_type = Atom1Feed
    author_name = gettext_lazy("Dialogue with citizens")
    language = "vi"


class ConferencesFeed(_PortalFeed):
    title = gettext_lazy("Upcoming dialogue conferences")
    subtitle = gettext_lazy("Conferences announced on the portal, soonest first.")
    link = reverse_lazy("portal:conferences")

    def items(self):
        return selectors.upcoming()[:FEED_SIZE]

    def item_title(self, conf):
        return f"{date_format(conf.date, 'SHORT_DATE_FORMAT')} · {conf.host_unit.name}: {conf.title}"

    def item_description(self, conf):
        parts = [
            _("Date: %(date)s") % {"date": date_format(conf.date, "l, d/m/Y")},
        ]
        if conf.start_time:
            parts.append(_("Time: %(time)s") % {"time": date_format(conf.start_time, "TIME_FORMAT")})
        if conf.venue:
            parts.append(_("Place: %(venue)s") % {"venue": conf.venue})
        if conf.audience:
            parts.append(_("Audience: %(audience)s") % {"audience": Truncator(conf.audience).words(40)})
        return " · ".join(parts)

    def item_link(self, conf):
        return reverse("portal:conference", args=[conf.pk])

    def item_pubdate(self, conf):
        return conf.announced_at

    def item_updateddate(self, conf):
        return max(conf.announced_at, conf.updated_at)


class ResultsFeed(_PortalFeed):
    title = gettext_lazy("Published results of dialogue conferences")
    subtitle = gettext_lazy("Conclusion notices published on the portal, newest first; personal data is masked.")
    link = reverse_lazy("portal:results")

    def items(self):
        return selectors.published_notices(FEED_SIZE)

    def item_title(self, publication):
        conf = publication.conclusion.conference
        return f"{conf.host_unit.name}: {conf.title}"

    def item_description(self, publication):
        return Truncator(publication.public_text).words(80)

    def item_link(self, publication):
        return reverse("portal:conference", args=[publication.conclusion.conference_id]) + "#ket-qua"

    def item_pubdate(self, publication):
        return publication.published_at

    def item_updateddate(self, publication):
        return publication.published_at
