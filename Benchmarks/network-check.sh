#!/usr/bin/env bash
# Issue 12's figures, on the release binary:
#   1. `closte domain status --all` over N domains (default 500) with D ms (default 50) of latency
#      added to every DNS answer and to each TLS chunk, either way: --concurrency=16 (the default)
#      against --concurrency=1 (one at a time). Closte is closte-simulator listing the N domains;
#      DNS is dnsmasq; TLS is 16 `openssl s_server` (each serves one connection at a time); the
#      latency comes from Benchmarks/delay-proxy.py in front of both.
#   2. Time to failure, with the defaults (no --timeout, no RES_OPTIONS), of `dns check` against a
#      UDP resolver that never answers and a TCP one that accepts and never speaks (its UDP port is
#      closed, so the question goes to TCP), and of `ssl check` against a port that never speaks TLS.
# Every command's answer is checked before its time means anything.
# Usage: bash Benchmarks/network-check.sh [domains] [delay-ms] [sections, e.g. "1 2"] [sample]
#   sample: time one at a time over only the first <sample> domains and scale it to all of them
#   (one at a time over 500 domains takes many minutes on a busy machine).
#   (needs dnsmasq, openssl and python3, as the tests do)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500}
delay=${2:-50}
sections=" ${3:-1 2} "
sample=${4:-$count}
want() { [[ "$sections" == *" $1 "* ]]; }
for tool in dnsmasq openssl python3; do
  command -v "$tool" >/dev/null || { echo "network-check.sh: needs $tool" >&2; exit 1; }
done

# BIN_DIR=.build/debug tries the script itself on the debug build (its figures mean nothing).
bin=${BIN_DIR:-}
if [ -z "$bin" ]; then
  swift build -c release --product closte >/dev/null 2>&1 || swift build -c release --product closte
  swift build -c release --product closte-simulator >/dev/null 2>&1 || swift build -c release --product closte-simulator
  bin=$PWD/.build/release
fi
bin=$(cd "$bin" && pwd)
proxy="python3 $PWD/Benchmarks/delay-proxy.py"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a command in the background whose first output line ending in a number gives its port
# (`ACCEPT 127.0.0.1:<port>` for s_server); sets $port.
start() { # name, command...
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 100); do grep -qE '[0-9]+$' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  port=$(grep -m 1 -E '[0-9]+$' "$work/$name.out" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] || { echo "network-check.sh: $name did not start: $(cat "$work/$name.err")" >&2; exit 1; }
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
seconds_of() { # command...: runs it, prints the seconds it took (the command's output goes to $work/last)
  local began ended
  began=$(date +%s%N)
  "$@" >"$work/last" 2>"$work/last.err" || true
  ended=$(date +%s%N)
  python3 -c "print(round(($ended - $began) / 1e9, 2))"
}

if want 1; then
  echo "== 1. domain status --all: $count domains, $delay ms of DNS and TLS latency"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/ca.key" \
    -out "$work/ca.pem" -days 30 -subj "/CN=Bench CA" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/site.key" \
    -out "$work/site.csr" -subj "/CN=*.net.bench.test" 2>/dev/null
  echo "subjectAltName=DNS:*.net.bench.test" >"$work/site.ext"
  openssl x509 -req -in "$work/site.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -set_serial 1 -days 30 \
    -extfile "$work/site.ext" -out "$work/site.pem" 2>/dev/null
  for i in $(seq 1 "$count"); do echo "site-$i.net.bench.test"; done >"$work/domains.txt"

  dns_port=$(free_port)
  {
    printf '%s\n' no-resolv no-hosts no-poll bind-interfaces listen-address=127.0.0.1 "port=$dns_port" pid-file= \
      local-ttl=300 local=/bench.test/ cache-size=10000
    sed 's/.*/host-record=&,127.0.0.1/' "$work/domains.txt"
  } >"$work/dnsmasq.conf"
  dnsmasq --no-daemon --conf-file="$work/dnsmasq.conf" >"$work/dnsmasq.log" 2>&1 &
  pids+=($!)
  tls_ports=()
  for k in $(seq 1 16); do
    start "s_server-$k" openssl s_server -www -accept 127.0.0.1:0 -cert "$work/site.pem" -key "$work/site.key"
    tls_ports+=("$port")
  done
  start dns-proxy $proxy udp "$dns_port" "$delay"
  dns_proxy=$port
  start tls-proxy $proxy tcp "$(IFS=,; echo "${tls_ports[*]}")" "$delay"
  tls_proxy=$port
  start simulator "$bin/closte-simulator" --port=0 --key=bench-key --quiet --seed="$work/domains.txt"
  simulator="http://127.0.0.1:$port"
  sleep 0.5

  export CLOSTE_CLIENT_API_KEY=bench-key
  status=("$bin/closte" domain status --all --format=json --resolver="127.0.0.1:$dns_proxy" --port="$tls_proxy"
    --ca-file="$work/ca.pem" --expect=127.0.0.1 --quiet)
  check() { # label: the last run's answer must be every domain done
    local done
    done=$(grep -o '"stage":"done"' "$work/last" | wc -l)
    [ "$done" = "$count" ] || { echo "network-check.sh: $1: $done of $count done: $(head -c 600 "$work/last")" >&2; exit 1; }
  }
  concurrent=()
  for run in 1 2 3; do
    concurrent+=("$(seconds_of "${status[@]}" --api-url="$simulator")")
    check "concurrency 16, run $run"
    echo "concurrency 16, run $run: ${concurrent[-1]} s"
  done
  median=$(printf '%s\n' "${concurrent[@]}" | sort -n | sed -n 2p)
  echo "concurrency 16 (3 runs): median $median s for $count domains"
  # One at a time over the first $sample domains (all by default): a second simulator lists only them.
  if [ "$sample" -lt "$count" ]; then
    head -n "$sample" "$work/domains.txt" >"$work/sample.txt"
    start simulator-sample "$bin/closte-simulator" --port=0 --key=bench-key --quiet --seed="$work/sample.txt"
    sleep 0.5
    sequential=$(seconds_of "${status[@]}" --concurrency=1 --api-url="http://127.0.0.1:$port")
  else
    sequential=$(seconds_of "${status[@]}" --concurrency=1 --api-url="$simulator")
  fi
  count_checked=$count
  count=$sample
  check "concurrency 1"
  count=$count_checked
  echo "concurrency 1 (1 run): $sequential s for $sample domains"
  python3 -c "
per = $sequential / $sample
print('one at a time: %.3f s a domain, %.1f s for $count domains' % (per, per * $count))
print('speed-up: %.1fx' % (per * $count / $median))"
fi

if want 2; then
  echo "== 2. Time to failure against silent peers, default settings"
  unset RES_OPTIONS LOCALDOMAIN
  start silent-udp $proxy silent-udp
  seconds=$(seconds_of "$bin/closte" dns check shop.example.test --expect=203.0.113.10 --resolver="127.0.0.1:$port" --format=json)
  grep -q '"code":"dns_timeout"' "$work/last" || { echo "network-check.sh: silent UDP: $(cat "$work/last")" >&2; exit 1; }
  echo "dns check, silent UDP resolver: $seconds s (dns_timeout)"
  start silent-tcp $proxy silent-tcp
  seconds=$(seconds_of "$bin/closte" dns check shop.example.test --expect=203.0.113.10 --resolver="127.0.0.1:$port" --format=json)
  grep -q '"code":"dns_timeout"' "$work/last" || { echo "network-check.sh: silent TCP: $(cat "$work/last")" >&2; exit 1; }
  echo "dns check, silent TCP resolver (UDP refused): $seconds s (dns_timeout)"
  seconds=$(seconds_of "$bin/closte" ssl check shop.example.test --connect-to=127.0.0.1 --port="$port" --format=json)
  grep -q '"reason":"timeout"' "$work/last" || { echo "network-check.sh: silent TLS: $(cat "$work/last")" >&2; exit 1; }
  echo "ssl check, port that never speaks TLS: $seconds s (ssl_timeout)"
fi
