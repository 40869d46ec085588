"""What changed between two versions of an agreement, in plain Danish.

Used for renegotiations: the consultant wants "Jobcenter Eksempelby: minimumstid 10 → 20 timer
pr. måned", not a line diff. List items are matched by their natural key (a party's ``id``,
a role's ``part``, a goal's ``mål``, a budget line's ``navn`` …), never by position, so
reordering a list is not a change.

The input is plain loaded data that may not be valid: every comparison is defensive and falls
back to "Elementet »…« er ændret." rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kbtools.danish import format_amount, format_date, format_number, parse_iso_date

ADDED = "tilføjet"
REMOVED = "fjernet"
CHANGED = "ændret"


@dataclass(frozen=True)
class Change:
    """One change: what kind, the top-level element it belongs to, and the Danish sentence."""

    kind: str
    element: str
    text: str


def _quote(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return format_number(value)
    if value is None:
        return "(tom)"
    if isinstance(value, str) and parse_iso_date(value) is not None:
        return format_date(value)
    if isinstance(value, str):
        return f"»{value}«"
    return "(en liste eller gruppe)"


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _match(
    old: Any, new: Any, key: Callable[[Any], Any]
) -> Iterator[tuple[Any | None, Any | None]]:
    """Pairs of (old item, new item) matched by ``key``; None on the side where it is missing.

    Items with the same key are paired in order; new-only items come last, in new order.
    """
    old_items, new_items = _as_list(old), _as_list(new)
    remaining: dict[Any, list[Any]] = {}
    for item in new_items:
        remaining.setdefault(_safe_key(key, item), []).append(item)
    paired_new: set[int] = set()
    for item in old_items:
        candidates = remaining.get(_safe_key(key, item))
        if candidates:
            partner = candidates.pop(0)
            paired_new.add(id(partner))
            yield item, partner
        else:
            yield item, None
    for item in new_items:
        if id(item) not in paired_new:
            yield None, item


def _safe_key(key: Callable[[Any], Any], item: Any) -> Any:
    try:
        value = key(item)
    except (KeyError, TypeError, AttributeError):
        return repr(item)
    return value if isinstance(value, str | int | float | bool | tuple) else repr(value)


def _string_list_changes(old: Any, new: Any, added: str, removed: str) -> Iterator[tuple[str, str]]:
    """(kind, sentence) for texts added to or removed from a list of strings."""
    for before, after in _match(old, new, lambda item: item):
        if before is None:
            yield ADDED, f"{added}: {_quote(after)}"
        elif after is None:
            yield REMOVED, f"{removed}: {_quote(before)}"


class _Differ:
    """Collects changes element by element; one method per element of the schema."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        names: dict[str, str] = {}
        for data in (old, new):
            for party in _as_list(data.get("parter")):
                party = _as_dict(party)
                if isinstance(party.get("id"), str) and isinstance(party.get("navn"), str):
                    names[party["id"]] = party["navn"]
        self.names = names
        self.unit = (
            _text(_as_dict(new.get("økonomi")).get("enhed"))
            or _text(_as_dict(old.get("økonomi")).get("enhed"))
            or "kr."
        )

    def add(self, kind: str, element: str, text: str) -> None:
        self.changes.append(Change(kind, element, text))

    def party(self, party_id: Any) -> str:
        """A party's name for messages (its id when the name is unknown)."""
        if isinstance(party_id, str):
            return self.names.get(party_id, party_id)
        return _quote(party_id)

    def amount(self, value: Any) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_amount(value, self.unit)
        return _quote(value)

    def text_field(self, element: str, old: Any, new: Any, label: str) -> None:
        """A free-text field: say that it changed, was added or removed (not the whole text)."""
        if old == new:
            return
        if old is None:
            self.add(ADDED, element, f"{label} er tilføjet.")
        elif new is None:
            self.add(REMOVED, element, f"{label} er fjernet.")
        else:
            self.add(CHANGED, element, f"{label} er ændret.")

    def value_field(self, element: str, old: Any, new: Any, label: str) -> None:
        """A short value: show old → new."""
        if old == new:
            return
        if old is None:
            self.add(ADDED, element, f"{label}: {_quote(new)} (ny)")
        elif new is None:
            self.add(REMOVED, element, f"{label}: {_quote(old)} er fjernet")
        else:
            self.add(CHANGED, element, f"{label}: {_quote(old)} → {_quote(new)}")

    # --- elements -----------------------------------------------------------------------

    def titel(self, old: Any, new: Any) -> None:
        self.value_field("titel", old, new, "Titel")

    def lks(self, old: Any, new: Any) -> None:
        before, after = old is not False, new is not False  # absent means true
        if before != after:
            text = (
                "Aftalen er nu en LKS-aftale."
                if after
                else "Aftalen er ikke længere en LKS-aftale."
            )
            self.add(CHANGED, "lks", text)

    def skema(self, old: Any, new: Any) -> None:
        self.value_field("skema", old, new, "Skema")

    def parter(self, old: Any, new: Any) -> None:
        for before, after in _match(old, new, lambda p: p["id"]):
            if before is None:
                after = _as_dict(after)
                system = f" ({after['system']})" if isinstance(after.get("system"), str) else ""
                self.add(
                    ADDED,
                    "parter",
                    f"Ny part: {_text(after.get('navn')) or after.get('id')}{system}",
                )
                continue
            if after is None:
                before = _as_dict(before)
                name = _text(before.get("navn")) or before.get("id")
                self.add(REMOVED, "parter", f"Part fjernet: {name}")
                continue
            before, after = _as_dict(before), _as_dict(after)
            name = _text(after.get("navn")) or self.party(after.get("id"))
            if before.get("navn") != after.get("navn"):
                self.add(
                    CHANGED,
                    "parter",
                    f"Parten »{after.get('id')}« har skiftet navn: "
                    f"{_quote(before.get('navn'))} → {_quote(after.get('navn'))}",
                )
            self.value_field("parter", before.get("system"), after.get("system"), f"{name}: system")
            old_contact, new_contact = (
                _as_dict(before.get("kontakt")),
                _as_dict(after.get("kontakt")),
            )
            if old_contact.get("navn") != new_contact.get("navn"):
                self.add(
                    CHANGED,
                    "parter",
                    f"{name}: ny kontaktperson {_quote(new_contact.get('navn'))} "
                    f"(før {_quote(old_contact.get('navn'))})",
                )
            labels = {"titel": "stilling", "email": "e-mail", "telefon": "telefon"}
            for key, label in labels.items():
                self.value_field(
                    "parter",
                    old_contact.get(key),
                    new_contact.get(key),
                    f"{name}: kontaktpersonens {label}",
                )

    def formål(self, old: Any, new: Any) -> None:
        before, after = _as_dict(old), _as_dict(new)
        self.text_field("formål", before.get("beskrivelse"), after.get("beskrivelse"), "Formålet")
        self.text_field("formål", before.get("vision"), after.get("vision"), "Visionen")
        self.text_field(
            "formål", before.get("opgave"), after.get("opgave"), "Beskrivelsen af opgaven"
        )
        for old_goal, new_goal in _match(before.get("mål"), after.get("mål"), lambda g: g["mål"]):
            if old_goal is None:
                self.add(ADDED, "formål", f"Nyt mål: {_quote(_as_dict(new_goal).get('mål'))}")
            elif new_goal is None:
                self.add(REMOVED, "formål", f"Mål fjernet: {_quote(_as_dict(old_goal).get('mål'))}")
            else:
                old_goal, new_goal = _as_dict(old_goal), _as_dict(new_goal)
                label = f"Målet {_quote(new_goal.get('mål'))}"
                self.value_field(
                    "formål", old_goal.get("frist"), new_goal.get("frist"), f"{label}: frist"
                )
                self.value_field(
                    "formål",
                    old_goal.get("indikator"),
                    new_goal.get("indikator"),
                    f"{label}: indikator",
                )

    def roller(self, old: Any, new: Any) -> None:
        lists = {
            "forventninger": ("ny forventning", "forventning fjernet"),
            "forpligtelser": ("ny forpligtelse", "forpligtelse fjernet"),
            "opgaver": ("ny opgave", "opgave fjernet"),
        }
        for before, after in _match(old, new, lambda r: r["part"]):
            if before is None:
                after = _as_dict(after)
                self.add(
                    ADDED,
                    "roller",
                    f"Ny rolle for {self.party(after.get('part'))}: {_quote(after.get('rolle'))}",
                )
                continue
            if after is None:
                before = _as_dict(before)
                self.add(
                    REMOVED,
                    "roller",
                    f"Rolle fjernet for {self.party(before.get('part'))}: "
                    f"{_quote(before.get('rolle'))}",
                )
                continue
            before, after = _as_dict(before), _as_dict(after)
            name = self.party(after.get("part"))
            self.value_field("roller", before.get("rolle"), after.get("rolle"), f"{name}: rolle")
            for key, (added, removed) in lists.items():
                for kind, text in _string_list_changes(
                    before.get(key), after.get(key), added, removed
                ):
                    self.add(kind, "roller", f"{name}: {text}")

    def økonomi(self, old: Any, new: Any) -> None:
        before, after = _as_dict(old), _as_dict(new)
        self.value_field("økonomi", before.get("enhed"), after.get("enhed"), "Enhed for beløb")
        self._posts(
            before.get("budget"),
            after.get("budget"),
            "Budgetpost",
            "Ny budgetpost",
            "Budgetpost fjernet",
        )
        self._posts(
            before.get("finansiering"),
            after.get("finansiering"),
            "Finansieringskilde",
            "Ny finansieringskilde",
            "Finansieringskilde fjernet",
        )
        for key, label in (
            ("budget_i_alt", "Budget i alt"),
            ("finansiering_i_alt", "Finansiering i alt"),
        ):
            old_total, new_total = _as_dict(before.get(key)), _as_dict(after.get(key))
            self._years(old_total.get("pr_år"), new_total.get("pr_år"), label)
            if old_total.get("i_alt") != new_total.get("i_alt"):
                self.add(
                    CHANGED,
                    "økonomi",
                    f"{label}: {self.amount(old_total.get('i_alt'))} → "
                    f"{self.amount(new_total.get('i_alt'))}",
                )

    def _posts(self, old: Any, new: Any, label: str, added: str, removed: str) -> None:
        for before, after in _match(old, new, lambda p: p["navn"]):
            if before is None:
                after = _as_dict(after)
                self.add(
                    ADDED, "økonomi", f"{added}: {_quote(after.get('navn'))}{self._per_year(after)}"
                )
            elif after is None:
                before = _as_dict(before)
                self.add(
                    REMOVED,
                    "økonomi",
                    f"{removed}: {_quote(before.get('navn'))}{self._per_year(before)}",
                )
            else:
                before, after = _as_dict(before), _as_dict(after)
                name = f"{label} {_quote(after.get('navn'))}"
                self._years(before.get("pr_år"), after.get("pr_år"), name)
                if before.get("i_alt") != after.get("i_alt"):
                    self.add(
                        CHANGED,
                        "økonomi",
                        f"{name} i alt: {self.amount(before.get('i_alt'))} → "
                        f"{self.amount(after.get('i_alt'))}",
                    )

    def _per_year(self, post: dict[str, Any]) -> str:
        years = _as_dict(post.get("pr_år"))
        if not years:
            return ""
        return (
            " ("
            + ", ".join(f"{year}: {self.amount(value)}" for year, value in sorted(years.items()))
            + ")"
        )

    def _years(self, old: Any, new: Any, label: str) -> None:
        before, after = _as_dict(old), _as_dict(new)
        for year in sorted(set(before) | set(after)):
            if before.get(year) == after.get(year):
                continue
            if year not in before:
                self.add(ADDED, "økonomi", f"{label} {year}: {self.amount(after[year])} (nyt år)")
            elif year not in after:
                self.add(
                    REMOVED, "økonomi", f"{label} {year}: {self.amount(before[year])} er fjernet"
                )
            else:
                self.add(
                    CHANGED,
                    "økonomi",
                    f"{label} {year}: {self.amount(before[year])} → {self.amount(after[year])}",
                )

    def organisering(self, old: Any, new: Any) -> None:
        before, after = _as_dict(old), _as_dict(new)
        for key, label in (
            ("ansvar", "Beskrivelsen af ansvaret"),
            ("indflydelse", "Beskrivelsen af parternes indflydelse"),
            ("ledelse", "Beskrivelsen af ledelsen"),
        ):
            self.text_field("organisering", before.get(key), after.get(key), label)
        for key, label in (
            ("styregruppe", "Styregruppen"),
            ("konsulentgruppe", "Konsulentgruppen"),
        ):
            old_group, new_group = before.get(key), after.get(key)
            if old_group is None and new_group is not None:
                self.add(ADDED, "organisering", f"{label} er tilføjet.")
                continue
            if new_group is None and old_group is not None:
                self.add(REMOVED, "organisering", f"{label} er fjernet.")
                continue
            old_group, new_group = _as_dict(old_group), _as_dict(new_group)
            for old_member, new_member in _match(
                old_group.get("medlemmer"),
                new_group.get("medlemmer"),
                lambda m: (m["part"], m.get("navn")),
            ):
                member = _as_dict(new_member if new_member is not None else old_member)
                who = self.party(member.get("part"))
                if isinstance(member.get("navn"), str):
                    who = f"{member['navn']} ({who})"
                if old_member is None:
                    self.add(ADDED, "organisering", f"{label}: nyt medlem {who}")
                elif new_member is None:
                    self.add(REMOVED, "organisering", f"{label}: medlem fjernet: {who}")
                else:
                    self.value_field(
                        "organisering",
                        _as_dict(old_member).get("titel"),
                        member.get("titel"),
                        f"{label}: stilling for {who}",
                    )
            self.text_field(
                "organisering",
                old_group.get("opgaver"),
                new_group.get("opgaver"),
                f"{label}s opgaver",
            )
            self.value_field(
                "organisering", old_group.get("mødes"), new_group.get("mødes"), f"{label} mødes"
            )

    def ressourcer(self, old: Any, new: Any) -> None:
        for before, after in _match(old, new, lambda r: r["part"]):
            if before is None:
                after = _as_dict(after)
                self.add(
                    ADDED,
                    "ressourcer",
                    f"Nyt ressourcebidrag fra {self.party(after.get('part'))}"
                    f"{self._minimum(after)}",
                )
                continue
            if after is None:
                before = _as_dict(before)
                self.add(
                    REMOVED,
                    "ressourcer",
                    f"Ressourcebidrag fjernet for {self.party(before.get('part'))}",
                )
                continue
            before, after = _as_dict(before), _as_dict(after)
            name = self.party(after.get("part"))
            old_min, new_min = (
                _as_dict(before.get("minimumstid")),
                _as_dict(after.get("minimumstid")),
            )
            if old_min != new_min:
                if old_min.get("pr") == new_min.get("pr"):
                    text = (
                        f"{name}: minimumstid {_quote(old_min.get('timer'))} → "
                        f"{_quote(new_min.get('timer'))} timer pr. {_text(new_min.get('pr'))}"
                    )
                else:
                    text = f"{name}: minimumstid {self._hours(old_min)} → {self._hours(new_min)}"
                self.add(CHANGED, "ressourcer", text)
            for kind, text in _string_list_changes(
                before.get("bidrag"), after.get("bidrag"), "nyt bidrag", "bidrag fjernet"
            ):
                self.add(kind, "ressourcer", f"{name}: {text}")

    @staticmethod
    def _hours(minimum: dict[str, Any]) -> str:
        return f"{_quote(minimum.get('timer'))} timer pr. {_text(minimum.get('pr'))}"

    def _minimum(self, resource: dict[str, Any]) -> str:
        minimum = _as_dict(resource.get("minimumstid"))
        return f", mindst {self._hours(minimum)}" if minimum else ""

    def varighed(self, old: Any, new: Any) -> None:
        before, after = _as_dict(old), _as_dict(new)
        old_end, new_end = before.get("slut"), after.get("slut")
        if old_end != new_end:
            old_day, new_day = parse_iso_date(_text(old_end)), parse_iso_date(_text(new_end))
            if old_day and new_day and new_day > old_day:
                self.add(
                    CHANGED,
                    "varighed",
                    f"Varighed forlænget til {format_date(new_day)} (før {format_date(old_day)})",
                )
            elif old_day and new_day:
                self.add(
                    CHANGED,
                    "varighed",
                    f"Varighed forkortet til {format_date(new_day)} (før {format_date(old_day)})",
                )
            else:
                self.value_field("varighed", old_end, new_end, "Slutdato")
        self.value_field("varighed", before.get("start"), after.get("start"), "Startdato")
        self.text_field(
            "varighed",
            before.get("forlængelse"),
            after.get("forlængelse"),
            "Beskrivelsen af forlængelse",
        )

    def underskrifter(self, old: Any, new: Any) -> None:
        for before, after in _match(old, new, lambda s: s["part"]):
            if before is None:
                self.add(
                    ADDED, "underskrifter", f"Ny underskrift: {self._signature(_as_dict(after))}"
                )
            elif after is None:
                self.add(
                    REMOVED,
                    "underskrifter",
                    f"Underskrift fjernet: {self._signature(_as_dict(before))}",
                )
            else:
                before, after = _as_dict(before), _as_dict(after)
                name = self.party(after.get("part"))
                for key, label in (("navn", "underskrevet af"), ("titel", "underskriverens titel")):
                    self.value_field(
                        "underskrifter", before.get(key), after.get(key), f"{name}: {label}"
                    )
                self.value_field(
                    "underskrifter",
                    before.get("dato"),
                    after.get("dato"),
                    f"{name}: underskriftsdato",
                )

    def _signature(self, signature: dict[str, Any]) -> str:
        who = _text(signature.get("navn")) or "(uden navn)"
        title = f", {signature['titel']}" if isinstance(signature.get("titel"), str) else ""
        date = f", {_quote(signature['dato'])}" if signature.get("dato") is not None else ""
        return f"{who}{title}, {self.party(signature.get('part'))}{date}"

    def værdisæt(self, old: Any, new: Any) -> None:
        for kind, text in _string_list_changes(old, new, "Ny værdi", "Værdi fjernet"):
            self.add(kind, "værdisæt", text)

    def ændringer(self, old: Any, new: Any) -> None:
        self.text_field("ændringer", old, new, "Fremgangsmåden for ændringer af aftalen")

    def konfliktløsning(self, old: Any, new: Any) -> None:
        self.text_field("konfliktløsning", old, new, "Planen for konfliktløsning")

    def borgerinddragelse(self, old: Any, new: Any) -> None:
        self.text_field("borgerinddragelse", old, new, "Beskrivelsen af borgerinddragelse")

    def kommissorium(self, old: Any, new: Any) -> None:
        if old is None or new is None:
            self.text_field("kommissorium", old, new, "Kommissoriet")
            return
        before, after = _as_dict(old), _as_dict(new)
        self.text_field("kommissorium", before.get("mandat"), after.get("mandat"), "Mandatet")
        for key, added, removed in (
            ("fælles_mål", "Nyt fælles mål", "Fælles mål fjernet"),
            ("fælles_ydelser", "Ny fælles ydelse", "Fælles ydelse fjernet"),
        ):
            for kind, text in _string_list_changes(before.get(key), after.get(key), added, removed):
                self.add(kind, "kommissorium", text)

    def møder(self, old: Any, new: Any) -> None:
        for before, after in _match(old, new, lambda m: (m["niveau"], m["forum"])):
            meeting = _as_dict(after if after is not None else before)
            name = f"{_text(meeting.get('forum')) or 'mødet'} ({_text(meeting.get('niveau'))})"
            if before is None:
                self.add(
                    ADDED, "møder", f"Nyt fast møde: {name}, {_text(meeting.get('hyppighed'))}"
                )
            elif after is None:
                self.add(REMOVED, "møder", f"Fast møde fjernet: {name}")
            else:
                self.value_field(
                    "møder",
                    _as_dict(before).get("hyppighed"),
                    meeting.get("hyppighed"),
                    f"Hyppighed for {name}",
                )

    def læring(self, old: Any, new: Any) -> None:
        if old is None or new is None:
            self.text_field("læring", old, new, "Afsnittet om læring og selvevaluering")
            return
        before, after = _as_dict(old), _as_dict(new)
        self.text_field(
            "læring",
            before.get("selvevaluering"),
            after.get("selvevaluering"),
            "Beskrivelsen af selvevaluering",
        )
        self.text_field(
            "læring",
            before.get("videndeling"),
            after.get("videndeling"),
            "Beskrivelsen af videndeling",
        )

    def kommunikation(self, old: Any, new: Any) -> None:
        if old is None or new is None:
            self.text_field("kommunikation", old, new, "Afsnittet om kommunikation")
            return
        before, after = _as_dict(old), _as_dict(new)
        for key, label in (
            ("informationsdeling", "Beskrivelsen af informationsdeling"),
            ("fælles_platform", "Beskrivelsen af den fælles platform"),
            ("formidling", "Beskrivelsen af formidling"),
        ):
            self.text_field("kommunikation", before.get(key), after.get(key), label)

    def indsatser(self, old: Any, new: Any) -> None:
        for before, after in _match(old, new, lambda i: i["navn"]):
            effort = _as_dict(after if after is not None else before)
            name = _quote(effort.get("navn"))
            if before is None:
                self.add(ADDED, "indsatser", f"Ny indsats: {name} ({_text(effort.get('type'))})")
            elif after is None:
                self.add(REMOVED, "indsatser", f"Indsats fjernet: {name}")
            else:
                before = _as_dict(before)
                self.value_field(
                    "indsatser", before.get("type"), effort.get("type"), f"Indsatsen {name}: type"
                )
                self.text_field(
                    "indsatser",
                    before.get("beskrivelse"),
                    effort.get("beskrivelse"),
                    f"Beskrivelsen af indsatsen {name}",
                )


def _canonical(value: Any) -> Any:
    """``value`` with every list sorted, so that a reordering compares equal.

    A key with an empty value (``værdisæt:``) counts as absent, as everywhere in the diff.
    """
    if isinstance(value, dict):
        items = tuple(sorted((str(k), _canonical(v)) for k, v in value.items() if v is not None))
        return ("dict", items)
    if isinstance(value, list):
        return ("list", tuple(sorted((_canonical(item) for item in value), key=repr)))
    return (type(value).__name__, value)


def same_content(old: Any, new: Any) -> bool:
    """True when ``old`` and ``new`` differ at most in the order of list items."""
    return bool(_canonical(old) == _canonical(new))


def _title(key: str) -> str:
    from kbtools.schemas import load_schema

    node = load_schema().get("properties", {}).get(key, {})
    return str(node.get("title") or key)


def diff_agreements(old: Any, new: Any) -> list[Change]:
    """Every change from ``old`` to ``new`` (plain loaded data), in the schema's element order."""
    before, after = _as_dict(old), _as_dict(new)
    differ = _Differ(before, after)
    from kbtools.schemas import load_schema

    order = list(load_schema().get("properties", {}))
    keys = order + sorted((set(before) | set(after)) - set(order))
    for key in keys:
        old_value, new_value = before.get(key), after.get(key)
        if same_content(old_value, new_value):
            continue
        method = getattr(differ, key, None) if key in order else None
        title = _title(key)
        if old_value is None:
            differ.add(ADDED, key, f"Elementet »{title}« er tilføjet.")
            continue
        if new_value is None:
            differ.add(REMOVED, key, f"Elementet »{title}« er fjernet.")
            continue
        if method is None:
            differ.add(CHANGED, key, f"Elementet »{title}« er ændret.")
            continue
        count = len(differ.changes)
        method(old_value, new_value)
        if len(differ.changes) == count and not same_content(old_value, new_value):
            # changed in a way no rule above names (e.g. content the schema does not allow)
            differ.add(CHANGED, key, f"Elementet »{title}« er ændret.")
    return differ.changes
