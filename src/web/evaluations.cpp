// A MAG member's pages and API: their list of proposals, the evaluation form (save a
// draft, submit, edit until the round closes) and the declaration of a conflict.
#include <charconv>

#include "http/error.hpp"
#include "web/evaluation.hpp"
#include "web/exchange.hpp"
#include "web/handlers.hpp"
#include "web/markdown.hpp"
#include "web/views.hpp"

namespace convene::web {

namespace {

std::string url_of(const EvaluationTarget& t) {
    return "/editions/" + std::to_string(t.edition.id) + "/evaluations/" +
           std::to_string(t.proposal);
}

std::optional<std::int64_t> whole_number(const std::string& text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return n;
}

// The form's fields as an evaluation; errors name the field.
Evaluation evaluation_in_form(const http::Form& f, const std::vector<Criterion>& criteria,
                              FieldErrors& errors) {
    Evaluation e;
    for (const auto& c : criteria) {
        const auto& raw = f.get("score-" + c.code);
        if (!raw.empty()) {
            auto n = whole_number(raw);
            if (!n || *n < 1 || *n > 5)
                errors.push_back({"score-" + c.code, c.label + ": a score is from 1 to 5."});
            else
                e.scores.push_back({c.code, static_cast<int>(*n)});
        }
        if (!f.get("reason-" + c.code).empty())
            e.reasons.emplace_back(c.code, f.get("reason-" + c.code));
    }
    e.comment = f.get("comment");
    if (f.get("merge") == "yes") {
        auto n = whole_number(f.get("merge_with"));
        if (!n)
            errors.push_back({"merge_with", "Choose the proposal this one should merge with."});
        else
            e.merge_with = *n;
    }
    return e;
}

nlohmann::json form_view(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                         std::int64_t version, const FieldErrors& errors) {
    auto criteria = scored_criteria(t.settings, t.details.format);
    nlohmann::json scores = nlohmann::json::array();
    auto error_of = [&](const std::string& field) -> nlohmann::json {
        for (const auto& err : errors)
            if (err.field == field) return err.message;
        return nullptr;
    };
    for (const auto& c : criteria) {
        int current = 0;
        for (const auto& s : e.scores)
            if (s.criterion == c.code) current = s.score;
        std::string reason;
        for (const auto& [code, r] : e.reasons)
            if (code == c.code) reason = r;
        nlohmann::json options = nlohmann::json::array();
        static const char* words[] = {"", "1 (poor)", "2", "3", "4", "5 (excellent)"};
        for (int n = 1; n <= 5; ++n)
            options.push_back({{"value", n},
                               {"label", words[n]},
                               {"id", "score-" + c.code + "-" + std::to_string(n)},
                               {"checked", current == n}});
        nlohmann::json reasons = {
            {{"value", ""}, {"label", "No reason chosen"}, {"selected", false}}};
        for (const auto& r : t.settings.reasons)
            reasons.push_back({{"value", r}, {"label", r}, {"selected", r == reason}});
        scores.push_back({{"code", c.code},
                          {"label", c.label},
                          {"options", options},
                          {"score_error", error_of("score-" + c.code)},
                          {"reason_error", error_of("reason-" + c.code)},
                          {"has_reasons", !t.settings.reasons.empty()},
                          {"reasons", reasons}});
    }
    nlohmann::json merge = nlohmann::json::array();
    for (const auto& [number, title] : merge_choices(ex, t))
        merge.push_back({{"value", number},
                         {"label", std::to_string(number) + ": " + title},
                         {"selected", e.merge_with == number}});
    auto proposal = anonymous_proposal(t.details, t.number);
    nlohmann::json texts = nlohmann::json::array();
    for (const auto& [key, label] : {std::pair{"description", "Description"},
                                     {"agenda", "Agenda"},
                                     {"expected_outcomes", "Expected outcomes"},
                                     {"online_participation", "Online participation"},
                                     {"relevance", "Relevance"}})
        if (!proposal[key].get<std::string>().empty())
            texts.push_back(
                {{"label", label}, {"html", markdown_html(proposal[key].get<std::string>())}});
    auto state = round_state(t.settings, ex.now());
    return {{"title", "Evaluate proposal " + std::to_string(t.number) + " - Convene"},
            {"url", url_of(t)},
            {"list_url", "/editions/" + std::to_string(t.edition.id) + "/evaluations"},
            {"proposal", proposal},
            {"texts", texts},
            {"has_speakers", !proposal["speakers"].empty()},
            {"has_tags", !proposal["tags"].empty()},
            {"has_sdgs", !proposal["sdgs"].empty()},
            {"has_policy_questions", !proposal["policy_questions"].empty()},
            {"scores", scores},
            {"holistic", t.settings.scheme != "criteria"},
            {"comment",
             field_view("comment", "Comment for the MAG", e.comment, errors, "textarea", false,
                        "Visible to the Secretariat and the MAG, not to the "
                        "proposers.")},
            {"merge_checked", e.merge_with.has_value()},
            {"merge_choices", merge},
            {"has_merge_choices", !merge.empty()},
            {"merge_error", error_of("merge_with")},
            {"version", version},
            {"status", t.saved.status},
            {"submitted", t.saved.status == "submitted"},
            {"round_sentence", round_state_sentence(t.settings, state)},
            {"round_closed", state == RoundState::closed},
            {"errors", error_summary(errors)},
            {"has_errors", !errors.empty()}};
}

http::Response form_page(Exchange& ex, const EvaluationTarget& t, const Evaluation& e,
                         std::int64_t version, const FieldErrors& errors, int status,
                         const std::string& notice = "") {
    auto view = form_view(ex, t, e, version, errors);
    if (!notice.empty()) view["notice"] = notice;
    return ex.page("evaluation", view, status);
}

nlohmann::json api_view(Exchange& ex, const EvaluationTarget& t) {
    nlohmann::json criteria = nlohmann::json::array();
    for (const auto& c : scored_criteria(t.settings, t.details.format))
        criteria.push_back({{"code", c.code}, {"label", c.label}, {"weight", c.weight}});
    nlohmann::json merge = nlohmann::json::array();
    for (const auto& [number, title] : merge_choices(ex, t))
        merge.push_back({{"number", number}, {"title", title}});
    auto state = round_state(t.settings, ex.now());
    return {{"proposal", anonymous_proposal(t.details, t.number)},
            {"criteria", criteria},
            {"reasons", t.settings.reasons},
            {"merge_choices", merge},
            {"round",
             {{"state", std::string(round_state_code(state))},
              {"sentence", round_state_sentence(t.settings, state)},
              {"deadline", t.settings.deadline}}},
            {"status", t.saved.status.empty() ? "not_started" : t.saved.status},
            {"version", t.saved.version},
            {"evaluation", t.saved.version ? to_json(t.saved.evaluation) : nlohmann::json()}};
}

}  // namespace

http::Response my_evaluations(Exchange& ex) {
    auto e = edition_in_path(ex);
    const auto& who = ex.require_role(Role::evaluator, e.id);
    auto view = member_list_view(ex, e, who.id);
    view["title"] = "Your evaluations - " + e.name + " - Convene";
    view["edition"] = edition_view(e);
    view["has_evaluations"] = !view["evaluations"].empty();
    if (auto n = whole_number(ex.request.query_param("saved"))) view["saved"] = *n;
    if (auto n = whole_number(ex.request.query_param("conflict"))) view["conflict"] = *n;
    return ex.page("evaluations", view);
}

http::Response evaluation_form(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    return form_page(ex, t, t.saved.evaluation, t.saved.version, {}, 200);
}

http::Response evaluation_save(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    const auto& f = ex.form();
    FieldErrors errors;
    auto e = evaluation_in_form(f, scored_criteria(t.settings, t.details.format), errors);
    auto version = whole_number(f.get("version")).value_or(0);
    bool submit = f.get("action") == "submit";
    try {
        throw_if_invalid(errors);
        save_member_evaluation(ex, t, e, submit, version);
    } catch (const EvaluationConflict& conflict) {
        return form_page(ex, t, e, conflict.current.version, {}, 409,
                         "This evaluation was saved in another tab or window (at " +
                             conflict.current.updated_at +
                             " UTC) after you opened this page. Your entries below have not "
                             "been saved; save again to keep them.");
    } catch (const http::Error& err) {
        if (err.status() == 422) return form_page(ex, t, e, version, err.fields(), 422);
        if (err.status() == 409)
            return form_page(ex, t, e, version, {}, 409,
                             err.detail() + " Your entries below were not saved.");
        throw;
    }
    return http::Response::redirect("/editions/" + std::to_string(t.edition.id) +
                                    "/evaluations?saved=" + std::to_string(t.number));
}

http::Response conflict_form(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    return ex.page("conflict",
                   {{"title", "Declare a conflict of interest - Convene"},
                    {"url", url_of(t)},
                    {"list_url", "/editions/" + std::to_string(t.edition.id) + "/evaluations"},
                    {"number", t.number},
                    {"proposal_title", t.details.title},
                    {"has_evaluation", t.saved.version > 0}});
}

http::Response conflict_declare(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    declare_member_conflict(ex, t);
    return http::Response::redirect("/editions/" + std::to_string(t.edition.id) +
                                    "/evaluations?conflict=" + std::to_string(t.number));
}

http::Response api_my_evaluations(Exchange& ex) {
    auto e = edition_in_path(ex);
    const auto& who = ex.require_role(Role::evaluator, e.id);
    return http::Response::json(member_list_view(ex, e, who.id));
}

http::Response api_evaluation_show(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    return http::Response::json(api_view(ex, t));
}

http::Response api_evaluation_save(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    auto body = http::parse_json_body(ex.request);
    FieldErrors errors;
    auto e = evaluation_from_json(body, errors);
    throw_if_invalid(errors);
    std::int64_t version = 0;
    if (body.contains("version") && !body["version"].is_null()) {
        if (!body["version"].is_number_integer())
            throw http::unprocessable({{"version", "version is the number you last read."}});
        version = body["version"].get<std::int64_t>();
    }
    bool submit = body.contains("submit") && body["submit"] == true;
    try {
        save_member_evaluation(ex, t, e, submit, version);
    } catch (const EvaluationConflict& conflict) {
        throw http::conflict("This evaluation was saved elsewhere (version " +
                             std::to_string(conflict.current.version) +
                             ") after the version you sent; read it again and resend.");
    }
    return http::Response::json(api_view(ex, evaluation_target(ex, t.proposal)));
}

http::Response api_conflict_declare(Exchange& ex) {
    auto t = evaluation_target(ex, ex.params.integer("proposal"));
    auto outcome = declare_member_conflict(ex, t);
    return http::Response::json({{"proposal", t.number},
                                 {"declared", true},
                                 {"discarded_evaluation", outcome.discarded_evaluation},
                                 {"reassigned", outcome.replaced_by.has_value()}});
}

}  // namespace convene::web
