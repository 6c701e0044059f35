"""Write ``workbench/data/exonyms.tsv``: English names of countries, regions, cities and
languages with their Russian, Kazakh and Kyrgyz names, from the Unicode CLDR (via Babel).

The faithfulness stage's name check reads it so that "Cologne" ~ «Кёльн», "Athens" ~ «Афины»,
"India" ~ «Үндістан», "Greek" ~ «грек тілі»: names that no spelling rule can match. The file
is data (CLDR, Unicode licence); Babel is needed only to regenerate it::

    pip install babel && python scripts/make_exonyms.py
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "workbench" / "data" / "exonyms.tsv"
LANGS = ("ru", "kk", "ky")


def main() -> None:
    """Collect territory, language and time-zone city names per English name and write them."""
    en = Locale.parse("en")
    locales = {lang: Locale.parse(lang) for lang in LANGS}
    rows: dict[str, set[str]] = {}

    def add(english: str | None, forms: list[str | None]) -> None:
        if not english or not any(forms):
            return
        rows.setdefault(english, set()).update(f for f in forms if f)

    for code, name in en.territories.items():
        if code.isalpha():  # regions with digit codes (001, 419) are continents' groupings
            add(name, [loc.territories.get(code) for loc in locales.values()])
    for code, name in en.languages.items():
        if len(code) <= 3:
            add(name, [loc.languages.get(code) for loc in locales.values()])
    zones = {z for loc in locales.values() for z in loc.time_zones}
    for zone in sorted(zones):
        # English has a city name only where it differs from the zone id (Europe/Kiev → Kyiv)
        city = en.time_zones.get(zone, {}).get("city") or zone.split("/")[-1].replace("_", " ")
        add(city, [loc.time_zones.get(zone, {}).get("city") for loc in locales.values()])
    lines = [
        "# English name<TAB>its ru/kk/ky names, from the Unicode CLDR (scripts/make_exonyms.py)"
    ]
    for english in sorted(rows):
        forms = sorted(f for f in rows[english] if f != english)
        if forms:
            lines.append(english + "\t" + "|".join(forms))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} names to {OUT}")


if __name__ == "__main__":
    main()
