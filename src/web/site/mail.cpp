#include "web/site/mail.hpp"

#include "core/common/text.hpp"
#include "web/site/render.hpp"

namespace convene::web {

store::Mail mail_from_template(const std::string& kind, const nlohmann::json& view) {
    auto text = render_template("mail/" + kind, view);
    auto eol = text.find('\n');
    store::Mail mail;
    mail.kind = kind;
    mail.subject = trim(std::string_view(text).substr(0, eol));
    mail.body = eol == std::string::npos ? "" : text.substr(eol + 1);
    while (!mail.body.empty() && mail.body.front() == '\n') mail.body.erase(0, 1);
    return mail;
}

}  // namespace convene::web
