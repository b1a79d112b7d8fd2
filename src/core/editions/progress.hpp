#pragma once
// Where an edition stands in the programme cycle, and what the Secretariat does next:
// the edition's dashboard reads it from counts of every stage.
#include <string>

namespace convene {

struct EditionProgress {
    bool call_scheduled = false, call_closed = false;
    int drafts = 0, submitted = 0, withdrawn = 0;
    int screened = 0;
    int assigned = 0, published = 0;  // places of the assignment, and those published
    int evaluations_submitted = 0;
    bool round_closed = false, selection_made = false;
    int decisions = 0;
    bool results_published = false;
    int rooms = 0;               // rooms of the venue
    int timetable_versions = 0;  // versions of the timetable published
    int pending_changes = 0;     // moves of published sessions awaiting consent
};

struct NextStep {
    std::string key;   // message key of the sentence: "dashboard.next.run_screening"
    std::string page;  // the edition's page where it is done: "/screening"
};

// The first stage not yet done, in the order of the forum's process; once the results
// are published (or a timetable is, as in an imported programme), the programme's steps:
// the venue, the timetable, the changes awaiting the organisers' consent.
NextStep next_step(const EditionProgress& p);

}  // namespace convene
