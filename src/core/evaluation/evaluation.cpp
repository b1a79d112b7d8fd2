#include "core/evaluation/evaluation.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "core/call/call.hpp"
#include "core/common/clock.hpp"
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/common/times.hpp"

namespace convene {

std::vector<Criterion> criteria_2018() {
    return {{"content", 1, {}, say("criterion.content")},
            {"policy_questions", 1, {}, say("criterion.policy_questions")},
            {"relevance", 1, {}, say("criterion.relevance")},
            {"format", 1, {}, say("criterion.format")},
            {"diversity", 1, {"flash"}, say("criterion.diversity")},
            {"participation", 1, {}, say("criterion.participation")}};
}

EvaluationSettings standard_evaluation_settings() {
    EvaluationSettings s;
    s.criteria = criteria_2018();
    for (const char* key :
         {"evaluation.standard_reason.not_internet_governance",
          "evaluation.standard_reason.policy_questions_unclear",
          "evaluation.standard_reason.speakers_not_diverse",
          "evaluation.standard_reason.format_unsuited",
          "evaluation.standard_reason.outcomes_unclear", "evaluation.standard_reason.repeats",
          "evaluation.standard_reason.online_participation_weak"})
        s.reasons.push_back(say(key));
    return s;
}

nlohmann::json to_json(const EvaluationSettings& s) {
    nlohmann::json criteria = nlohmann::json::array();
    for (const auto& c : s.criteria)
        criteria.push_back({{"code", c.code},
                            {"label", c.label},
                            {"weight", c.weight},
                            {"not_for_formats", c.not_for_formats}});
    return {{"per_proposal", s.per_proposal},
            {"max_load", s.max_load},
            {"scheme", s.scheme},
            {"criteria", criteria},
            {"reasons", s.reasons},
            {"deadline", s.deadline},
            {"grace_minutes", s.grace_minutes},
            {"closed_at", s.closed_at}};
}

namespace {

void read_int(const nlohmann::json& j, const char* name, int low, int high, int& out,
              const std::string& what, FieldErrors& errors) {
    if (!j.contains(name)) return;
    if (!j[name].is_number_integer() || j[name].get<long long>() < low ||
        j[name].get<long long>() > high) {
        errors.push_back(
            {name, say("json.int_out_of_range", {{"what", what}, {"low", low}, {"high", high}})});
        return;
    }
    out = j[name].get<int>();
}

bool code_like(const std::string& s) {
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
}

void read_criteria(const nlohmann::json& j, EvaluationSettings& s, FieldErrors& errors) {
    if (!j.contains("criteria")) return;
    const auto& list = j["criteria"];
    if (!list.is_array() || list.empty() || list.size() > 20) {
        errors.push_back({"criteria", say("evaluation.criteria.not_list")});
        return;
    }
    std::vector<Criterion> out;
    std::set<std::string> codes;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& c = list[i];
        auto at = "criteria[" + std::to_string(i) + "]";
        if (!c.is_object() || !c.contains("code") || !c["code"].is_string() ||
            !code_like(c["code"].get<std::string>())) {
            errors.push_back({at + ".code", say("evaluation.criterion.code")});
            return;
        }
        Criterion criterion;
        criterion.code = c["code"];
        if (!codes.insert(criterion.code).second) {
            errors.push_back(
                {at + ".code", say("evaluation.criterion.twice", {{"code", criterion.code}})});
            return;
        }
        criterion.label = c.contains("label") && c["label"].is_string()
                              ? trim(c["label"].get<std::string>())
                              : criterion.code;
        if (criterion.label.empty() || criterion.label.size() > 120) {
            errors.push_back({at + ".label", say("evaluation.criterion.label")});
            return;
        }
        if (c.contains("weight")) {
            if (!c["weight"].is_number() || c["weight"].get<double>() <= 0 ||
                c["weight"].get<double>() > 100) {
                errors.push_back({at + ".weight", say("evaluation.criterion.weight")});
                return;
            }
            criterion.weight = c["weight"].get<double>();
        }
        if (c.contains("not_for_formats")) {
            if (!c["not_for_formats"].is_array()) {
                errors.push_back(
                    {at + ".not_for_formats", say("evaluation.criterion.not_for_formats")});
                return;
            }
            for (const auto& f : c["not_for_formats"])
                if (f.is_string()) criterion.not_for_formats.push_back(f.get<std::string>());
        }
        out.push_back(std::move(criterion));
    }
    s.criteria = std::move(out);
}

void read_reasons(const nlohmann::json& j, EvaluationSettings& s, FieldErrors& errors) {
    if (!j.contains("reasons")) return;
    const auto& list = j["reasons"];
    if (!list.is_array() || list.size() > 30) {
        errors.push_back({"reasons", say("evaluation.reasons.not_list")});
        return;
    }
    std::vector<std::string> out;
    for (const auto& r : list) {
        if (!r.is_string() || trim(r.get<std::string>()).empty() ||
            r.get<std::string>().size() > 200) {
            errors.push_back({"reasons", say("evaluation.reason.length")});
            return;
        }
        auto text = trim(r.get<std::string>());
        if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
    }
    s.reasons = std::move(out);
}

void read_time(const nlohmann::json& j, const char* name, std::string& out, FieldErrors& errors) {
    if (!j.contains(name)) return;
    if (j[name].is_null()) {
        out.clear();
        return;
    }
    auto raw = j[name].is_string() ? j[name].get<std::string>() : std::string{"?"};
    auto t = normalise_utc(raw);
    if (t.empty() && !trim(raw).empty()) {
        errors.push_back({name, say("json.not_utc_time_may", {{"name", name}})});
        return;
    }
    out = t;
}

}  // namespace

EvaluationSettings evaluation_settings_from_json(const nlohmann::json& j, EvaluationSettings s,
                                                 FieldErrors& errors) {
    if (!j.is_object()) {
        errors.push_back({"per_proposal", say("evaluation.settings.not_object")});
        return s;
    }
    read_int(j, "per_proposal", 1, 20, s.per_proposal, say("evaluation.settings.per_proposal"),
             errors);
    read_int(j, "max_load", 0, 10000, s.max_load, say("evaluation.settings.max_load"), errors);
    read_int(j, "grace_minutes", 0, 7 * 24 * 60, s.grace_minutes,
             say("evaluation.settings.grace_minutes"), errors);
    if (j.contains("scheme")) {
        if (j["scheme"] != "holistic" && j["scheme"] != "criteria")
            errors.push_back({"scheme", say("evaluation.scheme.unknown")});
        else
            s.scheme = j["scheme"];
    }
    read_criteria(j, s, errors);
    read_reasons(j, s, errors);
    read_time(j, "deadline", s.deadline, errors);
    read_time(j, "closed_at", s.closed_at, errors);
    if (s.scheme == "criteria" && s.criteria.empty()) s.criteria = criteria_2018();
    return s;
}

std::vector<Criterion> scored_criteria(const EvaluationSettings& s, const std::string& format) {
    if (s.scheme != "criteria") return {{"overall", 1, {}, say("evaluation.criterion.overall")}};
    std::vector<Criterion> out;
    for (const auto& c : s.criteria)
        if (std::find(c.not_for_formats.begin(), c.not_for_formats.end(), format) ==
            c.not_for_formats.end())
            out.push_back(c);
    return out;
}

Evaluation evaluation_from_json(const nlohmann::json& j, FieldErrors& errors) {
    Evaluation e;
    if (!j.is_object()) {
        errors.push_back({"scores", say("evaluation.not_object")});
        return e;
    }
    if (j.contains("scores") && !j["scores"].is_null()) {
        if (!j["scores"].is_object())
            errors.push_back({"scores", say("evaluation.scores.not_object")});
        else
            for (const auto& [code, v] : j["scores"].items()) {
                if (v.is_null()) continue;
                if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 5) {
                    errors.push_back({"score-" + code, say("evaluation.score.out_of_range")});
                    continue;
                }
                e.scores.push_back({code, v.get<int>()});
            }
    }
    if (j.contains("reasons") && !j["reasons"].is_null()) {
        if (!j["reasons"].is_object())
            errors.push_back({"reasons", say("evaluation.reasons.not_object")});
        else
            for (const auto& [code, v] : j["reasons"].items())
                if (v.is_string() && !v.get<std::string>().empty())
                    e.reasons.emplace_back(code, v.get<std::string>());
    }
    if (j.contains("comment") && !j["comment"].is_null()) {
        if (!j["comment"].is_string())
            errors.push_back({"comment", say("evaluation.comment.not_text")});
        else
            e.comment = j["comment"];
    }
    if (j.contains("merge_with") && !j["merge_with"].is_null()) {
        if (!j["merge_with"].is_number_integer())
            errors.push_back({"merge_with", say("evaluation.merge_with.not_number")});
        else
            e.merge_with = j["merge_with"].get<std::int64_t>();
    }
    return e;
}

nlohmann::json to_json(const Evaluation& e) {
    nlohmann::json scores = nlohmann::json::object(), reasons = nlohmann::json::object();
    for (const auto& s : e.scores) scores[s.criterion] = s.score;
    for (const auto& [code, reason] : e.reasons) reasons[code] = reason;
    return {{"scores", scores},
            {"reasons", reasons},
            {"comment", e.comment},
            {"merge_with", e.merge_with ? nlohmann::json(*e.merge_with) : nlohmann::json()}};
}

FieldErrors check_evaluation(const EvaluationSettings& s, const Evaluation& e,
                             const std::string& format, bool submitting) {
    FieldErrors errors;
    auto criteria = scored_criteria(s, format);
    auto known = [&](const std::string& code) {
        return std::any_of(criteria.begin(), criteria.end(),
                           [&](const Criterion& c) { return c.code == code; });
    };
    for (const auto& score : e.scores) {
        if (!known(score.criterion))
            errors.push_back({"score-" + score.criterion,
                              say("evaluation.not_scored_on", {{"criterion", score.criterion}})});
        else if (score.score < 1 || score.score > 5)
            errors.push_back({"score-" + score.criterion, say("evaluation.score.out_of_range")});
    }
    for (const auto& [code, reason] : e.reasons) {
        if (!known(code))
            errors.push_back(
                {"reason-" + code, say("evaluation.not_scored_on", {{"criterion", code}})});
        else if (std::find(s.reasons.begin(), s.reasons.end(), reason) == s.reasons.end())
            errors.push_back({"reason-" + code, say("evaluation.reason.unknown")});
    }
    if (e.comment.size() > 5000) errors.push_back({"comment", say("evaluation.comment.too_long")});
    if (!submitting) return errors;
    for (const auto& c : criteria) {
        auto score = std::find_if(e.scores.begin(), e.scores.end(),
                                  [&](const CriterionScore& x) { return x.criterion == c.code; });
        if (score == e.scores.end()) {
            errors.push_back(
                {"score-" + c.code, say("evaluation.score.missing", {{"criterion", c.label}})});
            continue;
        }
        bool has_reason = std::any_of(e.reasons.begin(), e.reasons.end(),
                                      [&](const auto& r) { return r.first == c.code; });
        if (score->score <= 3 && !s.reasons.empty() && !has_reason)
            errors.push_back(
                {"reason-" + c.code, say("evaluation.reason.missing", {{"criterion", c.label}})});
    }
    return errors;
}

std::optional<double> evaluation_score(const EvaluationSettings& s, const Evaluation& e,
                                       const std::string& format) {
    auto criteria = scored_criteria(s, format);
    if (criteria.empty()) return std::nullopt;
    for (const auto& c : criteria)
        if (std::none_of(e.scores.begin(), e.scores.end(),
                         [&](const CriterionScore& x) { return x.criterion == c.code; }))
            return std::nullopt;
    return combined_score(criteria, e.scores, format);
}

RoundState round_state(const EvaluationSettings& s, const std::string& now_utc) {
    if (!s.closed_at.empty()) return RoundState::closed;
    if (s.deadline.empty() || now_utc <= s.deadline) return RoundState::open;
    auto deadline = parse_utc(s.deadline);
    if (!deadline) return RoundState::open;
    auto grace_end = format_utc(*deadline + std::chrono::minutes(s.grace_minutes));
    return now_utc <= grace_end ? RoundState::grace : RoundState::closed;
}

std::string_view round_state_code(RoundState state) {
    switch (state) {
        case RoundState::open:
            return "open";
        case RoundState::grace:
            return "grace";
        case RoundState::closed:
            return "closed";
    }
    return "open";
}

std::string round_state_instant(const EvaluationSettings& s, RoundState state) {
    return state == RoundState::closed && !s.closed_at.empty() ? s.closed_at : s.deadline;
}

std::string round_state_sentence(const EvaluationSettings& s, RoundState state,
                                 std::string_view zone) {
    switch (state) {
        case RoundState::open:
            return s.deadline.empty() ? say("evaluation.state.open_no_deadline")
                                      : say("evaluation.state.open",
                                            {{"deadline", stored_time(s.deadline, zone).text}});
        case RoundState::grace:
            return say("evaluation.state.grace",
                       {{"deadline", stored_time(s.deadline, zone).text}});
        case RoundState::closed:
            return !s.closed_at.empty() ? say("evaluation.state.closed",
                                              {{"closed_at", stored_time(s.closed_at, zone).text}})
                                        : say("evaluation.state.past_deadline",
                                              {{"deadline", stored_time(s.deadline, zone).text}});
    }
    return {};
}

}  // namespace convene
