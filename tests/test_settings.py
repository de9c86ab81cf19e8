"""Site settings: a clinic's file is checked field by field; with no file, the defaults, unchecked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from chatbot.content import ContentError, ContentPack
from chatbot.settings import ClinicContact, Settings, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clinic_file_is_read_with_its_contact_lines(tmp_path: Path) -> None:
    path = write(tmp_path, 'language = "zh"\nkiosk_pin = "4829"\nidle_seconds = 90\n[contact]\nphone = "027-0000"\n')
    settings = load_settings(path, environ={})
    assert (settings.language, settings.kiosk_pin, settings.idle_seconds) == ("zh", "4829", 90.0)
    assert settings.contact == ClinicContact(phone="027-0000")


def test_no_file_and_no_environment_give_the_defaults() -> None:
    assert load_settings(environ={}) == Settings()
    assert Settings().contact == ClinicContact()


def test_the_environment_sets_the_pin_and_today() -> None:
    settings = load_settings(environ={"TRIALBOT_KIOSK_PIN": "123456", "TRIALBOT_TODAY": "2026-11-26"})
    assert (settings.kiosk_pin, settings.today) == ("123456", dt.date(2026, 11, 26))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('kiosk_pin = "12"\n', "kiosk_pin: Should be 4 to 12 digits, and nothing else"),
        # Full-width digits (a Chinese keyboard's) passed, and the PIN box takes only 0-9: staff were locked in.
        ('kiosk_pin = "４８２９１３"\n', "kiosk_pin: Should be 4 to 12 digits, and nothing else"),
        ("idle_seconds = 0\n", "idle_seconds: Input should be greater than 0"),
        ('language = "fr"\n', "language: Input should be 'en' or 'zh'"),
        ('colour = "red"\n', "colour: Extra inputs are not permitted"),
        ('[contact]\nfax = "1"\n', "contact.fax: Extra inputs are not permitted"),
        # Shown to patients as the number to call and the address to write to: a slip would send them nowhere.
        ('[contact]\nphone = "027-8221-111O"\n', "contact.phone: Should be a phone number"),
        ('[contact]\nphone = "research@hospital.cn"\n', "contact.phone: Should be a phone number"),
        ('[contact]\nphone = "ask at the desk"\n', "contact.phone: Should be a phone number"),
        ('[contact]\nemail = "027-82211111"\n', "contact.email: Should be an email address"),
        ('[contact]\nemail = "research@hospital"\n', "contact.email: Should be an email address"),
    ],
)
def test_a_broken_clinic_file_names_the_field(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_settings(path, environ={})
    assert str(caught.value).startswith(f"{path}: ")
    assert expected in str(caught.value)


def test_a_broken_environment_names_the_variable() -> None:
    with pytest.raises(ContentError) as caught:
        load_settings(environ={"TRIALBOT_KIOSK_PIN": "abc"})
    assert str(caught.value).startswith("$TRIALBOT_KIOSK_PIN: ")


@pytest.mark.parametrize(
    "phone",
    [
        "027-82211111", "+86 27 8221 1111", "(027) 8221-1111", "027-8221 1111 ext. 12", "027-82211111转123", "０２７－８２２１１１１１",
        "400-123-4567", "13800138000", "+86-27-82211111",
        # Refused by the first version of the check (helper 83): a kiosk with such a file would not have started.
        "027-82211111 Ext. 12", "027-82211111 EXT 12", "027 8221 1111 轉 8021", "027-82211111（转8021）", "027-82211111，转8021",
        "(+86) 27 8221 1111", "027—82211111", "027-82211111 或 82211112", "027-82211111, 027-82211112", " 027-8221 1111 ",
    ],
)
def test_a_phone_number_may_be_written_as_clinics_write_them(tmp_path: Path, phone: str) -> None:
    path = write(tmp_path, f'[contact]\nphone = "{phone}"\nemail = "research.office@whch.com.cn"\n')
    assert load_settings(path, environ={}).contact.phone == phone


def test_typed_answers_are_read_by_the_day_they_are_typed_on(pack: ContentPack) -> None:
    """A kiosk running for days read answers by the day it started: "in 2026" to "in the last 3 months?" may be
    December until the end of March, and is a no from April on."""
    from chatbot.ui.session import Session

    settings = Settings(today=dt.date(2027, 3, 31))
    session = Session(pack, settings, "en")
    question = pack.question("recent_study")
    said = "no, the last one was in 2026"
    assert session.understanding.interpret(question, said, "en").value is None
    session.settings = dataclasses.replace(settings, today=dt.date(2027, 4, 2))
    assert session.understanding.interpret(question, said, "en").value == "no"
