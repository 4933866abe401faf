"""Which unit a report is from: agency names matched forgivingly, never guessed.

A bureau writes its name as it likes: 叶城县科学技术局 on the roster, 县科技局 or 科技局 on the
report. A name is reduced to a key: the place prefix the names share (叶城县, found from the names
themselves) or a bare 县/市/区 in front is dropped, brackets and spaces go, and the long forms of
common department names become their usual abbreviations (科学技术 → 科技, 人力资源和社会保障 → 人社 …).
Equal keys match. When no key is equal, a key contained in exactly one other (柯克亚乡 in
柯克亚乡人民政府) matches too, unless the longer one begins with a place of its own; when a name fits several units it is ambiguous and the candidates are listed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

# Long form → the abbreviation staff write; the longer forms first so that they win.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("文化体育广播电视和旅游", "文体广旅"),
    ("文化广播电视和旅游", "文广旅"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("市场监督管理", "市监"),
    ("市场监管", "市监"),
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("科学技术", "科技"),
    ("卫生健康", "卫健"),
    ("卫生和计划生育", "卫计"),
    ("医疗保障", "医保"),
    ("交通运输", "交通"),
    ("应急管理", "应急"),
    ("退役军人事务", "退役军人"),
    ("文化和旅游", "文旅"),
    ("工业和信息化", "工信"),
    ("人民政府办公室", "政府办"),
    ("人民政府", "政府"),
    ("委员会", "委"),
)
PLACE_LEVELS = ("自治县", "自治州", "县", "市", "区", "旗", "州", "盟")
MAX_PLACE_PREFIX = 9  # characters of a place prefix (新疆维吾尔自治区… is not one: the roster is a county's)
MIN_KEY = 2  # a key shorter than this (局) says nothing
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_NOT_NAME = re.compile(r"[\s\u3000·•、,，.。:：;；\"'“”‘’《》<>\-—_]+")
_PLACE = re.compile(rf"^(.{{1,{MAX_PLACE_PREFIX}}}?(?:{'|'.join(PLACE_LEVELS)}))")


def clean_name(name: str) -> str:
    """The name without width differences, spaces, punctuation or bracketed remarks."""
    text = unicodedata.normalize("NFKC", name)
    return _NOT_NAME.sub("", _BRACKETED.sub("", text))


def abbreviated(name: str) -> str:
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    return name


def _place_prefixes(name: str) -> list[str]:
    """Every leading run of place names in a cleaned name: 通化市, 通化市东昌区."""
    prefixes: list[str] = []
    rest = name
    while (found := _PLACE.match(rest)) and len(rest) - len(found.group(1)) >= MIN_KEY:
        prefixes.append(name[: len(name) - len(rest)] + found.group(1))
        rest = rest[len(found.group(1)) :]
    return prefixes


def shared_places(names: Sequence[str]) -> tuple[str, ...]:
    """The place prefixes at least two names begin with (叶城县 for a county's roster), longest first."""
    counts = Counter(p for name in names for p in set(_place_prefixes(clean_name(name))))
    return tuple(sorted((p for p, n in counts.items() if n >= 2), key=len, reverse=True))


def name_keys(name: str, places: Sequence[str]) -> tuple[str, ...]:
    """The keys a name may mean: without its shared place prefix, and without a leading 县/市/区."""
    cleaned = clean_name(name)
    keys = [cleaned]
    for place in places:
        if cleaned.startswith(place) and len(cleaned) - len(place) >= MIN_KEY:
            keys.append(cleaned[len(place) :])
            break
    if cleaned[:1] in PLACE_LEVELS and len(cleaned) > MIN_KEY:
        keys.append(cleaned[1:])
    return tuple(dict.fromkeys(k for k in map(abbreviated, keys) if len(k) >= MIN_KEY))


@dataclass(frozen=True)
class Match:
    """The index of the one name matched, or the candidates when several fit (none: nothing fits)."""

    index: int | None
    candidates: tuple[int, ...] = ()

    @property
    def is_ambiguous(self) -> bool:
        return self.index is None and len(self.candidates) > 1


@dataclass(frozen=True)
class NameMatcher:
    """Matches names against a list of names (a roster's units, last year's agencies)."""

    names: tuple[str, ...]
    places: tuple[str, ...] = ()
    _keys: tuple[tuple[str, ...], ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, names: Sequence[str], more_names: Sequence[str] = ()) -> NameMatcher:
        """`more_names` only help find the shared place prefix (this year's agencies, say)."""
        places = shared_places([*names, *more_names])
        return cls(tuple(names), places, tuple(name_keys(n, places) for n in names))

    def match(self, name: str) -> Match:
        keys = set(name_keys(name, self.places))
        if not keys:
            return Match(None)
        exact = [i for i, own in enumerate(self._keys) if keys & set(own)]
        if exact:
            return _decided(exact)
        contained = [i for i, own in enumerate(self._keys) if any(_within(a, b) for a in keys for b in own)]
        return _decided(contained)


def _within(a: str, b: str) -> bool:
    """One key inside the other (柯克亚乡 in 柯克亚乡政府), unless the longer one names another place
    (科技局 is not 泽普县科技局)."""
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and not _place_prefixes(longer)


def _decided(indices: list[int]) -> Match:
    if len(indices) == 1:
        return Match(indices[0], (indices[0],))
    return Match(None, tuple(indices))


@dataclass(frozen=True)
class Unit:
    """One line of the center's roster: a unit that must report."""

    name: str
    kind: str | None = None  # an agency kind id of the template, when the roster says
    contact: str = ""


@dataclass(frozen=True)
class Roster:
    units: tuple[Unit, ...]

    def matcher(self, more_names: Sequence[str] = ()) -> NameMatcher:
        return NameMatcher.of([u.name for u in self.units], more_names)
