from django.urls import path

from dialogue.petitions import views

app_name = "petitions"

urlpatterns = [
    path("", views.petition_list, name="petition_list"),
    path("new/", views.petition_create, name="petition_create"),
    path("<int:pk>/", views.petition_detail, name="petition_detail"),
    path("<int:pk>/edit/", views.petition_update, name="petition_update"),
    path("<int:pk>/triage/", views.petition_triage, name="petition_triage"),
    path("<int:pk>/forward/", views.petition_forward, name="petition_forward"),
    path("<int:pk>/acknowledge/", views.petition_acknowledge, name="petition_acknowledge"),
    path("filters/save/", views.filter_save, name="filter_save"),
    path("filters/<int:pk>/delete/", views.filter_delete, name="filter_delete"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/add/", views.group_add, name="group_add"),
    path("groups/<int:pk>/split/", views.group_split, name="group_split"),
    path("groups/<int:pk>/edit/", views.group_update, name="group_update"),
    path("groups/<int:pk>/assign/", views.group_assign, name="group_assign"),
    path("groups/<int:pk>/answer/", views.answer_submit, name="answer_submit"),
    path("groups/<int:pk>/contribute/", views.support_contribute, name="support_contribute"),
    path("groups/<int:pk>/review/", views.answer_review, name="answer_review"),
    path("groups/<int:pk>/mode/", views.answer_mode, name="answer_mode"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("files/<int:pk>/", views.petition_file_download, name="petition_file"),
    path("inbox/", views.inbox, name="inbox"),
    path("conferences/<int:pk>/", views.conference_groups, name="conference_groups"),
    path("conferences/<int:pk>/report.<str:fmt>", views.conference_report, name="conference_report"),
    path("conferences/<int:pk>/form-<str:kind>.<str:fmt>", views.paper_form, name="paper_form"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("import/<int:pk>/start/", views.import_start, name="import_start"),
    path("import/template.xlsx", views.import_template, name="import_template"),
]
