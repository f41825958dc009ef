from django.urls import path

from dialogue.portal import views

urlpatterns = [path("", views.home, name="home")]
