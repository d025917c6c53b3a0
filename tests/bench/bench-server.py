#!/usr/bin/env python3
"""bench-server.py — mizan-server's throughput on loopback, beside nginx serving the same answer from a file.

Loads 100,000 submissions over HTTP (submissions/s), then measures benchmark
queries/s and p50/p99 latency with wrk, and the same with nginx serving the
benchmark JSON as a static file; prints the ratio. A third server, soup-floor,
answers with the same bytes from SoupServers that do nothing else, on as many
threads as mizan-server: the most any libsoup server so laid out can reach
here. The servers are measured in turn, MIZAN_BENCH_ROUNDS rounds (3) of
MIZAN_BENCH_SECONDS each (5). Prints figures, asserts none.
Usage: bench-server.py PATH-TO-mizan-server [N-SUBMISSIONS]   (nginx and wrk from Debian; root for nginx)"""
import importlib.util
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# bench.sh runs every benchmark with the build folder; the harness takes the server binary.
if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
    sys.argv[1] = os.path.join(sys.argv[1], 'app', 'server', 'mizan-server')
# Beside it in the build folder: the bare SoupServer (tests/bench/soup-floor.c).
SOUP_FLOOR = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), '..', '..', 'tests', 'bench', 'soup-floor') \
    if len(sys.argv) > 1 else None
sys.path.insert(0, os.path.join(HERE, '..'))
_spec = importlib.util.spec_from_file_location('server_harness', os.path.join(HERE, '..', 'server', 'test-server.py'))
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)

N = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
PROCESSES = 4
THREADS = 8
QUERY = '/api/v1/benchmarks?framework=oic-ccmm&country=PAK'
DURATION = os.environ.get('MIZAN_BENCH_SECONDS', '5')
ROUNDS = int(os.environ.get('MIZAN_BENCH_ROUNDS', '3'))


def load_thread(port, tokens, count, seed, statuses):
    s = harness.Server.__new__(harness.Server)
    s.scheme, s.port = 'http', port
    rng = random.Random(seed)
    docs = []
    for _ in range(count):
        country = rng.choice(sorted(tokens))
        docs.append((country, json.dumps(harness.make_submission(
            country, rng.choice(harness.SECTORS), rng.choice(harness.SIZES), rng))))
    mine = {}
    barrier.wait()
    conn = s.connection()
    for country, body in docs:
        status = s.submit(tokens[country], body, conn=conn).status
        mine[status] = mine.get(status, 0) + 1
    conn.close()
    with lock:
        for k, v in mine.items():
            statuses[k] = statuses.get(k, 0) + v


def load_part(args):
    """One client process: THREADS keep-alive connections, each sending its share.
    The server commits concurrent writes together, so many writers in flight
    is what a busy day looks like; one at a time would measure fsync alone."""
    port, tokens, count, seed = args
    global barrier, lock
    lock = threading.Lock()
    began = []
    barrier = threading.Barrier(THREADS, action=lambda: began.append(time.monotonic()))
    statuses = {}
    threads = [threading.Thread(target=load_thread, args=(port, tokens, count // THREADS + (1 if i < count % THREADS else 0),
                                                          seed * 1000 + i, statuses))
               for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses, began[0], time.monotonic()


def wrk(url, token=None, connections=16, threads=2):
    cmd = ['wrk', '-t', str(threads), '-c', str(connections), '-d', f'{DURATION}s', '--latency']
    if token:
        cmd += ['-H', f'Authorization: Bearer {token}']
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=int(DURATION) + 60).stdout

    def latency(label):
        m = re.search(rf'^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$', out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value * {'us': 1e-3, 'ms': 1, 's': 1e3}[unit]

    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
    return {'rps': rps, 'p50': latency('50'), 'p99': latency('99'),
            'errors': int(non2xx.group(1)) if non2xx else 0}


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def start_nginx(root, port, workers):
    conf = os.path.join(root, 'nginx.conf')
    with open(conf, 'w') as f:
        f.write(f'''
worker_processes {workers};
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  types {{ application/json json; }}
  server {{
    listen 127.0.0.1:{port};
    root {root}/www;
    location / {{ try_files $uri /benchmarks.json; }}
  }}
  client_body_temp_path {root}/tmp; proxy_temp_path {root}/tmp; fastcgi_temp_path {root}/tmp;
  uwsgi_temp_path {root}/tmp; scgi_temp_path {root}/tmp;
}}
''')
    os.makedirs(os.path.join(root, 'tmp'), exist_ok=True)
    subprocess.run(['nginx', '-c', conf, '-p', root], check=True, timeout=30)
    for _ in range(100):
        if os.path.exists(os.path.join(root, 'nginx.pid')):
            break
        time.sleep(0.05)


def stop_nginx(root):
    pidfile = os.path.join(root, 'nginx.pid')
    if os.path.exists(pidfile):
        with open(pidfile) as f:
            os.kill(int(f.read().strip()), signal.SIGQUIT)
        for _ in range(100):
            if not os.path.exists(pidfile):
                break
            time.sleep(0.05)


def main():
    for tool in ('wrk', 'nginx'):
        if shutil.which(tool) is None and not os.path.exists(f'/usr/sbin/{tool}'):
            print(f'bench-server: {tool} is missing (apt-get install {tool})', file=sys.stderr)
            return 1
    s = harness.Server(rate=1e9, burst=1e9, extra=['--quiet'])
    nginx_root = tempfile.mkdtemp(prefix='mizan-bench-nginx-')
    nginx_roots, bare = [], None
    try:
        s.start()
        tokens = {c: s.token('submitter', c) for c in harness.OIC}
        analyst = s.token('analyst')

        share = [N // PROCESSES + (1 if i < N % PROCESSES else 0) for i in range(PROCESSES)]
        with multiprocessing.Pool(PROCESSES) as pool:
            results = pool.map(load_part, [(s.port, tokens, n, i) for i, n in enumerate(share)])
        # From the first client's first request to the last one's last answer
        # (the payloads are made before, and not counted).
        elapsed = max(r[2] for r in results) - min(r[1] for r in results)
        statuses = {}
        for r, _, _ in results:
            for k, v in r.items():
                statuses[k] = statuses.get(k, 0) + v
        stored = len(s.stored_ids())
        print(f'mizan-server: {N} submissions in {elapsed:.1f} s = {N / elapsed:.0f} submissions/s '
              f'({PROCESSES * THREADS} keep-alive clients; statuses {statuses}; {stored} stored)')

        metrics = s.request('GET', '/metrics').body.decode()
        server_workers = int(re.search(r'^mizan_http_workers (\d+)$', metrics, re.M).group(1))
        answer = s.request('GET', QUERY, analyst)
        body = answer.body
        assert answer.status == 200 and json.loads(body)['n'] > 0, answer
        # nginx's workers drop root: they must be able to read the file.
        os.chmod(nginx_root, 0o755)
        os.makedirs(os.path.join(nginx_root, 'www'), mode=0o755)
        with open(os.path.join(nginx_root, 'www', 'benchmarks.json'), 'wb') as f:
            f.write(body)
        os.chmod(os.path.join(nginx_root, 'www', 'benchmarks.json'), 0o644)

        # Every server runs at once (an idle one costs nothing) and each round
        # measures each in turn, so that a machine getting slower or faster
        # over the minutes weighs on all of them alike; the figures are the
        # medians of the rounds, the ratios those of each round's own.
        # nginx: as many workers as cores (Debian's nginx.conf says auto), and one.
        targets = {'mizan': (f'http://127.0.0.1:{s.port}{QUERY}', analyst)}
        for name, workers in (('nginx', os.cpu_count()), ('nginx1', 1)):
            root = os.path.join(nginx_root, name)
            os.makedirs(root, mode=0o755)
            shutil.copytree(os.path.join(nginx_root, 'www'), os.path.join(root, 'www'))
            port = free_port()
            start_nginx(root, port, workers)
            nginx_roots.append(root)
            targets[name] = (f'http://127.0.0.1:{port}/benchmarks.json', None)
        if SOUP_FLOOR and os.path.exists(SOUP_FLOOR):
            # As many workers as mizan-server runs, each on its own SO_REUSEPORT socket.
            bare = subprocess.Popen([SOUP_FLOOR, os.path.join(nginx_root, 'www', 'benchmarks.json'), str(server_workers)],
                                    stdout=subprocess.PIPE, text=True)
            targets['floor'] = (f'http://127.0.0.1:{bare.stdout.readline().strip()}{QUERY}', None)
        rounds = {name: [] for name in targets}
        for i in range(ROUNDS):
            for name, (url, token) in targets.items():
                rounds[name].append(wrk(url, token))
            print(f'round {i + 1}: ' + ', '.join(f'{name} {r[-1]["rps"]:.0f}/s' for name, r in rounds.items()))

        def med(name, key):
            return statistics.median(r[key] for r in rounds[name])

        def ratio(name):
            return statistics.median(a['rps'] / b['rps'] for a, b in zip(rounds[name], rounds['mizan']))
        mizan = {k: med('mizan', k) for k in ('rps', 'p50', 'p99', 'errors')}
        static = {k: med('nginx', k) for k in ('rps', 'p50', 'p99', 'errors')}
        single = {k: med('nginx1', k) for k in ('rps', 'p50', 'p99', 'errors')}
        floor = {k: med('floor', k) for k in ('rps', 'p50', 'p99', 'errors')} if 'floor' in rounds else None

        print(f'answer: {len(body)} bytes, {json.loads(body)["n"]} submissions in the group; '
              f'wrk: 2 threads, 16 connections, {DURATION} s each, {ROUNDS} rounds (medians); '
              f'mizan-server and the bare SoupServer: {server_workers} worker threads')
        for name, r in (('mizan-server benchmarks', mizan), ('nginx static file     ', static),
                        ('nginx, one worker     ', single), ('bare SoupServer       ', floor)):
            if r is not None:
                print(f'{name}: {r["rps"]:.0f} queries/s, p50 {r["p50"]:.3f} ms, p99 {r["p99"]:.3f} ms'
                      + (f', {r["errors"]:.0f} non-2xx' if r['errors'] else ''))
        print(f'ratio nginx / mizan-server: {ratio("nginx"):.2f}x queries/s, '
              f'p50 {mizan["p50"] / static["p50"]:.2f}x, p99 {mizan["p99"] / static["p99"]:.2f}x '
              f'(aim: within 3x)')
        print(f'machine: {os.cpu_count()} cores, shared with whatever else runs')
        print(f'| server: load {N} submissions | {N / elapsed:.0f} submissions/s | | |')
        print(f'| server: benchmark queries with {N} stored ({server_workers} worker threads, the default here) '
              f'| {mizan["rps"]:.0f} queries/s, p50 {mizan["p50"]:.2f} ms, p99 {mizan["p99"]:.2f} ms | | |')
        for name, label in (('nginx', 'server: queries/s beside nginx serving the same JSON'),
                            ('nginx1', 'server: the same, nginx with one worker process')):
            r = ratio(name)
            print(f'| {label} (median of {ROUNDS} rounds) | nginx {r:.2f}× faster (nginx {med(name, "rps"):.0f}/s, '
                  f'p99 {med(name, "p99"):.2f} ms) | within 3× | {"yes" if r <= 3 else "**no**"} |')
        if floor is not None:
            print(f'| server: a bare SoupServer ({server_workers} workers) answering the same bytes, beside nginx and '
                  f'mizan-server | {floor["rps"]:.0f} queries/s: nginx {static["rps"] / floor["rps"]:.2f}× faster, '
                  f'mizan-server at {100 / ratio("floor"):.0f} % of it | — (the floor under libsoup) | — |')
        return 0
    finally:
        if bare is not None:
            bare.kill()
            bare.wait()
        for root in nginx_roots:
            stop_nginx(root)
        s.close()
        shutil.rmtree(nginx_root, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
