"""A partner's folder of pages written elsewhere, as they came (issue 15): the body starts
with the title as a '# ' heading, translations repeat their source's front matter, funding
programmes name their region as a city or 'bund', gender stars and numbered steps."""

from textwrap import dedent

GUIDE_DE = dedent("""\
    ---
    type: guide
    slug: vorstand-waehlen
    locale: de
    title: Den Vorstand wählen
    topic: vereinsarbeit
    summary: Wie die Mitgliederversammlung einen Vorstand wählt.
    order: 2
    last_reviewed: 2026-01-15
    ---
    # Den Vorstand wählen

    Die Mitgliederversammlung wählt den Vorstand (§ 27 BGB). Migrant*innen und
    Partner*innen können kandidieren; das ist *wichtig*.

    Der Vorstand vertritt den e. V. nach außen.

    :::steps
    ### 1. Einladung verschicken
    Zwei Wochen vorher.
    ### 2. Wahl durchführen
    Geheim, wenn ein Mitglied es will.
    :::
    """)

GUIDE_AR = dedent("""\
    ---
    type: guide
    slug: vorstand-waehlen
    locale: ar
    translation_of: vorstand-waehlen
    title: انتخاب مجلس الإدارة
    topic: vereinsarbeit
    summary: كيف تنتخب الجمعية العامة مجلس الإدارة.
    order: 2
    last_reviewed: 2026-01-15
    ---
    # انتخاب مجلس الإدارة

    تنتخب الجمعية العامة مجلس الإدارة (§ 27 BGB). يمكن للمهاجرين والشركاء الترشح؛ هذا *مهم*.

    يمثل مجلس الإدارة الجمعية المسجلة (e. V.) أمام الجهات الخارجية.

    :::steps
    ### 1. إرسال الدعوة
    قبل أسبوعين.
    ### 2. إجراء الانتخاب
    بشكل سري إذا طلب ذلك أحد الأعضاء.
    :::
    """)

FUNDING_DE = dedent("""\
    ---
    type: funding
    slug: {slug}
    locale: de
    title: Nachbarschaftsfonds
    topic: foerdermittel
    summary: Geld für Nachbarschaftsprojekte.
    funder: Stiftung Beispiel
    region: {region}
    amount_min: 500
    amount_max: 5000
    cofunding_percent: 10
    eligible: [verein, initiative]
    url: https://example.org/fonds
    ---
    Anträge sind jederzeit möglich.
    """)


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
