# Read by gunicorn from the working directory (/app in the image; benchmarks/load.py too).
# Gunicorn answers a request line longer than this with its own bare 414 page; up to it, the
# site answers an overlong address with its own 404 page (cms/middleware.py). 8190 is
# gunicorn's maximum.
limit_request_line = 8190
