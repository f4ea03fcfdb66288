"""Vietnamese text helpers: diacritic-free search keys and a sort key in Vietnamese order.

Both are stored in indexed columns beside the names they come from, so that search and sorting
behave the same on SQLite and PostgreSQL, whatever collation the database was created with.
"""

import re
import unicodedata

# The Vietnamese alphabet in dictionary order; letters outside it (f, j, w, z) and digits are
# placed where ASCII order puts them relative to their neighbours.
_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"": "0", "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_BASE_MARKS = {"\u0306": "ă", "\u0302": "^", "\u031b": "'"}  # breve, circumflex, horn
_WITH_MARK = {
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư",
}
_RANK = {ch: f"{i:02d}" for i, ch in enumerate(_ALPHABET)}
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip every diacritic (đ becomes d): "Xã Bảo Ái" -> "xa bao ai".

    Runs of punctuation and spaces become one space, so the result is also a good search key.
    """
    if not text:
        return ""
    text = text.replace("Đ", "d").replace("đ", "d").lower()
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


def _letters(text: str):
    """Yield (letter, tone) pairs of ``text`` with the letter's own marks folded into it."""
    for cluster in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text.lower()), re.DOTALL):
        base, marks = cluster[0], cluster[1:]
        tone = ""
        for mark in marks:
            if mark in _TONES:
                tone = mark
            elif (base, mark) in _WITH_MARK:
                base = _WITH_MARK[(base, mark)]
        yield base, tone


def sort_key(text: str) -> str:
    """A key that sorts strings in Vietnamese dictionary order under plain byte comparison.

    Primary: letters in the order a ă â b c d đ e ê ... (đ after d), numbers by value ("Phường 2"
    before "Phường 10"), a shorter word before a longer one ("Ba" before "Ba Vì"); secondary: tones
    in the order ngang, huyền, hỏi, ngã, sắc, nặng. Only ASCII digits are used, so every database
    collation agrees with byte order on it.
    """
    primary: list[str] = []
    tones: list[str] = []
    number = ""

    def flush_number():
        nonlocal number
        if number:
            primary.append("4" + number[-9:].zfill(9))
            number = ""

    for letter, tone in _letters(text or ""):
        if letter.isdigit() and letter.isascii():
            number += letter
            continue
        flush_number()
        rank = _RANK.get(letter)
        if rank is None or letter.isdigit():
            if primary and primary[-1] != "1":
                primary.append("1")  # word separator: sorts before any letter or number
            continue
        primary.append("5" + rank)
        tones.append(_TONES.get(tone, "0"))
    flush_number()
    while primary and primary[-1] == "1":
        primary.pop()
    return ("".join(primary) + "0" + "".join(tones))[:250]


def search_terms(query: str) -> list[str]:
    """Split a user's query into folded words: "  Bảo  Ái " -> ["bao", "ai"]."""
    return [word for word in fold(query).split(" ") if word]


# Abbreviations used in the names of the network's bodies; a name that has one is also found by the words.
ABBREVIATIONS = {
    "mttq": "mat tran to quoc", "ubmttq": "uy ban mat tran to quoc", "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan", "tncs": "thanh nien cong san", "hlhpn": "hoi lien hiep phu nu",
    "ccb": "cuu chien binh", "ldld": "lien doan lao dong", "bdv": "ban dan van",
    "btgdv": "ban tuyen giao va dan van", "qcdc": "quy che dan chu", "dvk": "dan van kheo",
}


def folded_key(*parts: str) -> str:
    """The stored search key: folded words with a leading space, so that ``contains(" " + word)``
    matches word prefixes ("bao ai" finds "Xã Bảo Ái" but not "Xã Thái Bảo"). Known abbreviations
    are followed by their words ("MTTQ" is also found by "mat tran")."""
    words = fold(" ".join(p for p in parts if p)).split(" ")
    expanded = [w for word in words for w in ([word, ABBREVIATIONS[word]] if word in ABBREVIATIONS else [word])]
    return " " + " ".join(w for w in expanded if w)


def search_filter(queryset, query: str, field: str = "name_folded"):
    """Narrow ``queryset`` to rows whose ``field`` (a ``folded_key``) has every word of ``query`` as a
    word prefix."""
    for word in search_terms(query):
        queryset = queryset.filter(**{f"{field}__contains": f" {word}"})
    return queryset


LEVEL_ORDER = ("province", "district", "commune")


def level_rank(field: str = "level"):
    """An order expression for an area level: province before district before commune."""
    from django.db.models import Case, IntegerField, Value, When  # noqa: PLC0415 - text.py stays importable alone

    return Case(*[When(**{field: level}, then=Value(i)) for i, level in enumerate(LEVEL_ORDER)],
                default=Value(len(LEVEL_ORDER)), output_field=IntegerField())


def search_order(query: str, *, names=(), words=(), accented=()) -> list:
    """Order expressions that put what the user meant first, the same on SQLite and PostgreSQL:

    0. the folded phrase is the whole name (``names``: folded keys ending with the name, e.g. an area's
       " xa bao ai" for "bao ai", or the name alone);
    1. the phrase is whole words of ``names`` or ``words`` (folded keys; "bao ai" in "... xa bao ai tinh ...");
    2. the phrase starts words there ("bao ai" in "bao aichi");
    3. anything else the filter let through (the words apart, "dong bao ... tai").
    When the user typed accents, within each rank the rows whose ``accented`` fields (the names as
    written) contain what was typed come first ("Yên Bái" before "Yên Bài"). The caller adds its own
    tie-breaks (``level_rank``, then the Vietnamese sort key). Empty query: no expression."""
    from django.db.models import Case, IntegerField, Q, Value, When  # noqa: PLC0415

    phrase = " ".join(search_terms(query))
    if not phrase:
        return []
    exact, whole, prefix = Q(pk__in=[]), Q(pk__in=[]), Q(pk__in=[])
    for field in names:
        exact |= Q(**{f"{field}__endswith": f" {phrase}"}) | Q(**{field: phrase})
    for field in (*names, *words):
        whole |= (Q(**{f"{field}__contains": f" {phrase} "}) | Q(**{f"{field}__startswith": f"{phrase} "})
                  | Q(**{f"{field}__endswith": f" {phrase}"}) | Q(**{field: phrase}))
        prefix |= Q(**{f"{field}__contains": f" {phrase}"}) | Q(**{f"{field}__startswith": phrase})
    order = [Case(When(exact, then=Value(0)), When(whole, then=Value(1)), When(prefix, then=Value(2)),
                  default=Value(3), output_field=IntegerField())]
    typed = " ".join(unicodedata.normalize("NFC", query or "").split())
    if accented and fold(typed) != typed.lower():
        match = Q(pk__in=[])
        for field in accented:
            match |= Q(**{f"{field}__icontains": typed}) | Q(**{f"{field}__contains": typed.lower()})
        order.append(Case(When(match, then=Value(0)), default=Value(1), output_field=IntegerField()))
    return order


def leading_name(query: str, folded: str, written: str) -> list:
    """An order expression for a folded key that holds more than the name and begins with it (a
    meeting's ``folded_key(title, venue, period)``, a user's ``folded_key(full_name, username, email)``):
    the rows whose name as written (``written``) is, folded, the query's phrase come first. The key
    starts with the phrase as whole words and the name has the phrase's length (folding keeps the
    length of a Vietnamese name written with single spaces), so "Hội nghị sơ kết" comes before "Hội
    nghị sơ kết 6 tháng" for "hoi nghi so ket". Put it before ``search_order``'s expressions; empty
    query: no expression."""
    from django.db.models import Case, IntegerField, Q, Value, When  # noqa: PLC0415
    from django.db.models.functions import Length  # noqa: PLC0415
    from django.db.models.lookups import Exact  # noqa: PLC0415

    phrase = " ".join(search_terms(query))
    if not phrase:
        return []
    starts = Q(**{folded: f" {phrase}"}) | Q(**{f"{folded}__startswith": f" {phrase} "})
    return [Case(When(Q(Exact(Length(written), len(phrase))) & starts, then=Value(0)), default=Value(1),
                 output_field=IntegerField())]


def fill_folded(model, column: str, *sources: str, max_length: int = 400, batch: int = 1000) -> None:
    """Fill ``column`` of every row of ``model`` with ``folded_key`` of its ``sources`` fields: the data
    step of a migration that adds a search column (``apps.get_model(...)``), by batches of ``batch``
    rows (one UPDATE per batch, not per row)."""
    rows = []
    for row in model._base_manager.only("pk", *sources).iterator(chunk_size=batch):
        setattr(row, column, folded_key(*(getattr(row, f) for f in sources))[:max_length])
        rows.append(row)
        if len(rows) >= batch:
            model._base_manager.bulk_update(rows, [column])
            rows = []
    if rows:
        model._base_manager.bulk_update(rows, [column])


# Control characters: the ones that act as spaces become a space; the rest (NUL, escape, C1 controls,
# lone surrogates, the XML non-characters U+FFFE/U+FFFF) are dropped.
_SPACE_CONTROLS = re.compile("[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
_DROP_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value, *, multiline: bool = False):
    """Text as it may be stored: NFC-normalized, without control characters (which break exports,
    documents and XML), line ends as ``\\n``; a single-line value (``multiline=False``) also has its
    tabs and line breaks turned into spaces. Non-text values are returned unchanged.

    Used at every boundary: the forms (``StyledFormMixin``), the importers and the API schemas."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", _DROP_CONTROLS.sub("", value))
    text = _SPACE_CONTROLS.sub(" ", text).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return text
