// The addresses of the messages of the year. Reading is public once the comment period
// opened or the messages are published (the handlers ask the policy); drafting is for the
// edition's MAG members and Secretariat (signed in, then core/policy); commenting is open
// to anyone during the period; the period, hiding and publishing are the Secretariat's.
#include "web/messages/handlers.hpp"
#include "web/site/app.hpp"

namespace convene::web {

void add_messages_routes(App& app) {
    using policy::Gate;
    const std::string all = "/editions/{edition:int}/messages";
    const std::string one = all + "/{message:int}";
    const std::string comment = one + "/comments/{comment:int}";
    app.route("GET", all, Gate::anyone, messages_page);
    app.route("POST", all, Gate::signed_in, message_create);
    app.route("GET", all + "/new", Gate::signed_in, message_new_form);
    app.route("POST", all + "/period", Gate::secretariat_of_edition, messages_period);
    app.route("POST", all + "/publish", Gate::secretariat_of_edition, messages_publish);
    app.route("GET", all + "/themes/{theme:int}", Gate::anyone, messages_theme_page,
              App::cacheable);
    app.route("GET", all + "/document", Gate::anyone, messages_document_page, App::cacheable);
    app.route("GET", one, Gate::anyone, message_page);
    app.route("POST", one, Gate::signed_in, message_save);
    app.route("GET", one + "/edit", Gate::signed_in, message_edit_form);
    app.route("GET", one + "/history", Gate::signed_in, message_history_page);
    app.route("POST", one + "/comments", Gate::anyone, message_comment_add);
    app.route("GET", one + "/comments", Gate::signed_in, message_comments_page);
    app.route("POST", comment + "/handling", Gate::signed_in, message_comment_handle);
    app.route("POST", comment + "/hide", Gate::secretariat_of_edition, message_comment_hide);
    app.refill(all, "/new");
    app.refill(one, "/edit");

    const std::string api = "/api/v1" + all;
    const std::string api_one = "/api/v1" + one;
    const std::string api_comment = "/api/v1" + comment;
    app.route("GET", api, Gate::anyone, api_messages);
    app.route("POST", api, Gate::signed_in, api_message_create);
    app.route("PUT", api + "/period", Gate::secretariat_of_edition, api_messages_period);
    app.route("POST", api + "/publish", Gate::secretariat_of_edition, api_messages_publish);
    app.route("GET", api_one, Gate::anyone, api_message);
    app.route("PUT", api_one, Gate::signed_in, api_message_save);
    app.route("GET", api_one + "/versions", Gate::signed_in, api_message_versions);
    app.route("GET", api_one + "/comments", Gate::anyone, api_message_comments);
    app.route("POST", api_one + "/comments", Gate::anyone, api_message_comment_add);
    app.route("PUT", api_comment + "/handling", Gate::signed_in, api_message_comment_handle);
    app.route("POST", api_comment + "/hide", Gate::secretariat_of_edition,
              api_message_comment_hide);
}

}  // namespace convene::web
