"""A TCP forwarder of the tests' own, in front of a server (PostgreSQL) that the tests
must not stop: closing it is the server going away for those that connect through it
(new connections refused, open ones cut), and opening it again, on the same port, is the
server coming back."""

import contextlib
import socket
import threading


def free_port(first=9100, last=9199):
    """A loopback port in [first, last] that nothing listens on (the range given to
    these tests on a shared machine)."""
    for port in range(first, last + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {first}-{last}")


class Proxy:
    def __init__(self, target_host, target_port, port):
        self.target = (target_host, target_port)
        self.port = port
        self._sockets = set()
        self._lock = threading.Lock()
        self._listener = None
        self.open()

    def open(self):
        listener = socket.create_server(("127.0.0.1", self.port))
        listener.settimeout(0.05)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def close(self):
        """Refuse new connections and cut the open ones, as a server that went away."""
        self._listener, listener = None, self._listener
        listener.close()
        with self._lock:
            for sock in self._sockets:
                _cut(sock)
            self._sockets.clear()

    def _accept(self, listener):
        while self._listener is listener:
            try:
                client, _address = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            for sock in (client, upstream):
                sock.settimeout(None)
            with self._lock:
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                _cut(sock)
                with self._lock:
                    self._sockets.discard(sock)


def _cut(sock):
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
