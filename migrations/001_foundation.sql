-- Accounts, roles, sessions, audit log; editions with themes, rooms and session types;
-- people, organisations and countries; the proposals of the demo forum.
-- {{id}} is the engine's auto-increment primary key.

CREATE TABLE countries (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    regional_group TEXT NOT NULL,
    developing INTEGER NOT NULL,
    least_developed INTEGER NOT NULL,
    small_island INTEGER NOT NULL
);

CREATE TABLE accounts (
    id {{id}},
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE editions (
    id {{id}},
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    venue TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- A role for one edition, or for all editions when edition_id is NULL.
CREATE TABLE roles (
    id {{id}},
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    edition_id BIGINT REFERENCES editions(id) ON DELETE CASCADE,
    role TEXT NOT NULL
);
CREATE UNIQUE INDEX roles_unique ON roles (account_id, COALESCE(edition_id, 0), role);

-- Only hashes of session and API tokens are stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE login_failures (
    id {{id}},
    throttle_key TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (throttle_key, failed_at);

CREATE TABLE audit_log (
    id {{id}},
    at TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
);

CREATE TABLE themes (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    UNIQUE (edition_id, name)
);

CREATE TABLE rooms (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    interpreted INTEGER NOT NULL,
    UNIQUE (edition_id, name)
);

CREATE TABLE session_types (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    durations TEXT NOT NULL,
    UNIQUE (edition_id, code)
);

CREATE TABLE organisations (
    id {{id}},
    name TEXT NOT NULL UNIQUE,
    country TEXT REFERENCES countries(code),
    stakeholder_group TEXT NOT NULL
);

CREATE TABLE people (
    id {{id}},
    name TEXT NOT NULL,
    email TEXT,
    organisation_id BIGINT REFERENCES organisations(id),
    country TEXT REFERENCES countries(code),
    stakeholder_group TEXT NOT NULL,
    gender TEXT NOT NULL,
    first_time INTEGER NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL
);
CREATE INDEX people_email ON people (email);
CREATE INDEX people_account ON people (account_id);

CREATE TABLE proposals (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    session_type TEXT NOT NULL,
    title TEXT NOT NULL,
    theme_id BIGINT REFERENCES themes(id),
    format TEXT NOT NULL,
    duration INTEGER NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    UNIQUE (edition_id, number)
);

CREATE TABLE proposal_people (
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id),
    role TEXT NOT NULL,
    confirmation TEXT NOT NULL,
    onsite INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, person_id, role)
);
CREATE INDEX proposal_people_person ON proposal_people (person_id);
