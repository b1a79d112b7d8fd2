// The Secretariat's pages of the transcripts' speakers: every distinct label of the
// edition's transcripts (or of every edition's) with its counts, role and person, and the
// suggestions, each one click; a label's page with where it is spoken, the people it may
// be, a search of the people records and a new person's form (for a role alone: in one
// transcript at a time); linking and unlinking, refused with the field named and what was
// typed kept.
#include "core/common/messages.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "core/transcripts/speakers.hpp"
#include "http/error.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"
#include "web/transcripts/speaker_actions.hpp"
#include "web/transcripts/speaker_handlers.hpp"
#include "web/transcripts/transcript_actions.hpp"

namespace convene::web {

namespace {

constexpr std::size_t suggestions_shown = 50, people_shown = 8, people_found_shown = 20;

std::string speakers_url(const store::Edition& e, bool every_edition,
                         const std::string& rest = "") {
    std::string url = edition_url(e, "/transcripts/speakers");
    std::string query = every_edition ? "scope=all" : "";
    if (!rest.empty()) query += (query.empty() ? "" : "&") + rest;
    return query.empty() ? url : url + "?" + query;
}

std::string label_url(const store::Edition& e, const std::string& key, bool every_edition,
                      const std::string& rest = "") {
    return edition_url(e, "/transcripts/speakers/label?key=" + http::percent_encode(key) +
                              (every_edition ? "&scope=all" : "") +
                              (rest.empty() ? "" : "&" + rest));
}

std::string role_label(const std::string& role) {
    return role.empty() ? "" : say("transcripts.role." + role);
}

// "CHAIR ST. AMOUR and LYNN ST. AMOUR", "A, B and C".
std::string listed(const nlohmann::json& labels) {
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) out += i + 1 == labels.size() ? say("transcripts.speakers.and") : ", ";
        out += labels[i].get<std::string>();
    }
    return out;
}

http::Response speakers_with(Exchange& ex, const store::Edition& e, const std::string& scope,
                             const FieldErrors& errors, int status) {
    auto edition = speakers_scope(ex, e, scope);
    bool every = !edition;
    auto labels = store::speaker_labels(ex.db(), edition);
    auto people = store::people_names(ex.db());
    auto suggestions = suggestions_json(labels, people, suggestions_shown + 1);
    bool more = suggestions.size() > suggestions_shown;
    if (more) suggestions.erase(suggestions.end() - 1);
    for (auto& s : suggestions) {
        s["listed"] = listed(s["labels"]);
        s["target"] = s["person"].is_null() ? say("transcripts.speakers.new_person_named",
                                                  {{"name", s["new_person"]["name"]}})
                                            : s["person"]["name"].get<std::string>();
        s["several"] = s["labels"].size() > 1;
        s["has_reasons"] = !s["reasons"].empty();
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& l : labels) {
        auto j = speaker_label_json(l);
        j["role_label"] = role_label(l.role);
        j["spellings_text"] = listed(j["spellings"]);
        j["url"] = label_url(e, l.key, every);
        j["person_name"] = l.person_name;
        j["linked_here"] = l.linked_in_transcripts ? std::to_string(l.linked_in_transcripts) : "";
        rows.push_back(std::move(j));
    }
    nlohmann::json notice = nullptr;
    if (auto linked = ex.request.query_param("linked"); !linked.empty()) {
        auto person = ex.request.query_param("person");
        auto found = person.size() <= 18 && !person.empty() &&
                             person.find_first_not_of("0123456789") == std::string::npos
                         ? store::person_record(ex.db(), PersonId{std::stoll(person)})
                         : std::nullopt;
        if (found) notice = say("transcripts.speakers.linked", {{"person", found->name}});
    }
    if (ex.request.query_param("unlinked") == "1") notice = say("transcripts.speakers.unlinked");
    nlohmann::json view = {
        {"title",
         say(every ? "page.transcripts.speakers.every_edition" : "page.transcripts.speakers.title",
             {{"edition", e.name}})},
        {"edition", edition_view(e)},
        {"every_edition", every},
        {"may_see_every_edition", policy::may_list_speakers_of_every_edition(ex.actor())},
        {"edition_url", speakers_url(e, false)},
        {"every_edition_url", speakers_url(e, true)},
        {"statistics_url", edition_url(e, "/transcripts/statistics")},
        {"action", edition_url(e, "/transcripts/speakers/links")},
        {"unlink_action", edition_url(e, "/transcripts/speakers/unlinks")},
        {"scope", every ? "all" : ""},
        {"notice", notice},
        {"suggestions", suggestions},
        {"has_suggestions", !suggestions.empty()},
        {"more_suggestions", more},
        {"labels", rows},
        {"has_labels", !rows.empty()},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    return ex.page("transcripts/speakers", view, status);
}

struct LabelPageInput {
    std::string key, scope, transcript, find;
    PersonDraft draft;
    bool drafted = false;  // the new person's form was sent
};

http::Response label_with(Exchange& ex, const store::Edition& e, const LabelPageInput& in,
                          const FieldErrors& errors, int status) {
    auto edition = speakers_scope(ex, e, in.scope);
    bool every = !edition;
    auto label =
        store::speaker_label(ex.db(), transcripts::label_key(shortened(in.key, 400)), edition);
    if (!label) throw http::not_found(say("transcripts.speakers.no_such_label_here"));
    auto here = store::transcripts_of_label(ex.db(), label->key, edition);
    std::optional<store::LabelInTranscript> chosen;
    nlohmann::json places = nlohmann::json::array();
    for (const auto& p : here) {
        bool is_chosen = label->role_only && to_string(p.transcript) == trim(in.transcript);
        if (is_chosen) chosen = p;
        auto title = p.title.empty()
                         ? say("transcripts.untitled", {{"id", to_string(p.transcript)}})
                         : p.title;
        places.push_back(
            {{"title", title},
             {"url", transcript_url(p.edition, p.transcript,
                                    "?speaker=" + std::to_string(p.speaker) + "#turns")},
             {"date", p.held_on},
             {"session", p.session_code},
             {"turns", p.turns},
             {"words", p.words},
             {"person_name", p.person_name},
             {"linked_by_queue", p.linked_by == "queue"},
             {"transcript", to_string(p.transcript)},
             {"speaker", std::to_string(p.speaker)},
             {"chosen", is_chosen},
             {"link_url",
              label_url(e, label->key, every, "transcript=" + to_string(p.transcript)) + "#link"}});
    }
    bool linking = !label->role_only || chosen.has_value();
    nlohmann::json view = {
        {"title", say("page.transcripts.speaker_label.title", {{"label", label->label}})},
        {"edition", edition_view(e)},
        {"speakers_url", speakers_url(e, every)},
        {"label", speaker_label_json(*label)},
        {"role_label", role_label(label->role)},
        {"spellings_text", listed(nlohmann::json(label->spellings))},
        {"spoken_in",
         say("transcripts.speakers.spoken_in",
             {{"transcripts", say(label->transcripts == 1 ? "transcripts.count.transcripts.one"
                                                          : "transcripts.count.transcripts",
                                  {{"count", label->transcripts}})},
              {"turns",
               say(label->turns == 1 ? "transcripts.count.turns.one" : "transcripts.count.turns",
                   {{"count", label->turns}})},
              {"words",
               say(label->words == 1 ? "transcripts.count.words.one" : "transcripts.count.words",
                   {{"count", label->words}})}})},
        {"places", places},
        {"linking", linking},
        {"scope", every ? "all" : ""},
        {"action", edition_url(e, "/transcripts/speakers/links")},
        {"unlink_action", edition_url(e, "/transcripts/speakers/unlinks")},
        {"find_action", edition_url(e, "/transcripts/speakers/label")},
        {"linked", ex.request.query_param("linked") == "1"},
        {"unlinked", ex.request.query_param("unlinked") == "1"},
        {"errors", error_summary(errors)},
        {"has_errors", !errors.empty()}};
    view["role_only"] = label->role_only;
    // What a link made on this page is for: the label, or its speaker in one transcript.
    nlohmann::json target = nlohmann::json::array(), query = nlohmann::json::array();
    auto hidden = [](nlohmann::json& list, const char* name, const std::string& value) {
        list.push_back({{"name", name}, {"value", value}});
    };
    hidden(target, "key", label->key);
    hidden(query, "key", label->key);
    if (every) {
        hidden(target, "scope", "all");
        hidden(query, "scope", "all");
    }
    if (chosen) {
        hidden(target, "transcript", to_string(chosen->transcript));
        hidden(target, "speaker", std::to_string(chosen->speaker));
        hidden(query, "transcript", to_string(chosen->transcript));
    } else {
        hidden(target, "label", label->key);
    }
    view["target_fields"] = target;
    view["target_query"] = query;
    if (chosen)
        view["chosen"] = {
            {"transcript", to_string(chosen->transcript)},
            {"speaker", std::to_string(chosen->speaker)},
            {"title", chosen->title.empty()
                          ? say("transcripts.untitled", {{"id", to_string(chosen->transcript)}})
                          : chosen->title},
            {"person_name", chosen->person_name}};
    if (linking) {
        auto people = store::people_names(ex.db());
        nlohmann::json alike = nlohmann::json::array();
        if (!label->role_only)
            for (const auto& p : people_like(label->label, people, people_shown))
                alike.push_back({{"id", p.person.id},
                                 {"name", p.person.name},
                                 {"reason", reason_text(label->label, p.reason)}});
        view["alike"] = alike;
        view["has_alike"] = !alike.empty();
        nlohmann::json found = nlohmann::json::array();
        for (const auto& p : people_found(in.find, people, people_found_shown))
            found.push_back({{"id", p.id}, {"name", p.name}});
        view["find"] = field_view("find", say("transcripts.speakers.find"), in.find, errors,
                                  "search", false, say("transcripts.speakers.find_hint"));
        view["searched"] = !trim(in.find).empty();
        view["found"] = found;
        view["has_found"] = !found.empty();
        auto draft = in.draft;
        if (!in.drafted && !label->role_only)
            draft.name = transcripts::name_case(transcripts::label_role(label->label).name);
        std::vector<std::pair<std::string, std::string>> groups{
            {"", say("transcripts.speakers.not_known")}};
        for (const auto& g : stakeholder_groups()) groups.emplace_back(g.code, g.label);
        std::vector<std::pair<std::string, std::string>> genders_list;
        for (const auto& g : genders())
            genders_list.emplace_back(
                g.code, g.code.empty() ? say("transcripts.speakers.not_given") : g.label);
        std::vector<std::pair<std::string, std::string>> countries_list{
            {"", say("transcripts.speakers.not_known")}};
        for (const auto& c : countries()) countries_list.emplace_back(c.code, c.name);
        auto select = [&](const std::string& name, const std::string& text,
                          const std::string& value, const auto& choices, const std::string& hint) {
            auto f = field_view(name, text, value, errors, "select", false, hint);
            f["options"] = options_view(choices, value);
            return f;
        };
        view["new_person"] = {
            field_view("name", say("transcripts.speakers.field.name"), draft.name, errors, "text",
                       true),
            select("stakeholder_group", say("transcripts.speakers.field.stakeholder_group"),
                   draft.stakeholder_group, groups, ""),
            select("gender", say("transcripts.speakers.field.gender"), draft.gender, genders_list,
                   say("transcripts.speakers.field.gender_hint")),
            select("country", say("transcripts.speakers.field.country"), draft.country,
                   countries_list, say("transcripts.speakers.field.country_hint"))};
    }
    return ex.page("transcripts/speaker_label", view, status);
}

LabelPageInput label_input_of(Exchange& ex) {
    LabelPageInput in;
    in.key = ex.request.query_param("key");
    in.scope = ex.request.query_param("scope");
    in.transcript = ex.request.query_param("transcript");
    in.find = ex.request.query_param("find");
    return in;
}

PersonDraft draft_of(const http::Form& f) {
    PersonDraft p;
    p.name = trim(f.get("name"));
    p.stakeholder_group = f.get("stakeholder_group");
    p.gender = f.get("gender");
    p.country = f.get("country");
    return p;
}

}  // namespace

http::Response speakers_page(Exchange& ex) {
    return speakers_with(ex, managed_edition(ex), ex.request.query_param("scope"), {}, 200);
}

http::Response speaker_label_page(Exchange& ex) {
    return label_with(ex, managed_edition(ex), label_input_of(ex), {}, 200);
}

http::Response speakers_link(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    LinkAsked asked;
    asked.labels = form.all("label");
    asked.transcript = form.get("transcript");
    asked.speaker = form.get("speaker");
    asked.person = form.get("person");
    if (form.get("new") == "1") asked.new_person = draft_of(form);
    auto scope = form.get("scope") == "all" ? std::string("all") : std::string();
    const bool every = scope == "all";
    try {
        auto linked = link_speakers(ex, e, asked);
        if (form.has("key"))
            return http::Response::redirect(label_url(
                e, form.get("key"), every,
                (asked.transcript.empty() ? "" : "transcript=" + trim(asked.transcript) + "&") +
                    "linked=1"));
        return http::Response::redirect(
            speakers_url(e, every,
                         "linked=" + std::to_string(std::max<std::size_t>(linked.keys.size(), 1)) +
                             "&person=" + to_string(linked.person)));
    } catch (const http::Error& error) {
        if (error.status() != 422) throw;
        ex.restart_write();
        if (!form.has("key")) return speakers_with(ex, e, scope, error.fields(), 422);
        LabelPageInput in;
        in.key = form.get("key");
        in.scope = scope;
        in.transcript = asked.transcript;
        in.find = form.get("find");
        in.draft = draft_of(form);
        in.drafted = asked.new_person.has_value();
        return label_with(ex, e, in, error.fields(), 422);
    }
}

http::Response speakers_unlink(Exchange& ex) {
    auto e = managed_edition(ex);
    const auto& form = ex.form();
    UnlinkAsked asked;
    asked.labels = form.all("label");
    asked.transcript = form.get("transcript");
    asked.speaker = form.get("speaker");
    auto scope = form.get("scope") == "all" ? std::string("all") : std::string();
    const bool every = scope == "all";
    try {
        unlink_speakers(ex, e, asked);
    } catch (const http::Error& error) {
        if (error.status() != 422) throw;
        ex.restart_write();
        return speakers_with(ex, e, scope, error.fields(), 422);
    }
    if (form.has("key"))
        return http::Response::redirect(label_url(
            e, form.get("key"), every,
            (asked.transcript.empty() ? "" : "transcript=" + trim(asked.transcript) + "&") +
                "unlinked=1"));
    return http::Response::redirect(speakers_url(e, every, "unlinked=1"));
}

}  // namespace convene::web
