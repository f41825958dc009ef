import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dialogue.core.errors import ServiceError
from dialogue.organisation.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SIGNERS, demo_load
from dialogue.organisation.models import User
from dialogue.petitions.demo import petitions_demo_load
from dialogue.plans.demo import plans_demo_load

MSG_NOT_IN_PRODUCTION = (
    "Dữ liệu mẫu có các tài khoản dùng chung một mật khẩu công khai. Lệnh chỉ chạy khi DEBUG bật, "
    "hoặc thêm --allow-production nếu đây là máy chủ trình diễn."
)


class Command(BaseCommand):
    help = (
        "Load the demo: administrative units (with pre-2025 Thái Nguyên, Bắc Giang, Quảng Ngãi), "
        "the bodies named in the five seed plans, the demo accounts, the five seed plans "
        "with their conferences and tasks, and the petitions raised at those conferences. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="load even with DEBUG off (a demonstration server): the demo password is public",
        )

    def handle(self, *args, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(MSG_NOT_IN_PRODUCTION)
        started = time.monotonic()
        try:
            summary = demo_load()
            admin = User.objects.get(username=DEMO_ACCOUNTS[0].username)
            plans = plans_demo_load(actor=admin)
            petitions = petitions_demo_load(actor=admin)
        except ServiceError as exc:
            raise CommandError(str(exc.message)) from None
        elapsed = time.monotonic() - started
        plans_line = (
            f"{plans['plans']} kế hoạch mẫu, {plans['conferences']} hội nghị, {plans['tasks']} nhiệm vụ mới; "
            f"{petitions['petitions']} ý kiến, kiến nghị mẫu, {petitions['groups']} ý kiến tổng hợp, "
            f"{petitions['answers']} văn bản trả lời mới"
        )
        if not any(summary.values()) and not any(plans.values()) and not any(petitions.values()):
            self.stdout.write(f"Dữ liệu mẫu đã có đủ, không tạo thêm gì ({elapsed:.1f} giây).")
        elif not any(summary.values()):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Dữ liệu mẫu đã có đủ, không tạo thêm gì về đơn vị và tài khoản; "
                    f"đã nạp {plans_line} trong {elapsed:.1f} giây."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã nạp dữ liệu mẫu trong {elapsed:.1f} giây: "
                    f"{summary['admin_units_created']} đơn vị hành chính mới "
                    f"({summary['admin_units_updated']} cập nhật), "
                    f"{summary['units']} cơ quan, tổ chức, thôn mới, "
                    f"{summary['people']} tài khoản mới, {summary['roles']} vai trò mới; "
                    f"{plans_line}."
                )
            )
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for account in DEMO_ACCOUNTS:
            scope = account.scope or "toàn quốc"
            self.stdout.write(f"  {account.username:<18} {account.full_name} — {account.role} — {scope}")
        signers = ", ".join(f"{s.username} ({s.full_name})" for s in DEMO_SIGNERS)
        self.stdout.write(f"Người ký kế hoạch, chưa có vai trò: {signers}.")
