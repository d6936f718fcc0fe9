"""The sliced wait for kernel messages still times out, and still delivers."""

import asyncio
import time
from queue import Empty

import pytest
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import start_new_async_kernel

from smeai import kernel_poll


def test_apply_is_idempotent_and_marks_the_patch():
    kernel_poll.apply()
    patched = AsyncZMQSocketChannel.get_msg
    kernel_poll.apply()
    assert AsyncZMQSocketChannel.get_msg is patched and patched._smeai_sliced


def test_sliced_wait_times_out_and_still_receives_replies():
    kernel_poll.apply()

    async def scenario():
        km, kc = await start_new_async_kernel(kernel_name="python3")
        try:
            start = time.monotonic()
            with pytest.raises(Empty):
                await kc.shell_channel.get_msg(timeout=1.5)  # nothing was asked: nothing comes
            waited = time.monotonic() - start
            msg_id = kc.execute("21 * 2")
            while True:
                reply = await kc.shell_channel.get_msg(timeout=30)
                if reply["parent_header"].get("msg_id") == msg_id:
                    return waited, reply["content"]["status"]
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    waited, status = asyncio.run(scenario())
    assert 1.4 <= waited < 3.5 and status == "ok"
