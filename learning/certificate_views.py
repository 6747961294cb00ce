"""Public verification of certificates, and the PDF download for their own learner.

The verification page shows the name, the module and the date, and nothing else (no e-mail,
no progress). It is never shared-cached (a revocation shows at once) and asks search engines
not to index it: a name is not something to be found by search. The PDF is answered to the
certificate's own signed-in learner only; anyone else gets the same 404 as for an unknown
code, so a code's existence is not given away.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from cms.views import read_only

from .certificates import find
from .learners import current_learner
from .models.certificates import CODE_LENGTH, group_code, normalise_code

NOINDEX = "noindex, nofollow"


def _page(request, context, status=200):
    response = render(request, "learning/certificate/verify.html", context, status=status)
    response["X-Robots-Tag"] = NOINDEX
    return response


@read_only
def lookup(request):
    """The form: a typed code (spaces, hyphens, small letters allowed) leads to its page."""
    typed = request.GET.get("code", "")
    code = normalise_code(typed)
    if code:
        return HttpResponseRedirect(reverse("learning:certificate", args=[group_code(code)]))
    return _page(request, {"typed": typed, "empty": "code" in request.GET})


@read_only
def verify(request, code):
    normal = normalise_code(code)
    if normal and code != group_code(normal):  # one address per certificate
        return HttpResponseRedirect(reverse("learning:certificate", args=[group_code(normal)]))
    certificate = find(normal) if len(normal) == CODE_LENGTH else None
    if certificate is None:
        return _page(request, {"unknown": True, "typed": code}, status=404)
    learner = current_learner(request)
    mine = learner is not None and certificate.learner_id == learner.pk
    return _page(request, {"certificate": certificate, "typed": certificate.grouped_code,
                           "mine": mine and certificate.revoked_at is None})


@read_only
def download(request, code):
    from .certificate_pdf import render_pdf  # WeasyPrint loads only when a PDF is asked for

    certificate = find(code)
    learner = current_learner(request)
    if (certificate is None or learner is None or learner.user_id is None
            or certificate.learner_id != learner.pk or certificate.revoked_at is not None):
        return _page(request, {"unknown": True, "typed": code}, status=404)
    response = HttpResponse(render_pdf(certificate), content_type="application/pdf")
    filename = f"wegweiser-certificate-{certificate.grouped_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = NOINDEX
    return response
