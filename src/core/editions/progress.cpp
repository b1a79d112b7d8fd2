#include "core/editions/progress.hpp"

namespace convene {

NextStep next_step(const EditionProgress& p) {
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
    if (!p.results_published) return {"dashboard.next.publish_results", "/decisions"};
    return {"dashboard.next.done", "/results"};
}

}  // namespace convene
