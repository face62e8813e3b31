#!/usr/bin/env bash
# Three BoardDesk nodes on one PostgreSQL database, on this machine, to try the cluster:
#   http://127.0.0.1:5081, http://127.0.0.1:5082 and http://127.0.0.1:5083 serve the same data.
# Needs a PostgreSQL server and a role allowed to create a database (as .ci/run sets up: role boarddesk, password
# boarddesk). Stop with Ctrl+C; kill one node (kill -9 <pid>) to watch the others take over its grains.
set -euo pipefail
cd "$(dirname "$0")/../.."

database=${BOARDDESK_CLUSTER_DATABASE:-boarddesk_cluster}
connection=${BOARDDESK_CLUSTER_CONNECTION:-"Host=127.0.0.1;Port=5432;Username=boarddesk;Password=boarddesk;Database=$database"}
data=${BOARDDESK_CLUSTER_DATA:-samples/cluster/data}
password=${BOARDDESK_SAMPLEPASSWORD:-"cluster sample password"}

if command -v psql >/dev/null 2>&1 && [ -z "${BOARDDESK_CLUSTER_CONNECTION:-}" ]; then
  if ! PGPASSWORD=boarddesk psql -h 127.0.0.1 -U boarddesk -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    PGPASSWORD=boarddesk psql -h 127.0.0.1 -U boarddesk -d postgres -qc "CREATE DATABASE \"$database\""
    echo "Created the database $database."
  fi
fi

dotnet build src/BoardDesk.Server -c Release -v quiet -nologo
server=src/BoardDesk.Server/bin/Release/net10.0/BoardDesk.Server.dll
mkdir -p "$data"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM

start_node() {
  local n=$1
  mkdir -p "$data/node$n"
  # Every node: the same database, cluster and journal key; its own ports and data folder (logs, nothing shared).
  BoardDesk__Store=PostgreSql \
  ConnectionStrings__BoardDesk="$connection" \
  BoardDesk__JournalKeyPath="$data/journal.key" \
  BoardDesk__DataPath="$data/node$n" \
  BoardDesk__SamplePassword="$password" \
  BoardDesk__Cluster__ClusterId=boarddesk-sample \
  BoardDesk__Cluster__SiloPort=$((11110 + n)) \
  BoardDesk__Cluster__GatewayPort=$((30000 + n)) \
    dotnet "$server" --urls "http://127.0.0.1:$((5080 + n))" >"$data/node$n.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$((5080 + n))/health" >/dev/null 2>&1; then
      echo "node $n: http://127.0.0.1:$((5080 + n)) (pid ${pids[-1]}, log $data/node$n.log)"
      return
    fi
    sleep 0.5
  done
  echo "node $n did not start; see $data/node$n.log" >&2
  exit 1
}

# The first node loads the LDIB 2015 samples into the empty database; the others join it.
start_node 1
start_node 2
start_node 3
echo "Three nodes up. Sign in as admin with the password \"$password\" on any of them. Ctrl+C stops all three."
wait
