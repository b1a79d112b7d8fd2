#pragma once
// The Secretariat's lists of proposals share one filter (core/proposals/proposal_filter):
// read from the query, applied to the edition's proposals with their scores, screening
// and decisions, and shown with one form, one count, one notice of what was ignored and
// one pager (templates/partials/proposal_filter, proposal_pager).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/proposals/proposal_filter.hpp"
#include "store/editions/editions.hpp"

namespace convene::web {

class Exchange;

struct ProposalSelection {
    FilterChoices choices;
    ProposalFilter filter;
    std::vector<ListedProposal> matching;  // every proposal the filter lets through, sorted
};
// The filter in the request's query, and the edition's proposals it lets through.
ProposalSelection select_proposals(Exchange& ex, const store::Edition& e);

// The rows of a list (each with "proposal") the selection holds: in the filter's sort when
// one is chosen, else in the list's own order. Each gains "proposal_url".
nlohmann::json filtered_rows(const nlohmann::json& rows, const ProposalSelection& s);

// One page of `rows` and what the shared partials show around it: the form with the
// current values, "12 of 140 proposals", the ignored parameters, the pager. `url` is the
// list's address; `hidden` are the list's own parameters the form keeps (rank=median).
struct ListPage {
    nlohmann::json rows;  // this page's
    nlohmann::json view;  // {filter: {...}}, merged into the page's view
};
ListPage list_page(const ProposalSelection& s, const nlohmann::json& rows, std::size_t total,
                   const std::string& url,
                   const std::vector<std::pair<std::string, std::string>>& hidden = {});

}  // namespace convene::web
