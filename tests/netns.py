"""Several "hosts" on one machine: network namespaces on a bridge, and TCP forwarders to local servers.

``network(["a", "b"])`` creates a bridge in the root namespace (its ``gateway`` address ``10.231.N.1``,
N random and unused) and one namespace per host, each joined to the bridge by a veth pair (host
``i`` at ``10.231.N.(11+i)``, ``lo`` up); everything is deleted again on exit, even after a failure.
Names carry a random suffix, so parallel runs don't collide. ``Forwarder`` listens on the bridge
address and copies bytes to a server that binds 127.0.0.1 only (tests/servers.py), which the
namespaces cannot reach otherwise; it counts connections by client address, which tells which
host talked to it. Root only: ``unavailable_reason()`` says why not when it can't be done.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import shutil
import socket
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


def ip(*args: str) -> str:
    """Run ``ip ARGS``; its stdout, or RuntimeError with its stderr."""
    done = subprocess.run(["ip", *args], capture_output=True, text=True, check=False, timeout=30)
    if done.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def unavailable_reason() -> str | None:
    """Why namespaces can't be made here (not root, no iproute2, `ip netns add` refused), or None."""
    if os.geteuid() != 0:
        return "network namespaces need root (ip netns); run the test as root"
    if shutil.which("ip") is None:
        return "iproute2 is not installed (apt-get install iproute2): no `ip netns`"
    probe = f"intk-probe-{secrets.token_hex(3)}"
    try:
        ip("netns", "add", probe)
    except RuntimeError as exc:
        return f"cannot create a network namespace: {exc}"
    ip("netns", "del", probe)
    return None


@dataclass(frozen=True)
class Host:
    """One namespace: ``name`` (ip netns), ``address`` on the bridge, ``veth`` (its root-side end)."""

    label: str
    name: str
    address: str
    veth: str

    def argv(self, argv: Sequence[str]) -> list[str]:
        return ["ip", "netns", "exec", self.name, *argv]

    def popen(self, argv: Sequence[str], env: Mapping[str, str], log: Path, cwd: Path) -> subprocess.Popen[bytes]:
        """Start ``argv`` inside the namespace (``ip netns exec`` execs it: the pid is the command's),
        in a process group of its own, stdout and stderr appended to ``log``."""
        with log.open("ab") as out:
            return subprocess.Popen(self.argv(argv), env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)

    def run(self, argv: Sequence[str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.argv(argv), capture_output=True, text=True, timeout=timeout, check=False)


@dataclass
class Network:
    bridge: str
    gateway: str  # the bridge's address: what the namespaces reach the root namespace at
    hosts: dict[str, Host] = field(default_factory=dict)


def _free_subnet() -> ipaddress.IPv4Network:
    used = [ipaddress.ip_interface(word).network for line in ip("-o", "-4", "addr", "show").splitlines()
            for word in line.split()[3:4]]
    candidates = [ipaddress.IPv4Network(f"10.231.{n}.0/24") for n in range(256)]
    free = [net for net in candidates if not any(net.overlaps(u) for u in used)]
    if not free:
        raise RuntimeError("no free /24 left in 10.231.0.0/16")
    return secrets.choice(free)


@contextlib.contextmanager
def network(labels: Sequence[str]) -> Iterator[Network]:
    """A bridge and one namespace per label (see the module docstring); all removed on exit."""
    tag = secrets.token_hex(3)
    subnet = _free_subnet()
    base = subnet.network_address
    net = Network(bridge=f"intk-br{tag}", gateway=str(base + 1))
    undo: list[list[str]] = []
    try:
        ip("link", "add", net.bridge, "type", "bridge")
        undo.append(["link", "del", net.bridge])
        ip("addr", "add", f"{net.gateway}/{subnet.prefixlen}", "dev", net.bridge)
        ip("link", "set", net.bridge, "up")
        for i, label in enumerate(labels):
            host = Host(label, f"intk-{tag}-{label}", str(base + 11 + i), f"intk{tag}h{i}")
            peer = f"intk{tag}n{i}"  # interface names: at most 15 characters
            ip("netns", "add", host.name)
            undo.append(["netns", "del", host.name])
            ip("link", "add", host.veth, "type", "veth", "peer", "name", peer)
            undo.append(["link", "del", host.veth])  # deletes both ends
            ip("link", "set", peer, "netns", host.name)
            ip("link", "set", host.veth, "master", net.bridge, "up")
            ip("-n", host.name, "addr", "add", f"{host.address}/{subnet.prefixlen}", "dev", peer)
            ip("-n", host.name, "link", "set", peer, "up")
            ip("-n", host.name, "link", "set", "lo", "up")
            net.hosts[label] = host
        yield net
    finally:
        for args in reversed(undo):
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                ip(*args)


_CONNECT_CHECK = """\
import socket, sys
host, port = sys.argv[1], int(sys.argv[2])
socket.create_connection((host, port), 5).close()
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[3])), 1).close()
except OSError:
    pass
else:
    sys.exit("127.0.0.1:%s answers inside the namespace: it is not isolated" % sys.argv[3])
"""


def check_reach(host: Host, python: str, target: tuple[str, int], isolated_port: int) -> None:
    """Inside ``host``: ``target`` accepts TCP connections and 127.0.0.1:``isolated_port`` does not
    (it is the root namespace's only). RuntimeError saying which failed."""
    done = host.run([python, "-c", _CONNECT_CHECK, target[0], str(target[1]), str(isolated_port)])
    if done.returncode != 0:
        raise RuntimeError(f"from namespace {host.name} ({host.address}) to {target[0]}:{target[1]}: "
                           f"{done.stderr.strip().splitlines()[-1:] or done.returncode} "
                           f"(a firewall on the bridge {host.veth}?)")


# --------------------------------------------------------------------------- TCP forwarder


class Forwarder:
    """Listens on ``listen_host`` (a free port) and copies each connection to ``target`` both ways."""

    def __init__(self, listen_host: str, target: tuple[str, int]) -> None:
        self.target = target
        self._server = socket.create_server((listen_host, 0))
        self._server.settimeout(0.2)
        self.host, self.port = self._server.getsockname()[:2]
        self.peers: Counter[str] = Counter()  # client address → connections accepted
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name=f"forward-{self.port}", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, peer = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, 10)
            except OSError:
                client.close()
                continue
            for s in (client, upstream):
                s.settimeout(None)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self.peers[peer[0]] += 1
                self._open.update((client, upstream))
            pending = [2]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst, client, upstream, pending), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, a: socket.socket, b: socket.socket,
              pending: list[int]) -> None:
        how = socket.SHUT_WR
        try:
            while data := src.recv(256 * 1024):
                dst.sendall(data)
        except OSError:
            how = socket.SHUT_RDWR  # a reset: end the other direction too
        with contextlib.suppress(OSError):
            dst.shutdown(how)
        with self._lock:
            pending[0] -= 1
            last = pending[0] == 0
            if last:
                self._open.difference_update((a, b))
        if last:
            a.close()
            b.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()
        with self._lock:
            conns = list(self._open)
        for s in conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def forwarders(listen_host: str, targets: Mapping[str, tuple[str, int]]) -> Iterator[dict[str, Forwarder]]:
    """One ``Forwarder`` per named target, all closed on exit."""
    made: dict[str, Forwarder] = {}
    try:
        for name, target in targets.items():
            made[name] = Forwarder(listen_host, target)
        yield made
    finally:
        for fwd in made.values():
            fwd.close()
