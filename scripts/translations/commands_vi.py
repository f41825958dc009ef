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

T.update(
    {
        "; {conclusions} conclusion notice issued with {directives} directives": "; {conclusions} thông báo kết luận đã ban hành với {directives} nội dung chỉ đạo",
    }
)
# classify_petitions and dialogue/petitions/demo.py (MSG_*).
T.update(
    {
        "Suggest the field (the three best) and the competent level for every petition of a JSON Lines file.": "Gợi ý lĩnh vực (3 lĩnh vực phù hợp nhất) và cấp thẩm quyền cho từng kiến nghị trong tệp JSON Lines.",
        'JSON Lines, one object with "text" per line': 'JSON Lines, mỗi dòng một đối tượng có "text"',
        "the result file (JSON Lines, UTF-8)": "tệp kết quả (JSON Lines, UTF-8)",
        'classified JSON Lines ("text", "field", optionally "level", "agency") to learn from': 'JSON Lines đã phân loại ("text", "field", tùy chọn "level", "agency") để học thêm',
        "File {path} not found.": "Không tìm thấy tệp {path}.",
        "File {path} is not UTF-8 text.": "Tệp {path} không phải văn bản UTF-8.",
        "Cannot read file {path}: {reason}.": "Không đọc được tệp {path}: {reason}.",
        "line {number}: not valid JSON ({error}, column {column})": "dòng {number}: không phải JSON hợp lệ ({error}, cột {column})",
        "line {number}: must be a JSON object {{...}}": "dòng {number}: phải là một đối tượng JSON {{...}}",
        'line {number}: the field "text" is missing': 'dòng {number}: thiếu trường "text"',
        'line {number}: the field "text" must be a string': 'dòng {number}: trường "text" phải là chuỗi ký tự',
        "… and {count} more errors": "… và {count} lỗi khác",
        "File {path} has {count} bad lines; nothing was written:": "Tệp {path} có {count} dòng lỗi, chưa ghi gì:",
        "Cannot write file {path}: {reason}.": "Không ghi được tệp {path}: {reason}.",
        "Classified {count} petitions → {path}": "Đã phân loại {count} kiến nghị → {path}",
        "The demo conference “{what}” was not found; run plans_demo_load() first.": "Không tìm thấy hội nghị “{what}” của dữ liệu mẫu; hãy chạy plans_demo_load() trước.",
        "The demo unit “{name}” was not found; run demo_load() first.": "Không tìm thấy đơn vị “{name}” của dữ liệu mẫu; hãy chạy demo_load() trước.",
    }
)
