# Vietnamese for the names of the apps (shown in the admin) added with issue 6.
T = {
    "Follow-up of directives and petitions": "Theo dõi thực hiện nhiệm vụ và kiến nghị",
    "Reminders and messages": "Nhắc việc và tin nhắn",
    "Statistics and periodic reports": "Thống kê và báo cáo định kỳ",
    "Conference dossiers": "Hồ sơ hội nghị",
}
