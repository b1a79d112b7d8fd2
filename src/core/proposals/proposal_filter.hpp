#pragma once
// The Secretariat's lists of proposals (the proposal list, screening, the evaluation
// sheet, decisions, progress) share one filter: words of the title or the number, session
// type, theme, status, screening result, a range of mean scores, the decision, "divided",
// a sort and a page. It is read from query parameters here, without any I/O: a value the
// list does not know is left out and named, so the page can say what it ignored.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/evaluation/aggregation.hpp"

namespace convene {

// Fifty rows a page: long enough to scan, short enough for a phone.
inline constexpr std::int64_t proposals_per_page = 50;

// The values a list accepts beyond the fixed ones: the call's session types and the
// edition's themes (by id), each with the label people read.
struct FilterChoices {
    std::vector<std::pair<std::string, std::string>> session_types, themes;  // code, label
};

// The fixed values, in the order the form offers them.
const std::vector<std::string>& proposal_statuses();   // draft, submitted, withdrawn
const std::vector<std::string>& screening_outcomes();  // passed, declined, overridden, not_screened
const std::vector<std::string>& decision_filter_values();  // the decision kinds, undecided
const std::vector<std::string>& proposal_sort_keys();      // number, title, theme, score, ...

struct ProposalFilter {
    std::vector<std::string> words;  // each must be in the title, or be the number
    std::string session_type, theme, status, screening, decision;  // "" any
    std::optional<double> score_min, score_max;                    // the mean score, 1 to 5
    bool divided = false;                                          // the evaluators disagree
    std::string sort;                                              // "" the list's own order
    bool descending = false;
    std::int64_t page = 1;
    // The parameters whose value was not understood and left out, in query order.
    std::vector<std::string> ignored;

    // Whether anything narrows the list (sorting and paging do not).
    bool narrows() const;
};

// Reads q, type, theme, status, screening, score_min, score_max, decision, divided, sort,
// order and page; other parameters are the page's own and are left alone. Empty values
// mean "any". A repeated parameter counts once (the first).
ProposalFilter parse_proposal_filter(const std::vector<std::pair<std::string, std::string>>& query,
                                     const FilterChoices& choices);

// The query string ("q=water&sort=title") that shows the same list, with `page` (0 leaves
// it out) and without the values that were ignored.
std::string filter_query(const ProposalFilter& f, std::int64_t page = 0);

// One proposal as the lists filter and sort it.
struct ListedProposal {
    std::int64_t proposal = 0, number = 0;
    std::string title, session_type, theme, theme_id, status;
    std::string screening;    // passed, declined or not_screened, the Secretariat's verdict first
    bool overridden = false;  // the Secretariat overrode the rules' verdict
    int evaluations = 0;      // submitted evaluations with a score
    std::optional<double> mean, standard_deviation;
    std::string decision;  // the decision's kind as it now stands; "" undecided
};

// Divided as the synthesis says it (core/evaluation/aggregation.hpp).
bool is_divided(const ListedProposal& p);

// The conditions the database cannot check (scores, "divided", the decision); the
// store has already applied the others.
bool passes_scores_and_decision(const ProposalFilter& f, const ListedProposal& p);
// Orders by the filter's sort (ties by number); the list's own order when none.
void sort_proposals(std::vector<ListedProposal>& list, const ProposalFilter& f);

// Which rows a page shows: [first, last) of `total`; past the end, none, and `pages`
// names the last page there is.
struct PageOfList {
    std::int64_t page = 1, pages = 1, first = 0, last = 0, total = 0;
    bool past_end = false;
};
PageOfList page_of_list(std::int64_t total, std::int64_t page,
                        std::int64_t per_page = proposals_per_page);

}  // namespace convene
