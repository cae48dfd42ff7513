"""One kaleido browser kept warm in a thread of its own, handing each render back before it cleans up.

kaleido reloads its tab after every render, so the next figure starts on a clean page, and does it
before the result is returned: every export waited ~150 ms for the next one's page, and then drew
on a page whose plotly.js had just been loaded again, not yet optimised by the JavaScript engine
(another ~100-150 ms). Here the tab is reloaded only after every RELOAD_EVERY-th export (Plotly's
toImage draws in a div of its own and removes it; the reload bounds whatever else a page keeps),
and then after the result has gone back; a next render waits for the tab as it always did.
The browser belongs to this object, not to kaleido's process-wide server, so two renderers in one
process do not share (and close) one browser.

Imported only when an export is made: the dashboard starts and serves without kaleido.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from typing import Any, Coroutine

from kaleido import Kaleido

CLOSE_TIMEOUT_S = 30
RELOAD_EVERY = 25  # exports drawn on one page before it is reloaded


class _ReturnFirst(Kaleido):
    """Kaleido that returns a used tab to its queue (reloading it) after the render has returned."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cleanups: set[asyncio.Task] = set()
        self.cleanup_error: BaseException | None = None
        self._renders = 0

    # kaleido 1.5 awaits this in the `finally` of each render, before handing back the result.
    async def _return_kaleido_tab(self, tab) -> None:
        self._renders += 1
        if self._renders % RELOAD_EVERY:
            await self.tabs_ready.put(tab)  # the same page, its plotly.js already optimised
            return
        task = asyncio.get_running_loop().create_task(super()._return_kaleido_tab(tab))
        self._cleanups.add(task)
        task.add_done_callback(self._cleanup_done)

    def _cleanup_done(self, task: asyncio.Task) -> None:
        self._cleanups.discard(task)
        # A reload that failed, or was cancelled because the browser went away, never puts the tab
        # back: a next render would wait for it until its time limit.
        if task.cancelled():
            self.cleanup_error = asyncio.CancelledError("the page's reload was cancelled")
        elif task.exception() is not None:
            self.cleanup_error = task.exception()

    async def settle(self) -> None:
        await asyncio.gather(*self._cleanups, return_exceptions=True)


class WarmBrowser:
    """kaleido's browser with one tab, driven from any thread; `render` calls queue on its one tab."""

    def __init__(self, page_generator, timeout_s: float):
        self._timeout_s = timeout_s
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True)
        self._thread.start()
        try:
            self._kaleido: _ReturnFirst = self._run(self._open(page_generator), timeout_s)
        except BaseException:
            self._end_loop()
            raise

    async def _open(self, page_generator) -> _ReturnFirst:
        kaleido = _ReturnFirst(n=1, timeout=self._timeout_s, page_generator=page_generator)
        await kaleido.open()
        return kaleido

    def render(self, figure: dict, opts: dict) -> bytes:
        # kaleido's own time limit covers the drawing, not the wait for the tab: this one covers both.
        return self._run(self._render(figure, opts), self._timeout_s + 10)

    async def _render(self, figure: dict, opts: dict) -> bytes:
        await self._kaleido.settle()  # the last export's tab is back, or it never will be
        if self._kaleido.cleanup_error is not None:
            error = self._kaleido.cleanup_error
            raise RuntimeError(f"the browser could not clean its page after the last export "
                               f"({error.__class__.__name__}: {error})")
        return await self._kaleido.calc_fig(figure, opts=opts)

    def close(self) -> None:
        try:
            self._run(self._close(), CLOSE_TIMEOUT_S)
        finally:
            self._end_loop()

    async def _close(self) -> None:
        await self._kaleido.settle()
        await self._kaleido.__aexit__(None, None, None)

    def _run(self, coroutine: Coroutine, timeout_s: float):
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout_s)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise TimeoutError(f"the browser did not answer in {timeout_s:.0f} s") from None

    def _end_loop(self) -> None:
        try:  # what the browser left running (its watchdog, after a crash) ends with the loop
            asyncio.run_coroutine_threadsafe(_cancel_the_rest(), self._loop).result(5)
        except Exception:  # the loop is past answering: stop it all the same
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self._loop.close()


async def _cancel_the_rest() -> None:
    tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
