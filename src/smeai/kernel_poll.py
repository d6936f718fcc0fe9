"""A workaround for kernel messages that arrive but are not noticed until a timeout.

jupyter_client's asyncio channels wait with ``zmq.asyncio`` ``socket.poll(timeout)``. Now and
then that poll misses the wake-up for a message that has already arrived, and only sees it when
the timeout ends (pyzmq issues #1558 and #2173). Measured here: about one notebook run in 25
stalled for exactly its cell timeout (120 s) and then went on as if nothing happened. nbclient,
nbconvert and so nbgrader all wait this way.

:func:`apply` makes every such wait poll in one-second slices: the end of each slice looks at
the socket again, so a missed wake-up costs at most a second. It changes nothing else. The
tests, the benchmarks and nbgrader (through ``assessments/nbgrader_config.py``) apply it.
"""

from __future__ import annotations

from time import monotonic

SLICE_S = 1.0


def apply() -> None:
    """Patch ``AsyncZMQSocketChannel.get_msg`` once per process (safe to call again)."""
    from queue import Empty

    from jupyter_client.channels import AsyncZMQSocketChannel

    if getattr(AsyncZMQSocketChannel.get_msg, "_smeai_sliced", False):
        return

    async def get_msg(self, timeout: float | None = None):
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            left = SLICE_S if deadline is None else max(0.0, min(SLICE_S, deadline - monotonic()))
            if await self.socket.poll(int(left * 1000)):
                return await self._recv()
            if deadline is not None and monotonic() >= deadline:
                raise Empty

    get_msg._smeai_sliced = True
    get_msg.__doc__ = AsyncZMQSocketChannel.get_msg.__doc__
    AsyncZMQSocketChannel.get_msg = get_msg
