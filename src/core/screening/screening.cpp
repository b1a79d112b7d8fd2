#include "core/screening/screening.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/common/field_error.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"

namespace convene {

namespace {

// A speaker who declined through their link has declined, whatever was declared.
bool declined(const ProposalPerson& p) {
    return p.answer == "declined" || (p.answer.empty() && p.confirmation == "declined");
}

bool confirmed(const ProposalPerson& p, const ScreeningRules& rules) {
    if (rules.speaker_confirmation == "own_answer") return p.answer == "confirmed";
    return !declined(p) && (p.confirmation == "confirmed" ||
                            p.confirmation == "provisionally_confirmed" || p.answer == "confirmed");
}

std::string gender_singular(const std::string& gender) {
    if (gender == "woman" || gender == "man" || gender == "non_binary")
        return say("screening.gender." + gender + ".one");
    return say("screening.gender.other", {{"gender", gender}});
}

std::string gender_plural(const std::string& gender) {
    if (gender == "woman" || gender == "man" || gender == "non_binary")
        return say("screening.gender." + gender + ".many");
    return say("screening.gender.other", {{"gender", gender}});
}

bool field_filled(const Proposal& p, const std::string& field) {
    auto text = [](const std::string& s) { return !trim(s).empty(); };
    if (field == "title") return text(p.title);
    if (field == "theme") return text(p.theme);
    if (field == "format") return text(p.format);
    if (field == "duration") return p.duration > 0;
    if (field == "description") return text(p.description);
    if (field == "policy_questions") return !p.policy_questions.empty();
    if (field == "tags") return !p.tags.empty();
    if (field == "sdgs") return !p.sdgs.empty();
    if (field == "agenda") return text(p.agenda);
    if (field == "expected_outcomes") return text(p.expected_outcomes);
    if (field == "online_participation") return text(p.online_participation);
    if (field == "background_paper") return text(p.background_paper);
    if (field == "relevance") return text(p.relevance);
    if (field == "organisers") return !p.organisers.empty();
    if (field == "speakers") return !p.speakers.empty();
    if (field == "moderators") return !p.moderators.empty();
    if (field == "online_moderators") return !p.online_moderators.empty();
    if (field == "rapporteurs") return !p.rapporteurs.empty();
    return true;
}

// The people and institutions who submit a proposal: the proposer and the organisers.
std::vector<const ProposalPerson*> submitters(const Proposal& p) {
    std::vector<const ProposalPerson*> out;
    if (!trim(p.proposer.name).empty() || !trim(p.proposer.email).empty())
        out.push_back(&p.proposer);
    for (const auto& o : p.organisers) out.push_back(&o);
    return out;
}

void check_completeness(const Proposal& p, const ScreeningRules& rules, ScreeningResult& r) {
    auto listed = rules.required_fields.find(p.session_type);
    auto fields = listed != rules.required_fields.end() ? listed->second
                                                        : standard_required_fields(p.session_type);
    for (const auto& field : fields) {
        // These have rules of their own, with a sharper message.
        if ((field == "online_moderators" && rules.require_online_moderator) ||
            (field == "moderators" && rules.require_onsite_moderator))
            continue;
        if (!field_filled(p, field))
            r.failures.push_back({"missing_field",
                                  say("screening.missing_field", {{"field", field_label(field)}}),
                                  field});
    }
}

void check_speakers(const Proposal& p, const ScreeningRules& rules, ScreeningResult& r) {
    if (rules.min_confirmed_speakers > 0) {
        int n = static_cast<int>(std::count_if(p.speakers.begin(), p.speakers.end(),
                                               [&](const auto& s) { return confirmed(s, rules); }));
        if (n < rules.min_confirmed_speakers)
            r.failures.push_back({"too_few_confirmed_speakers",
                                  say(n == 1 ? "screening.confirmed_speakers.one"
                                             : "screening.confirmed_speakers.many",
                                      {{"count", n}, {"min", rules.min_confirmed_speakers}}),
                                  "speakers"});
    }
    if (rules.min_onsite_speakers > 0) {
        int n =
            static_cast<int>(std::count_if(p.speakers.begin(), p.speakers.end(), [](const auto& s) {
                return !declined(s) && s.onsite.value_or(false);
            }));
        if (n < rules.min_onsite_speakers)
            r.failures.push_back({"too_few_onsite_speakers",
                                  say("screening.onsite_speakers",
                                      {{"count", n}, {"min", rules.min_onsite_speakers}}),
                                  "speakers"});
    }
    if (rules.require_gender_diversity) {
        std::map<std::string, int> by_gender;
        for (const auto& s : p.speakers)
            if (!declined(s) && !trim(s.gender).empty()) ++by_gender[s.gender];
        if (by_gender.empty()) {
            r.failures.push_back({"no_gender_diversity", say("screening.gender.none"), "speakers"});
        } else if (by_gender.size() == 1) {
            const auto& [gender, n] = *by_gender.begin();
            r.failures.push_back(
                {"no_gender_diversity",
                 n == 1 ? say("screening.gender.only_one", {{"gender", gender_singular(gender)}})
                        : say("screening.gender.all_same",
                              {{"count", n}, {"gender", gender_plural(gender)}}),
                 "speakers"});
        }
    }
    if (rules.require_onsite_moderator) {
        bool onsite = std::any_of(p.moderators.begin(), p.moderators.end(),
                                  [](const auto& m) { return m.onsite.value_or(false); });
        if (!onsite)
            r.failures.push_back({"no_onsite_moderator",
                                  p.moderators.empty() ? say("screening.moderator.none")
                                                       : say("screening.moderator.not_onsite"),
                                  "moderators"});
    }
    if (rules.require_online_moderator && p.online_moderators.empty())
        r.failures.push_back(
            {"no_online_moderator", say("screening.online_moderator.none"), "online_moderators"});
}

// People known by e-mail, or by name where either side gives no e-mail: two different
// e-mails are two people even when their names are the same.
class PeopleIndex {
  public:
    void add(const ProposalPerson& p) {
        auto email = ascii_lower(trim(p.email));
        if (!email.empty()) emails_.insert(email);
        if (!trim(p.name).empty()) names_.emplace(name_key(p.name), email);
    }
    bool contains(const ProposalPerson& p) const {
        auto email = ascii_lower(trim(p.email));
        if (!email.empty() && emails_.count(email)) return true;
        if (trim(p.name).empty()) return false;
        auto [begin, end] = names_.equal_range(name_key(p.name));
        for (auto it = begin; it != end; ++it)
            if (email.empty() || it->second.empty()) return true;
        return false;
    }

  private:
    std::set<std::string> emails_;
    std::multimap<std::string, std::string> names_;  // name key -> e-mail, possibly empty
};

void check_mag_members(const Proposal& p, const ScreeningContext& c, ScreeningResult& r) {
    if (!c.rules.mag_members_excluded) return;
    PeopleIndex mag;
    for (const auto& m : c.mag_members) mag.add(m);
    std::set<std::string> reported;
    for (const auto* s : submitters(p))
        if (mag.contains(*s) && reported.insert(person_key(*s)).second)
            r.failures.push_back({"mag_member_proposer",
                                  say("screening.mag_member", {{"name", s->name}}), "organisers"});
}

std::string editions_ago_text(int n) {
    return n == 1 ? say("screening.editions_ago.one")
                  : say("screening.editions_ago.many", {{"count", n}});
}

void check_previous_reports(const Proposal& p, const ScreeningContext& c, ScreeningResult& r) {
    if (!c.rules.previous_report_required) return;
    PeopleIndex people;
    std::set<std::string> institutions;
    for (const auto* s : submitters(p)) {
        people.add(*s);
        if (!trim(s->organisation).empty()) institutions.insert(institution_key(s->organisation));
    }
    for (const auto& past : c.past_sessions) {
        if (past.report_filed || past.editions_ago < 1 ||
            past.editions_ago > c.rules.report_lookback_editions)
            continue;
        for (const auto& o : past.organisers) {
            std::string who;
            if (people.contains(o))
                who = o.name.empty() ? o.email : o.name;
            else if (!trim(o.organisation).empty() &&
                     institutions.count(institution_key(o.organisation)))
                who = o.organisation;
            if (who.empty()) continue;
            r.failures.push_back({"missing_previous_report",
                                  say("screening.previous_report.missing",
                                      {{"who", who},
                                       {"title", past.title},
                                       {"when", editions_ago_text(past.editions_ago)}}),
                                  "previous_report"});
            break;
        }
    }
}

// Per-person and per-institution limits, counted in submission order.
void check_limits(const std::vector<const Proposal*>& ordered, const ScreeningRules& rules,
                  std::map<std::string, ScreeningResult*>& results) {
    std::map<std::string, std::vector<std::string>> by_person, by_institution;
    for (const auto* p : ordered) {
        auto& r = *results[p->id];
        std::set<std::string> people, institutions;
        for (const auto* s : submitters(*p)) {
            auto key = person_key(*s);
            if (key != "name:" && people.insert(key).second) {
                auto& earlier = by_person[key];
                if (rules.max_proposals_per_person > 0 &&
                    static_cast<int>(earlier.size()) >= rules.max_proposals_per_person)
                    r.failures.push_back(
                        {"too_many_proposals_per_person",
                         say(earlier.size() == 1 ? "screening.limit.one" : "screening.limit.many",
                             {{"who", s->name},
                              {"count", earlier.size()},
                              {"max", rules.max_proposals_per_person}}),
                         "organisers"});
                earlier.push_back(p->id);
            }
            auto institution = institution_key(s->organisation);
            if (!institution.empty() && institutions.insert(institution).second) {
                auto& earlier = by_institution[institution];
                if (rules.max_proposals_per_institution > 0 &&
                    static_cast<int>(earlier.size()) >= rules.max_proposals_per_institution)
                    r.failures.push_back(
                        {"too_many_proposals_per_institution",
                         say(earlier.size() == 1 ? "screening.limit.one" : "screening.limit.many",
                             {{"who", s->organisation},
                              {"count", earlier.size()},
                              {"max", rules.max_proposals_per_institution}}),
                         "organisers"});
                earlier.push_back(p->id);
            }
        }
    }
}

}  // namespace

std::vector<std::string> standard_required_fields(const std::string& session_type) {
    if (session_type == "workshop")
        return {"title",
                "theme",
                "format",
                "duration",
                "description",
                "policy_questions",
                "organisers",
                "speakers",
                "moderators",
                "online_moderators",
                "rapporteurs",
                "expected_outcomes",
                "online_participation"};
    if (session_type == "open_forum")
        return {"title",      "theme",      "duration",         "description",
                "organisers", "moderators", "online_moderators"};
    return {"title", "description", "organisers"};
}

std::string field_label(const std::string& field) {
    for (auto name : proposal_fields)
        if (name == field) return say("proposal_field." + field);
    return field;
}

std::vector<ScreeningResult> screen_proposals(const std::vector<Proposal>& proposals,
                                              const ScreeningContext& context) {
    std::vector<ScreeningResult> results(proposals.size());
    std::map<std::string, ScreeningResult*> by_id;
    for (std::size_t i = 0; i < proposals.size(); ++i) {
        const auto& p = proposals[i];
        auto& r = results[i];
        r.proposal = p.id;
        if (!by_id.emplace(p.id, &r).second)
            throw InputError("id", say("screening.proposal.twice", {{"id", p.id}}));
        if (context.rules.check_completeness) check_completeness(p, context.rules, r);
        check_speakers(p, context.rules, r);
        check_mag_members(p, context, r);
        check_previous_reports(p, context, r);
    }
    std::vector<const Proposal*> ordered;
    for (const auto& p : proposals) ordered.push_back(&p);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Proposal* a, const Proposal* b) {
        if (a->submitted_at != b->submitted_at) return a->submitted_at < b->submitted_at;
        bool an = !a->id.empty() && a->id.find_first_not_of("0123456789") == std::string::npos;
        bool bn = !b->id.empty() && b->id.find_first_not_of("0123456789") == std::string::npos;
        if (an && bn && a->id.size() != b->id.size()) return a->id.size() < b->id.size();
        return a->id < b->id;
    });
    check_limits(ordered, context.rules, by_id);
    for (auto& r : results) r.passed = r.failures.empty();
    return results;
}

ScreeningContext screening_context_from_json(const nlohmann::json& edition) {
    if (!edition.is_object()) throw InputError("", say("screening.edition.not_object"));
    ScreeningContext c;
    if (edition.contains("screening")) c.rules = screening_rules_from_json(edition["screening"]);
    auto people = [](const nlohmann::json& list, const std::string& where) {
        std::vector<ProposalPerson> out;
        if (!list.is_array())
            throw InputError(where, say("json.member_not_list", {{"name", where}}));
        for (const auto& p : list) {
            nlohmann::json wrapped = {{"id", "x"}, {"organisers", nlohmann::json::array({p})}};
            out.push_back(proposal_from_json(wrapped).organisers.at(0));
        }
        return out;
    };
    if (edition.contains("mag_members"))
        c.mag_members = people(edition["mag_members"], "mag_members");
    if (edition.contains("past_sessions")) {
        if (!edition["past_sessions"].is_array())
            throw InputError("past_sessions",
                             say("json.member_not_list", {{"name", "past_sessions"}}));
        const auto& list = edition["past_sessions"];
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& s = list[i];
            const std::string where = "past_sessions[" + std::to_string(i) + "]";
            if (!s.is_object())
                throw InputError(where, say("json.member_not_object", {{"name", where}}));
            PastSession past;
            if (s.contains("editions_ago")) {
                const auto& n = s["editions_ago"];
                if (!n.is_number_integer() || n.get<std::int64_t>() < 0 ||
                    n.get<std::int64_t>() > 1000)
                    throw InputError(
                        where + ".editions_ago",
                        say("json.int_out_of_range",
                            {{"what", where + ".editions_ago"}, {"low", 0}, {"high", 1000}}));
                past.editions_ago = n.get<int>();
            }
            if (s.contains("title")) {
                if (!s["title"].is_string())
                    throw InputError(where + ".title",
                                     say("json.member_not_text", {{"name", where + ".title"}}));
                past.title = s["title"].get<std::string>();
            }
            if (s.contains("report_filed")) {
                if (!s["report_filed"].is_boolean())
                    throw InputError(
                        where + ".report_filed",
                        say("screening.setting.not_bool", {{"name", where + ".report_filed"}}));
                past.report_filed = s["report_filed"].get<bool>();
            }
            if (s.contains("organisers"))
                past.organisers = people(s["organisers"], "past_sessions.organisers");
            c.past_sessions.push_back(std::move(past));
        }
    }
    return c;
}

nlohmann::json to_json(const ScreeningResult& result) {
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : result.failures)
        failures.push_back({{"code", f.code}, {"message", f.message}});
    nlohmann::json id = result.proposal;
    if (!result.proposal.empty() && result.proposal.size() < 16 &&
        result.proposal.find_first_not_of("0123456789") == std::string::npos)
        id = std::stoll(result.proposal);
    return {{"proposal", id}, {"passed", result.passed}, {"failures", failures}};
}

}  // namespace convene
