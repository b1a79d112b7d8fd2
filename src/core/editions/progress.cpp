#include "core/editions/progress.hpp"

namespace convene {

namespace {

NextStep programme_step(const EditionProgress& p) {
    if (p.rooms == 0) return {"dashboard.next.venue", "/venue"};
    if (p.timetable_versions == 0) return {"dashboard.next.timetable", "/timetable"};
    if (p.pending_changes > 0) return {"dashboard.next.changes", "/timetable/changes"};
    return {"dashboard.next.done", "/programme"};
}

}  // namespace

NextStep next_step(const EditionProgress& p) {
    if (p.results_published || p.timetable_versions > 0) return programme_step(p);
    if (!p.call_scheduled) return {"dashboard.next.set_call", "/call"};
    if (!p.call_closed) return {"dashboard.next.call_open", "/call"};
    if (p.submitted == 0) return {"dashboard.next.no_proposals", "/call"};
    // Screening may have been skipped (an imported round); a later stage begun passes it.
    if (p.screened == 0 && p.assigned == 0) return {"dashboard.next.run_screening", "/screening"};
    if (p.assigned == 0) return {"dashboard.next.assign", "/evaluation"};
    if (p.published == 0) return {"dashboard.next.publish_assignment", "/evaluation"};
    if (!p.round_closed) return {"dashboard.next.evaluations", "/evaluation/progress"};
    if (!p.selection_made) return {"dashboard.next.select", "/selection"};
    if (p.decisions == 0) return {"dashboard.next.record_decisions", "/decisions"};
    return {"dashboard.next.publish_results", "/decisions"};
}

}  // namespace convene
