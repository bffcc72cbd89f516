#!/usr/bin/env bash
# One-command demo: builds the project, starts the ESIA emulator on :8081, the demo school portal on :3000
# and Keycloak (with our providers and the "school" realm) on :8080. Ctrl-C stops everything.
#   ./demo.sh           build if needed, then run (demo data persists between runs)
#   ./demo.sh --reset   wipe the demo's Keycloak data (H2 database, imported realm) first
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
# The server version pinned in the root pom (keycloak.server.version).
KC_VERSION=$(sed -n "s:.*<keycloak.server.version>\(.*\)</keycloak.server.version>.*:\1:p" pom.xml)
KC_HOME="$ROOT/keycloak-server/target/keycloak-$KC_VERSION"
EMULATOR_JAR="$ROOT/esia-emulator/target/esia-emulator-0.1.0-SNAPSHOT-all.jar"
PORTAL_JAR="$ROOT/school-portal/target/school-portal-0.1.0-SNAPSHOT-all.jar"
REALM_JSON="$ROOT/realm-export/src/main/resources/school-realm.json"
DEMO_DIR="$ROOT/.demo"
KC_PORT=8080
EMULATOR_PORT=8081
PORTAL_PORT=3000
SMTP_PORT=3025
MAIL_UI_PORT=8083
GREENMAIL_VERSION=2.1.5

say()  { printf '[demo] %s\n' "$*"; }
fail() { printf '[demo] ERROR: %s\n' "$*" >&2; exit 1; }

RESET=false
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=true ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option: $arg (try --help)" ;;
  esac
done

# ---- preconditions: fail before a long build, not after it --------------------------------------
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || fail "Java 17 or newer is needed (no 'java' on PATH, JAVA_HOME not set)"
java_version=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)
java_major=${java_version%%.*}
[ "$java_major" = 1 ] && java_major=$(echo "$java_version" | cut -d. -f2)   # 1.8 -> 8
[[ "$java_major" =~ ^[0-9]+$ ]] && [ "$java_major" -ge 17 ] \
  || fail "Java 17 or newer is needed, found '${java_version:-unknown}' ($JAVA)"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $KC_PORT $EMULATOR_PORT $PORTAL_PORT $SMTP_PORT $MAIL_UI_PORT; do
  port_busy "$port" && fail "port $port is already in use (another demo running?). Stop it and retry."
done

# ---- build ------------------------------------------------------------------------------------------
say "building with Maven (the first run downloads Maven, the dependencies and the 176 MB Keycloak distribution)…"
./mvnw -B -q -DskipTests package || fail "build failed (run ./mvnw -B -DskipTests package to see why)"
[ -x "$KC_HOME/bin/kc.sh" ] || fail "no Keycloak distribution at $KC_HOME after the build"

if $RESET; then
  say "--reset: wiping demo data ($KC_HOME/data, $DEMO_DIR)"
  rm -rf "$KC_HOME/data" "$DEMO_DIR"
fi
mkdir -p "$DEMO_DIR" "$KC_HOME/data/import"

if [ -f "$REALM_JSON" ]; then
  # Imported at start only if the realm does not exist yet: demo changes survive restarts.
  cp "$REALM_JSON" "$KC_HOME/data/import/school-realm.json"
else
  say "WARNING: $REALM_JSON not found: Keycloak starts without the 'school' realm"
fi

# A local SMTP server with a web/REST view, so the request notifications of the demo can be read.
GREENMAIL_JAR="$DEMO_DIR/tools/greenmail-standalone-$GREENMAIL_VERSION.jar"
if [ ! -f "$GREENMAIL_JAR" ]; then
  ./mvnw -B -q dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory="$DEMO_DIR/tools" || fail "could not fetch GreenMail (the demo's SMTP server)"
fi

# ---- emulator and SMTP in the background, stopped on exit ---------------------------------------
EMULATOR_PID=""
SMTP_PID=""
PORTAL_PID=""
cleanup() {
  for pid in $PORTAL_PID $EMULATOR_PID $SMTP_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  say "stopped the school portal, the ESIA emulator and the SMTP server"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -f "$EMULATOR_JAR" ]; then
  say "starting the ESIA emulator on :$EMULATOR_PORT (log: .demo/emulator.log)"
  "$JAVA" -jar "$EMULATOR_JAR" --port "$EMULATOR_PORT" --public-url "http://localhost:$EMULATOR_PORT" \
    >"$DEMO_DIR/emulator.log" 2>&1 &
  EMULATOR_PID=$!
  for _ in $(seq 1 60); do
    port_busy "$EMULATOR_PORT" && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || break
    sleep 0.5
  done
  if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
    EMULATOR_PID=""
    tail -n 20 "$DEMO_DIR/emulator.log" | sed 's/^/    /' >&2
    fail "the ESIA emulator exited (last lines of .demo/emulator.log above)"
  elif ! port_busy "$EMULATOR_PORT"; then
    fail "the ESIA emulator is not listening on :$EMULATOR_PORT after 30 s (see .demo/emulator.log)"
  fi
else
  fail "$EMULATOR_JAR not found after the build"
fi

say "starting the SMTP server on :$SMTP_PORT (mail viewer http://localhost:$MAIL_UI_PORT, log: .demo/smtp.log)"
"$JAVA" -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$SMTP_PORT \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$MAIL_UI_PORT -Dgreenmail.auth.disabled \
  -jar "$GREENMAIL_JAR" >"$DEMO_DIR/smtp.log" 2>&1 &
SMTP_PID=$!

# The demo school portal: an OIDC client of the realm that shows who signed in, in which role and organisation.
[ -f "$PORTAL_JAR" ] || fail "$PORTAL_JAR not found after the build"
say "starting the school portal on :$PORTAL_PORT (log: .demo/portal.log)"
"$JAVA" -jar "$PORTAL_JAR" --port "$PORTAL_PORT" --public-url "http://localhost:$PORTAL_PORT" \
  --keycloak-url "http://localhost:$KC_PORT" --realm school >"$DEMO_DIR/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 1 40); do
  port_busy "$PORTAL_PORT" && break
  kill -0 "$PORTAL_PID" 2>/dev/null || break
  sleep 0.25
done
if ! kill -0 "$PORTAL_PID" 2>/dev/null; then
  PORTAL_PID=""
  tail -n 20 "$DEMO_DIR/portal.log" | sed 's/^/    /' >&2
  fail "the school portal exited (last lines of .demo/portal.log above)"
fi

cat <<INFO

  Откройте http://localhost:$PORTAL_PORT   (the demo school portal: start every scenario there)
                  -> «Войти через Госуслуги как родитель / учащийся / сотрудник» or «Войти» (role page)
                  -> on the emulator pick a test person (the portal's «Демо: кого выбрать» and README.md
                     "Demo persons" say who shows what) -> «Предоставить» -> back on the portal: name, role,
                     organisation, class and all profiles; «Выйти» signs out at Keycloak and ESIA
                  e.g. Соколова Елена as «сотрудник», then «Выйти» and as «родитель»: two profiles, one person
  Consent         as «учащийся» pick Джалилова Амина (10) -> «нужно согласие одного из родителей»;
                  then http://localhost:$EMULATOR_PORT/profile/consents as Захарченко Диана or Джалилов Егор ->
                  «Подтвердить» -> Амина gets in; «Отозвать» there -> she is stopped at her next login
  Help page       http://localhost:$KC_PORT/realms/school/esia-help   («Как войти через Госуслуги (ЕСИА)»)

  Keycloak        http://localhost:$KC_PORT
  Admin console   http://localhost:$KC_PORT/admin/   (login admin / admin)
  Account console http://localhost:$KC_PORT/realms/school/account
                  -> «Вход для родителей» -> on the emulator pick a test person (one click) or type a
                     phone, e-mail or SNILS with password Esia-Demo-2026 -> «Предоставить»
                  e.g. Захарченко Диана as parent (found by phone); as «Вход для учащихся» she is not
                  found -> «Обратиться в организацию» -> the request number, and the e-mail in the viewer
  Test persons    README.md "Demo persons"; old school logins (password Sgo-2024!): zakharchenko.d,
                  sokolova.e, petrov.n, dzhalilov.r
  E-mail          http://localhost:$MAIL_UI_PORT   (GreenMail: every message Keycloak sends)
  ESIA emulator   http://localhost:$EMULATOR_PORT   (faults for a demo: curl -X POST 'http://localhost:$EMULATOR_PORT/__emulator/faults?next=TOKEN_500')

  Keycloak takes about 30-90 s to start (longer the first time). Ctrl-C stops everything.
  Demo data lives in keycloak-server/target/keycloak-$KC_VERSION/data (./demo.sh --reset wipes it).

INFO

# ---- Keycloak in the foreground (H2 dev-file database inside the distribution) -------------------
cd "$KC_HOME"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  bin/kc.sh start-dev --http-port "$KC_PORT" --import-realm --log-level=INFO,ru.esiaedu:DEBUG
