#pragma once
// Adding MAG members to an edition, shared by the pages and the API.
#include "core/common/clock.hpp"
#include "core/common/ids.hpp"
#include "core/common/text.hpp"
#include "core/people/country.hpp"
#include "http/error.hpp"
#include "security/secrets.hpp"
#include "store/accounts/enrolments.hpp"
#include "store/editions/editions.hpp"
#include "store/evaluation/assignment.hpp"
#include "web/site/exchange.hpp"
#include "web/site/links.hpp"
#include "web/site/mail.hpp"
#include "web/site/views.hpp"

namespace convene::web {

PersonDraft member_draft(const http::Form& f);

struct NewMember {
    AccountId account_id;
    std::int64_t person_id = 0;
    std::string temporary_password;  // empty when the account already existed
    bool invited = false;            // an existing account: enrolled once it accepts
};

nlohmann::json person_json(const PersonDraft& p);

PersonDraft person_of(const nlohmann::json& j);

inline constexpr int enrolment_link_days = 14;

// A new address gets an account at once; an existing account (the global Secretariat's
// too) is invited and becomes a member only when its owner accepts.
NewMember add_member(Exchange& ex, const store::Edition& e, const PersonDraft& p);

// The enrolment link: unknown, used and expired links are refused by name.
store::Enrolment valid_enrolment(Exchange& ex);

http::Response members_page(Exchange& ex, const store::Edition& e, const PersonDraft& draft,
                            const FieldErrors& errors, const nlohmann::json& created, int status);

}  // namespace convene::web
