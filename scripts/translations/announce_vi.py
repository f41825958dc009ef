# ruff: noqa: E501
# Vietnamese for the public announcement of conferences, the identity protection of
# petitioners in staff pages and documents, and the online petitions staff see (issue 7).
# Merged by scripts/fill_translations.py.
T = {
    "Announced on the public portal on %(date)s.": "Đã công khai trên cổng thông tin ngày %(date)s.",
    # --- plans/services.py: announcing
    "A conference that was held or cancelled is no longer announced.": "Hội nghị đã tổ chức hoặc đã hủy thì không công khai nữa.",
    "The conference date has passed; there is nothing left to announce.": "Ngày tổ chức hội nghị đã qua; không còn gì để công khai.",
    "Fix the date of the conference before announcing it.": "Hãy ấn định ngày tổ chức hội nghị trước khi công khai.",
    "Enter the venue or the online meeting address before announcing the conference.": "Nhập địa điểm hoặc địa chỉ họp trực tuyến trước khi công khai hội nghị.",
    "The plan was cancelled; its conferences are not announced.": "Kế hoạch đã bị hủy; các hội nghị của kế hoạch không được công khai.",
    "The law requires the conference to be announced at least %(days)s days before it (Law 72/2025/QH15, art. 43): the latest lawful day was %(deadline)s. Announce it only if it cannot be moved, and write why it is announced late.": "Luật yêu cầu công khai hội nghị ít nhất %(days)s ngày trước khi tổ chức (Luật số 72/2025/QH15, Điều 43): ngày cuối cùng đúng luật là %(deadline)s. Chỉ công khai khi không thể dời ngày hội nghị, và ghi rõ lý do công khai muộn.",
    "Say why the announcement is withdrawn (e.g. the conference is postponed).": "Ghi rõ lý do gỡ thông báo (ví dụ: hội nghị bị hoãn).",
    # --- plans/announce.py: the automatic announcement
    "Announced automatically by the system on %(today)s: the conference was scheduled or moved after the latest lawful day (%(deadline)s).": "Hệ thống tự động công khai ngày %(today)s: hội nghị được lên lịch hoặc dời ngày sau ngày cuối cùng đúng luật (%(deadline)s).",
    "The conference “%(title)s” (%(date)s) was announced on the public portal by the system, late: it was scheduled after the latest lawful day. Check what the portal shows.": "Hội nghị “%(title)s” (%(date)s) đã được hệ thống công khai trên cổng thông tin, muộn hơn thời hạn: hội nghị được lên lịch sau ngày cuối cùng đúng luật. Hãy kiểm tra nội dung hiển thị trên cổng.",
    "The conference “%(title)s” (%(date)s) was announced on the public portal by the system: today is the latest day the law allows. Check what the portal shows.": "Hội nghị “%(title)s” (%(date)s) đã được hệ thống công khai trên cổng thông tin: hôm nay là ngày cuối cùng luật cho phép. Hãy kiểm tra nội dung hiển thị trên cổng.",
    # --- plans/selectors.py and views.py: warnings and messages
    "The conference must be announced publicly at least %(days)s days before it (Law 72/2025/QH15, art. 43); the latest lawful day was %(deadline)s and it is not announced yet.": "Hội nghị phải được công khai ít nhất %(days)s ngày trước khi tổ chức (Luật số 72/2025/QH15, Điều 43); ngày cuối cùng đúng luật là %(deadline)s mà hội nghị vẫn chưa được công khai.",
    "The conference is less than %(days)s days away and not yet announced on the public portal: the law requires it to be announced at least %(days)s days before (Law 72/2025/QH15, art. 43). Announce it now, saying why it is late, or move the date.": "Hội nghị diễn ra trong chưa đầy %(days)s ngày nữa mà chưa được công khai trên cổng thông tin: luật yêu cầu công khai ít nhất %(days)s ngày trước khi tổ chức (Luật số 72/2025/QH15, Điều 43). Hãy công khai ngay và ghi rõ lý do muộn, hoặc dời ngày hội nghị.",
    "The conference is announced on the public portal.": "Hội nghị đã được công khai trên cổng thông tin.",
    "The conference was withdrawn from the public portal.": "Đã gỡ hội nghị khỏi cổng thông tin.",
    # --- plans/forms.py
    "Shown on the public portal with the topic, audience, time and place: who may attend, how to register to speak, how to send opinions before the conference.": "Hiển thị trên cổng thông tin cùng chủ đề, thành phần, thời gian, địa điểm: ai được dự, cách đăng ký phát biểu, cách gửi ý kiến trước hội nghị.",
    "Why is it announced late?": "Lý do công khai muộn",
    "Why is the announcement withdrawn?": "Lý do gỡ thông báo",
    "E.g. the conference is postponed; the new date is announced again.": "Ví dụ: hội nghị bị hoãn; khi có ngày mới sẽ công khai lại.",
    # --- templates/plans/_announce_panel.html, _announce_due.html, _announce_tag.html
    "Announcement on the public portal": "Công khai trên cổng thông tin",
    "Open the public page": "Mở trang công khai",
    "Announced": "Đã công khai",
    "Announced on %(d)s at %(t)s by %(who)s.": "Đã công khai ngày %(d)s lúc %(t)s, người thực hiện: %(who)s.",
    "Announced on %(d)s at %(t)s by the system.": "Đã công khai ngày %(d)s lúc %(t)s, người thực hiện: Hệ thống.",
    "Latest lawful day: %(d)s (%(n)s days before the conference).": "Ngày cuối cùng đúng luật: %(d)s (%(n)s ngày trước hội nghị).",
    "Announced later than the law allows.": "Công khai muộn hơn thời hạn luật định.",
    "Reason given": "Lý do",
    "Withdraw from the portal": "Gỡ khỏi cổng thông tin",
    "Withdraw this conference from the public portal?": "Gỡ hội nghị này khỏi cổng thông tin?",
    "Withdraw the announcement": "Gỡ thông báo",
    "Not announced on the portal.": "Không công khai trên cổng thông tin.",
    "Not yet announced": "Chưa công khai",
    "Today (%(d)s) is the latest lawful day.": "Hôm nay (%(d)s) là ngày cuối cùng đúng luật.",
    "The law requires the conference to be announced publicly at least %(n)s days before it (Law 72/2025/QH15, art. 43): topic, audience, time, place and how to take part.": "Luật yêu cầu công khai hội nghị ít nhất %(n)s ngày trước khi tổ chức (Luật số 72/2025/QH15, Điều 43): chủ đề, thành phần, thời gian, địa điểm và cách tham gia.",
    "If nobody announces it before, the system announces it on %(d)s from %(h)s:00, provided it has a venue or online address and a start time.": "Nếu đến hạn chưa ai công khai, hệ thống sẽ tự công khai vào ngày %(d)s từ %(h)s:00, với điều kiện hội nghị đã có địa điểm hoặc địa chỉ họp trực tuyến và giờ bắt đầu.",
    "The system announces conferences automatically only once their plan is issued.": "Hệ thống chỉ tự động công khai hội nghị khi kế hoạch đã ban hành.",
    "Announce on the portal": "Công khai trên cổng thông tin",
    "Conferences to announce on the portal": "Hội nghị cần công khai trên cổng thông tin",
    "overdue since %(d)s": "quá hạn từ %(d)s",
    "announce by %(d)s": "công khai trước hết ngày %(d)s",
    "Announced on the public portal": "Đã công khai trên cổng thông tin",
    "on the portal": "đã công khai",
    "not announced, overdue": "chưa công khai, quá hạn",
    # --- petitions: identity protection and online petitions in staff pages
    "The petitioner asked to keep their identity confidential": "Người kiến nghị đề nghị giữ bí mật danh tính",
    "The petitioner asked to keep their identity from the answering agencies: do not pass on their name, telephone number, address or e-mail; the agencies see only the content.": "Người kiến nghị đề nghị giữ bí mật danh tính với các cơ quan trả lời: không chuyển họ tên, số điện thoại, địa chỉ, thư điện tử của họ; các cơ quan chỉ xem nội dung.",
    "The petitioner asked to keep their identity from the answering agencies. The receiving unit knows who they are and passes on the answer; answer the content.": "Người kiến nghị đề nghị giữ bí mật danh tính với các cơ quan trả lời. Đơn vị tiếp nhận biết người kiến nghị và chuyển câu trả lời cho họ; cơ quan trả lời theo nội dung kiến nghị.",
    "Sent online": "Gửi trực tuyến",
    ("petition intake", "Channel"): "Kênh tiếp nhận",
    "Connected application": "Ứng dụng kết nối",
    "Tracking code": "Mã tra cứu",
    "Notify the citizen by": "Báo tin cho người dân qua",
    "Identity kept from the answering agencies": "Giữ bí mật danh tính với cơ quan trả lời",
    ("identity protected", "Yes"): "Có",
    ("identity protected", "No"): "Không",
    "Consent to the processing of personal data": "Đồng ý xử lý dữ liệu cá nhân",
    "Given on %(d)s at %(t)s": "Ngày %(d)s lúc %(t)s",
    "Purpose agreed to": "Mục đích đã đồng ý",
    "Files attached by the citizen": "Tệp người dân gửi kèm",
    "sent online": "gửi trực tuyến",
    "identity protected": "giữ bí mật danh tính",
    "Sent online by the citizen": "Người dân gửi trực tuyến",
    # --- fields of the foundation's models shown on these pages and in the audit log
    "tracking code": "mã tra cứu",
    "purpose agreed to": "mục đích đã đồng ý",
    "purpose of processing": "mục đích xử lý dữ liệu",
    "consent given at": "thời điểm đồng ý",
    "identity kept from the answering agencies": "giữ bí mật danh tính với cơ quan trả lời",
    "notify the citizen by": "báo tin cho người dân qua",
    "connected application": "ứng dụng kết nối",
    "attached file": "tệp đính kèm",
    "how to take part": "cách tham gia",
    "Shown on the public portal: who may attend, how to register to speak, how to send opinions.": "Hiển thị trên cổng thông tin: ai được dự, cách đăng ký phát biểu, cách gửi ý kiến.",
    "announced on the portal at": "thời điểm công khai trên cổng thông tin",
    "reason for the late announcement": "lý do công khai muộn",
    # --- audit labels and the intake notice of the foundation, read on the staff pages
    "Conference announced on the public portal": "Công khai hội nghị trên cổng thông tin",
    "Conference withdrawn from the public portal": "Gỡ hội nghị khỏi cổng thông tin",
    "Petition sent by a citizen online": "Người dân gửi kiến nghị trực tuyến",
    "A citizen sent a petition online (%(code)s): %(content)s": "Người dân gửi kiến nghị trực tuyến (%(code)s): %(content)s",
    # --- portal/demo.py (printed by load_demo)
    "Try the public tracking page with the demo petition: code {code}, telephone number {phone}.": "Tra cứu thử kiến nghị mẫu trên cổng thông tin: mã {code}, số điện thoại {phone}.",
    "Public portal: {plans} new plans with {conferences} conferences (those to come announced), {petitions} petitions sent online.": "Cổng thông tin: {plans} kế hoạch mới với {conferences} hội nghị (các hội nghị sắp tới đã được công khai), {petitions} kiến nghị gửi trực tuyến.",
    # --- petitions/documents.py
    ("channel in a report", "Sent through connected applications"): "Gửi qua các ứng dụng kết nối",
}

PLURALS = {
    "The latest lawful day was %(d)s: %(n)s day overdue.": [
        "Ngày cuối cùng đúng luật là %(d)s: đã quá hạn %(n)s ngày."
    ],
    "Latest lawful day: %(d)s, %(n)s day left.": ["Ngày cuối cùng đúng luật: %(d)s, còn %(n)s ngày."],
    "%(n)s file, kept with the receiving unit: it may show who sent the petition.": [
        "%(n)s tệp, do đơn vị tiếp nhận lưu giữ: tệp có thể cho biết ai gửi kiến nghị."
    ],
}
