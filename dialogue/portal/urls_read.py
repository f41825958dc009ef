"""The portal's reading pages. Paths are Vietnamese (people read and share them); the
names are stable: the citizen-side pages and the staff pages link to them."""

from django.urls import path

from dialogue.portal import feeds, views

urlpatterns = [
    path("", views.home, name="home"),
    path("dia-ban/", views.areas, name="areas"),
    path("dia-ban/<int:pk>/", views.area, name="area"),
    path("hoi-nghi/", views.conferences, name="conferences"),
    path("hoi-nghi/feed.xml", views.public_page(feeds.ConferencesFeed()), name="feed_conferences"),
    path("hoi-nghi/<int:pk>/", views.conference, name="conference"),
    path("ket-qua/", views.results, name="results"),
    path("ket-qua/feed.xml", views.public_page(feeds.ResultsFeed()), name="feed_results"),
    path("du-lieu-ca-nhan/", views.privacy, name="privacy"),
]
