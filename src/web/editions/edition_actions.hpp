#pragma once
// Creating editions and their themes, shared by the pages and the API.
#include "http/error.hpp"
#include "store/decisions/decisions.hpp"
#include "store/editions/editions.hpp"
#include "store/proposals/submissions.hpp"
#include "web/site/exchange.hpp"
#include "web/site/views.hpp"

namespace convene::web {

EditionDraft edition_draft(const http::Form& f);

ThemeDraft theme_draft(const http::Form& f);

EditionId create_edition(Exchange& ex, const EditionDraft& draft);

ThemeId create_theme(Exchange& ex, const store::Edition& edition, const ThemeDraft& draft);

nlohmann::json edition_form_view(const EditionDraft& d, const FieldErrors& errors);

http::Response edition_page(Exchange& ex, const store::Edition& e, const ThemeDraft& theme,
                            const FieldErrors& errors, int status);

}  // namespace convene::web
