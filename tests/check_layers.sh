#!/usr/bin/env bash
# The layers, inside out: core (the domain, no I/O) <- database, store, security <- http,
# mail <- web <- cli. A file may include its own layer and the layers inside it, never
# one outside: this fails, naming the include, when one does.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {  # check LAYER-FOLDERS... -- FORBIDDEN-FOLDERS...
    local folders=() forbidden=() seen=0
    for a in "$@"; do
        if [ "$a" = -- ]; then seen=1; elif [ $seen = 0 ]; then folders+=("src/$a"); else forbidden+=("$a"); fi
    done
    local pattern
    pattern="#include \"($(IFS='|'; echo "${forbidden[*]}"))/"
    if grep -rnE "$pattern" "${folders[@]}"; then
        echo "layer check: the includes above reach outward from ${folders[*]}" >&2
        status=1
    fi
}
check core -- database store security http mail web cli
check database store security -- http mail web cli
check http -- database store security mail web cli
check mail -- http web cli
check web -- cli
# Words out of code: a page's title is a sentence for a person, so it lives in the message
# catalog (data/messages/en.json) or a template, never in a web handler's C++.
# The stages still being restructured are allowed for now.
title_allowed='^src/web/(synthesis|selection|decisions|results)/'
if titles=$(grep -rnE '"[^"]*- Convene"' src/web --include='*.cpp' --include='*.hpp' |
    grep -vE "$title_allowed"); then
    echo "$titles"
    echo "words check: the page titles above are built in C++; use say(\"page...\") from data/messages/en.json" >&2
    status=1
fi
[ $status = 0 ] && echo "Layers: every include points inward; no page title is built in C++."
exit $status
