"""The unit tree every test cast stands in: Thái Nguyên (Party committee, its Ban Dân vận,
the people's committee and two agencies, the commune of Cao Minh and a village) and one
commune of Hải Phòng for the person outside. Used by conftest's `tree` fixture and by the
authorisation matrix's world (tests/authz_world.py)."""

from types import SimpleNamespace

from dialogue.organisation.factories import make_unit
from dialogue.organisation.kinds import ensure_builtin_kinds
from dialogue.organisation.models import UnitKind


def build_unit_tree() -> SimpleNamespace:
    # A transactional test (browser, live server) flushes what data migrations loaded.
    ensure_builtin_kinds(UnitKind)
    p = make_unit("Tỉnh Thái Nguyên", "province", code="19", short_name="Thái Nguyên")
    tinh_uy = make_unit("Tỉnh ủy Thái Nguyên", "party_committee", p)
    ban_dan_van = make_unit("Ban Dân vận Tỉnh ủy", "party_board", tinh_uy)
    ubnd = make_unit("Ủy ban nhân dân tỉnh Thái Nguyên", "people_committee", p)
    agency_a = make_unit("Sở Nông nghiệp và Môi trường", "agency", ubnd)
    agency_b = make_unit("Sở Xây dựng", "agency", ubnd)
    c = make_unit("Xã Cao Minh", "commune", p, code="01879", short_name="Cao Minh")
    village = make_unit("Thôn Nà Đon", "village", c)
    q = make_unit("Thành phố Hải Phòng", "province", code="31", short_name="Hải Phòng")
    gia_phuc = make_unit("Xã Gia Phúc", "commune", q, code="11050", short_name="Gia Phúc")
    return SimpleNamespace(
        province=p,
        tinh_uy=tinh_uy,
        ban_dan_van=ban_dan_van,
        ubnd=ubnd,
        agency_a=agency_a,
        agency_b=agency_b,
        commune=c,
        village=village,
        other_province=q,
        other_commune=gia_phuc,
    )
