"""model/characters.py: what no file can hold becomes a visible U+FFFD, everything else stays."""

from __future__ import annotations

from model.characters import REPLACEMENT, storable, unstorable_count


def test_lone_surrogates_and_control_characters_become_visible_marks() -> None:
    assert (
        storable("a\ud800b\x00c\x07d\x1fe\ufffff")
        == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}e{REPLACEMENT}f"
    )
    assert unstorable_count("\ud83d\x0b") == 2


def test_what_people_type_stays_as_it_is() -> None:
    text = "第一行\n第二行\r\n\t缩进 😀 ½ \u3000（全角空格）"
    assert storable(text) == text and unstorable_count(text) == 0
