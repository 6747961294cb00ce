"""Document downloads without the header ``Content-Encoding: None``.

Why: wagtail.utils.sendfile (Wagtail 8.0; copied from django-sendfile 0.3.6), which serves
every document kept on the file system, ends with
``response["Content-Encoding"] = encoding or guessed_encoding``. For any file that Python's
mimetypes does not take for a compressed one (.gz, .bz2, .xz …), which is every document type
this site accepts, both are None, and Django sends the header as ``Content-Encoding: None``:
an encoding that does not exist, which a strict client or proxy refuses to decode. A real
encoding (a .csv.gz uploaded one day) is kept.

Used by cms.views.serve_document. Delete when Wagtail sets the header only for a real
encoding: tests/cms/test_http_methods.py::test_document_download_has_no_bogus_content_encoding
then passes without it.
"""


def without_bogus_content_encoding(response):
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    return response
