# ruff: noqa: E501
# Vietnamese for what robustness work added (issue 9: no loss, bad input, uploads): the
# error pages a damaged or expired request gets, and Django's own form messages that its
# Vietnamese catalogue lacks (listed in dialogue/core/django_messages.py). Merged by
# scripts/fill_translations.py.
T = {
    # templates/400.html
    "The request could not be read": "Không đọc được nội dung đã gửi",
    "What was sent could not be read: it was too large, had too many parts, or was damaged on the way. Nothing was saved.": "Không đọc được nội dung vừa gửi: nội dung quá lớn, có quá nhiều phần hoặc bị hỏng trên đường truyền. Chưa có gì được lưu.",
    "Go back, check what you typed and the files you attached (fewer or smaller ones), and send it again.": "Hãy quay lại, kiểm tra nội dung đã nhập và các tệp đính kèm (ít tệp hơn hoặc tệp nhỏ hơn) rồi gửi lại.",
    # templates/403_csrf.html
    "The form has expired": "Phiếu đã hết hiệu lực",
    "For your safety a form can only be sent from the page that showed it, in a browser that keeps this site's cookies. It was open too long, or cookies are blocked. Nothing was saved.": "Để bảo đảm an toàn, phiếu chỉ gửi được từ chính trang đã hiển thị nó, trên trình duyệt có lưu cookie của trang này. Trang đã mở quá lâu hoặc trình duyệt đang chặn cookie. Chưa có gì được lưu.",
    "Go back, reload the page (what you typed may need to be typed again) and send it again. If this happens every time, allow cookies for this site.": "Hãy quay lại, tải lại trang (có thể phải nhập lại nội dung) rồi gửi lại. Nếu lần nào cũng gặp thông báo này, hãy cho phép trang này lưu cookie.",
    # dialogue/core/django_messages.py: Django's form messages
    "Null characters are not allowed.": "Không được có ký tự rỗng (NUL) trong nội dung; hãy xóa ký tự đó rồi gửi lại.",
    "Enter a valid UUID.": "Mã phiếu không hợp lệ; hãy tải lại trang rồi gửi lại.",
    "Enter a complete value.": "Hãy nhập đầy đủ giá trị.",
    "“%(pk)s” is not a valid value.": "“%(pk)s” không phải là giá trị hợp lệ.",
}
T.update(
    {
        # dialogue/portal/forms.py: the hidden key of the public form, tampered with or lost
        "The form could not be matched to the page that showed it. Reload the page and send it again.": "Không đối chiếu được phiếu với trang đã hiển thị nó. Hãy tải lại trang rồi gửi lại.",
    }
)
