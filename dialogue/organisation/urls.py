from django.urls import path

from dialogue.organisation import views

app_name = "organisation"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/create/", views.unit_create, name="unit_create"),
    path("units/picker/", views.unit_picker, name="unit_picker"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/update/", views.unit_update, name="unit_update"),
    path("units/<int:pk>/dissolve/", views.unit_dissolve, name="unit_dissolve"),
    path("units/<int:pk>/restore/", views.unit_restore, name="unit_restore"),
    path("people/", views.person_list, name="person_list"),
    path("people/create/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("people/<int:pk>/update/", views.person_update, name="person_update"),
    path("people/<int:pk>/roles/grant/", views.role_grant, name="role_grant"),
    path("people/<int:pk>/roles/<int:assignment_pk>/revoke/", views.role_revoke, name="role_revoke"),
]
