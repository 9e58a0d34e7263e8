"""Worker processes and clusters for :mod:`framing.stream`: started with a guard that ends them
with the main process, and stopped quietly after Ctrl-C."""

from __future__ import annotations

import concurrent.futures as cf
import logging
import os

from .errors import FramingError, ParameterError


def end_with_parent(parent):
    """Pool initializer: a worker dies with the main process, even after SIGKILL."""
    import ctypes
    import signal
    import threading
    import time

    # Ctrl-C reaches the whole process group: the main process handles it and stops the pool,
    # so that the workers do not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:  # Linux: the kernel sends SIGKILL when the parent ends
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - other systems: the watchdog only
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="framing-parent-watch").start()


def executor(engine, jobs, scheduler):
    if engine == "local":
        if jobs <= 1:
            return None, None
        return cf.ProcessPoolExecutor(max_workers=jobs, initializer=end_with_parent,
                                      initargs=(os.getpid(),)), None
    if engine == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise FramingError("the Dask engine needs dask and distributed",
                               fix="pip install 'framing[dask]'") from None
        if scheduler:
            timeout = float(os.environ.get("FRAMING_DASK_TIMEOUT", "10"))
            try:
                client = Client(scheduler, timeout=timeout)
            except (OSError, TimeoutError) as exc:
                raise FramingError(f"cannot reach the Dask scheduler {scheduler} within "
                                   f"{timeout:g} s ({type(exc).__name__})",
                                   fix="start the scheduler, check the address, or leave out "
                                       "--scheduler to use a local cluster "
                                       "(FRAMING_DASK_TIMEOUT sets the wait)") from None
        else:
            client = Client(_without_sigint(lambda: LocalCluster(
                n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR)))
        return client, client
    raise ParameterError(f"unknown engine '{engine}'", fix="use --engine local or dask")


def _without_sigint(start):
    """Call ``start`` with SIGINT ignored, so that the processes it starts inherit that: Ctrl-C
    is then handled by the main process alone, which stops the cluster quietly."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return start()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return start()
    finally:
        signal.signal(signal.SIGINT, previous)


def shutdown(pool, client, scheduler, interrupted):
    """Stop the workers; after Ctrl-C quietly (Dask would log every cancelled task)."""
    import contextlib
    import logging

    if interrupted:
        for name in ("distributed", "tornado", "asyncio"):
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    with contextlib.ExitStack() as stack:
        if interrupted:
            stack.enter_context(contextlib.suppress(Exception, KeyboardInterrupt))
        if client is not None:
            cluster = None if scheduler else client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
        elif pool is not None:
            pool.shutdown(cancel_futures=True)
