"""The harness that the tests, the benchmarks and the tools share: the dashboard served in-process or
as users run it (the development server, gunicorn), Debian's headless Chromium, a throwaway
redis-server and export worker, free ports, waiting on a condition, and the recorded user journey
replayed by many users. The dashboard itself never imports it."""
