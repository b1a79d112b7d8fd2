#!/usr/bin/env python3
"""Reads the programme's feeds with independent readers, for tests/http/feeds.test.mjs.

  feeds_check.py ics FILE            the calendar as python3-icalendar reads it, as JSON
  feeds_check.py json FILE SCHEMA    validates the schedule JSON with python3-jsonschema

Prints one JSON object; exits 1 when the file does not read or is not valid.
"""
import json
import sys


def read_ics(path):
    from icalendar import Calendar

    with open(path, 'rb') as f:
        data = f.read()
    calendar = Calendar.from_ical(data)
    events = []
    for event in calendar.walk('VEVENT'):
        categories = event.get('CATEGORIES')
        if categories is None:
            names = []
        else:
            lists = categories if isinstance(categories, list) else [categories]
            names = [str(c) for group in lists for c in group.cats]
        events.append({
            'uid': str(event.get('UID')),
            'sequence': int(event.get('SEQUENCE', 0)),
            'start': event.decoded('DTSTART').isoformat(),
            'end': event.decoded('DTEND').isoformat(),
            'summary': str(event.get('SUMMARY', '')),
            'location': str(event.get('LOCATION', '')),
            'description': str(event.get('DESCRIPTION', '')),
            'url': str(event.get('URL', '')),
            'status': str(event.get('STATUS', '')),
            'categories': names,
        })
    return {
        'name': str(calendar.get('X-WR-CALNAME', '')),
        'version': str(calendar.get('VERSION', '')),
        'prodid': str(calendar.get('PRODID', '')),
        'events': events,
    }


def check_json(path, schema_path):
    import jsonschema

    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    validator = jsonschema.Draft6Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    return {
        'valid': not errors,
        'errors': ['/'.join(str(p) for p in e.path) + ': ' + e.message for e in errors[:20]],
    }


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == 'ics':
        print(json.dumps(read_ics(sys.argv[2]), ensure_ascii=False))
        return 0
    if len(sys.argv) >= 4 and sys.argv[1] == 'json':
        result = check_json(sys.argv[2], sys.argv[3])
        print(json.dumps(result, ensure_ascii=False))
        return 0 if result['valid'] else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
