# Sourced by the benchmark scripts: a private copy of the platform on its own ports, databases and
# state folder, so that a benchmark never meets the launcher's platform (8081-8084, 9092) or a
# test run that may be going on at the same time on this machine.
#
#   BENCH_HOME        state: Kafka jars and data, logs, pids (default bench/target/platform)
#   BENCH_KAFKA_PORT  broker port, controller on the next one (default 19092)
#   BENCH_PORT_BASE   services on BASE+1 (queue), +2 (counter), +3 (sla-monitor), +4 (marketing),
#                     the screens (web) on BASE itself (default 18080)
#   BENCH_DB_PREFIX   databases <prefix>_queue, _counter, _sla, _marketing (default bench)
#   BENCH_REPLICAS    instances of each service (default 1): with more, replica r listens on its port + 100 r
#                     (queue-service 18181, 18281) and deploy/local/RoundRobin.java, as the launcher runs it,
#                     on the service's own port spreads the callers' connections over them
#   HALLWATCH_SERVICE_JVM_OPTS  the services' JVM flags instead of deploy/local/service-jvm.options
#   BENCH_SERVICE_EXTRA_JVM_OPTS flags added to every service's (e.g. GC logging), after its own
#   HALLWATCH_PG_HOST / _PORT / _USER   PostgreSQL, as for the launcher

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_HOME="${BENCH_HOME:-$ROOT/bench/target/platform}"
BENCH_KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
BENCH_PORT_BASE="${BENCH_PORT_BASE:-18080}"
BENCH_BOOTSTRAP="127.0.0.1:$BENCH_KAFKA_PORT"
BENCH_DB_PREFIX="${BENCH_DB_PREFIX:-bench}"
PG_HOST="${HALLWATCH_PG_HOST:-127.0.0.1}"
PG_PORT="${HALLWATCH_PG_PORT:-5432}"
PG_USER="${HALLWATCH_PG_USER:-postgres}"
BENCH_LOGS="$BENCH_HOME/logs"
BENCH_KEYS="$BENCH_HOME/keys"
BENCH_PIDS="$BENCH_HOME/pids"
BENCH_PARTITIONS=6
BENCH_REPLICAS="${BENCH_REPLICAS:-1}"

bench_say() { printf '[bench] %s\n' "$*"; }
bench_die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }
bench_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

service_port() {
  case "$1" in
    queue-service) echo $((BENCH_PORT_BASE + 1)) ;;
    counter-service) echo $((BENCH_PORT_BASE + 2)) ;;
    sla-monitor-service) echo $((BENCH_PORT_BASE + 3)) ;;
    marketing-service) echo $((BENCH_PORT_BASE + 4)) ;;
    web) echo "$BENCH_PORT_BASE" ;;
    *) bench_die "unknown service $1" ;;
  esac
}

service_db() {
  case "$1" in
    queue-service) echo "${BENCH_DB_PREFIX}_queue" ;;
    counter-service) echo "${BENCH_DB_PREFIX}_counter" ;;
    sla-monitor-service) echo "${BENCH_DB_PREFIX}_sla" ;;
    marketing-service) echo "${BENCH_DB_PREFIX}_marketing" ;;
  esac
}

bench_build() {
  bench_say "building $* and the benchmark (tests skipped)"
  mkdir -p "$BENCH_LOGS"
  # events is installed so that the benchmark's own pom (outside the reactor) resolves it.
  { mvn -B -q -f "$ROOT/pom.xml" -DskipTests install -pl events -am \
      && mvn -B -q -f "$ROOT/pom.xml" -DskipTests package -pl "$(IFS=,; echo "$*")" -am \
      && mvn -B -q -f "$ROOT/bench/pom.xml" package -DskipTests; } >"$BENCH_LOGS/build.log" 2>&1 \
    || { tail -40 "$BENCH_LOGS/build.log" >&2; bench_die "build failed; see $BENCH_LOGS/build.log"; }
}

bench_psql() {
  PGOPTIONS="--client-min-messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -tAq "$@"
}

# A fresh database per run: a benchmark must not depend on what an earlier one left.
bench_fresh_db() {
  bench_psql -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
  bench_psql -c "CREATE DATABASE $1" >/dev/null
  # Write out what an earlier run left dirty in PostgreSQL's buffers now, before anything is
  # measured: benchmark 2 leaves about a gigabyte, which the checkpointer would otherwise spread
  # over the next minutes (benchmark 1 right after it gave p99 29 ms, 11 ms a few minutes later,
  # 2026-12-05 04:32 and 04:36). Needs a superuser or
  # pg_checkpoint; without, the run goes on and its load figures show the difference.
  bench_psql -c "CHECKPOINT" >/dev/null 2>&1 || bench_say "could not CHECKPOINT (not a superuser): earlier runs' writes may overlap this one"
}

# PostgreSQL as a deployment runs it: with autovacuum, which keeps the planner's statistics and the tables' dead
# rows up with the load. A machine's own configuration may turn it off (this CI's conf.d does, for its test
# databases); then a run's statistics are those of whenever its tables were last analysed, and the plans follow
# them (2026-12-07: benchmark 7's day 30 timer poll read 7,000 timers per call on statistics taken of an empty
# table). The benchmark turns it on for its run (ALTER SYSTEM, a superuser's) and back off when it stops.
BENCH_AUTOVACUUM=
bench_autovacuum_on() {
  if [[ "$(bench_psql -c "SHOW autovacuum")" == off ]]; then
    if bench_psql -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null 2>&1; then
      BENCH_AUTOVACUUM="on for this run (the server's configuration has it off; ALTER SYSTEM, reset when the run stops)"
    else
      BENCH_AUTOVACUUM="**off** (the server's configuration; turning it on needs a superuser): statistics go stale during a run"
    fi
  else
    BENCH_AUTOVACUUM="on (the server's configuration)"
  fi
  bench_say "PostgreSQL's autovacuum: $BENCH_AUTOVACUUM"
}
bench_autovacuum_restore() {
  if [[ "$BENCH_AUTOVACUUM" == "on for this run"* ]]; then
    bench_psql -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null 2>&1 || true
  fi
}

# A machine of fewer cores on this one (bench/scale --cpus): the calling shell, so every process the benchmark starts
# from then on (Kafka, the services, the simulator, the probe), and every process of the PostgreSQL server (a new
# backend inherits the postmaster's CPUs) run on LIST only (taskset's list: 0, or 0-1). Pinning the server needs
# root or the server's own user; its processes get every core back when the run stops (bench_stop_all).
BENCH_CPUS=
bench_pin_cpus() {
  local list=$1 all pid pids
  all=$(nproc --all)
  command -v taskset >/dev/null || bench_die "--cpus needs taskset (Debian: apt-get install util-linux)"
  taskset -p -c "$list" $$ >/dev/null 2>&1 || bench_die "--cpus $list: not a list of this machine's CPUs (0 to $((all - 1)))"
  pids=$(pgrep -x postgres || true)
  [[ -n "$pids" ]] || bench_die "--cpus: no PostgreSQL server process on this machine to pin (the database must run here)"
  BENCH_CPUS=$list
  for pid in $pids; do
    taskset -a -p -c "$list" "$pid" >/dev/null 2>&1 || bench_die "--cpus: could not pin PostgreSQL's process $pid (needs root or the server's user)"
  done
  bench_say "pinned to CPUs $list ($(nproc) of $all cores): the benchmark's processes and PostgreSQL's"
}
bench_unpin_cpus() {
  [[ -n "$BENCH_CPUS" ]] || return 0
  local pid
  for pid in $(pgrep -x postgres || true); do taskset -a -p -c "0-$(($(nproc --all) - 1))" "$pid" >/dev/null 2>&1 || true; done
  BENCH_CPUS=
}

bench_start_kafka() {
  mkdir -p "$BENCH_LOGS" "$BENCH_PIDS"
  local kdir="$BENCH_HOME/kafka"
  if [[ ! -f "$kdir/libs/.complete" ]]; then
    bench_say "copying the Kafka broker jars"
    mvn -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$kdir/libs" \
      >"$BENCH_LOGS/kafka-fetch.log" 2>&1 || { tail -20 "$BENCH_LOGS/kafka-fetch.log" >&2; bench_die "cannot fetch Kafka"; }
    touch "$kdir/libs/.complete"
  fi
  bench_port_open "$BENCH_KAFKA_PORT" && bench_die "port $BENCH_KAFKA_PORT is taken; set BENCH_KAFKA_PORT"
  # A fresh broker per run: the topics hold exactly what this run produced.
  rm -rf "$kdir/data"
  mkdir -p "$kdir/data"
  local controller=$((BENCH_KAFKA_PORT + 1))
  cat >"$kdir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$BENCH_KAFKA_PORT,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$BENCH_KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$kdir/data
num.partitions=$BENCH_PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  local cp="$kdir/libs/*" cluster_id
  cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
  java -cp "$cp" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$kdir/server.properties" --standalone \
    >"$BENCH_LOGS/kafka-format.log" 2>&1 || { cat "$BENCH_LOGS/kafka-format.log" >&2; bench_die "cannot format Kafka storage"; }
  bench_say "starting Kafka on $BENCH_BOOTSTRAP"
  (exec java -Xms256m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" kafka.Kafka "$kdir/server.properties" \
    >"$BENCH_LOGS/kafka.log" 2>&1) &
  echo $! >"$BENCH_PIDS/kafka.pid"
  for _ in $(seq 1 120); do bench_port_open "$BENCH_KAFKA_PORT" && break; sleep 0.5; done
  bench_port_open "$BENCH_KAFKA_PORT" || { tail -30 "$BENCH_LOGS/kafka.log" >&2; bench_die "Kafka did not start"; }
  local all=()
  for t in hallwatch.tickets.v1 hallwatch.services.v1 hallwatch.sla.v1 hallwatch.marketing.v1; do all+=("$t" "$t.dlq"); done
  all+=(hallwatch.standard.v1:compact hallwatch.standard.v1.dlq)
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" "$ROOT/deploy/local/CreateTopics.java" "$BENCH_BOOTSTRAP" \
    "$BENCH_PARTITIONS" "${all[@]}" >"$BENCH_LOGS/topics.log" 2>&1 || { cat "$BENCH_LOGS/topics.log" >&2; bench_die "cannot create topics"; }
}

# bench_keys: the bench platform's token keys (as the launcher makes its own), and BENCH_TOKEN, a
# token with every role the benchmarks play (admin, kiosk, clerk, duty manager, manager) for
# every branch, which io.hallwatch.bench.HallwatchApi sends.
bench_keys() {
  java "$ROOT/deploy/local/JwtKeys.java" keys "$BENCH_KEYS" || bench_die "could not create token keys in $BENCH_KEYS"
  BENCH_TOKEN=$(java "$ROOT/deploy/local/JwtKeys.java" token "$BENCH_KEYS" admin,kiosk,clerk,duty-manager,manager) \
    || bench_die "could not mint the benchmark's token"
  export BENCH_TOKEN
}

# The services' JVM flags, as the launcher uses them (deploy/local/service-jvm.options): lines
# NAME=value are the process's environment (e.g. MALLOC_ARENA_MAX), the others java options.
bench_service_jvm_opts() {
  local all=()
  if [[ -n "${HALLWATCH_SERVICE_JVM_OPTS:-}" ]]; then
    read -r -a all <<<"$HALLWATCH_SERVICE_JVM_OPTS"
  else
    mapfile -t all < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$ROOT/deploy/local/service-jvm.options")
  fi
  BENCH_SERVICE_JVM=() BENCH_SERVICE_ENV=()
  for o in "${all[@]}"; do
    if [[ "$o" =~ ^[A-Z_][A-Z0-9_]*= ]]; then BENCH_SERVICE_ENV+=("$o"); else BENCH_SERVICE_JVM+=("$o"); fi
  done
}

# bench_instances NAME: "instance port" per replica, as the launcher names them: the service itself on its port
# when it runs alone, else NAME-r on port + 100 r behind a round-robin on the service's port.
bench_instances() {
  local name=$1 port r
  port=$(service_port "$name")
  if ((BENCH_REPLICAS == 1)); then
    echo "$name $port"
    return
  fi
  for r in $(seq 1 "$BENCH_REPLICAS"); do echo "$name-$r $((port + 100 * r))"; done
}

# bench_processes NAME...: "process=pid" for every process of these services (replicas and their round-robin)
# and of the other names given (kafka, simulator), for a benchmark to watch.
bench_processes() {
  local name inst _ f
  for name in "$@"; do
    case "$name" in
      *-service)
        while read -r inst _; do echo "$inst=$(cat "$BENCH_PIDS/$inst.pid")"; done < <(bench_instances "$name")
        f="$BENCH_PIDS/rr-$name.pid"
        if [[ -f "$f" ]]; then echo "rr-$name=$(cat "$f")"; fi ;;
      *) echo "$name=$(cat "$BENCH_PIDS/$name.pid")" ;;
    esac
  done
}

# bench_start_service NAME [extra -D options...]: the packaged service on its bench port and database; with
# BENCH_REPLICAS > 1, that many instances on the same database and topics, and the round-robin in front of them.
bench_start_service() {
  local name=$1 inst iport
  shift
  while read -r inst iport; do bench_start_instance "$name" "$inst" "$iport" "$@"; done < <(bench_instances "$name")
  bench_start_round_robin "$name"
}

# The round-robin is the launcher's own (deploy/local/RoundRobin.java), so that the bench measures the replicas
# behind what a local run with HALLWATCH_REPLICAS puts in front of them.
bench_start_round_robin() {
  local name=$1 port ports=() inst iport
  ((BENCH_REPLICAS > 1)) || return 0
  port=$(service_port "$name")
  while read -r inst iport; do ports+=("$iport"); done < <(bench_instances "$name")
  bench_port_open "$port" && bench_die "port $port (round-robin of $name) is taken; set BENCH_PORT_BASE"
  (exec java -Xmx48m "$ROOT/deploy/local/RoundRobin.java" "$port" "${ports[@]}" >"$BENCH_LOGS/rr-$name.log" 2>&1) &
  echo $! >"$BENCH_PIDS/rr-$name.pid"
  bench_say "round-robin on :$port for the $BENCH_REPLICAS replicas of $name (${ports[*]}, pid $!)"
}

bench_start_instance() {
  local name=$1 inst=$2 port=$3 db
  shift 3
  db=$(service_db "$name")
  bench_port_open "$port" && bench_die "port $port (for $inst) is taken; set BENCH_PORT_BASE"
  # counter-service calls queue-service: its bench port, not the default one.
  local extra=()
  [[ "$name" == counter-service ]] && extra=(-Dquarkus.rest-client.queue-service.url="http://127.0.0.1:$(service_port queue-service)"
    -Dsmallrye.jwt.sign.key.location="$BENCH_KEYS/jwt-private.pem")
  [[ -n "${BENCH_TOKEN:-}" ]] || bench_keys
  bench_service_jvm_opts
  # deploy/local/<service>-jvm.options: a service's own flags after the shared ones, as the launcher.
  local own=()
  if [[ -z "${HALLWATCH_SERVICE_JVM_OPTS:-}" && -f "$ROOT/deploy/local/$name-jvm.options" ]]; then
    mapfile -t own < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$ROOT/deploy/local/$name-jvm.options")
  fi
  # BENCH_SERVICE_EXTRA_JVM_OPTS: flags added after all the others (e.g. -Xlog:gc:file=/tmp/gc-%p.log to see the pauses).
  local added=()
  [[ -z "${BENCH_SERVICE_EXTRA_JVM_OPTS:-}" ]] || read -r -a added <<<"$BENCH_SERVICE_EXTRA_JVM_OPTS"
  (exec env ${BENCH_SERVICE_ENV[@]+"${BENCH_SERVICE_ENV[@]}"} java "${BENCH_SERVICE_JVM[@]}" ${own[@]+"${own[@]}"} ${extra[@]+"${extra[@]}"} \
    ${added[@]+"${added[@]}"} \
    -Dquarkus.http.port="$port" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
    -Dquarkus.datasource.username="$PG_USER" \
    -Dkafka.bootstrap.servers="$BENCH_BOOTSTRAP" \
    -Dhallwatch.kafka.partitions="$BENCH_PARTITIONS" \
    -Dmp.jwt.verify.publickey.location="$BENCH_KEYS/jwt-public.pem" \
    "$@" -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$BENCH_LOGS/$inst.log" 2>&1) &
  echo $! >"$BENCH_PIDS/$inst.pid"
  bench_say "starting $inst on :$port (database $db, pid $!)"
}

# bench_start_web [extra -D options...]: the packaged screens on BENCH_PORT_BASE, forwarding to the bench
# services and reading the bench broker, run as the launcher runs them (its JVM flags, the development
# sign-in on with the bench platform's own key; never so outside a launcher or a benchmark).
bench_start_web() {
  local port
  port=$(service_port web)
  bench_port_open "$port" && bench_die "port $port (for web) is taken; set BENCH_PORT_BASE"
  [[ -n "${BENCH_TOKEN:-}" ]] || bench_keys
  bench_service_jvm_opts
  (exec env ${BENCH_SERVICE_ENV[@]+"${BENCH_SERVICE_ENV[@]}"} java "${BENCH_SERVICE_JVM[@]}" \
    -Dquarkus.http.port="$port" \
    -Dkafka.bootstrap.servers="$BENCH_BOOTSTRAP" \
    -Dmp.jwt.verify.publickey.location="$BENCH_KEYS/jwt-public.pem" \
    -Dsmallrye.jwt.sign.key.location="$BENCH_KEYS/jwt-private.pem" \
    -Dhallwatch.web.dev-sign-in.enabled=true \
    -Dhallwatch.web.services.queue="http://127.0.0.1:$(service_port queue-service)" \
    -Dhallwatch.web.services.counter="http://127.0.0.1:$(service_port counter-service)" \
    -Dhallwatch.web.services.sla="http://127.0.0.1:$(service_port sla-monitor-service)" \
    -Dhallwatch.web.services.marketing="http://127.0.0.1:$(service_port marketing-service)" \
    "$@" -jar "$ROOT/web/target/quarkus-app/quarkus-run.jar" >"$BENCH_LOGS/web.log" 2>&1) &
  echo $! >"$BENCH_PIDS/web.pid"
  bench_say "starting web on :$port (pid $!)"
}

# Every replica on its own port: the round-robin would answer for the first that is ready.
bench_wait_ready() {
  local name=$1 inst port deadline=$((SECONDS + 180))
  [[ "$name" == web ]] && { bench_wait_instance web "$(service_port web)" "$deadline"; return; }
  while read -r inst port; do bench_wait_instance "$inst" "$port" "$deadline"; done < <(bench_instances "$name")
}

bench_wait_instance() {
  local inst=$1 port=$2 deadline=$3
  until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$(cat "$BENCH_PIDS/$inst.pid")" 2>/dev/null || { tail -40 "$BENCH_LOGS/$inst.log" >&2; bench_die "$inst exited"; }
    ((SECONDS < deadline)) || bench_die "$inst not ready within 180 s; see $BENCH_LOGS/$inst.log"
    sleep 1
  done
  bench_say "$inst is ready"
}

bench_stop_one() {
  local f="$BENCH_PIDS/$1.pid" pid
  [[ -f "$f" ]] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# Services first, so that they leave their groups while the broker is still there. Replicas and round-robins by
# their pid files, whatever BENCH_REPLICAS is now: a run with another count may have left them.
bench_stop_all() {
  local name f
  for name in simulator web; do bench_stop_one "$name"; done
  for name in queue-service counter-service sla-monitor-service marketing-service; do
    bench_stop_one "rr-$name"
    for f in "$BENCH_PIDS/$name.pid" "$BENCH_PIDS/$name"-[0-9].pid; do
      if [[ -f "$f" ]]; then bench_stop_one "$(basename "$f" .pid)"; fi
    done
  done
  bench_stop_one kafka
  bench_autovacuum_restore
  bench_unpin_cpus
}
