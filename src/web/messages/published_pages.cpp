// The messages of the year as published: one page per theme, and one printable document
// of every theme (print styles give a clean PDF from the browser). Before publication the
// same pages are a preview for whoever may read the drafts.
#include "core/common/messages.hpp"
#include "http/error.hpp"
#include "web/messages/handlers.hpp"
#include "web/messages/message_views.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

namespace {

nlohmann::json themes_view(Exchange& ex, const MessagesContext& m, std::optional<ThemeId> only) {
    const auto& e = m.edition;
    auto stored = store::edition_messages(ex.db(), e.id);
    nlohmann::json themes = nlohmann::json::array();
    for (const auto& t : store::list_themes(ex.db(), e.id)) {
        if (only && t.id != *only) continue;
        nlohmann::json list = nlohmann::json::array();
        std::size_t converging = 0, diverging = 0;
        for (const auto& msg : stored) {
            if (msg.theme != t.id) continue;
            (msg.draft.stance == "diverging" ? diverging : converging)++;
            list.push_back(message_view(e, msg));
        }
        themes.push_back({{"name", t.name},
                          {"id", t.id},
                          {"anchor", "theme-" + to_string(t.id)},
                          {"description", t.description},
                          {"page", messages_url(e.id, "/themes/" + to_string(t.id))},
                          {"messages", list},
                          {"has_messages", !list.empty()},
                          {"summary", say("messages.theme.summary", {{"converging", converging},
                                                                     {"diverging", diverging}})}});
    }
    return themes;
}

nlohmann::json frame(const MessagesContext& m) {
    return {{"edition", edition_view(m.edition)},
            {"published", m.facts.published},
            {"published_at", time_view(m.round.published_at, m.edition.time_zone)},
            {"overview", messages_url(m.edition.id)},
            {"document", messages_url(m.edition.id, "/document")}};
}

}  // namespace

http::Response messages_theme_page(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    auto id = ex.params.id<ThemeId>("theme");
    auto themes = themes_view(ex, m, id);
    if (themes.empty()) throw http::not_found(say("messages.theme.unknown"));
    auto view = frame(m);
    view["title"] =
        say("page.messages.theme.title",
            {{"theme", themes[0]["name"].get<std::string>()}, {"edition", m.edition.name}});
    view["theme"] = themes[0];
    nlohmann::json others = nlohmann::json::array();
    for (const auto& t : store::list_themes(ex.db(), m.edition.id))
        if (t.id != id)
            others.push_back({{"name", t.name},
                              {"url", messages_url(m.edition.id, "/themes/" + to_string(t.id))}});
    view["others"] = others;
    return ex.page("messages/theme", view);
}

http::Response messages_document_page(Exchange& ex) {
    auto m = messages_context(ex, edition_in_path(ex));
    require_read(ex, m);
    auto view = frame(m);
    view["title"] = say("page.messages.document.title", {{"edition", m.edition.name}});
    view["themes"] = themes_view(ex, m, std::nullopt);
    return ex.page("messages/document", view);
}

}  // namespace convene::web
