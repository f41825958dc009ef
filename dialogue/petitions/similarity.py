"""Finding the same matter raised twice: twins in one conference, repeats across years.

Citizens write with or without diacritics, in a few words or a paragraph, with
abbreviations (“UBND”, “GCNQSDĐ”) or everyday names (“sổ đỏ”). Petitions about the same
kind of problem in two different villages look almost identical to a string matcher
(“đường liên thôn Nà Đon xuống cấp” / “đường liên thôn Khuổi Phìn xuống cấp”), so the
score has two parts:

1. text similarity of the *signatures* (folded, punctuation and filler words removed,
   abbreviations and common synonyms mapped to one token): rapidfuzz `token_set_ratio`
   (insensitive to word order and to a short text against a long one), averaged over
   all words and over the words left once names are taken out (what the petition is
   about), so two different problems in the same village do not match on its name;
2. a factor for names: places after a marker (thôn, xóm, bản, tổ, xã, phường, …), roads
   (QL37, ĐT264) and capitalised names (people, villages, schools, companies). When both
   texts name something and nothing agrees the score is halved; agreeing only on the
   xã or phường softens that a little.

Evaluated on 90 labelled pairs (tests/test_similarity.py); character n-gram TF-IDF,
WRatio and token_sort were tried and were not better, and TF-IDF needs a fitted corpus
that a pairwise `similarity(a, b)` does not have.

Pure Python: no database, no Django models. `signature` is stored on each petition;
`candidate_terms` gives the caller a few words to pre-filter with SQL ``LIKE`` so that
`rank_similar` only scores a short list.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from dialogue.lib.text import fold

# Chosen on the labelled pairs in tests/test_similarity.py: the lowest duplicate scores
# 0.705, every “same problem, elsewhere” pair scores at most 0.64, and the two negatives
# above it are the same place or company with a different problem in few words.
DUPLICATE_THRESHOLD = 0.70
# Weight of all words against the words without names in the text part of the score.
MIX_ALL = 0.5

# ---------------------------------------------------------------- vocabulary


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Filler that says nothing about the matter. Written with diacritics: a token typed with
# diacritics is dropped only if it is one of these (so “đê”, “chợ”, “trồng” survive), a
# token typed without diacritics only if its folded form is in STOP_WORDS.
_STOP_ACCENTED = _words(
    """
và của các những nhưng để về việc tại trong cho với được đã đang sẽ là này đó thì mà nên vì do bị
rất cũng còn nhiều một hiện nay đến theo như khi ra trên ở sớm xin kính gửi hoặc hay chưa không có
ông bà anh chị em họ tôi chúng nhằm cần phải nữa lắm vẫn hết luôn từng mỗi ạ từ
"""
)

# Multi-word filler, matched on folded text. “nghị”, “kiến”, “cử”, “tri” are dropped only as
# parts of these phrases: alone they are also “hội nghị”, “điều kiện”, “dân cư”, “vị trí”.
_STOP_PHRASES = """
de nghi|kien nghi|y kien|cu tri|de xuat|phan anh|nhan dan|nguoi dan|ba con|xem xet|quan tam|tiep tuc|
kip thoi|khan truong|thuc hien|dam bao|doi voi|tren dia ban|dia ban|tinh trang|van de|hien nay|den nay|
co quan chuc nang|nganh chuc nang|cac nganh|cac cap|co tham quyen|chi dao|dong chi|kinh gui|hien tai|
lien quan|mot so|tao dieu kien|nhieu lan|nhieu nam|dut diem|giai quyet|som|kiem tra
""".replace("\n", "").split("|")

STOP_WORDS: frozenset[str] = frozenset(
    {fold(word) for word in _STOP_ACCENTED} - {"thi", "cung", "den", "o", "kinh", "chua", "ong", "ba"}
) | frozenset(p.strip() for p in _STOP_PHRASES if p.strip())

# Abbreviations and everyday names mapped to one token (folded phrase -> canonical token).
_CANONICAL = {
    "uy ban nhan dan": "ubnd",
    "hoi dong nhan dan": "hdnd",
    "mat tran to quoc": "mttq",
    "giay chung nhan quyen su dung dat": "gcnqsdd",
    "giay chung nhan qsdd": "gcnqsdd",
    "giay chung nhan qsd dat": "gcnqsdd",
    "giay cnqsdd": "gcnqsdd",
    "gcn qsdd": "gcnqsdd",
    "gcnqsd": "gcnqsdd",
    "cnqsdd": "gcnqsdd",
    "giay chung nhan": "gcnqsdd",
    "gcn": "gcnqsdd",
    "so do": "gcnqsdd",
    "so hong": "gcnqsdd",
    "bia do": "gcnqsdd",
    "quyen su dung dat": "qsdd",
    "giai phong mat bang": "gpmb",
    "den bu": "boi thuong",
    "bao hiem y te": "bhyt",
    "bao hiem xa hoi": "bhxh",
    "nong thon moi": "ntm",
    "to dan pho": "tdp",
    "hop tac xa": "htx",
    "nha van hoa": "nvh",
    "tai dinh cu": "tdc",
    "thanh nien xung phong": "tnxp",
    "thanh pho": "tp",
    "trung hoc co so": "thcs",
    "trung hoc pho thong": "thpt",
    "xuong cap": "huhong",
    "hu hong": "huhong",
    "hu hai": "huhong",
    "hong hoc": "huhong",
    "dot nat": "huhong",
    "sua chua": "suachua",
    "nang cap": "suachua",
    "cai tao": "suachua",
    "tu sua": "suachua",
    "tu bo": "suachua",
    "nuoc sach": "nuocsach",
    "nuoc sinh hoat": "nuocsach",
    "dien luoi": "dienluoi",
    "luoi dien": "dienluoi",
    "dien sinh hoat": "dienluoi",
    "duong day dien": "dienluoi",
    "duong dien": "dienluoi",
    "song dien thoai di dong": "songdd",
    "song dien thoai": "songdd",
    "song di dong": "songdd",
    "phu song": "songdd",
    "tram phat song": "songdd",
    "ta luy": "taluy",
    "ngap ung": "ngap",
    "quoc lo": "ql",
    "tinh lo": "dt",
    "duong tinh": "dt",
}
_CANONICAL_TOKENS = frozenset(_CANONICAL.values()) | {"ql", "dt"}

# Words that introduce a place, with the kind of name that follows them. A token typed with
# diacritics must match the accented form (so “bán”, “tờ” and “xa” are not markers); a
# token without diacritics matches the folded one.
_MARKERS = {
    "thôn": "thon",
    "xóm": "xom",
    "bản": "ban",
    "làng": "lang",
    "ấp": "ap",
    "tổ": "to",
    "tdp": "to",
    "khối": "khoi",
    "khu": "khu",
    "xã": "xa",
    "phường": "phuong",
    "huyện": "huyen",
    "tỉnh": "tinh",
    "tp": "tp",
}
_MARKERS_FOLDED = {fold(k): v for k, v in _MARKERS.items() if fold(k) not in {"ban", "to", "tinh"}}
_NUMBER_ONLY = frozenset({"to", "khu"})  # in text without capitals “tổ 7”, “khu 3”: the name is a number
_ROAD = re.compile(r"^(ql|dt)(\d+[a-z]?)$")
_BROAD_KINDS = frozenset({"xa", "phuong", "huyen", "tinh", "tp"})
_SENTENCE_BREAK = re.compile(r"[.!?;:(\n\u2013\u2014]|\s-\s")

# Generic words that head a proper name and are not part of it (“Trường Tiểu học Tân Trào”,
# “Đường Nguyễn Văn Cừ”, “Sở Y tế”, “Công ty …”).
_NAME_HEADS = _words(
    """
truong duong cong ty cau cho dap tram benh vien nha may khu song suoi ho kenh muong hoc tieu mam non trung
thcs thpt dai lo pho ngo hem nui deo so bo phong cuc chi toa doan hoi uy ban dang
"""
)

# Frequent syllables of Vietnamese administrative and petition text, most frequent first
# (document frequency ≥ 6 among the 1,133 paragraphs of the five seed plans, the published
# petitions sample and the triage vocabulary), plus the canonical tokens above. They are
# poor pre-filter terms: ``LIKE '%thon%'`` matches half of any province.
_FREQUENT = _words(
    """
dan dung xa doi hoi cac cua cong va nghi nhan uy ban co quan chuc thoai de tinh to dang van chi thu tiep voi bao
dong chinh bo kien cap truc thuc so bi tu dat dia noi tai truong hop vu xay dao tham nam nhung thong phong thanh
quyen hien tri cho thuong thi giai ve trong chu xuc tren an quyet lien do dai duong cao can phan du dinh ho phuong
thon nha nhiem vi nguoi quy thoi dien pho viec don giao mat nghiep dau lam te gia cu hoach phat kinh ket nuoc qua
nguyen vien trinh hanh loi san moi ly tam xuat quoc thai su den ubnd tac nang thuoc tra ngay da trung luan tro tran
trien doanh theo gian lai ke lanh sach muu phoi cau diem bieu chuan luong phap dam khai tich duoc thang trach hinh
hoa tuyen chua the nong truoc di che dieu sau khan binh doan khi chuyen kho tien trang chat hdnd tang hoat he sinh
phu tong toan phuc huyen ninh chung day ha hoc lo dich nghe vuong minh vao mot trat tuc long khu giua cuu song bang
nghia nay truyen bien tuong tin ky giay mac sat anh pham uong la ca khong viet muc gop hoac lang kip tap giup hieu
gui ra huong thieu phi benh boi nhu luat thuan thiet giam duc xu vat chuong thao tieu hang gay rac vong ma danh khac
lan xem som yeu toi kiem bat xet gioi hoan thue phep cuong cung khoang luu cuoc tao sua lieu hy na chiem rung ngu
huy nganh lua mttq chien neu tung biet luc bac mo cham tru thac si cam con cay thuy vuc than tuan tot lich doc trao
nhat nhieu tram xom nhap sap ba lao mua ty liet hiem no qd nghien linh ii thap buc lap toc khoi dua han xe le nan
sang suc may chan tuoi nuoi thoat thua
"""
) | _CANONICAL_TOKENS - {"gcnqsdd", "gpmb", "tdc", "tnxp", "bhyt", "bhxh", "songdd", "taluy"}

_TOKEN = re.compile(r"[^\W_]+")


def _phrase_index() -> dict[str, tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...]]:
    """First folded word -> (length, words, replacement) for every phrase, longest first."""
    index: dict[str, list[tuple[int, tuple[str, ...], tuple[str, ...]]]] = {}
    phrases = [(p, ()) for p in STOP_WORDS if " " in p] + [(p, tuple(c.split())) for p, c in _CANONICAL.items()]
    for phrase, replacement in phrases:
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((len(words), words, replacement))
    return {first: tuple(sorted(entries, reverse=True)) for first, entries in index.items()}


_PHRASES_BY_FIRST = _phrase_index()
_fold_word = lru_cache(maxsize=65536)(fold)

# ---------------------------------------------------------------- analysis


@dataclass(frozen=True)
class _Token:
    accented: str  # lower case, with diacritics
    plain: str  # folded
    capital: bool = False  # typed with a capital initial (a proper name in cased text)
    sentence_start: bool = False
    canonical: bool = False  # produced by _CANONICAL, never filler nor part of a name


@dataclass(frozen=True)
class _Analysis:
    tokens: tuple[str, ...]  # folded, filler removed, canonical tokens
    places: frozenset[tuple[str, str]]  # (kind, folded name); kind "name" for unmarked proper names
    place_terms: tuple[str, ...]  # the same names as they appear in the signature (“na don”, “to 7”, “ql37”)
    matter: tuple[str, ...]  # tokens without the names: what the petition is about


def _raw_tokens(text: str) -> tuple[list[_Token], bool]:
    """Tokens, and whether capitals can be trusted (text neither all lower case nor all capitals)."""
    text = unicodedata.normalize("NFC", text or "").replace("Ð", "Đ").replace("ð", "đ")
    tokens = []
    previous_end = 0
    for found in _TOKEN.finditer(text):
        word = found.group()
        between = text[previous_end : found.start()]
        start = not tokens or bool(_SENTENCE_BREAK.search(between))
        previous_end = found.end()
        lower = word.lower()
        capital = word[0].isupper() and not (len(word) > 1 and word.isupper())
        tokens.append(_Token(lower, _fold_word(lower), capital, start))
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    cased = bool(letters) and upper < 0.6 * len(letters) and any(t.capital and not t.sentence_start for t in tokens)
    return tokens, cased


def _canonicalise(tokens: list[_Token]) -> list[_Token]:
    """Replace known phrases and drop multi-word filler."""
    out: list[_Token] = []
    folded = [t.plain for t in tokens]
    i = 0
    while i < len(tokens):
        for size, words, replacement in _PHRASES_BY_FIRST.get(folded[i], ()):
            if tuple(folded[i : i + size]) == words:
                out.extend(_Token(part, part, canonical=True) for part in replacement)
                i += size
                break
        else:
            token = tokens[i]
            if token.plain in _CANONICAL_TOKENS:
                token = _Token(token.plain, token.plain, canonical=True)
            out.append(token)
            i += 1
    # “ql 3”, “QL.37”, “đường tỉnh 264” -> one road token
    merged: list[_Token] = []
    for token in out:
        if merged and merged[-1].plain in ("ql", "dt") and token.plain[:1].isdigit():
            road = merged.pop().plain + token.plain
            merged.append(_Token(road, road, canonical=True))
        else:
            merged.append(token)
    return merged


def _is_stop(token: _Token) -> bool:
    if token.canonical or (token.capital and not token.sentence_start):  # a name: “bà Ma Thị Lan”
        return False
    if token.accented != token.plain:  # typed with diacritics: trust them
        return token.accented in _STOP_ACCENTED
    return token.plain in STOP_WORDS


def _marker_kind(token: _Token) -> str | None:
    if token.canonical and token.plain not in ("tp", "tdp"):
        return None
    if token.accented != token.plain:
        return _MARKERS.get(token.accented)
    return _MARKERS_FOLDED.get(token.plain) or _MARKERS.get(token.plain)


def _names_cased(kept: list[_Token]) -> list[tuple[str, list[int]]]:
    """Proper names in properly cased text: runs of capitalised words, with the kind given
    by a marker just before the run or at its head (“thôn Nà Đon”, “Bản Nặm Cằm”)."""
    found: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(kept):
        token = kept[i]
        kind = _marker_kind(token)
        if kind and i + 1 < len(kept) and kept[i + 1].plain.isdigit():
            found.append((kind, [i + 1]))
            i += 2
            continue
        if not token.capital or token.canonical:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(kept) and kept[j].capital and not kept[j].canonical and not kept[j].sentence_start:
            run.append(j)
            j += 1
        if j < len(kept) and kept[j].plain.isdigit() and not kept[j].sentence_start:
            run.append(j)  # “Trung Việt 1”, “Viên Châu 2”
            j += 1
        before = _marker_kind(kept[i - 1]) if i > 0 and not token.sentence_start else None
        head = run
        # “Thôn Khuổi Phìn”, “Trường Mầm non Khâu Tinh”: drop the heading word; after a
        # marker the whole run is the name (“thôn Làng Mới”, “xã Trường Xuân”).
        while not before and len(head) > 1 and (_marker_kind(kept[head[0]]) or kept[head[0]].plain in _NAME_HEADS):
            before = _marker_kind(kept[head[0]])
            head = head[1:]
        # One capitalised word is a name only after a marker (“thôn Mới”): alone it is
        # usually a sentence start or an honorific capital (“Nhà nước”, “Đảng”, “Sở Y tế”).
        if len(head) >= 2 or (head and before and kept[head[0]].plain not in _NAME_HEADS):
            found.append((before or "name", head))
        i = j
    return found


def _names_uncased(kept: list[_Token]) -> list[tuple[str, list[int]]]:
    """In text without usable capitals: the number or the two words after a place marker."""
    found: list[tuple[str, list[int]]] = []
    for i, token in enumerate(kept):
        kind = _marker_kind(token)
        if not kind:
            continue
        if i + 1 < len(kept) and kept[i + 1].plain.isdigit():
            found.append((kind, [i + 1]))
            continue
        if kind in _NUMBER_ONLY:
            continue
        name = []
        for j in range(i + 1, min(i + 3, len(kept))):
            if kept[j].canonical or _marker_kind(kept[j]) or kept[j].plain.isdigit():
                break
            name.append(j)
        if name:
            found.append((kind, name))
    return found


@lru_cache(maxsize=4096)
def _analyse(text: str) -> _Analysis:
    raw, cased = _raw_tokens(text)
    kept = [t for t in _canonicalise(raw) if not _is_stop(t)]
    places: set[tuple[str, str]] = set()
    terms: list[str] = []
    in_names: set[int] = set()
    for token in kept:
        if _ROAD.match(token.plain):
            places.add(("road", token.plain))
            terms.append(token.plain)
    for kind, positions in _names_cased(kept) if cased else _names_uncased(kept):
        name = " ".join(kept[p].plain for p in positions)
        places.add((kind, name))
        in_names.update(positions)
        marker = kept[positions[0] - 1].plain if positions[0] > 0 and _marker_kind(kept[positions[0] - 1]) else ""
        if marker and (kind in _BROAD_KINDS or len(positions) == 1):
            terms.append(f"{marker} {name}")  # “to 7”, “xa cao minh”, “ban me”
        else:
            terms.append(name)
    tokens = tuple(t.plain for t in kept)
    matter = tuple(t.plain for i, t in enumerate(kept) if i not in in_names)
    return _Analysis(tokens, frozenset(places), tuple(terms), matter)


def signature(text: str) -> str:
    """Folded words of the matter, filler removed: “Đề nghị cấp sổ đỏ cho thôn Nà Đon” -> “cap gcnqsdd thon na don”."""
    return " ".join(_analyse(text or "").tokens)


def _same_name(x: str, y: str) -> bool:
    """“ha thuong” and “khoang san ha thuong” name the same thing; “na don” and “na lung” do not."""
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return f" {short} " in f" {long} "


def _place_factor(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> float:
    """1.0 when the places agree or only one side names them; lower when they differ."""
    specific_a = [n for k, n in a if k not in _BROAD_KINDS]
    specific_b = [n for k, n in b if k not in _BROAD_KINDS]
    broad_a = {(k, n) for k, n in a if k in _BROAD_KINDS}
    broad_b = {(k, n) for k, n in b if k in _BROAD_KINDS}
    agree_specific = any(_same_name(x, y) for x in specific_a for y in specific_b)
    conflict_specific = bool(specific_a and specific_b) and not agree_specific
    for kind in {k for k, _ in a if k not in _BROAD_KINDS} & {k for k, _ in b if k not in _BROAD_KINDS}:
        names_a = [n for k, n in a if k == kind]
        names_b = [n for k, n in b if k == kind]
        if not any(_same_name(x, y) for x in names_a for y in names_b):
            conflict_specific = True
    kinds = {k for k, _ in broad_a} & {k for k, _ in broad_b}
    agree_broad = bool(broad_a & broad_b)
    conflict_broad = any(
        not ({n for k, n in broad_a if k == kind} & {n for k, n in broad_b if k == kind}) for kind in kinds
    )
    if conflict_specific:
        return 0.65 if agree_specific else 0.55 if agree_broad else 0.5
    if conflict_broad:
        return 0.8 if agree_specific else 0.6
    return 1.0


def _text_score(x: tuple[str, ...], y: tuple[str, ...]) -> float:
    if not x or not y:
        return 0.0
    sx, sy = " ".join(x), " ".join(y)
    if sx == sy:
        return 1.0
    return fuzz.token_set_ratio(sx, sy) / 100


def similarity(a: str, b: str) -> float:
    """0..1, symmetric, accent-insensitive; ≥ DUPLICATE_THRESHOLD means “probably the same matter”."""
    if (a or "") > (b or ""):
        a, b = b, a
    first, second = _analyse(a or ""), _analyse(b or "")
    if not first.tokens or not second.tokens:
        return 0.0
    text = MIX_ALL * _text_score(first.tokens, second.tokens) + (1 - MIX_ALL) * _text_score(
        first.matter or first.tokens, second.matter or second.tokens
    )
    return round(text * _place_factor(first.places, second.places), 4)


@dataclass(frozen=True)
class Match:
    key: Hashable
    score: float


def rank_similar(
    text: str,
    candidates: Iterable[tuple[Hashable, str]],
    *,
    limit: int = 10,
    threshold: float = DUPLICATE_THRESHOLD,
) -> list[Match]:
    """The candidates scoring at least `threshold`, best first (ties in the order given)."""
    if not _analyse(text or "").tokens:
        return []
    matches = []
    for key, other in candidates:
        score = similarity(text, other or "")
        if score >= threshold:
            matches.append(Match(key, score))
    matches.sort(key=lambda m: -m.score)
    return matches[:limit]


def candidate_terms(text: str, n: int = 6) -> list[str]:
    """Up to `n` strings found in `signature(text)`, most selective first, to pre-filter
    candidates with ``signature LIKE '%term%'`` (any of them): place and person names
    (“na don”, “to 7”, “ql37”), then words that are rare in petitions, then pairs of
    adjacent words. Frequent single words are never returned, so the filter stays narrow;
    a text with nothing else gives its adjacent pairs."""
    analysis = _analyse(text or "")
    names = sorted(
        {t for t in analysis.place_terms if len(t) >= 4 or _ROAD.match(t)},
        key=lambda t: (t.split()[0] in _BROAD_KINDS, -len(t)),
    )
    terms = list(names)
    covered = {word for term in names for word in term.split()}
    # Single words of three letters or fewer match inside longer ones (“ong” in “thong”).
    rare = [t for t in dict.fromkeys(analysis.matter) if t not in _FREQUENT and len(t) >= 4 and not t.isdigit()]
    terms.extend(sorted((t for t in rare if t not in covered), key=lambda t: -len(t)))
    if len(terms) < n:
        words = analysis.tokens
        pairs = [
            (sum(w in _FREQUENT for w in (x, y)), f"{x} {y}")
            for x, y in itertools.pairwise(words)
            if x != y and not (x.isdigit() or y.isdigit())
        ]
        for frequent, pair in sorted(dict.fromkeys(pairs), key=lambda fp: fp[0]):
            if frequent == 2 and len(terms) >= 2:
                break
            if not any(pair in t for t in terms):
                terms.append(pair)
    return terms[:n]
