"""Standard content drawn from the seed plans: the order of business (trình tự) of
seeds 002–004 and the preparation timelines of seeds 000, 001 and 003.

This is data in Vietnamese, as officials write it; it is copied into each conference
or template and edited there.
"""

# (title, presenter, minutes)
STANDARD_AGENDA = [
    (
        "Tuyên bố lý do, giới thiệu đại biểu, thành phần tham dự, nội dung chương trình, nội quy hội nghị; "
        "giới thiệu chủ trì, cử thư ký ghi biên bản, phân công bộ phận tổng hợp ý kiến và đăng ký phát biểu",
        "Đại diện Văn phòng",
        10,
    ),
    ("Thông báo mục đích, yêu cầu, chương trình, nội dung hội nghị đối thoại", "Người chủ trì", 5),
    (
        "Báo cáo tóm tắt tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh và những vấn đề quan trọng "
        "của địa phương",
        "Lãnh đạo Ủy ban nhân dân",
        15,
    ),
    (
        "Trình bày báo cáo trả lời các ý kiến, kiến nghị của Nhân dân đã được thu thập, tổng hợp trước hội nghị",
        "Cơ quan tổng hợp",
        20,
    ),
    ("Nhân dân phát biểu ý kiến theo thứ tự đã đăng ký và theo điều hành của người chủ trì", "Đại biểu, Nhân dân", 60),
    (
        "Người chủ trì trả lời hoặc yêu cầu các cơ quan, đơn vị có liên quan báo cáo, giải trình những nội dung "
        "thuộc thẩm quyền",
        "Người chủ trì, lãnh đạo các cơ quan",
        45,
    ),
    ("Nhân dân tiếp tục trao đổi, phát biểu ý kiến sau khi nghe trả lời", "Đại biểu, Nhân dân", 20),
    (
        "Kết luận hội nghị: tiếp thu ý kiến; nội dung đã giải quyết, chưa giải quyết; giao trách nhiệm cho các cơ "
        "quan chức năng và thời hạn giải quyết; chỉ đạo ban hành Thông báo kết luận",
        "Người chủ trì",
        15,
    ),
]

# code: (name, description, [(kind, title, offset in working days, usually done by, legal minimum days)])
BUILTIN_TIMELINES = {
    "commune-dialogue": (
        "Đối thoại cấp xã (Luật 72/2025/QH15, điều 43)",
        "Các mốc theo kế hoạch tổ chức hội nghị đối thoại năm 2026 của Ban Thường vụ Đảng ủy xã Gia Phúc và Luật "
        "Tổ chức chính quyền địa phương 2025, điều 43: thông báo công khai ít nhất 07 ngày trước hội nghị.",
        [
            (
                "collect",
                "Hoàn thành lấy ý kiến, kiến nghị của Nhân dân; thôn gửi phiếu đăng ký phát biểu",
                -19,
                "Ủy ban MTTQ xã, các thôn",
                None,
            ),
            (
                "classify",
                "Phân loại ý kiến, kiến nghị; đề xuất phân công cơ quan chuẩn bị trả lời",
                -16,
                "Ủy ban MTTQ xã",
                None,
            ),
            ("invite", "Hoàn thành nội dung, chương trình, tài liệu; gửi giấy mời", -4, "Văn phòng Đảng ủy", None),
            (
                "announce",
                "Thông báo công khai thời gian, địa điểm, thành phần, nội dung hội nghị",
                -7,
                "Trung tâm Dịch vụ sự nghiệp công xã",
                7,
            ),
            ("answer", "Các cơ quan gửi báo cáo trả lời ý kiến về Văn phòng Đảng ủy", -3, "Ủy ban nhân dân xã", None),
            ("security", "Kế hoạch bảo đảm an ninh, trật tự hội nghị", -3, "Công an xã", None),
            ("conclusion", "Ban hành Thông báo kết luận hội nghị", 7, "Văn phòng Đảng ủy", None),
        ],
    ),
    "province-dialogue": (
        "Đối thoại của Bí thư Tỉnh ủy (theo Kế hoạch 166-KH/TU)",
        "Các mốc theo Kế hoạch số 166-KH/TU năm 2024 của Tỉnh ủy Thái Nguyên, tính theo ngày làm việc trước hội nghị.",
        [
            (
                "collect",
                "Tổng hợp ý kiến, kiến nghị thuộc thẩm quyền của tỉnh và Trung ương gửi Ban Dân vận",
                -25,
                "Thành ủy, Ủy ban MTTQ",
                None,
            ),
            (
                "answer",
                "Các sở, ngành gửi nội dung trả lời bằng văn bản (qua Ban Dân vận)",
                -14,
                "Ban cán sự đảng UBND tỉnh",
                None,
            ),
            ("invite", "Phát hành công văn mời dự hội nghị", -10, "Văn phòng Tỉnh ủy", None),
            ("announce", "Thông tin công khai lịch tổ chức hội nghị", -7, "Thành ủy", 7),
            (
                "dossier",
                "Tổng hợp báo cáo, lập hồ sơ hội nghị báo cáo Thường trực Tỉnh ủy",
                -6,
                "Ban Dân vận Tỉnh ủy",
                None,
            ),
            ("conclusion", "Dự thảo và ban hành Thông báo kết luận", 7, "Ban Dân vận Tỉnh ủy", None),
        ],
    ),
    "monthly-reception": (
        "Đối thoại kết hợp tiếp công dân định kỳ (ngày 15 hằng tháng)",
        "Theo kế hoạch tiếp xúc, đối thoại năm 2024 của Phó Chủ tịch UBND tỉnh Bắc Giang và Quy định 11-QĐi/TW.",
        [
            (
                "classify",
                "Tổng hợp, phân loại ý kiến; giao cơ quan tham mưu, giải quyết",
                -5,
                "Văn phòng UBND tỉnh",
                None,
            ),
            ("invite", "Ban hành giấy mời, chương trình, tài liệu", -3, "Văn phòng UBND tỉnh", None),
            ("answer", "Cơ quan gửi nội dung trả lời", -2, "Các sở, ngành", None),
            ("conclusion", "Ban hành văn bản chỉ đạo, thông báo kết luận", 7, "Văn phòng UBND tỉnh", None),
        ],
    ),
}


def load_builtin_timelines(template_model, step_model) -> None:
    """Create the built-in timelines once; later edits by administrators are kept."""
    for code, (name, description, steps) in BUILTIN_TIMELINES.items():
        template, created = template_model.objects.get_or_create(
            code=code, unit=None, defaults={"name": name, "description": description}
        )
        if not created:
            continue
        for order, (kind, title, offset, hint, minimum) in enumerate(steps, start=1):
            step_model.objects.create(
                template=template,
                order=order,
                kind=kind,
                title=title,
                offset_working_days=offset,
                responsible_hint=hint,
                min_calendar_days_before=minimum,
            )
