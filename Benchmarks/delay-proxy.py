#!/usr/bin/env python3
"""A loopback proxy that adds latency, for Benchmarks/network-check.sh.

  delay-proxy.py udp <upstream-port> <delay-ms>   DNS: each answer comes back <delay-ms> late
  delay-proxy.py tcp <port,port,...> <delay-ms>   TLS: each chunk, either way, is <delay-ms>/2 late;
                                                  connections go round the upstream ports in turn
                                                  (`openssl s_server` serves one connection at a time)
  delay-proxy.py silent-udp | silent-tcp          a peer that never answers (time-to-failure figures)

Listens on 127.0.0.1 on a port the system picks and prints it on the first line of standard output.
Only the Python standard library (asyncio)."""
import asyncio
import socket
import sys


async def udp(upstream_port, delay):
    loop = asyncio.get_running_loop()

    class Front(asyncio.DatagramProtocol):
        def connection_made(self, transport):
            self.transport = transport

        def datagram_received(self, data, client):
            asyncio.ensure_future(self.forward(data, client))

        async def forward(self, data, client):
            done = loop.create_future()

            class Back(asyncio.DatagramProtocol):
                def datagram_received(self, answer, _):
                    if not done.done():
                        done.set_result(answer)

            back, _ = await loop.create_datagram_endpoint(Back, remote_addr=("127.0.0.1", upstream_port))
            back.sendto(data)
            try:
                answer = await asyncio.wait_for(done, 5)
            except asyncio.TimeoutError:
                return
            finally:
                back.close()
            await asyncio.sleep(delay)
            self.transport.sendto(answer, client)

    transport, _ = await loop.create_datagram_endpoint(Front, local_addr=("127.0.0.1", 0))
    print(transport.get_extra_info("sockname")[1], flush=True)
    await asyncio.Event().wait()


async def tcp(upstream_ports, delay):
    turn = [0]

    async def pipe(reader, writer):
        # Latency, not a slower line: each chunk leaves delay/2 after it arrived, whatever came before.
        loop = asyncio.get_running_loop()
        queue = asyncio.Queue()

        async def send():
            while True:
                due, chunk = await queue.get()
                if chunk is None:
                    break
                await asyncio.sleep(max(0, due - loop.time()))
                writer.write(chunk)
                await writer.drain()

        sender = asyncio.ensure_future(send())
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    break
                queue.put_nowait((loop.time() + delay / 2, chunk))
        except (ConnectionError, OSError):
            pass
        queue.put_nowait((0, None))
        try:
            await sender
        except (ConnectionError, OSError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    async def handle(client_reader, client_writer):
        upstream_port = upstream_ports[turn[0] % len(upstream_ports)]
        turn[0] += 1
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, upstream_writer), pipe(upstream_reader, client_writer))

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


def silent(kind):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if kind == "udp" else socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    if kind == "tcp":
        sock.listen(64)
    print(sock.getsockname()[1], flush=True)
    while True:
        asyncio.run(asyncio.sleep(3600))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode.startswith("silent-"):
        silent(mode[len("silent-"):])
    else:
        ports, delay = [int(port) for port in sys.argv[2].split(",")], int(sys.argv[3]) / 1000
        asyncio.run(udp(ports[0], delay) if mode == "udp" else tcp(ports, delay))
