"""Translation state cost with generated content: the state of every page (the report's
work), the report itself (HTML page and CSV export) and a translated guide with its notice.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 \
        .venv/bin/python benchmarks/translation_state.py --guides 300
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wegweiser_translations \
        .venv/bin/python benchmarks/translation_state.py --guides 300

Builds a throw-away database (Django's test database, `<name>_bench`), imports the demo
content, adds N German guides translated into Arabic and Ukrainian through wagtail-localize
(every second one with its German text changed afterwards, so half are out of date), then
times each operation and prints p50/p95. Results are recorded in benchmarks/RESULTS.md
("Translation state").
"""

import argparse
import statistics
import time

from scratch_db import ROOT, setup_django


def fill(guides: int):
    import polib
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, Translation, TranslationSource

    from cms.importer import import_path
    from cms.models import GuidePage

    report = import_path(ROOT / "content")
    assert report.ok, report.failed
    template = GuidePage.objects.filter(locale__language_code="de").first()
    parent = template.get_parent()
    targets = [Locale.objects.get(language_code=code) for code in ("ar", "uk")]
    for number in range(guides):
        page = template.copy(to=parent, update_attrs={
            "slug": f"bench-{number}", "title": f"Benchmark-Leitfaden {number}"},
            reset_translation_key=True, keep_live=True)
        page.save_revision().publish()
        source, _ = TranslationSource.get_or_create_from_instance(page)
        for locale in targets:
            translation, _ = Translation.objects.get_or_create(source=source,
                                                               target_locale=locale)
            po = polib.POFile()
            po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
            for segment in StringSegment.objects.filter(source=source).select_related(
                    "context", "string"):
                po.append(polib.POEntry(msgctxt=segment.context.path,
                                        msgid=segment.string.data,
                                        msgstr=f"[{locale.language_code}] {segment.string.data}"))
            translation.import_po(po)
            translation.save_target(publish=True)
        if number % 2:
            page = GuidePage.objects.get(pk=page.pk)
            page.title = f"Benchmark-Leitfaden {number} (geändert)"
            page.save_revision().publish()


def timed(function, repeat):
    function()  # warm up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guides", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    connection = setup_django("_bench_translations")
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Locale, Page

    from translations.state import State, states_for

    start = time.perf_counter()
    fill(args.guides)
    print(f"{connection.vendor}: filled {args.guides} translated guides in "
          f"{time.perf_counter() - start:.0f} s")

    german = list(Page.objects.filter(locale=Locale.get_default(), depth__gt=2))
    counts = {}
    for state in states_for(german).values():
        counts[state.state] = counts.get(state.state, 0) + 1
    print(f"{len(german)} German pages; states: "
          + ", ".join(f"{s.value} {counts.get(s, 0)}" for s in State))

    admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client()
    client.force_login(admin)
    arabic = Page.objects.filter(locale__language_code="ar", slug="bench-1").first()

    def get(url, **params):
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code)

    rows = [
        ("states_for(all German pages), 7 languages", lambda: states_for(german)),
        ("report HTML, first page of 50", lambda: get("/admin/reports/translation-state/")),
        ("report CSV export, all pages",
         lambda: get("/admin/reports/translation-state/", export="csv")),
        ("Arabic guide with outdated notice", lambda: get(arabic.url)),
    ]
    for label, function in rows:
        p50, p95 = timed(function, args.repeat)
        print(f"{label:48s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    connection.creation.destroy_test_db(connection.settings_dict["TEST"]["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
