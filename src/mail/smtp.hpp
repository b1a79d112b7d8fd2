#pragma once
// One message over SMTP with libcurl, and the RFC 5322 text of a plain UTF-8 message.
#include <chrono>
#include <string>

namespace convene::mail {

struct SmtpSettings {
    std::string url;  // smtp://host:port or smtps://host:port; empty: mail stays queued
    std::string from = "convene@localhost";
    std::string username, password;
    std::chrono::seconds timeout{20};
};

struct Message {
    std::string from, to, subject, body;
    std::string message_id;  // without angle brackets
    std::chrono::system_clock::time_point date;
};

// Headers and body with CRLF line ends; a subject outside ASCII is encoded (RFC 2047),
// and CR or LF in a header value never reach the wire.
std::string compose(const Message& message);

// Sends or throws std::runtime_error with the server's or libcurl's reason.
void send(const SmtpSettings& settings, const Message& message);

}  // namespace convene::mail
