#include "store/synthesis/synthesis.hpp"

#include <map>
#include <string_view>

#include "core/common/field_error.hpp"
#include "core/common/text.hpp"
#include "core/decisions/decision.hpp"
#include "core/proposals/proposal.hpp"
#include "store/proposals/proposals.hpp"

namespace convene::store {

namespace {

// Rules as stored: checked when saved, so a row that no longer reads is left empty.
SelectionRules stored_rules(const nlohmann::json& j) {
    try {
        return selection_rules_from_json(j);
    } catch (const InputError&) {
        return {};
    }
}

}  // namespace

namespace {

int programme_days(const std::string& start, const std::string& end) {
    // Civil days between two ISO dates, both counted (days_from_civil).
    auto days = [](const std::string& d) -> long {
        if (!is_iso_date(d)) return 0;
        int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)),
            day = std::stoi(d.substr(8, 2));
        y -= m <= 2;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe;
    };
    long n = days(end) - days(start) + 1;
    return n >= 1 && n <= 31 ? static_cast<int>(n) : 1;
}

}  // namespace

SynthesisSettings synthesis_settings(db::Connection& c, EditionId edition) {
    SynthesisSettings s;
    s.texts = standard_decision_texts();
    auto r = c.run(R"sql(
        SELECT synthesis_settings, start_date, end_date,
               (SELECT COUNT(*) FROM rooms WHERE edition_id = e.id AND interpreted = 0) AS streams
        FROM editions e
        WHERE id = ?
    )sql",
                   {edition.value()});
    if (r.empty()) return s;
    const auto& row = r.rows[0];
    s.plan.streams = static_cast<int>(row.integer("streams"));
    s.plan.slots_per_day = 4;
    s.plan.days = programme_days(row.text("start_date"), row.text("end_date"));
    auto j = nlohmann::json::parse(row.text("synthesis_settings"), nullptr, false);
    if (!j.is_object()) return s;
    FieldErrors ignored;  // checked when saved
    if (j.contains("plan")) s.plan = slot_plan_from_json(j["plan"], s.plan, ignored);
    if (j.contains("rank_by") && j["rank_by"].is_string()) s.rank_by = j["rank_by"];
    if (j.contains("rules")) s.rules = stored_rules(j["rules"]);
    if (j.contains("max_sessions_per_person") && j["max_sessions_per_person"].is_number_integer())
        s.max_sessions_per_person = j["max_sessions_per_person"];
    if (j.contains("texts")) s.texts = decision_texts_from_json(j["texts"], s.texts, ignored);
    return s;
}

nlohmann::json to_json(const SynthesisSettings& s) {
    return {{"plan", to_json(s.plan)},
            {"rank_by", s.rank_by},
            {"rules", s.rules},
            {"max_sessions_per_person", s.max_sessions_per_person},
            {"texts", s.texts}};
}

void set_synthesis_settings(db::Connection& c, EditionId edition, const SynthesisSettings& s) {
    c.run(R"sql(UPDATE editions SET synthesis_settings = ? WHERE id = ?)sql",
          {to_json(s).dump(), edition.value()});
}

std::vector<ProgrammeProposal> programme_proposals(db::Connection& c, EditionId edition) {
    std::vector<ProgrammeProposal> out;
    std::map<std::int64_t, std::size_t> index;
    auto proposals = c.run(R"sql(
        SELECT p.id, p.number, p.title, COALESCE(t.name, '') AS theme
    )sql" + std::string(submitted_proposals) +
                               R"sql(
        ORDER BY p.number
    )sql",
                           {edition.value()});
    for (const auto& row : proposals.rows) {
        index[row.integer("id")] = out.size();
        out.push_back({row.id<ProposalId>("id"),
                       row.integer("number"),
                       row.text("title"),
                       row.text("theme"),
                       {}});
    }
    auto people = c.run(R"sql(
        SELECT pp.proposal_id, pp.role, pe.name, COALESCE(pe.email, '') AS email,
               pe.stakeholder_group, pe.gender, pe.first_time,
               COALESCE(k.regional_group, '') AS regional_group,
               COALESCE(k.developing, 0) AS developing, COALESCE(o.name, '') AS organisation
        FROM proposal_people pp
        JOIN proposals p ON p.id = pp.proposal_id
        JOIN people pe ON pe.id = pp.person_id
        LEFT JOIN countries k ON k.code = pe.country
        LEFT JOIN organisations o ON o.id = pe.organisation_id
        WHERE p.edition_id = ? AND p.status = 'submitted'
        ORDER BY pp.proposal_id, pp.position
    )sql",
                        {edition.value()});
    for (const auto& row : people.rows) {
        auto at = index.find(row.integer("proposal_id"));
        if (at == index.end()) continue;
        ProposalPerson who;
        who.name = row.text("name");
        who.email = row.text("email");
        ProgrammePerson p;
        p.key = person_key(who);
        p.name = row.text("name");
        p.role = row.text("role");
        p.stakeholder_group = row.text("stakeholder_group");
        p.gender = row.text("gender");
        p.first_time = row.integer("first_time") != 0;
        p.regional_group = row.text("regional_group");
        p.developing = row.integer("developing") != 0;
        p.organisation = row.text("organisation");
        out[at->second].people.push_back(std::move(p));
    }
    return out;
}

std::string edition_fingerprint(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(
        SELECT (SELECT COUNT(*) || '/' || COALESCE(MAX(COALESCE(updated_at, created_at)), '')
                       || '/' || COALESCE(SUM(version), 0) || '/' || COALESCE(SUM(id), 0) || '/'
                       || COALESCE(SUM(CASE WHEN status = 'submitted' THEN id ELSE 0 END), 0)
                FROM proposals
                WHERE edition_id = ?) AS proposals,
               (SELECT COUNT(*) || '/' || COALESCE(MAX(e.updated_at), '') || '/'
                       || COALESCE(SUM(e.version), 0)
                FROM evaluations e
                JOIN proposals p ON p.id = e.proposal_id
                WHERE p.edition_id = ?) AS evaluations,
               (SELECT evaluation_settings FROM editions WHERE id = ?) AS evaluation_settings,
               (SELECT COUNT(*) || '/' || COALESCE(SUM(COALESCE(o.passed, s.passed)), 0)
                FROM screening_results s
                JOIN proposals p ON p.id = s.proposal_id
                LEFT JOIN screening_overrides o ON o.proposal_id = s.proposal_id
                WHERE p.edition_id = ?) AS screening
    )sql",
                   {edition.value(), edition.value(), edition.value(), edition.value()});
    const auto& row = r.rows[0];
    std::string out;
    for (const auto* part : {"proposals", "evaluations", "evaluation_settings", "screening"})
        out += (row.is_null(part) ? "" : row.text(part)) + "|";
    return out;
}

std::vector<std::pair<ProposalId, std::string>> proposal_texts(db::Connection& c,
                                                               EditionId edition) {
    std::vector<std::pair<ProposalId, std::string>> out;
    auto texts = c.run(R"sql(
        SELECT p.id, p.title, p.description,
               COALESCE(p.policy_questions, '[]') AS policy_questions
    )sql" + std::string(submitted_proposals) +
                           R"sql(
        ORDER BY p.number
    )sql",
                       {edition.value()});
    for (const auto& row : texts.rows) {
        std::string text = row.text("title") + "\n" + row.text("description");
        auto questions = nlohmann::json::parse(row.text("policy_questions"), nullptr, false);
        if (questions.is_array())
            for (const auto& q : questions)
                if (q.is_string()) text += "\n" + q.get<std::string>();
        out.emplace_back(row.id<ProposalId>("id"), std::move(text));
    }
    return out;
}

namespace {

// The selection's ids are the proposals' numbers; anything else is left out.
std::vector<long long> numbers_in(const nlohmann::json& list) {
    std::vector<long long> out;
    if (list.is_array())
        for (const auto& n : list)
            if (n.is_number_integer()) out.push_back(n.get<long long>());
    return out;
}

StoredSelection selection_from_json(const nlohmann::json& j) {
    StoredSelection s;
    if (j.contains("rules")) {
        s.rules = stored_rules(j["rules"]);
        if (j["rules"].is_object() && j["rules"].contains("slots") &&
            j["rules"]["slots"].is_number_integer())
            s.slots = j["rules"]["slots"];
    }
    if (j.contains("rank_by") && j["rank_by"].is_string()) s.rank_by = j["rank_by"];
    const auto r = j.value("result", nlohmann::json::object());
    s.selected = numbers_in(r.value("selected", nlohmann::json()));
    if (r.contains("total_score") && r["total_score"].is_number()) s.total_score = r["total_score"];
    for (const auto& b : r.value("binding", nlohmann::json::array())) try {
            s.binding.push_back(
                {selection_rule_from_json(b.value("constraint", nlohmann::json()), "constraint"),
                 b.value("selected", 0), b.value("at", "") == "min"});
        } catch (const InputError&) {  // a rule this version no longer knows: left out
        }
    const auto versus = r.value("versus_cutoff", nlohmann::json::object());
    s.entered = numbers_in(versus.value("entered", nlohmann::json()));
    s.left = numbers_in(versus.value("left", nlohmann::json()));
    // Selections made before causes were kept have none; reasons then come from the rules.
    const auto causes = versus.value("causes", nlohmann::json::object());
    for (const auto& [number, list] : causes.items()) try {
            s.causes[std::stoll(number)] = selection_causes_from_json(list);
        } catch (const InputError&) {
        }
    for (const auto& id : j.value("selected_proposals", nlohmann::json::array()))
        s.selected_proposals.emplace_back(id.get<std::int64_t>());
    return s;
}

nlohmann::json to_json(const StoredSelection& s) {
    nlohmann::json rules = s.rules;
    rules["slots"] = s.slots;
    nlohmann::json why = nlohmann::json::object(), causes = nlohmann::json::object();
    for (const auto& [number, list] : s.causes) {
        why[std::to_string(number)] = cause_words(list);  // for readers of the raw row
        causes[std::to_string(number)] = list;
    }
    return {{"rules", rules},
            {"rank_by", s.rank_by},
            {"result",
             {{"selected", s.selected},
              {"total_score", s.total_score},
              {"binding", s.binding},
              {"versus_cutoff",
               {{"entered", s.entered}, {"left", s.left}, {"why", why}, {"causes", causes}}}}},
            {"selected_proposals", s.selected_proposals}};
}

}  // namespace

std::optional<StoredSelection> load_selection(db::Connection& c, EditionId edition) {
    auto r = c.run(R"sql(SELECT content, made_at FROM selections WHERE edition_id = ?)sql",
                   {edition.value()});
    if (r.empty()) return std::nullopt;
    auto content = nlohmann::json::parse(r.rows[0].text("content"), nullptr, false);
    if (!content.is_object()) return std::nullopt;
    try {
        auto s = selection_from_json(content);
        s.made_at = r.rows[0].text("made_at");
        return s;
    } catch (const nlohmann::json::exception&) {  // written by hand: as if none was made
        return std::nullopt;
    }
}

void save_selection(db::Connection& c, EditionId edition, const StoredSelection& selection,
                    std::optional<AccountId> account, const std::string& now) {
    c.run(R"sql(DELETE FROM selections WHERE edition_id = ?)sql", {edition.value()});
    c.run(R"sql(
        INSERT INTO selections (edition_id, content, made_at, account_id)
        VALUES (?, ?, ?, ?)
    )sql",
          {edition.value(), to_json(selection).dump(), now,
           account ? db::Value{account->value()} : db::Value{nullptr}});
}

}  // namespace convene::store
