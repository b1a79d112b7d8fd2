#include "web/proposals/list_actions.hpp"

#include <algorithm>
#include <map>

#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/decisions/decision.hpp"
#include "core/editions/edition.hpp"
#include "http/form.hpp"
#include "store/decisions/decisions.hpp"
#include "store/proposals/proposal_list.hpp"
#include "store/synthesis/synthesis.hpp"
#include "web/evaluation/actions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/memo.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

FilterChoices filter_choices(Exchange& ex, const store::Edition& e) {
    FilterChoices c;
    for (const auto& t : standard_session_types()) c.session_types.push_back({t.code, t.name});
    for (const auto& t : store::list_themes(ex.db(), e.id))
        c.themes.push_back({to_string(t.id), t.name});
    return c;
}

std::int64_t id_of(const nlohmann::json& v) {
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_string()) return std::stoll(v.get<std::string>());
    return 0;
}

}  // namespace

ProposalSelection select_proposals(Exchange& ex, const store::Edition& e) {
    ProposalSelection s;
    s.choices = filter_choices(ex, e);
    std::vector<std::pair<std::string, std::string>> pairs;
    // Parameter by parameter, so the notice names the ignored ones in the order sent.
    for (const auto& part : split_items(ex.request.query, "&")) {
        auto one = http::parse_urlencoded(part);
        for (const auto& [name, value] : one.values()) pairs.push_back({name, value});
    }
    s.filter = parse_proposal_filter(pairs, s.choices);
    s.matching = store::list_proposals(ex.db(), e.id, s.filter);
    // The sheet's scores, kept until the edition's data changes (the synthesis reads them too).
    auto sheet = memo<nlohmann::json>("sheet:mean", e.id, store::edition_fingerprint(ex.db(), e.id),
                                      [&] { return sheet_view(ex, e, RankBy::mean); });
    std::map<std::int64_t, const nlohmann::json*> scored;
    for (const auto& row : (*sheet)["proposals"]) scored[id_of(row["proposal"])] = &row;
    std::map<std::int64_t, std::string> decided;
    for (const auto& d : store::list_decisions(ex.db(), e.id))
        decided[d.proposal.value()] = effective_kind(d.decision);
    std::vector<ListedProposal> kept;
    for (auto& p : s.matching) {
        if (auto at = scored.find(p.proposal); at != scored.end()) {
            const auto& row = *at->second;
            p.evaluations = row["count"].get<int>();
            if (!row["mean"].is_null()) p.mean = row["mean"].get<double>();
            if (!row["standard_deviation"].is_null())
                p.standard_deviation = row["standard_deviation"].get<double>();
        }
        if (auto d = decided.find(p.proposal); d != decided.end()) p.decision = d->second;
        if (passes_scores_and_decision(s.filter, p)) kept.push_back(std::move(p));
    }
    s.matching = std::move(kept);
    sort_proposals(s.matching, s.filter);
    return s;
}

nlohmann::json filtered_rows(const nlohmann::json& rows, const ProposalSelection& s) {
    std::map<std::int64_t, std::size_t> position;
    for (std::size_t i = 0; i < s.matching.size(); ++i) position[s.matching[i].proposal] = i;
    std::vector<std::pair<std::size_t, nlohmann::json>> kept;
    std::size_t own = 0;
    for (const auto& row : rows) {
        auto id = id_of(row["proposal"]);
        auto at = position.find(id);
        ++own;
        if (at == position.end()) continue;
        auto r = row;
        r["proposal_url"] = "/proposals/" + std::to_string(id);
        kept.push_back({s.filter.sort.empty() ? own : at->second, r});
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // No sort chosen: the list's own order (the sheet's rank), backwards when asked.
    if (s.filter.sort.empty() && s.filter.descending) std::reverse(kept.begin(), kept.end());
    nlohmann::json out = nlohmann::json::array();
    for (auto& [_, r] : kept) out.push_back(std::move(r));
    return out;
}

namespace {

std::vector<std::pair<std::string, std::string>> labelled(const std::vector<std::string>& codes,
                                                          const std::string& prefix) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& c : codes) out.push_back({c, say(prefix + c)});
    return out;
}

nlohmann::json select_view(const std::string& name,
                           std::vector<std::pair<std::string, std::string>> choices,
                           const std::string& current, const std::string& any) {
    choices.insert(choices.begin(), {"", any});
    return {{"name", name},
            {"label", say("list.filter." + name)},
            {"options", options_view(choices, current)}};
}

std::string score_value(const std::optional<double>& v) {
    if (!v) return "";
    auto text = nlohmann::json(*v).dump();
    return text;
}

}  // namespace

ListPage list_page(const ProposalSelection& s, const nlohmann::json& rows, std::size_t total,
                   const std::string& url,
                   const std::vector<std::pair<std::string, std::string>>& hidden) {
    const auto& f = s.filter;
    auto page = page_of_list(static_cast<std::int64_t>(rows.size()), f.page);
    ListPage out;
    out.rows = nlohmann::json::array();
    for (auto i = page.first; i < page.last; ++i) out.rows.push_back(rows[i]);
    std::vector<std::pair<std::string, std::string>> decisions;
    for (const auto& k : decision_kinds()) decisions.push_back({k.code, k.label});
    decisions.push_back({"undecided", say("list.decision.undecided")});
    std::string words;
    for (const auto& w : f.words) words += (words.empty() ? "" : " ") + w;
    nlohmann::json selects = nlohmann::json::array(
        {select_view("type", s.choices.session_types, f.session_type, say("list.any")),
         select_view("theme", s.choices.themes, f.theme, say("list.any")),
         select_view("status", labelled(proposal_statuses(), "proposal_status."), f.status,
                     say("list.any")),
         select_view("screening", labelled(screening_outcomes(), "list.screening."), f.screening,
                     say("list.any")),
         select_view("decision", decisions, f.decision, say("list.any"))});
    nlohmann::json sorts = select_view("sort", labelled(proposal_sort_keys(), "list.sort."), f.sort,
                                       say("list.sort.own"));
    nlohmann::json ignored = nlohmann::json::array();
    for (const auto& name : f.ignored)
        ignored.push_back({{"name", name}, {"label", say("list.filter." + name)}});
    nlohmann::json hidden_fields = nlohmann::json::array();
    for (const auto& [name, value] : hidden)
        hidden_fields.push_back({{"name", name}, {"value", value}});
    std::string keep;  // the list's own parameters, kept by the pager's links
    for (const auto& [name, value] : hidden) keep += "&" + name + "=" + value;
    // The filters fold away (on a phone, above all) until one beyond the words is in use.
    auto beyond_words = f;
    beyond_words.words.clear();
    auto link = [&](std::int64_t n) { return url + "?" + filter_query(f, n) + keep; };
    out.view = {{"url", url},
                {"words", words},
                {"selects", selects},
                {"sort", sorts},
                {"descending", f.descending},
                {"score_min", score_value(f.score_min)},
                {"score_max", score_value(f.score_max)},
                {"divided", f.divided},
                {"divided_at", divided_at},
                {"hidden", hidden_fields},
                {"narrowed", f.narrows()},
                {"open", beyond_words.narrows() || !f.sort.empty() || f.descending},
                {"ignored", ignored},
                {"has_ignored", !ignored.empty()},
                {"count", say(std::string(f.narrows() ? "list.count.of" : "list.count.all") +
                                  (total == 1 ? ".one" : ""),
                              {{"matching", rows.size()}, {"total", total}})},
                {"query", filter_query(f)},
                {"clear", url + (keep.empty() ? "" : "?" + keep.substr(1))},
                {"page", page.page},
                {"pages", page.pages},
                {"paged", page.pages > 1},
                {"past_end", page.past_end},
                {"last_url", link(page.pages)},
                {"has_previous", !page.past_end && page.page > 1},
                {"previous_url", link(page.page - 1)},
                {"has_next", !page.past_end && page.page < page.pages},
                {"next_url", link(page.page + 1)},
                {"first_row", page.first + 1},
                {"last_row", page.last},
                {"empty", rows.empty()}};
    return out;
}

}  // namespace convene::web
