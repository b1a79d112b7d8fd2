-- At most one change per session waits for its organisers' consent: two Secretariat
-- officers publishing at the same moment cannot ask twice about one session (the second
-- publication is refused and stores nothing).
CREATE UNIQUE INDEX placement_changes_one_pending ON placement_changes (session_id)
    WHERE status = 'pending';
