# ruff: noqa: E501
# Vietnamese for the Open311 GeoReport v2 endpoint (dialogue/open311, issue 7).
T = {
    # services and their definitions
    "Land, construction and environment": "Đất đai, xây dựng và môi trường",
    "Economy, infrastructure and agriculture": "Kinh tế, hạ tầng và nông nghiệp",
    "Social affairs, health and education": "Xã hội, y tế và giáo dục",
    "Government, security and order": "Chính quyền, an ninh và trật tự",
    "Other matters": "Vấn đề khác",
    "Opinions, recommendations and reports of citizens about: %(field)s.": "Ý kiến, kiến nghị, phản ánh của người dân về: %(field)s.",
    "Show this text to the citizen and send true only if they agree to it; without agreement the petition cannot be received.": "Hiển thị nội dung này cho người dân và chỉ gửi true khi họ đồng ý; nếu không đồng ý thì không thể tiếp nhận kiến nghị.",
    "I agree": "Tôi đồng ý",
    "I do not agree": "Tôi không đồng ý",
    "Keep my identity from the agencies that answer.": "Giữ kín danh tính của tôi với các cơ quan trả lời.",
    "How the receiving body tells the citizen of the petition's progress: an e-mail needs the email parameter, an SMS a mobile telephone number.": "Cách cơ quan tiếp nhận báo cho người dân biết tiến độ xử lý kiến nghị: gửi thư điện tử cần có tham số email, gửi SMS cần số điện thoại di động.",
    "A key of the application's own for this request, for example a UUID (at most 100 characters). Sending the same request again with the same key creates nothing twice.": "Mã riêng của ứng dụng cho yêu cầu này, ví dụ một UUID (tối đa 100 ký tự). Gửi lại cùng yêu cầu với cùng mã thì không tạo thêm bản ghi nào.",
    "Media sent by the application (not downloaded): %(url)s": "Tệp đa phương tiện do ứng dụng gửi (chưa tải về): %(url)s",
    "Received. The receiving body will tell the citizen by %(date)s whether the petition is accepted; follow it with the code %(code)s.": "Đã tiếp nhận. Chậm nhất ngày %(date)s, cơ quan tiếp nhận sẽ báo cho người dân biết kiến nghị có được tiếp nhận hay không; theo dõi bằng mã %(code)s.",
    # refusals
    "This api_key may not send petitions to this province or commune.": "Khóa api_key này không được gửi kiến nghị đến tỉnh, xã này.",
    "Give the location: lat and long, address_string or address_id.": "Hãy cho biết vị trí: lat và long, address_string hoặc address_id.",
    "lat and long are sent together as numbers in WGS84 degrees (latitude from −90 to 90, longitude from −180 to 180).": "lat và long được gửi cùng nhau, là số độ theo hệ WGS84 (vĩ độ từ −90 đến 90, kinh độ từ −180 đến 180).",
    "The description is longer than 4,000 characters.": "Nội dung mô tả dài hơn 4.000 ký tự.",
    "Agree to the processing of your personal data (attribute[consent]=true); without it the petition cannot be sent.": "Hãy đồng ý cho xử lý dữ liệu cá nhân của bạn (attribute[consent]=true); nếu không đồng ý thì không thể gửi kiến nghị.",
    "attribute[%(code)s] takes one of: %(values)s.": "attribute[%(code)s] chỉ nhận một trong các giá trị: %(values)s.",
    "attribute[request_key] is at most 100 characters.": "attribute[request_key] dài tối đa 100 ký tự.",
    "The e-mail address is not valid.": "Địa chỉ thư điện tử không hợp lệ.",
    "media_url is an http or https address of at most 500 characters.": "media_url phải là địa chỉ http hoặc https, dài tối đa 500 ký tự.",
    "%(name)s is a date and time in ISO 8601, for example 2026-11-01T00:00:00+07:00.": "%(name)s là ngày giờ theo ISO 8601, ví dụ 2026-11-01T00:00:00+07:00.",
    "start_date comes before end_date.": "start_date phải trước end_date.",
    "start_date and end_date may be at most 90 days apart.": "start_date và end_date cách nhau tối đa 90 ngày.",
    "status takes open, closed or both, separated by a comma.": "status nhận open, closed hoặc cả hai, cách nhau bằng dấu phẩy.",
    "Send the api_key of your application to submit a request.": "Hãy gửi kèm api_key của ứng dụng để gửi yêu cầu.",
    "The api_key is not valid: it is unknown, revoked or expired.": "Khóa api_key không hợp lệ: không tồn tại, đã bị thu hồi hoặc đã hết hạn.",
    "This api_key may not send petitions: its account has no role that receives petitions.": "Khóa api_key này không được gửi kiến nghị: tài khoản của khóa không có vai trò tiếp nhận kiến nghị.",
    "Give the jurisdiction_id: the official code of the province or commune.": "Hãy cho biết jurisdiction_id: mã chính thức của tỉnh hoặc xã.",
    "No province or commune has the code “%(code)s”.": "Không có tỉnh, xã nào có mã “%(code)s”.",
    "Give the service_code (one of services.json).": "Hãy cho biết service_code (một mã trong services.json).",
    "There is no service with the code “%(code)s”.": "Không có dịch vụ nào có mã “%(code)s”.",
    "There is no service request “%(code)s”.": "Không có yêu cầu dịch vụ “%(code)s”.",
    "Send the request form-encoded (Content-Type: application/x-www-form-urlencoded).": "Hãy gửi yêu cầu dưới dạng biểu mẫu (Content-Type: application/x-www-form-urlencoded).",
    "Too many requests from this application or address; try again in %(minutes)s minutes.": "Quá nhiều yêu cầu từ ứng dụng hoặc địa chỉ này; hãy thử lại sau %(minutes)s phút.",
    "This address does not accept the %(method)s method.": "Địa chỉ này không nhận phương thức %(method)s.",
    "There is nothing at this address. Open311 addresses end in .json or .xml, e.g. services.json.": "Không có tài nguyên nào ở địa chỉ này. Địa chỉ Open311 kết thúc bằng .json hoặc .xml, ví dụ services.json.",
    # discovery
    "Ask the office of the Party committee or the People's Committee of the province or commune that runs this system.": "Hãy liên hệ Văn phòng cấp ủy hoặc Văn phòng Ủy ban nhân dân của tỉnh, xã vận hành hệ thống này.",
    "The system administrator issues a key on the API keys page (/api-keys/) to an account of the application that holds a role receiving petitions over the province or commune it serves.": "Quản trị hệ thống cấp khóa trên trang Khóa API (/api-keys/) cho tài khoản của ứng dụng; tài khoản này giữ vai trò tiếp nhận kiến nghị tại tỉnh hoặc xã mà ứng dụng phục vụ.",
    # audit log
    "Service request received from a connected application (Open311)": "Yêu cầu dịch vụ nhận từ ứng dụng kết nối (Open311)",
}
# Strings of the public intake (dialogue/petitions/public.py, models) that Open311 answers
# carry: the consent text of the service definition, the stages in status_notes, the
# intake's refusals.
T.update(
    {
        "Yes": "Có",
        "No": "Không",
        "Received, being classified": "Đã tiếp nhận, đang phân loại",
        "Accepted for an answer": "Đã tiếp nhận để trả lời",
        "Forwarded to the competent body": "Đã chuyển đến cơ quan có thẩm quyền",
        "Assigned to an agency to answer": "Đã giao cơ quan trả lời",
        "Being resolved": "Đang giải quyết",
        "Not accepted": "Không được tiếp nhận",
        "I agree that the receiving body processes my name, telephone number, address and e-mail address only to receive, classify and answer this petition, to tell me of its progress and to ask whether I am satisfied with the result. My data is not published: public pages show my name as initials and never my telephone number or address. I may ask to see, correct or erase my data where the law allows.": "Tôi đồng ý để cơ quan tiếp nhận xử lý họ tên, số điện thoại, địa chỉ và địa chỉ thư điện tử của tôi chỉ nhằm tiếp nhận, phân loại và trả lời kiến nghị này, thông báo cho tôi tiến độ xử lý và hỏi tôi có hài lòng với kết quả hay không. Dữ liệu của tôi không được công khai: các trang công khai chỉ hiển thị tên tôi dưới dạng chữ cái đầu, không bao giờ hiển thị số điện thoại hay địa chỉ của tôi. Tôi có thể yêu cầu xem, sửa hoặc xóa dữ liệu của mình trong phạm vi pháp luật cho phép.",
        "The receiving body still sees your name and contact details, to answer you; the agencies that answer see only the content. A denunciation (tố cáo) is protected under the Law on Denunciations in any case.": "Cơ quan tiếp nhận vẫn biết họ tên và thông tin liên hệ của bạn để trả lời bạn; các cơ quan trả lời chỉ thấy nội dung. Trong mọi trường hợp, người tố cáo được bảo vệ theo Luật Tố cáo.",
        "Tick the box to agree to the processing of your personal data; without it the petition cannot be sent.": "Hãy đánh dấu đồng ý cho xử lý dữ liệu cá nhân của bạn; nếu không đồng ý thì không thể gửi kiến nghị.",
        "Enter your full name.": "Hãy nhập họ và tên.",
        "Enter a telephone number: you will need it with the tracking code to follow your petition.": "Hãy nhập số điện thoại: bạn sẽ cần số này cùng mã theo dõi để theo dõi kiến nghị.",
        "Enter an e-mail address to be notified by e-mail.": "Hãy nhập địa chỉ thư điện tử để nhận thông báo qua thư điện tử.",
        "SMS notices need a mobile number.": "Nhận thông báo qua SMS cần số điện thoại di động.",
        "Choose the province or commune whose body should receive the petition.": "Hãy chọn tỉnh hoặc xã có cơ quan tiếp nhận kiến nghị.",
        "Connected application (Open311)": "Ứng dụng kết nối (Open311)",
        "Connected application": "Ứng dụng kết nối",
        "Do not notify me": "Không cần thông báo",
    }
)
