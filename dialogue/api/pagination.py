from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

MSG_PAGE = _("The page is a whole number from 1.")
MSG_PAGE_SIZE = _("The page size is a whole number from 1 to %(max)s.")


class Pagination(PageNumberPagination):
    """`?page=2&page_size=100`: 50 rows a page unless asked, at most 200. A page number
    or size that is not a number in range is refused (400); a page after the last is 404."""

    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        self._check(request)
        return super().paginate_queryset(queryset, request, view)

    def _check(self, request) -> None:
        raw_page = request.query_params.get(self.page_query_param)
        if raw_page is not None and not _in_range(raw_page, 1, None):
            raise exceptions.ValidationError({self.page_query_param: [str(MSG_PAGE)]})
        raw_size = request.query_params.get(self.page_size_query_param)
        if raw_size is not None and not _in_range(raw_size, 1, self.max_page_size):
            message = MSG_PAGE_SIZE % {"max": self.max_page_size}
            raise exceptions.ValidationError({self.page_size_query_param: [message]})

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = "Page number, from 1."
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
                parameter["description"] = f"Rows per page (50 unless given, at most {self.max_page_size})."
        return parameters


def _in_range(raw: str, low: int, high: int | None) -> bool:
    raw = raw.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        return False
    value = int(raw)
    return value >= low and (high is None or value <= high)
