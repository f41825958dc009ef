# ruff: noqa: E501
# Vietnamese for national scale (issue 8): the estimated length of long petition lists and
# the statistics dashboard read from the worker's daily figures. Merged by
# scripts/fill_translations.py.
T = {
    # --- templates/statistics/dashboard.html
    "Figures compiled at %(moment)s; the lists behind them are current": "Số liệu tổng hợp lúc %(moment)s; danh sách chi tiết là số liệu hiện tại",
    # --- templates/petitions/_list_pagination.html
    "Page %(n)s": "Trang %(n)s",
}

PLURALS = {
    # --- templates/petitions/petition_list.html
    "about %(shown)s petition (estimated)": ["khoảng %(shown)s kiến nghị (ước tính)"],
    "%(shown)s petition": ["%(shown)s kiến nghị"],
    # --- templates/statistics/dashboard.html
    "Show %(shown)s more unit": ["Xem thêm %(shown)s đơn vị"],
}
