# Vietnamese for small pieces of the shared layout (the folding main menu on phones).
# Merged by scripts/fill_translations.py.
T = {
    "Menu": "Danh mục",
    "This answer was approved or returned by someone else in the meantime. Reload the page to see the decision.": (
        "Nội dung trả lời này vừa được người khác duyệt hoặc trả lại. Tải lại trang để xem quyết định."
    ),
}
