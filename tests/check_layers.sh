#!/usr/bin/env bash
# The layers, inside out: core (the domain, no I/O) <- database, store, security <- http,
# mail <- web <- cli. A file may include its own layer and the layers inside it, never
# one outside: this fails, naming the include, when one does. It also keeps SQL in the
# store and the store's reads by column name (below).
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
[ $status = 0 ] && echo "Layers: every include points inward."

# SQL lives in store/ (and the engines in database/): a statement in a string literal
# anywhere else fails, named by file and line.
sql_literal='("[[:space:]]*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH)[[:space:]]|R"sql\()'
if grep -rnE "$sql_literal" src --include='*.cpp' --include='*.hpp' |
    grep -vE '^src/(store|database)/'; then
    echo "layer check: the SQL above belongs in src/store/" >&2
    status=1
fi

# The store reads cells by column name (row.text("title")), never by position.
positional='\.(text|integer|boolean|optional_text|is_null)\([0-9]'
if grep -rnE "$positional" src/store; then
    echo "layer check: the store lines above read a column by position; read it by name" >&2
    status=1
fi
[ $status = 0 ] && echo "SQL: only in the store, and read by column name."

# Words out of code: a page's title is a sentence for a person, so it lives in the message
# catalog (data/messages/en.json) or a template, never in a web handler's C++.
if titles=$(grep -rnE '"[^"]*- Convene"' src/web --include='*.cpp' --include='*.hpp'); then
    echo "$titles"
    echo "words check: the page titles above are built in C++; use say(\"page...\") from data/messages/en.json" >&2
    status=1
fi
[ $status = 0 ] && echo "Words: no page title is built in C++."
exit $status
