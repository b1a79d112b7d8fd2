// The synthesis the MAG meets on: slots and cut-off, the ranking with divided scores
// flagged, the draft programme's diversity against all submissions, the themes lacking
// a region or stakeholder group, and merger candidates.
#include "web/synthesis/actions.hpp"

#include <map>
#include <mutex>

#include "core/common/messages.hpp"
#include "core/decisions/decision.hpp"
#include "core/selection/selection.hpp"
#include "core/synthesis/similarity.hpp"
#include "http/error.hpp"
#include "store/evaluation/evaluations.hpp"
#include "web/evaluation/actions.hpp"
#include "web/selection/actions.hpp"
#include "web/site/charts.hpp"
#include "web/site/exchange.hpp"
#include "web/site/memo.hpp"

namespace convene::web {

namespace {

RankBy rank_of(const std::string& code) {
    if (code == "median") return RankBy::median;
    if (code == "normalised") return RankBy::normalised;
    return RankBy::mean;
}

}  // namespace

store::SynthesisSettings synthesis_settings_in_body(Exchange& ex, const store::Edition& e,
                                                    const nlohmann::json& body) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    if (!body.is_object())
        throw http::unprocessable({{"body", say("synthesis.settings_not_object")}});
    FieldErrors errors;
    if (body.contains("plan")) s.plan = slot_plan_from_json(body["plan"], s.plan, errors);
    if (body.contains("rank_by")) {
        const auto& r = body["rank_by"];
        if (!r.is_string() || (r != "mean" && r != "median" && r != "normalised"))
            errors.push_back({"rank_by", say("synthesis.rank_by_invalid")});
        else
            s.rank_by = r;
    }
    if (body.contains("max_sessions_per_person")) {
        const auto& m = body["max_sessions_per_person"];
        if (!m.is_number_integer() || m.get<long long>() < 1 || m.get<long long>() > 50)
            errors.push_back({"max_sessions_per_person", say("synthesis.max_sessions_invalid")});
        else
            s.max_sessions_per_person = m;
    }
    if (body.contains("texts")) s.texts = decision_texts_from_json(body["texts"], s.texts, errors);
    if (body.contains("rules")) {
        if (!body["rules"].is_object())
            errors.push_back({"rules", say("synthesis.rules_not_object")});
        else {
            try {  // the rules must read as a selection over this edition's proposals
                auto candidate = s;
                candidate.rules = selection_rules_from_json(body["rules"]);
                check_selection_keys(selection_instance(ex, e, candidate));
                s.rules = candidate.rules;
            } catch (const InputError& bad) {
                errors.push_back({bad.field().empty() ? "rules" : bad.field(), bad.message()});
            }
        }
    }
    throw_if_invalid(errors);
    return s;
}

std::shared_ptr<const std::vector<ProgrammeProposal>> edition_proposals(Exchange& ex,
                                                                        const store::Edition& e) {
    return memo<std::vector<ProgrammeProposal>>(
        "proposals", e.id, store::edition_fingerprint(ex.db(), e.id),
        [&] { return store::programme_proposals(ex.db(), e.id); });
}

namespace {

// A scored row of the evaluation sheet (the sheet is that stage's view).
RankedProposal ranked_row(const SheetRow& row, const std::string& rank_by) {
    RankedProposal r;
    r.proposal = row.proposal;
    r.rank = row.rank.value_or(0);
    r.number = row.number;
    r.title = row.title;
    r.theme = row.theme;
    r.format = row.format;
    r.count = row.count;
    r.mean = row.mean.value_or(0);
    r.median = row.median.value_or(0);
    r.standard_deviation = row.standard_deviation.value_or(0);
    r.normalised = row.normalised.value_or(0);
    r.merge_with = row.merge_with;
    r.score = rank_by == "median" ? r.median : rank_by == "normalised" ? r.normalised : r.mean;
    r.divided = row.divided;
    return r;
}

}  // namespace

std::vector<RankedProposal> ranking(Exchange& ex, const store::Edition& e,
                                    const store::SynthesisSettings& s) {
    auto ranked = memo<std::vector<RankedProposal>>(
        "ranking:" + s.rank_by, e.id, store::edition_fingerprint(ex.db(), e.id), [&] {
            auto sheet = evaluation_sheet(ex, e, rank_of(s.rank_by));
            std::vector<RankedProposal> out;
            for (const auto& row : sheet.rows)
                if (row.rank) out.push_back(ranked_row(row, s.rank_by));
            return out;
        });
    return *ranked;
}

DraftProgramme draft_programme(Exchange& ex, const store::Edition& e,
                               const store::SynthesisSettings& s,
                               const std::vector<RankedProposal>& ranked) {
    DraftProgramme d;
    auto decisions = store::list_decisions(ex.db(), e.id);
    if (!decisions.empty()) {
        d.source = "decisions";
        for (const auto& x : decisions)
            if (in_programme(x.decision)) d.ids.insert(x.proposal);
        return d;
    }
    if (auto stored = store::load_selection(ex.db(), e.id)) {
        d.source = "selection";
        d.ids.insert(stored->selected_proposals.begin(), stored->selected_proposals.end());
        return d;
    }
    d.source = "cutoff";
    int slots = s.plan.workshop_slots();
    for (const auto& row : ranked) {
        if (static_cast<int>(d.ids.size()) >= slots) break;
        d.ids.insert(row.proposal);
    }
    return d;
}

namespace {

nlohmann::json dimension_views(const DiversityTable& t, const std::string& prefix,
                               const std::set<std::string>& only = {}) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : t.dimensions) {
        if (!only.empty() && !only.count(d.code)) continue;
        auto chart = comparison_chart(prefix + "-" + d.code,
                                      d.label + (t.theme.empty() ? "" : ", " + t.theme), d,
                                      t.all_people, t.programme_people);
        out.push_back({{"code", d.code}, {"label", d.label}, {"chart", chart}});
    }
    return out;
}

nlohmann::json gaps_view(const std::vector<ThemeGap>& gaps) {
    nlohmann::json out = nlohmann::json::array();
    auto join = [](const std::vector<std::string>& items) {
        std::string text;
        for (const auto& i : items) text += (text.empty() ? "" : ", ") + i;
        return text;
    };
    for (const auto& g : gaps)
        out.push_back({{"theme", g.theme},
                       {"regions", join(g.regions)},
                       {"stakeholder_groups", join(g.stakeholder_groups)},
                       {"has_regions", !g.regions.empty()},
                       {"has_groups", !g.stakeholder_groups.empty()}});
    return out;
}

std::string source_words(const std::string& source) {
    if (source == "decisions") return say("synthesis.source.decisions");
    if (source == "selection") return say("synthesis.source.selection");
    return say("synthesis.source.cutoff");
}

}  // namespace

nlohmann::json synthesis_view(Exchange& ex, const store::Edition& e) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    auto ranked = ranking(ex, e, s);
    const int slots = s.plan.workshop_slots();
    std::vector<double> scores;
    for (const auto& r : ranked) scores.push_back(r.score);
    auto cutoff = cutoff_score(scores, slots);
    int at_cutoff = 0, divided = 0;
    nlohmann::json ranking_view = nlohmann::json::array();
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const auto& r = ranked[i];
        auto row = to_json(r);
        row["within"] = static_cast<int>(i) < slots;
        row["first_below"] = static_cast<int>(i) == slots;
        if (cutoff && r.score == *cutoff) ++at_cutoff;
        if (r.divided) ++divided;
        ranking_view.push_back(std::move(row));
    }
    auto programme = draft_programme(ex, e, s, ranked);
    auto people = edition_proposals(ex, e);
    const auto& proposals = *people;
    auto tables = programme_diversity(proposals, programme.ids);
    nlohmann::json themes = nlohmann::json::array();
    for (std::size_t i = 1; i < tables.size(); ++i)
        themes.push_back({{"theme", tables[i].theme},
                          {"all_proposals", tables[i].all_proposals},
                          {"programme_proposals", tables[i].programme_proposals},
                          {"all_people", tables[i].all_people},
                          {"programme_people", tables[i].programme_people}});
    auto gaps = gaps_view(theme_gaps(proposals, programme.ids));
    nlohmann::json reserved = nlohmann::json::array();
    for (const auto& k : reserved_session_kinds())
        reserved.push_back(
            {{"code", k.code},
             {"label", k.label},
             {"count", s.plan.reserved.count(k.code) ? s.plan.reserved[k.code] : 0}});
    return {{"plan", to_json(s.plan)},
            {"reserved", reserved},
            {"rank_by", s.rank_by},
            {"workshop_slots", slots},
            {"scored", ranked.size()},
            {"cutoff", cutoff ? nlohmann::json(*cutoff) : nullptr},
            {"at_cutoff", at_cutoff},
            {"divided", divided},
            {"divided_at", divided_at},
            {"ranking", ranking_view},
            {"programme",
             {{"source", programme.source},
              {"words", source_words(programme.source)},
              {"proposals", programme.ids.size()}}},
            {"diversity",
             {{"all_proposals", tables[0].all_proposals},
              {"programme_proposals", tables[0].programme_proposals},
              {"all_people", tables[0].all_people},
              {"programme_people", tables[0].programme_people},
              {"dimensions", dimension_views(tables[0], "all")}}},
            {"themes", themes},
            {"gaps", gaps},
            {"mergers", merger_candidates(ex, e, 25)}};
}

nlohmann::json theme_diversity_view(Exchange& ex, const store::Edition& e) {
    auto s = store::synthesis_settings(ex.db(), e.id);
    auto ranked = ranking(ex, e, s);
    auto programme = draft_programme(ex, e, s, ranked);
    auto tables = programme_diversity(*edition_proposals(ex, e), programme.ids);
    nlohmann::json themes = nlohmann::json::array();
    for (std::size_t i = 1; i < tables.size(); ++i)
        themes.push_back(
            {{"theme", tables[i].theme},
             {"anchor", "theme-" + std::to_string(i)},
             {"all_proposals", tables[i].all_proposals},
             {"programme_proposals", tables[i].programme_proposals},
             {"dimensions", dimension_views(tables[i], "theme-" + std::to_string(i))}});
    return {
        {"programme", {{"source", programme.source}, {"words", source_words(programme.source)}}},
        {"themes", themes}};
}

namespace {

// What merger candidates are made of: similar pairs of texts, the evaluators' marks and
// each proposal's number and title.
struct MergerData {
    std::vector<SimilarPair> pairs;
    std::map<std::pair<std::string, std::string>, int> marks;        // lower number first
    std::map<std::string, std::pair<long long, std::string>> about;  // id -> number, title
};

MergerData merger_data(Exchange& ex, const store::Edition& e) {
    MergerData d;
    for (const auto& p : store::sheet_proposals(ex.db(), e.id))
        d.about[to_string(p.proposal)] = {p.number, p.title};
    std::vector<SimilarityDocument> documents;
    for (auto& [id, text] : store::proposal_texts(ex.db(), e.id))
        documents.push_back({to_string(id), std::move(text)});
    d.pairs = similar_pairs(documents, 0.3, 6);
    std::map<long long, std::string> id_of;
    for (const auto& [id, p] : d.about) id_of[p.first] = id;
    for (const auto& s : store::submitted_evaluations(ex.db(), e.id)) {
        if (!s.evaluation.merge_with || !id_of.count(*s.evaluation.merge_with)) continue;
        auto a = to_string(s.proposal), b = id_of[*s.evaluation.merge_with];
        if (!d.about.count(a) || a == b) continue;
        if (d.about[a].first > d.about[b].first) std::swap(a, b);
        ++d.marks[{a, b}];
    }
    return d;
}

}  // namespace

nlohmann::json merger_candidates(Exchange& ex, const store::Edition& e, std::size_t limit) {
    auto data = memo<MergerData>("mergers", e.id, store::edition_fingerprint(ex.db(), e.id),
                                 [&] { return merger_data(ex, e); });
    const auto& about = data->about;
    const auto& pairs = data->pairs;
    const auto& marks = data->marks;
    auto side = [&](const std::string& id) {
        auto it = about.find(id);
        return nlohmann::json{{"proposal", std::stoll(id)},
                              {"number", it == about.end() ? 0 : it->second.first},
                              {"title", it == about.end() ? "" : it->second.second}};
    };
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : pairs) {
        if (out.size() >= limit) break;
        if (!about.count(p.a) || !about.count(p.b)) continue;
        auto a = p.a, b = p.b;
        if (about.at(a).first > about.at(b).first) std::swap(a, b);
        std::string shared;
        for (const auto& w : p.shared) shared += (shared.empty() ? "" : ", ") + w;
        auto m = marks.find({a, b});
        out.push_back({{"a", side(a)},
                       {"b", side(b)},
                       {"similarity", std::round(p.similarity * 100) / 100},
                       {"shared_words", shared},
                       {"evaluator_marks", m == marks.end() ? 0 : m->second}});
    }
    nlohmann::json marked = nlohmann::json::array();
    for (const auto& [pair, votes] : marks)
        marked.push_back({{"a", side(pair.first)}, {"b", side(pair.second)}, {"votes", votes}});
    std::sort(marked.begin(), marked.end(),
              [](const auto& x, const auto& y) { return x["votes"] > y["votes"]; });
    nlohmann::json clusters = nlohmann::json::array();
    for (const auto& c : merger_clusters(pairs)) {
        if (c.size() < 3) continue;
        nlohmann::json members = nlohmann::json::array();
        for (const auto& id : c)
            if (about.count(id)) members.push_back(side(id));
        clusters.push_back({{"proposals", members}});
        if (clusters.size() >= 10) break;
    }
    return {{"similar_pairs", pairs.size()},
            {"pairs", out},
            {"evaluator_marks", marked},
            {"clusters", clusters}};
}

}  // namespace convene::web
