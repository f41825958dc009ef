# ruff: noqa: E501
# Vietnamese for the names of the apps (shown in the admin) added with issue 6.
T = {
    "Follow-up of directives and petitions": "Theo dõi thực hiện nhiệm vụ và kiến nghị",
    "Reminders and messages": "Nhắc việc và tin nhắn",
    "Statistics and periodic reports": "Thống kê và báo cáo định kỳ",
    "Conference dossiers": "Hồ sơ hội nghị",
}
T.update(
    {
        "Needs follow-up until (empty: the answer settles the matter)": "Cần theo dõi thực hiện đến ngày (để trống: câu trả lời đã giải quyết xong vụ việc)",
        "; follow-up of {directives} directives with {updates} progress updates and {escalations} recommendations to the higher level": "; theo dõi thực hiện {directives} nhiệm vụ với {updates} lần cập nhật tiến độ và {escalations} kiến nghị lên cấp trên",
    }
)
T.update(
    {
        "Follow-up: progress update posted": "Theo dõi: cập nhật tiến độ",
        "Follow-up: result reported": "Theo dõi: báo cáo kết quả",
        "Follow-up: result accepted": "Theo dõi: chấp nhận kết quả",
        "Follow-up: result sent back": "Theo dõi: trả lại kết quả",
        "Follow-up: matter closed": "Theo dõi: kết thúc theo dõi vụ việc",
        "Follow-up: forwarded to the higher level": "Theo dõi: kiến nghị lên cấp trên",
        "Follow-up: answer of the higher level recorded": "Theo dõi: ghi nhận trả lời của cấp trên",
        "Follow-up: matter reopened": "Theo dõi: mở lại vụ việc",
        "Follow-up: due date changed": "Theo dõi: thay đổi thời hạn",
        "Follow-up: petitioner's assessment": "Theo dõi: đánh giá của người kiến nghị",
        "Follow-up of a petition group started": "Bắt đầu theo dõi nhóm ý kiến",
        "Follow-up state of a petition group brought in line with its directives": "Cập nhật trạng thái theo dõi của nhóm ý kiến theo các nhiệm vụ",
    }
)
