#include "core/synthesis/synthesis.hpp"

#include <algorithm>

#include "core/common/messages.hpp"
#include "core/people/country.hpp"
#include "core/people/people.hpp"

namespace convene {

const std::vector<ReservedKind>& reserved_session_kinds() {
    static const std::vector<ReservedKind> all = {
        {"open_forum", say("synthesis.reserved.open_forum")},
        {"dynamic_coalition", say("synthesis.reserved.dynamic_coalition")},
        {"best_practice_forum", say("synthesis.reserved.best_practice_forum")},
        {"nri", say("synthesis.reserved.nri")},
        {"main_session", say("synthesis.reserved.main_session")},
    };
    return all;
}

int SlotPlan::reserved_total() const {
    int n = 0;
    for (const auto& [kind, count] : reserved) n += count;
    return n;
}

int SlotPlan::workshop_slots() const {
    return std::max(0, total() - reserved_total());
}

namespace {

// A whole number from 0 to `most`, or an error naming the member.
std::optional<int> count_in(const nlohmann::json& j, const std::string& field,
                            const std::string& label, int most, FieldErrors& errors) {
    if (j.is_string()) {
        try {
            std::size_t used = 0;
            auto s = j.get<std::string>();
            long long v = std::stoll(s, &used);
            if (used == s.size()) return count_in(nlohmann::json(v), field, label, most, errors);
        } catch (const std::exception&) {
        }
    }
    if (!j.is_number_integer() || j.get<long long>() < 0 || j.get<long long>() > most) {
        errors.push_back(
            {field, say("synthesis.count_invalid", {{"label", label}, {"most", most}})});
        return std::nullopt;
    }
    return static_cast<int>(j.get<long long>());
}

}  // namespace

SlotPlan slot_plan_from_json(const nlohmann::json& j, SlotPlan base, FieldErrors& errors) {
    if (!j.is_object()) {
        errors.push_back({"plan", say("synthesis.plan_not_object")});
        return base;
    }
    auto read = [&](const char* name, const std::string& label, int most, int& into) {
        if (!j.contains(name) || j[name].is_null()) return;
        if (auto v = count_in(j[name], name, label, most, errors)) into = *v;
    };
    read("streams", say("synthesis.streams"), 100, base.streams);
    read("slots_per_day", say("synthesis.slots_per_day"), 48, base.slots_per_day);
    read("days", say("synthesis.days"), 31, base.days);
    if (j.contains("reserved") && !j["reserved"].is_null()) {
        if (!j["reserved"].is_object()) {
            errors.push_back({"reserved", say("synthesis.reserved_not_object")});
            return base;
        }
        for (const auto& item : j["reserved"].items()) {
            const std::string& kind = item.key();  // a plain reference: the lambda captures it
            const auto& value = item.value();
            auto known =
                std::find_if(reserved_session_kinds().begin(), reserved_session_kinds().end(),
                             [&](const ReservedKind& k) { return k.code == kind; });
            if (known == reserved_session_kinds().end()) {
                errors.push_back(
                    {"reserved." + kind, say("synthesis.reserved_unknown", {{"kind", kind}})});
                continue;
            }
            if (auto v = count_in(value, "reserved." + kind, known->label, 10000, errors))
                base.reserved[kind] = *v;
        }
    }
    return base;
}

nlohmann::json to_json(const SlotPlan& plan) {
    nlohmann::json reserved = nlohmann::json::object();
    for (const auto& k : reserved_session_kinds()) {
        auto it = plan.reserved.find(k.code);
        reserved[k.code] = it == plan.reserved.end() ? 0 : it->second;
    }
    return {{"streams", plan.streams},
            {"slots_per_day", plan.slots_per_day},
            {"days", plan.days},
            {"reserved", reserved},
            {"total_slots", plan.total()},
            {"reserved_sessions", plan.reserved_total()},
            {"workshop_slots", plan.workshop_slots()}};
}

std::optional<double> cutoff_score(const std::vector<double>& ranked, int slots) {
    if (ranked.empty() || slots <= 0) return std::nullopt;
    return ranked[std::min<std::size_t>(ranked.size(), static_cast<std::size_t>(slots)) - 1];
}

nlohmann::json to_json(const RankedProposal& r) {
    return {{"proposal", r.proposal},     {"rank", r.rank},
            {"number", r.number},         {"title", r.title},
            {"theme", r.theme},           {"format", r.format},
            {"count", r.count},           {"mean", r.mean},
            {"median", r.median},         {"standard_deviation", r.standard_deviation},
            {"normalised", r.normalised}, {"merge_with", r.merge_with},
            {"score", r.score},           {"divided", r.divided}};
}

namespace {

struct Dimension {
    std::string code, label;
    std::vector<std::pair<std::string, std::string>> values;  // code, label
    std::string (*of)(const ProgrammePerson&);
};

const std::vector<Dimension>& dimensions() {
    static const std::vector<Dimension> all = [] {
        std::vector<Dimension> d;
        Dimension stakeholder{
            "stakeholder_group", say("synthesis.dimension.stakeholder_group"), {}, nullptr};
        for (const auto& c : stakeholder_groups()) stakeholder.values.emplace_back(c.code, c.label);
        stakeholder.of = [](const ProgrammePerson& p) { return p.stakeholder_group; };
        Dimension region{"regional_group", say("synthesis.dimension.regional_group"), {}, nullptr};
        for (const char* code :
             {"african", "asia_pacific", "eastern_european", "grulac", "weog", ""})
            region.values.emplace_back(code, regional_group_label(code));
        region.of = [](const ProgrammePerson& p) { return p.regional_group; };
        Dimension gender{"gender", say("synthesis.dimension.gender"), {}, nullptr};
        for (const auto& c : genders()) gender.values.emplace_back(c.code, c.label);
        gender.of = [](const ProgrammePerson& p) { return p.gender; };
        Dimension developing{
            "developing",
            say("synthesis.dimension.developing"),
            {{"yes", say("synthesis.dimension.developing.yes")},
             {"no", say("synthesis.dimension.developing.no")}},
            [](const ProgrammePerson& p) { return std::string(p.developing ? "yes" : "no"); }};
        Dimension first{
            "first_time",
            say("synthesis.dimension.first_time"),
            {{"yes", say("synthesis.dimension.first_time.yes")},
             {"no", say("synthesis.dimension.first_time.no")}},
            [](const ProgrammePerson& p) { return std::string(p.first_time ? "yes" : "no"); }};
        return std::vector<Dimension>{stakeholder, region, gender, developing, first};
    }();
    return all;
}

bool counted(const ProgrammePerson& p) {
    return p.role == "organiser" || p.role == "speaker";
}

// Organisers and speakers of a proposal, each person once.
std::vector<const ProgrammePerson*> counted_people(const ProgrammeProposal& p) {
    std::vector<const ProgrammePerson*> out;
    std::set<std::string> seen;
    for (const auto& person : p.people)
        if (counted(person) && seen.insert(person.key).second) out.push_back(&person);
    return out;
}

DiversityTable empty_table(const std::string& theme) {
    DiversityTable t;
    t.theme = theme;
    for (const auto& d : dimensions()) {
        DiversityDimension out{d.code, d.label, {}};
        for (const auto& [code, label] : d.values) out.rows.push_back({code, label, 0, 0});
        t.dimensions.push_back(std::move(out));
    }
    return t;
}

void add_to(DiversityTable& t, const ProgrammeProposal& p, bool in_programme) {
    ++t.all_proposals;
    if (in_programme) ++t.programme_proposals;
    for (const auto* person : counted_people(p)) {
        ++t.all_people;
        if (in_programme) ++t.programme_people;
        for (std::size_t d = 0; d < dimensions().size(); ++d) {
            auto value = dimensions()[d].of(*person);
            auto& rows = t.dimensions[d].rows;
            auto row = std::find_if(rows.begin(), rows.end(),
                                    [&](const DiversityRow& r) { return r.value == value; });
            if (row == rows.end()) {
                rows.push_back({value, value, 0, 0});  // a code outside the list, kept
                row = rows.end() - 1;
            }
            ++row->all;
            if (in_programme) ++row->programme;
        }
    }
}

}  // namespace

std::vector<DiversityTable> programme_diversity(const std::vector<ProgrammeProposal>& proposals,
                                                const std::set<ProposalId>& programme) {
    std::vector<DiversityTable> tables{empty_table("")};
    std::map<std::string, std::size_t> theme_table;
    for (const auto& p : proposals) {
        bool in = programme.count(p.id) > 0;
        add_to(tables[0], p, in);
        auto [it, added] = theme_table.emplace(p.theme, tables.size());
        if (added) tables.push_back(empty_table(p.theme));
        add_to(tables[it->second], p, in);
    }
    return tables;
}

std::vector<ThemeGap> theme_gaps(const std::vector<ProgrammeProposal>& proposals,
                                 const std::set<ProposalId>& programme) {
    std::vector<std::string> themes;
    std::map<std::string, std::set<std::string>> regions, groups;
    for (const auto& p : proposals) {
        if (!programme.count(p.id)) continue;
        if (std::find(themes.begin(), themes.end(), p.theme) == themes.end())
            themes.push_back(p.theme);
        for (const auto* person : counted_people(p)) {
            regions[p.theme].insert(person->regional_group);
            groups[p.theme].insert(person->stakeholder_group);
        }
    }
    std::vector<ThemeGap> gaps;
    for (const auto& theme : themes) {
        ThemeGap gap{theme, {}, {}};
        for (const char* code : {"african", "asia_pacific", "eastern_european", "grulac", "weog"})
            if (!regions[theme].count(code)) gap.regions.emplace_back(regional_group_label(code));
        for (const auto& c : stakeholder_groups())
            if (!groups[theme].count(std::string(c.code)))
                gap.stakeholder_groups.emplace_back(c.label);
        if (!gap.regions.empty() || !gap.stakeholder_groups.empty()) gaps.push_back(gap);
    }
    return gaps;
}

std::vector<SpeakerOverload> speaker_rule(const std::vector<ProgrammeProposal>& proposals,
                                          const std::set<ProposalId>& programme, int max_sessions) {
    std::map<std::string, SpeakerOverload> by_person;
    std::vector<std::string> order;
    for (const auto& p : proposals) {
        if (!programme.count(p.id)) continue;
        std::set<std::string> seen;
        for (const auto& person : p.people) {
            if (person.key.empty() || !seen.insert(person.key).second) continue;
            auto [it, added] =
                by_person.emplace(person.key, SpeakerOverload{person.key, person.name, {}});
            if (added) order.push_back(person.key);
            it->second.numbers.push_back(p.number);
        }
    }
    std::vector<SpeakerOverload> out;
    for (const auto& key : order)
        if (static_cast<int>(by_person[key].numbers.size()) > max_sessions)
            out.push_back(by_person[key]);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.numbers.size() > b.numbers.size();
    });
    for (auto& o : out) std::sort(o.numbers.begin(), o.numbers.end());
    return out;
}

}  // namespace convene
