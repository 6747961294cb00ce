"""Certificate PDF rendering time, in process, no database: one warm-up (fonts loaded), then
`--repeat` renders per language of an unsaved certificate (learning/certificate_pdf.py). Prints
wall and CPU time per PDF (p50 / p95) and the PDF's size. A download costs about this much.

    .venv/bin/python benchmarks/certificate_pdf.py --repeat 20
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegweiser.settings.test")

NAMES = {"de": ("Amina Haddad", "Unser erster Förderantrag"),
         "ar": ("أمينة حداد", "طلبنا الأول للتمويل"),
         "fa": ("امینه حداد", "نخستین درخواست کمک مالی ما"),
         "uk": ("Оксана Коваленко", "Наша перша заявка на фінансування"),
         "vi": ("Nguyễn Thị Minh Khai", "Đơn xin tài trợ đầu tiên")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    import django

    django.setup()
    from django.utils import timezone

    from learning.certificate_pdf import render_pdf
    from learning.models import Certificate

    def certificate(language):
        name, title = NAMES[language]
        return Certificate(code="ABCDEFGHJKLM", name=name, module_title_de=NAMES["de"][1],
                           module_title=title, language=language, issued_at=timezone.now(),
                           module_key="00000000-0000-0000-0000-000000000001")

    render_pdf(certificate("ar"))  # warm-up: fonts, templates
    print(f"{'language':<9}{'wall p50':>9}{'p95':>8}{'cpu p50':>9}{'bytes':>8}")
    for language in NAMES:
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            pdf = render_pdf(certificate(language))
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        p95 = sorted(walls)[min(len(walls) - 1, int(0.95 * len(walls)))]
        print(f"{language:<9}{statistics.median(walls):>7.0f}ms{p95:>6.0f}ms"
              f"{statistics.median(cpus):>7.0f}ms{len(pdf):>8}")


if __name__ == "__main__":
    main()
