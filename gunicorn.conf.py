"""gunicorn's settings for the dashboard, read when gunicorn is started from this folder
(`gunicorn dashboard.wsgi:server`, as the README says).

A request line over gunicorn's own limit (8,190 bytes by default) would get gunicorn's bare 414 page,
without the security headers every other response carries. So the line is passed on, and the app
refuses a query over 64 KB itself, with its headers and a sentence saying what to do
(dashboard/http_headers.py); the address's own reader keeps 2,000 characters of any query and says so.
"""

limit_request_line = 0  # no limit here: the app sets it (MAX_QUERY_BYTES)
