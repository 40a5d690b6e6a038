#!/usr/bin/env bash
# Runs every test of the solution, browser tests included, and ends with one line:
# "N passed, N failed[, N skipped]". Installs Debian's chromium first when it is missing
# (the browser tests drive it; no test tool may download a browser of its own here), Debian's
# python3-aiosmtpd, the SMTP server the mail tests send through, and Debian's
# libreoffice-writer-nogui, which the .doc/.rtf conversion tests run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests..."
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
    echo "Installing Debian's python3-aiosmtpd for the mail tests..."
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-aiosmtpd >/dev/null
fi

if ! command -v soffice >/dev/null 2>&1 && [ ! -x /usr/bin/soffice ] && [ ! -x /usr/lib/libreoffice/program/soffice ]; then
    echo "Installing Debian's libreoffice-writer-nogui for the .doc/.rtf conversion tests..."
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libreoffice-writer-nogui >/dev/null
fi

results="$(mktemp -d)"
set +e
dotnet test HighServiceDashboard.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?
set -e

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
    echo "0 passed, 1 failed (the test run did not produce results: build or host failure above)"
    exit 1
fi

counters=$(grep -o '<Counters [^>]*>' "$trx")
get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
total=$(get total); executed=$(get executed); passed=$(get passed); failed=$(get failed)
errors=$(get error); timeouts=$(get timeout); aborted=$(get aborted)
failed=$((failed + errors + timeouts + aborted))
skipped=$((total - executed))
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
