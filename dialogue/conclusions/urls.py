"""Conclusion notices (thông báo kết luận), their directives and publication."""

from django.urls import path

from dialogue.conclusions import views

app_name = "conclusions"
urlpatterns = [
    path("conference/<int:conference_pk>/draft/", views.conclusion_draft, name="draft"),
    path("<int:pk>/", views.conclusion_detail, name="detail"),
    path("<int:pk>/edit/", views.conclusion_edit, name="edit"),
    path("<int:pk>/cancel/", views.conclusion_cancel, name="cancel"),
    path("<int:pk>/refresh/", views.conclusion_refresh, name="refresh"),
    path("<int:pk>/approve/", views.conclusion_approve, name="approve"),
    path("<int:pk>/return/", views.conclusion_return, name="return"),
    path("<int:pk>/issue/", views.conclusion_issue, name="issue"),
    path("<int:pk>/document.<str:fmt>", views.conclusion_document, name="document"),
    path("<int:pk>/publication/", views.publication, name="publication"),
    path("<int:pk>/directives/add/", views.directive_add, name="directive_add"),
    path("directives/", views.directive_inbox, name="inbox"),
    path("directives/<int:pk>/", views.directive_detail, name="directive_detail"),
    path("directives/<int:pk>/edit/", views.directive_edit, name="directive_edit"),
    path("directives/<int:pk>/delete/", views.directive_delete, name="directive_delete"),
    path("directives/<int:pk>/move/<str:direction>/", views.directive_move, name="directive_move"),
    path("policy/<int:unit_pk>/", views.policy_edit, name="policy"),
]
