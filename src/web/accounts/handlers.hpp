#pragma once
// The handlers of accounts: registration, e-mail confirmation, signing in, the account page, the
// Secretariat's account list, each account's page (blocking and unblocking it) and the audit
// log: plain functions from the exchange to a response, registered in routes.cpp.
#include "http/message.hpp"

namespace convene::web {

class Exchange;

http::Response sign_in_form(Exchange&);
http::Response sign_in(Exchange&);
http::Response sign_out(Exchange&);
http::Response api_session(Exchange&);
http::Response api_sign_in(Exchange&);
http::Response api_sign_out(Exchange&);
http::Response account_show(Exchange&);
http::Response account_password(Exchange&);
http::Response account_token_create(Exchange&);
http::Response account_token_revoke(Exchange&);
http::Response api_password_change(Exchange&);
http::Response api_tokens_list(Exchange&);
http::Response api_token_create(Exchange&);
http::Response api_token_revoke(Exchange&);
http::Response register_form(Exchange&);
http::Response register_submit(Exchange&);
http::Response api_register(Exchange&);
http::Response verification_form(Exchange&);
http::Response verification_use(Exchange&);
http::Response api_verification_use(Exchange&);
http::Response password_reset_form(Exchange&);
http::Response password_reset_request(Exchange&);
http::Response password_choose_form(Exchange&);
http::Response password_choose(Exchange&);
http::Response api_password_reset_request(Exchange&);
http::Response api_password_reset_use(Exchange&);
http::Response account_list(Exchange&);
http::Response account_record(Exchange&);
http::Response account_block(Exchange&);
http::Response account_unblock(Exchange&);
http::Response audit_log(Exchange&);
http::Response api_account_list(Exchange&);
http::Response api_account_show(Exchange&);
http::Response api_account_block(Exchange&);
http::Response api_account_unblock(Exchange&);
http::Response api_audit_log(Exchange&);

}  // namespace convene::web
