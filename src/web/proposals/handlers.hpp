#pragma once
// The handlers of proposals: the proposers' form, revisions, co-organisers and speakers'
// confirmations: plain functions from the exchange to a response, registered in routes.cpp.
#include <string>

#include "core/common/field_error.hpp"
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response my_proposals(Exchange&);
// The Secretariat's list of the edition's proposals (page and API), filtered by the query.
http::Response proposal_list_page(Exchange&);
http::Response api_proposal_list(Exchange&);
http::Response proposal_new_form(Exchange&);
http::Response proposal_create(Exchange&);
http::Response proposal_show(Exchange&);
// The proposal's page; an invitation refused comes back in it with its address and errors.
http::Response proposal_page(Exchange&, const std::string& invite_email,
                             const FieldErrors& invite_errors, int status);
http::Response proposal_edit_form(Exchange&);
http::Response proposal_update(Exchange&);
http::Response proposal_revisions(Exchange&);
http::Response proposal_compare(Exchange&);
http::Response proposal_withdraw(Exchange&);
http::Response api_proposal_withdraw(Exchange&);
http::Response api_proposal_show(Exchange&);
http::Response api_proposal_create(Exchange&);
http::Response api_proposal_update(Exchange&);
http::Response api_proposal_revisions(Exchange&);
http::Response api_proposal_revision(Exchange&);
http::Response api_my_proposals(Exchange&);
http::Response co_organiser_invite(Exchange&);
http::Response api_co_organiser_invite(Exchange&);
http::Response co_organise_form(Exchange&);
http::Response co_organise_accept(Exchange&);
http::Response speaker_link_form(Exchange&);
http::Response speaker_link_answer(Exchange&);
http::Response api_speaker_link_show(Exchange&);
http::Response api_speaker_link_answer(Exchange&);

}  // namespace convene::web
