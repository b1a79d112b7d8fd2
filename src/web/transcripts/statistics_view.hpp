#pragma once
// Who speaks, as the API answers it and as the statistics page shows it: the counts, the
// headline shares (the chair's, remote interventions', turns not named, speakers linked,
// women among those linked), each speaker, and the shares by role, stakeholder group,
// gender and UN regional group; on the page each as an SVG bar chart with its words in a
// title and description, and the same figures in a table beside it.
#include <nlohmann/json.hpp>
#include <string>

#include "core/transcripts/statistics.hpp"

namespace convene::web {

// {transcripts, left_out, timed, turns, words, seconds, shares: {chair, remote_interventions,
// not_named, linked, women_of_linked}, speakers: [...], by_role, by_stakeholder_group,
// by_gender, by_region: [{value, label, turns, words, seconds, share}]}; shares in percent.
nlohmann::json statistics_json(const transcripts::Statistics& s);

// The page's view: {summary, headline: chart, speakers_chart, speakers, dimensions:
// [{id, title, chart, rows}], has_minutes, empty}; `id` prefixes the charts' ids.
nlohmann::json statistics_view(const transcripts::Statistics& s, const std::string& id);

}  // namespace convene::web
