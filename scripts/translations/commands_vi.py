# ruff: noqa: E501
# Vietnamese for the output of the management commands (dialogue/*/management/commands/).
# Merged by scripts/fill_translations.py.
T = {
    "Invalid date: {start!r} (format YYYY-MM-DD).": "Ngày không hợp lệ: {start!r} (định dạng YYYY-MM-DD).",
    "Invalid number of working days: {n}.": "Số ngày làm việc không hợp lệ: {n}.",
    "{created} units created, {updated} updated, {unchanged} unchanged.": "Đã tạo {created}, cập nhật {updated}, giữ nguyên {unchanged} đơn vị.",
    "  {kind}: {n} new": "  {kind}: {n} mới",
    "The two passwords you typed do not match.": "Hai lần nhập mật khẩu không khớp nhau.",
    "No password: set the environment variable {variable} or run the command in a terminal to type it.": "Chưa có mật khẩu: hãy đặt biến môi trường {variable} hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.",
    "The national system administrator “{username}” ({full_name}) was created.": "Đã tạo tài khoản quản trị hệ thống toàn quốc “{username}” ({full_name}).",
    "Password: ": "Mật khẩu: ",
    "Password again: ": "Nhập lại mật khẩu: ",
    "The demo data has accounts sharing one public password. The command runs only with DEBUG on, or with --allow-production if this is a demonstration server.": "Dữ liệu mẫu có các tài khoản dùng chung một mật khẩu công khai. Lệnh chỉ chạy khi DEBUG bật, hoặc thêm --allow-production nếu đây là máy chủ trình diễn.",
    "{plans} new demo plans, {conferences} conferences, {tasks} tasks; {petitions} demo petitions, {groups} summarised opinions, {answers} new answers": "{plans} kế hoạch mẫu, {conferences} hội nghị, {tasks} nhiệm vụ mới; {petitions} ý kiến, kiến nghị mẫu, {groups} ý kiến tổng hợp, {answers} văn bản trả lời mới",
    "The demo data is complete; nothing was added ({seconds} s).": "Dữ liệu mẫu đã có đủ, không tạo thêm gì ({seconds} giây).",
    "The demo units and accounts are complete, nothing added there; loaded {plans_line} in {seconds} s.": "Dữ liệu mẫu đã có đủ, không tạo thêm gì về đơn vị và tài khoản; đã nạp {plans_line} trong {seconds} giây.",
    "Demo data loaded in {seconds} s: {admin_units_created} new administrative units ({admin_units_updated} updated), {units} new bodies, organisations and villages, {people} new accounts, {roles} new roles; {plans_line}.": "Đã nạp dữ liệu mẫu trong {seconds} giây: {admin_units_created} đơn vị hành chính mới ({admin_units_updated} cập nhật), {units} cơ quan, tổ chức, thôn mới, {people} tài khoản mới, {roles} vai trò mới; {plans_line}.",
    "Demo accounts (shared password: {password}):": "Tài khoản mẫu (mật khẩu chung: {password}):",
    "nationwide": "toàn quốc",
    "Signers of the plans, without a role: {signers}.": "Người ký kế hoạch, chưa có vai trò: {signers}.",
}

T.update(
    {
        "; a conference held: {present} present, {walk_ins} walk-ins, {speakers} interventions, {minutes} minutes": "; một hội nghị đã tổ chức: {present} đại biểu có mặt, {walk_ins} người dự không có giấy mời, {speakers} lượt phát biểu, {minutes} biên bản",
    }
)
