"""Conclusion notices (thông báo kết luận) and their directives; built in issue 5."""
